from analysis.quality import quality_report, word_flags


def test_fused_word_is_flagged_with_a_split_suggestion():
    assert word_flags("a wonderfulperformance") == [
        ("fused_or_garbled", "wonderfulperformance", 2, "not an English word: wonderfulperformance (fused: wonderful + performance?)")]


def test_cut_word_without_vowel_is_flagged_but_ordinals_are_not():
    assert word_flags("some ng cinematography of the 21st century") == [
        ("cut_word", "ng", 5, "no vowel: a remnant of a cut word")]


def test_every_occurrence_is_located_in_text_order_and_only_as_a_whole_word():
    # "ng" also stands inside "hang", the one word "ng-ng" and "xng"; beside punctuation it is a word.
    text = "ng\tso ng. hang ng-ng xng ng\n(ng) ng"
    flags = word_flags(text)
    assert [(word, offset) for _, word, offset, _ in flags] == [
        ("ng", 0), ("ng", 6), ("xng", 21), ("ng", 25), ("ng", 29), ("ng", 33)]
    assert all(text[offset : offset + len(word)] == word for _, word, offset, _ in flags)


def test_names_and_real_words_are_not_flagged():
    assert word_flags("Twombly and Jonze deliver rebound-esque, relationship-centric fare") == []


def test_her_corpus_flags(her_corpus):
    report = quality_report(her_corpus)
    assert report[["review_id", "flag", "word"]].astype(object).where(report.notna(), None).values.tolist() == [
        ["000", "fused_or_garbled", "cinematograpaudiences\u2019sterful"],
        ["000", "cut_word", "ng"],
        ["003", "comment_count_mismatch", None],
    ]
    assert report.loc[2, "detail"] == "the page announces 3 comments; 1 survived collection"


def test_frequency_table_is_wordfreqs_own():
    from wordfreq import get_frequency_dict

    from analysis.quality import _frequency_buckets

    read = {word: 10 ** (-index / 100) for index, bucket in enumerate(_frequency_buckets()) for word in bucket}
    assert read == get_frequency_dict("en", "best")


def test_zipf_shortcut_agrees_with_wordfreq(her_corpus):
    import re

    from wordfreq import get_frequency_dict, zipf_frequency

    from analysis.quality import _zipf

    words = sorted({w for review in her_corpus.reviews for w in re.findall(r"[^\W\d_]+", review.raw.lower())})
    assert len(words) > 1000
    # and every 97th word of wordfreq's own list, common and rare alike, and words it lacks
    words += sorted(get_frequency_dict("en", "best"))[::97] + ["qzxvbnmerk", "overrated", "cinematograpaudiences"]
    assert [w for w in words if _zipf(w) != zipf_frequency(w, "en")] == []


def test_credited_names_are_never_flagged_as_garbled(tmp_path):
    from analysis.corpus import load_corpus
    from analysis.quality import quality_report

    (tmp_path / "a.txt").write_text("The acting of qwzxkorvath is stunning, and so is the plot.\n", encoding="utf-8")
    assert list(quality_report(load_corpus(tmp_path))["word"]) == ["qwzxkorvath"]
    (tmp_path / "manifest.yaml").write_text(
        "film:\n  title: X\n  cast:\n    - {actor: Anna Qwzxkorvath, character: Bo}\nreviews:\n  - {file: a.txt}\n",
        encoding="utf-8",
    )
    assert quality_report(load_corpus(tmp_path)).empty

