import pandas as pd
import pytest

from analysis.corpus import CorpusError, load_corpus, sentence_table, token_table

REVIEW_IDS = ["000", "001", "002", "003", "004"]
COMMENT_AND_WIDGET_WORDS = ["liebster", "liamdoesfilm", "rtimmorris", "wordpress", "jealous", "commenting"]


def test_her_corpus_loads_five_reviews_with_film_facts(her_corpus):
    assert [r.id for r in her_corpus.reviews] == REVIEW_IDS
    assert her_corpus.skipped == ()
    film = her_corpus.film
    assert (film.title, film.year, film.director, film.cinematographer) == ("Her", 2013, "Spike Jonze", "Hoyte van Hoytema")
    assert ("Joaquin Phoenix", "Theodore Twombly") in [(m.actor, m.character) for m in film.cast]
    assert film.other_people == ("Samantha Morton",)


@pytest.mark.parametrize("index", range(5))
def test_segmentation_is_lossless_for_every_file(her_corpus, index):
    review = her_corpus.reviews[index]
    assert "".join(s.text for s in review.segments) == review.raw
    assert review.raw == (her_corpus.folder / review.file).read_text(encoding="utf-8")


def test_segment_labels_of_each_review(her_corpus):
    labels = {r.id: [s.label for s in r.segments] for r in her_corpus.reviews}
    assert labels["000"] == ["body"]
    assert labels["001"] == ["body"]
    assert labels["002"] == ["header", "body", "comment", "comment"]
    assert labels["003"] == ["header", "body", "boilerplate", "comment"]
    assert labels["004"] == ["header", "body", "rating", "author_bio"] + ["comment"] * 8 + ["boilerplate"]


def test_reader_comments_keep_authors_and_replies(her_corpus):
    comments = her_corpus.reviews[4].comments
    assert len(comments) == 8
    assert [c.author for c in comments if c.author] == ["rtimmorris", "movie2backup"]
    assert comments[2].reply_to == "2" and comments[2].text.startswith("Yeah Annie")
    assert her_corpus.reviews[3].comments[0].author == "liamdoesfilm"
    assert len(her_corpus.reviews[2].comments) == 2


def test_no_comment_or_widget_word_reaches_the_bodies(her_corpus):
    terms = set(token_table(her_corpus)["term"])
    assert not terms & set(COMMENT_AND_WIDGET_WORDS)
    assert "4.5" not in terms and "clappers" not in terms


def test_sentence_offsets_point_into_the_raw_file(her_corpus):
    sentences = sentence_table(her_corpus)
    raw = {r.id: r.raw for r in her_corpus.reviews}
    assert sentences.groupby("review_id").size().to_dict() == {"000": 118, "001": 23, "002": 18, "003": 12, "004": 13}
    first = sentences.iloc[0]
    assert raw[first.review_id][first.start:first.end] == "In Spike Jonze\u2019s transcendent film \u201cHer,\u201d Joaquin Phoenix delivers a career-defining performance."


def test_title_mentions_are_counted_as_the_film(her_corpus):
    tokens = token_table(her_corpus)
    assert tokens[tokens.term == "Her"].groupby("review_id").size().to_dict() == {
        "000": 20, "001": 6, "002": 4, "003": 5, "004": 1}


def test_plain_folder_of_txt_files_loads_with_empty_metadata(tmp_path):
    (tmp_path / "b.txt").write_text("A second review. Dull script.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [r.id for r in corpus.reviews] == ["a", "b"]
    assert corpus.film.title is None and corpus.reviews[0].author is None


def test_missing_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nowhere: no such corpus folder"):
        load_corpus(tmp_path / "nowhere")


def test_malformed_manifest_names_the_file_and_line(tmp_path):
    (tmp_path / "manifest.yaml").write_text("film: [unclosed\nreviews: x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"manifest.yaml: malformed YAML at line \d"):
        load_corpus(tmp_path)


def test_bad_reviews_are_skipped_with_reasons_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society.".encode("latin-1"))
    (tmp_path / "manifest.yaml").write_text(
        "reviews:\n  - file: good.txt\n  - file: empty.txt\n  - file: latin1.txt\n  - file: gone.txt\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert [r.id for r in corpus.reviews] == ["good"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [
        ("empty.txt", "empty review"),
        ("latin1.txt", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("gone.txt", "file not found"),
    ]


def test_no_readable_review_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="no review could be read .*empty.txt: empty review"):
        load_corpus(tmp_path)


def test_a_corpus_table_is_computed_once_and_handed_out_as_copies(her_corpus):
    from analysis.corpus import once_per_corpus

    calls = []

    @once_per_corpus
    def lengths(corpus, *, scale=1):
        calls.append(scale)
        return pd.DataFrame({"review_id": corpus.review_ids, "length": [scale * len(r.body) for r in corpus.reviews]})

    first = lengths(her_corpus)
    first["length"] = 0  # the caller's copy; the stored table is untouched
    assert lengths(her_corpus)["length"].min() > 0
    lengths(her_corpus, scale=2)
    assert calls == [1, 2]


def test_sentences_and_tokens_are_split_once(her_corpus):
    assert her_corpus.sentences is her_corpus.sentences
    assert sentence_table(her_corpus).equals(her_corpus.sentences)
    assert token_table(her_corpus)["review_id"].tolist()[:1] == ["000"]


def test_rows_of_one_token_share_one_string(her_corpus):
    # A large corpus's token table is mostly its token strings: one object per distinct token.
    tokens = token_table(her_corpus)["token"]
    assert len({id(token) for token in tokens}) == tokens.nunique() < len(tokens)


def test_files_outside_the_corpus_folder_are_refused(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Not a review. Private words.\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "manifest.yaml").write_text(
        "film: {title: X}\nreviews:\n  - {file: good.txt}\n  - {file: ../secret.txt, id: up}\n"
        f"  - {{file: {tmp_path / 'secret.txt'}, id: absolute}}\n  - {{file: link.txt}}\n",
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    assert [review.id for review in corpus.reviews] == ["good"]
    outside = f"outside the corpus folder ({tmp_path / 'secret.txt'}): only files inside it are read"
    assert [(skipped.file, skipped.reason) for skipped in corpus.skipped] == [
        ("../secret.txt", outside), (str(tmp_path / "secret.txt"), outside), ("link.txt", outside),
    ]


def test_a_manifest_with_aliases_is_refused_before_it_can_expand(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "film:\n  title: &a X\n  other_people: [*a, *a]\nreviews:\n  - {file: a.txt}\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: malformed YAML: aliases (*a) are not allowed in a manifest, at line 3"


def test_a_byte_order_mark_is_not_text(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffHer is a fine film. Great cast.\n".encode("utf-8"))
    corpus = load_corpus(tmp_path)
    assert corpus.reviews[0].raw.startswith("Her is")
    assert corpus.sentences["text"].iloc[0] == "Her is a fine film."


def test_a_manifest_that_is_a_folder_is_one_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").mkdir()
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: a folder, not a manifest file"


def _unreadable(name, monkeypatch):
    """Make reading the file called `name` fail as a file without read permission does (the
    tests may run as root, who can read any file)."""
    from pathlib import Path

    for method in ("read_bytes", "read_text"):
        original = getattr(Path, method)

        def refused(path, *args, original=original, **kwargs):
            if path.name == name:
                raise PermissionError(13, "Permission denied", str(path))
            return original(path, *args, **kwargs)

        monkeypatch.setattr(Path, method, refused)


def test_an_unreadable_review_is_skipped_and_the_rest_load(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A dull film.\n", encoding="utf-8")
    _unreadable("b.txt", monkeypatch)
    corpus = load_corpus(tmp_path)
    assert [review.id for review in corpus.reviews] == ["a"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [("b.txt", "cannot be read (Permission denied)")]


def test_an_unreadable_manifest_is_one_clear_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("reviews:\n  - {file: a.txt}\n", encoding="utf-8")
    _unreadable("manifest.yaml", monkeypatch)
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    assert str(error.value) == f"{tmp_path / 'manifest.yaml'}: cannot be read (Permission denied)"


def test_the_film_of_a_corpus_is_read_without_its_reviews(her_corpus, tmp_path, monkeypatch):
    from analysis import corpus as corpus_module
    from analysis.corpus import corpus_film

    def no_review_read(*_):
        raise AssertionError("a review was read")

    monkeypatch.setattr(corpus_module, "load_entry", no_review_read)
    assert corpus_film(her_corpus.folder) == her_corpus.film
    (tmp_path / "a.txt").write_text("A plain review of some length, with a sentence.", encoding="utf-8")
    assert corpus_film(tmp_path).title is None
    table = tmp_path / "reviews.csv"
    pd.DataFrame({"text": ["Fine.", "Dull."], "film": ["Drive", "Drive"]}).to_csv(table, index=False)
    assert corpus_film(table).title == "Drive"
    with pytest.raises(CorpusError, match="no such corpus folder"):
        corpus_film(tmp_path / "missing")
