"""Tables for the write-up: CSV and LaTeX files, their index, and how a notebook shows them."""

import json

import pandas as pd
import pytest

from analysis.export import DISPLAY_COLUMNS, TableExporter, readable, to_latex, with_critics, write_table_index

EVIDENCE = pd.DataFrame(
    {
        "review_id": ["000", "001"],
        "praise_probability": [0.91234, 0.1],
        "sentence": ["A captivating performance, nuanced and empathetic, from start to finish.",
                     "The pacing can feel slow at times.\nStill worth it."],
    }
)


def test_readable_shows_long_text_whole_left_aligned_with_line_breaks():
    html = readable(EVIDENCE, uuid="evidence").to_html()
    assert "A captivating performance, nuanced and empathetic, from start to finish." in html
    assert "white-space: pre-wrap" in html and "text-align: left" in html
    assert "0.912" in html and "0.91234" not in html
    assert "#T_evidence" in html  # a fixed id: the same HTML on every run


def test_readable_text_is_the_same_on_every_run():
    assert repr(readable(EVIDENCE)) == "2 rows x 3 columns: review_id, praise_probability, sentence"


def test_readable_says_how_many_rows_it_leaves_out():
    html = readable(pd.DataFrame({"n": range(5)}), max_rows=2).to_html()
    assert "First 2 of 5 rows; the CSV file has every row." in html


def test_readable_shows_the_first_columns_of_a_wide_table():
    wide = pd.DataFrame([range(6)], columns=[f"count_r{i}" for i in range(6)])
    shown = readable(wide, max_columns=4)
    assert "count_r3" in shown.to_html() and "count_r4" not in shown.to_html()
    assert "First 4 of 6 columns; the CSV file has every column." in shown.to_html()
    both = readable(pd.concat([wide] * 3, ignore_index=True), max_rows=2, max_columns=4).to_html()
    assert "First 2 of 3 rows and 4 of 6 columns; the CSV file has them all." in both


def test_readable_text_names_at_most_the_shown_columns():
    many = pd.DataFrame([range(DISPLAY_COLUMNS + 3)], columns=[f"c{i}" for i in range(DISPLAY_COLUMNS + 3)])
    text = repr(readable(many))
    assert text.endswith(f"c{DISPLAY_COLUMNS - 1} and 3 more") and f"c{DISPLAY_COLUMNS}," not in text


def test_with_critics_puts_the_name_after_the_id():
    named = with_critics(EVIDENCE, {"000": "Ann Lee"})
    assert list(named.columns[:2]) == ["review_id", "critic"]
    assert named["critic"].tolist() == ["Ann Lee", "001"]


def test_exporter_writes_csv_latex_and_caption(tmp_path):
    export_table = TableExporter("03-praise", folder=tmp_path)
    shown = export_table(EVIDENCE, "criticism-evidence", caption="Every 100% criticism sentence.", latex=True)
    assert pd.read_csv(tmp_path / "criticism-evidence.csv", dtype={"review_id": str}).equals(EVIDENCE)
    latex = (tmp_path / "criticism-evidence.tex").read_text(encoding="utf-8")
    assert "\\toprule" in latex and "\\bottomrule" in latex
    assert "\\caption{Every 100\\% criticism sentence.}" in latex
    assert "slow at times. Still worth it." in latex  # one line in LaTeX
    assert "p{0.45\\linewidth}" in latex
    assert json.loads((tmp_path / "captions.json").read_text()) == {
        "criticism-evidence": {"caption": "Every 100% criticism sentence.", "notebook": "03-praise"}}
    assert "#T_criticism_evidence" in shown.to_html()
    index = write_table_index(tmp_path).read_text(encoding="utf-8")
    assert ("| criticism-evidence ([csv](criticism-evidence.csv), [tex](criticism-evidence.tex)) | "
            "Every 100% criticism sentence. | `03-praise` |") in index


def test_latex_of_a_long_table_holds_the_rows_a_notebook_shows_and_says_so(tmp_path):
    from analysis.export import DISPLAY_ROWS

    long = pd.DataFrame({"term": [f"word{i}" for i in range(DISPLAY_ROWS + 5)], "g2": range(DISPLAY_ROWS + 5)})
    TableExporter("02", folder=tmp_path)(long, "distinctive", caption="Distinctive words.", latex=True)
    latex = (tmp_path / "distinctive.tex").read_text(encoding="utf-8")
    assert f"word{DISPLAY_ROWS - 1} " in latex and f"word{DISPLAY_ROWS} " not in latex
    assert f"\\caption{{Distinctive words. First {DISPLAY_ROWS} of {DISPLAY_ROWS + 5} rows; the CSV file has every row.}}" in latex
    assert len(pd.read_csv(tmp_path / "distinctive.csv")) == DISPLAY_ROWS + 5


def test_exporter_keeps_a_pivot_index_and_takes_a_series(tmp_path):
    export_table = TableExporter("02", folder=tmp_path)
    export_table(pd.Series([3, 1], index=pd.Index([1, 2], name="reviews"), name="words"), "spread", caption="c")
    assert (tmp_path / "spread.csv").read_text(encoding="utf-8") == "reviews,words\n1,3\n2,1\n"
    assert not (tmp_path / "spread.tex").exists()


def test_exporter_refuses_a_name_that_is_not_a_file_stem(tmp_path):
    with pytest.raises(ValueError, match="table name 'Praise table' must be lower-case words joined by hyphens"):
        TableExporter("03", folder=tmp_path)(EVIDENCE, "Praise table", caption="c")


def test_latex_escapes_special_characters():
    latex = to_latex(pd.DataFrame({"term": ["R&D_1"], "g2": [3.14159]}), caption="c", label="x", decimals=2)
    assert "R\\&D\\_1" in latex and "3.14" in latex


def test_a_table_at_collection_scale_is_also_written_as_parquet(tmp_path):
    from analysis.export import PARQUET_ROWS

    export = TableExporter("02-vocabulary", folder=tmp_path)
    large = pd.DataFrame({"review_id": [f"r{i % 7}" for i in range(PARQUET_ROWS)], "count": range(PARQUET_ROWS),
                          "share": [i / PARQUET_ROWS for i in range(PARQUET_ROWS)]})
    export(large, "term-counts", caption="Counts.")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "term-counts.parquet"), large, check_dtype=False)
    assert pd.read_parquet(tmp_path / "term-counts.parquet")["count"].dtype == "int64"
    export(large.head(3), "term-counts", caption="Counts.")  # the corpus shrank: no stale Parquet file
    assert not (tmp_path / "term-counts.parquet").exists()
    assert "| term-counts ([csv](term-counts.csv)) |" in write_table_index(tmp_path).read_text(encoding="utf-8")


def test_a_column_of_mixed_values_is_written_to_parquet_as_text(tmp_path):
    from analysis.export import PARQUET_ROWS

    mixed = pd.DataFrame({"value": ["4/5", 3, None] * PARQUET_ROWS, "n": range(3 * PARQUET_ROWS)})
    TableExporter("04-ratings", folder=tmp_path)(mixed, "ratings-found", caption="Ratings.")
    values = pd.read_parquet(tmp_path / "ratings-found.parquet")["value"]
    assert values[:2].tolist() == ["4/5", "3"] and values.isna()[:3].tolist() == [False, False, True]
