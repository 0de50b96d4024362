"""A corpus from one table file: one review per row, several films, clean or web-copied text."""

import csv
import sys

import pytest

from analysis.corpus import CorpusError, load_corpus

WEB_COPY = "Salt Meridian (2023)\nThe sea is the star. The widow is cold.\n\n2 comments\n"


def write_csv(path, rows, columns=("review_id", "film", "label", "author", "text")):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def two_films(tmp_path):
    return write_csv(tmp_path / "reviews.csv", [
        {"review_id": "r1", "film": "Up", "label": "pos", "author": "Ann", "text": "A fine film. Great cast."},
        {"review_id": "r2", "film": "Her", "label": "neg", "author": "", "text": "Dull, slow and long."},
        {"review_id": "", "film": "Up", "label": "", "author": "", "text": WEB_COPY},
        {"review_id": "r4", "film": "Up", "label": "", "author": "", "text": "   "},
    ])


def test_each_row_is_a_review_with_its_metadata(two_films):
    corpus = load_corpus(two_films)
    assert [(r.id, r.author, r.file) for r in corpus.reviews] == [
        ("r1", "Ann", "reviews.csv, row 1"), ("r2", None, "reviews.csv, row 2"), ("3", None, "reviews.csv, row 3"),
    ]
    assert [(s.file, s.reason) for s in corpus.skipped] == [("reviews.csv, row 4", "empty review")]
    assert corpus.film.title is None  # two films in one file
    assert corpus.folder == two_films.parent


def test_a_film_is_chosen_and_is_the_corpus_title(two_films):
    corpus = load_corpus(two_films, film="Up")
    assert ([r.id for r in corpus.reviews], corpus.film.title) == (["r1", "3"], "Up")


def test_web_copies_are_segmented_and_clean_text_is_not(two_films):
    segmented = load_corpus(two_films, film="Up").reviews[1]
    clean = load_corpus(two_films, film="Up", segment_text=False).reviews[1]
    assert [s.label for s in clean.segments] == ["body"] and clean.body == WEB_COPY
    assert segmented.segments[0].label == "header" and "Salt Meridian (2023)" not in segmented.body


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a,b\n1,2\n", "no 'text' column, one review per row (it has a, b)"),
        ('text\n"unclosed\n', "not a readable table (Error tokenizing data. C error: EOF inside string starting at row 1)"),
        ("", "not a readable table (No columns to parse from file)"),
        ("review_id,text\nx,One.\nx,Two.\n", "review id 'x' is used twice"),
        ("text\n  \n", "no review could be read (no rows)"),
        ('text\n"  "\n', "no review could be read (reviews.csv, row 1: empty review)"),
    ],
)
def test_a_bad_table_is_one_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "reviews.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == f"{path}: {message}"


def test_film_choice_needs_a_film_column_and_a_table(tmp_path, two_films):
    path = write_csv(tmp_path / "plain.csv", [{"text": "Fine."}], columns=("text",))
    with pytest.raises(CorpusError, match="no 'film' column to choose the film 'Up' from"):
        load_corpus(path, film="Up")
    with pytest.raises(CorpusError, match="no review of the film 'Jaws'"):
        load_corpus(two_films, film="Jaws")
    with pytest.raises(CorpusError, match="choosing a film and unsegmented text apply to a table file"):
        load_corpus(tmp_path, film="Up")


def test_parquet_without_pyarrow_says_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "reviews.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == f"{path}: reading Parquet needs the pyarrow package (pip install pyarrow)"


def test_the_command_line_reads_a_table_of_one_film(two_films, capsys):
    import json

    from analysis.cli import main

    assert main(["vocab", str(two_films), "--film", "Up", "--json"]) == 2  # row 4 is skipped
    document = json.loads(capsys.readouterr().out)
    assert [r["review_id"] for r in document["records"]] == ["r1", "3"]
    assert document["skipped"] == [{"file": "reviews.csv, row 4", "reason": "empty review"}]


def test_a_row_without_an_id_never_takes_another_rows_id(tmp_path):
    # Row 2 has no id and its number, 2, is row 1's id; row 3's number is free.
    table = write_csv(tmp_path / "reviews.csv", [
        {"review_id": "2", "text": "A fine film."},
        {"review_id": "", "text": "A dull film."},
        {"review_id": "", "text": "A long film."},
        {"review_id": "2-2", "text": "A short film."},
    ], columns=("review_id", "text"))
    corpus = load_corpus(table)
    assert [(r.id, r.file) for r in corpus.reviews] == [
        ("2", "reviews.csv, row 1"), ("2-3", "reviews.csv, row 2"), ("3", "reviews.csv, row 3"), ("2-2", "reviews.csv, row 4"),
    ]
