"""A corpus from one table file: one review per row, several films, clean or web-copied text."""

import csv

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


def write_parquet(path, columns):
    import pyarrow as pa
    import pyarrow.parquet as parquet

    parquet.write_table(pa.table(columns), path)
    return path


def test_parquet_rows_are_reviews_and_only_the_review_columns_are_read(tmp_path):
    path = write_parquet(tmp_path / "reviews.parquet", {
        "review_id": ["a", None], "film": ["Up", "Up"], "rating": [4.5, None],
        "text": ["A fine film. Great cast.", "Dull, slow and long."], "embedding": [[0.1, 0.2], [0.3, 0.4]],
    })
    corpus = load_corpus(path, film="Up")
    assert [(r.id, r.file, r.body) for r in corpus.reviews] == [
        ("a", "reviews.parquet, row 1", "A fine film. Great cast."), ("2", "reviews.parquet, row 2", "Dull, slow and long."),
    ]
    assert corpus.film.title == "Up"


def test_a_parquet_table_is_read_as_the_same_csv_would_be(tmp_path, two_films):
    import pandas as pd

    table = pd.read_csv(two_films, dtype=str, keep_default_na=False)
    parquet_path = write_parquet(tmp_path / "reviews.parquet", {column: table[column].tolist() for column in table})
    from_csv, from_parquet = load_corpus(two_films), load_corpus(parquet_path)
    assert [(r.id, r.author, r.segments) for r in from_csv.reviews] == [(r.id, r.author, r.segments) for r in from_parquet.reviews]
    assert from_parquet.tokens.equals(from_csv.tokens)


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"body": ["One."], "stars": [3]}, "no 'text' column, one review per row (it has body, stars)"),
        ({"review_id": ["x", "x"], "text": ["One.", "Two."]}, "review id 'x' is used twice"),
        ({"text": [None, "  "]}, "no review could be read (reviews.parquet, row 1: empty review; reviews.parquet, row 2: empty review)"),
    ],
)
def test_a_bad_parquet_table_is_one_error_naming_the_file(tmp_path, columns, message):
    path = write_parquet(tmp_path / "reviews.parquet", columns)
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == f"{path}: {message}"


def test_a_file_that_is_not_parquet_is_one_error_naming_it(tmp_path):
    path = tmp_path / "reviews.parquet"
    path.write_bytes(b"PAR1 not really a parquet file")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value).startswith(f"{path}: not a readable table (")


def test_csv_bytes_that_are_not_utf8_are_one_error_naming_the_file_and_byte(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_bytes(b"text\nna\xefve\n")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == f"{path}: not valid UTF-8 (invalid continuation byte at byte 7)"


def test_a_missing_table_file_is_one_error_naming_it(tmp_path):
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path / "reviews.csv")
    assert str(error.value) == f"{tmp_path / 'reviews.csv'}: no such corpus folder or table file (.csv, .parquet)"


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_bytes("\ufefftext\nA fine film.\n".encode("utf-8"))
    assert load_corpus(path).reviews[0].body == "A fine film."


def test_rows_too_large_or_without_review_text_are_skipped_by_row(tmp_path):
    from analysis.reviews import MAX_REVIEW_BYTES

    path = write_csv(tmp_path / "reviews.csv", [
        {"text": "A fine film."}, {"text": "x " * (MAX_REVIEW_BYTES // 2 + 1)}, {"text": "Share this:\nTwitter\nFacebook\n"},
    ], columns=("text",))
    corpus = load_corpus(path)
    assert [r.id for r in corpus.reviews] == ["1"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [
        ("reviews.csv, row 2", "larger than any review (limit 10.0 MB)"),
        ("reviews.csv, row 3", "no review text: every line is header, comments or boilerplate"),
    ]


def test_the_command_line_names_a_bad_table_in_one_line(tmp_path, capsys):
    from analysis.cli import main

    path = tmp_path / "reviews.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["aspects", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"error: {path}: no 'text' column, one review per row (it has a, b)\n")


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


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("film", [None, "Up"])
@pytest.mark.parametrize("batch_rows", [1, 2, 5])
def test_texts_read_in_batches_are_those_of_the_whole_rows(tmp_path, two_films, suffix, film, batch_rows):
    import pandas as pd

    from analysis.table_files import read_review_rows, review_texts

    path = two_films
    if suffix == ".parquet":
        table = pd.read_csv(two_films, dtype=str, keep_default_na=False)
        path = write_parquet(tmp_path / "reviews.parquet", {column: table[column].tolist() for column in table})
    whole = read_review_rows(path, film=film)
    without_text = read_review_rows(path, film=film, with_text=False)
    assert without_text == [{key: value for key, value in row.items() if key != "text"} for row in whole]
    batches = list(review_texts(path, [row["row"] for row in without_text], batch_rows=batch_rows))
    assert all(len(batch) == batch_rows for batch in batches[:-1]) and 0 < len(batches[-1]) <= batch_rows
    assert [text for batch in batches for text in batch] == [row["text"] for row in whole]


def test_rows_without_text_of_a_csv_with_no_other_column_still_count_its_rows(tmp_path):
    from analysis.table_files import read_review_rows

    path = tmp_path / "reviews.csv"
    path.write_text("text\nOne.\nTwo.\n", encoding="utf-8")
    assert read_review_rows(path, with_text=False) == [{"row": 1, "review_id": "1"}, {"row": 2, "review_id": "2"}]
