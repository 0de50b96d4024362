"""The explorer's logic on a tiny corpus: raw-text concordance, sorting, counts, paragraphs, reading."""

import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.passages import hit_counts, kwic_html, paragraph_html, raw_concordance, reader_html, sort_concordance, target_verdicts

REVIEWS = {
    "a.txt": "I love this film.\nThe director’s love of faces shows. A true love story.\n",
    "b.txt": "Nothing to LOVE here. Lovely score though.\n",
}


@pytest.fixture()
def tiny(tmp_path):
    for name, text in REVIEWS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load_corpus(tmp_path)


def test_raw_concordance_finds_whole_words_as_written_centred(tiny):
    lines = raw_concordance(tiny, "love", labels={"a": "Ann"})
    assert lines["critic"].tolist() == ["Ann", "Ann", "Ann", "b"]
    assert lines["keyword"].tolist() == ["love", "love", "love", "LOVE"]  # never "Lovely"
    second = lines.iloc[1]
    assert (second["left"], second["right"]) == ("The director’s ", " of faces shows. A true love story.")
    raw = tiny.reviews[0].raw
    assert raw[second["start"]: second["end"]] == "love"
    assert raw[second["paragraph_start"]: second["paragraph_end"]] == "The director’s love of faces shows. A true love story."


def test_match_case_and_phrases_and_apostrophes(tiny):
    assert raw_concordance(tiny, "LOVE", match_case=True)["review_id"].tolist() == ["b"]
    assert raw_concordance(tiny, "love  story")["keyword"].tolist() == ["love story"]
    # A straight apostrophe in the query finds the curly one in the text.
    assert raw_concordance(tiny, "director's")["keyword"].tolist() == ["director’s"]
    with pytest.raises(ValueError) as error:
        raw_concordance(tiny, " ")
    assert str(error.value) == "raw_concordance: word must be a non-empty string, got ' '"


def test_context_is_cut_at_the_width_and_marked(tiny):
    line = raw_concordance(tiny, "faces", width=10).iloc[0]
    assert line["left"] == "…s love of "
    assert line["right"] == " shows. A…"


def test_sorting_by_left_and_right_context(tiny):
    lines = raw_concordance(tiny, "love")
    # By the first word to the left (L1): director's, i, to, true.
    assert sort_concordance(lines, by="left")["left"].tolist() == [
        "The director’s ", "I ", "Nothing to ", "The director’s love of faces shows. A true "]
    assert sort_concordance(lines, by="right")["right"].tolist()[:2] == [" here. Lovely score though.", " of faces shows. A true love story."]
    with pytest.raises(ValueError, match="by must be one of 'text', 'left', 'right'; got 'middle'"):
        sort_concordance(lines, by="middle")


def test_hit_counts_list_every_review(tiny):
    counts = hit_counts(raw_concordance(tiny, "faces"), tiny)
    assert counts[["review_id", "hits"]].values.tolist() == [["a", 1], ["b", 0]]
    assert counts.loc[0, "per_1000_words"] == round(1000 / counts.loc[0, "body_words"], 2)


def test_paragraph_marks_the_hit_and_kwic_centres_it(tiny):
    lines = raw_concordance(tiny, "true", labels={"a": "Ann"})
    assert paragraph_html(tiny, lines.iloc[0]) == (
        "<p><b>Ann</b></p><p>The director’s love of faces shows. A <mark>true</mark> love story.</p>")
    table = kwic_html(lines)
    assert "<td style='text-align:right;white-space:nowrap'>The director’s love of faces shows. A </td>" in table
    assert "<td style='text-align:center'><b>true</b></td>" in table
    assert kwic_html(lines.iloc[0:0]) == "<p><i>No occurrence.</i></p>"


def test_target_verdicts_filter_by_label():
    table = pd.DataFrame({"review_id": ["r1", "r2"], "target": ["script", "script"], "verdict": ["criticism", "praise"],
                          "mentions": [2, 1]})
    evidence = pd.DataFrame({
        "review_id": ["r2", "r1", "r1"], "target": "script", "sentence_index": [0, 3, 1],
        "sentence": ["A sharp script.", "The script sags.", "The script is clumsy."], "scope": ["", "", ""],
        "matched_text": "script", "label": ["praise", "criticism", "criticism"], "label_source": "classifier",
        "rule": "cue_word", "praise_probability": [0.9, 0.2, 0.1],
    })
    rows = target_verdicts(table, evidence, "script", review_ids=["r1", "r2"])
    assert rows[["review_id", "sentence_index", "verdict"]].values.tolist() == [
        ["r1", 1, "criticism"], ["r1", 3, "criticism"], ["r2", 0, "praise"]]
    assert target_verdicts(table, evidence, "script", review_ids=["r1", "r2"], label="praise")["sentence"].tolist() == ["A sharp script."]
    with pytest.raises(ValueError, match=r"target 'music' is not mentioned in any review; mentioned: \['script'\]"):
        target_verdicts(table, evidence, "music", review_ids=["r1"])


def test_reader_shades_sentences_underlines_mentions_and_keeps_comments_apart(tiny):
    mentions = pd.DataFrame({"review_id": ["a"], "sentence_index": [1], "target": ["direction"], "start": [4], "end": [12]})
    explicit = pd.DataFrame(columns=["review_id", "segment", "text", "normalised"])
    page = reader_html(tiny, "a", mentions=mentions, explicit=explicit, labels={"a": "Ann"})
    assert page.startswith("<h3>Ann <small>(a.txt)</small></h3>")
    assert "<u title='direction'>director</u>’s love of faces shows." in page
    assert page.count("title='sentence ") == 3
    assert "<li>no explicit rating</li>" in page and "Reader comments" in page
    with pytest.raises(ValueError, match=r"review_id 'z' is not in the corpus; valid: \['a', 'b'\]"):
        reader_html(tiny, "z", mentions=mentions, explicit=explicit)
