"""How well are web copies of reviews segmented, and their explicit ratings read?

Usage: python scripts/evaluate_web_copies.py [--folder DIR] [--per-page] [--skip-seed-tests]
                                             [--time-segmentation DIR]

Reads the labelled development set (default ``tests/data/web-copies/``: one ``.txt`` page and one
``.yaml`` label file per page, format in its README) and prints:

* line-label accuracy over every non-blank line (blank lines carry no label), overall and per
  layout: the label of a line is the label of the segment holding it (``analysis.segmentation``);
* the share of pages whose reader comments (``Review.comments``) are exactly as many as labelled,
  and the share of labelled comment authors found;
* the explicit rating per review through the public API (``load_corpus`` on the folder, then
  ``analysis.ratings.explicit_rating_table`` and ``overall_explicit_ratings``): exact value and
  scale on the pages that have one, and ratings invented on the pages that have none;
* whether the five seed reviews still segment as before (the seeds' segmentation tests, run with
  pytest).

With ``--time-segmentation DIR`` it also prints the CPU time ``segment`` takes on every ``.txt``
file under DIR (median of 3 passes), e.g. the 1,400 polarity development reviews.

Nothing is fitted: segmentation is hand-written rules, so the figures are the rules' accuracy on
the pages they were written against, not held-out estimates (a leave-one-layout-out split would
be the same numbers).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis.corpus import load_corpus
from analysis.paths import PROJECT_ROOT
from analysis.ratings import explicit_rating_table, overall_explicit_ratings
from analysis.segmentation import comments_from_segments, segment

DEFAULT_FOLDER = PROJECT_ROOT / "tests" / "data" / "web-copies"
SEED_TESTS = [
    "tests/test_segmentation.py",
    "tests/test_corpus.py::test_segmentation_is_lossless_for_every_file",
    "tests/test_corpus.py::test_segment_labels_of_each_review",
    "tests/test_corpus.py::test_reader_comments_keep_authors_and_replies",
    "tests/test_corpus.py::test_no_comment_or_widget_word_reaches_the_bodies",
    "tests/test_corpus.py::test_sentence_offsets_point_into_the_raw_file",
]


@dataclass(frozen=True)
class LabelledPage:
    """One page of the development set: its raw text and its labels."""

    page_id: str
    layout: str
    raw: str
    line_labels: tuple[str | None, ...]  # None for a blank line
    comment_authors: tuple[str | None, ...]
    rating: tuple[float, float] | None


def _expand(lines: str) -> range:
    first, _, last = str(lines).partition("-")
    return range(int(first), int(last or first) + 1)


def read_page(text_path: Path) -> LabelledPage:
    """Read one page and its label file; a malformed label file is one error naming it."""
    raw = text_path.read_bytes().decode("utf-8-sig")
    label_path = text_path.with_suffix(".yaml")
    labels = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    raw_lines = raw.splitlines()
    line_labels: list[str | None] = [None] * len(raw_lines)
    authors = []
    for run in labels["lines"]:
        for number in _expand(run["lines"]):
            if raw_lines[number - 1].strip():
                line_labels[number - 1] = run["label"]
        if run["label"] == "comment":
            authors.append(run.get("author"))
    unlabelled = [i + 1 for i, line in enumerate(raw_lines) if line.strip() and line_labels[i] is None]
    if unlabelled or len(authors) != labels["comments"]:
        raise ValueError(f"{label_path}: unlabelled lines {unlabelled} or a wrong 'comments' count")
    rating = labels["rating"]
    return LabelledPage(
        text_path.stem,
        labels["layout"],
        raw,
        tuple(line_labels),
        tuple(authors),
        None if rating is None else (float(rating["value"]), float(rating["scale"])),
    )


def read_pages(folder: Path) -> list[LabelledPage]:
    """Every labelled page of `folder`, in file-name order."""
    return [read_page(path) for path in sorted(folder.glob("*.txt"))]


def predicted_line_labels(raw: str) -> list[str | None]:
    """The label of the segment holding the first character of each line of `raw` that has text
    (a line whose trailing rating is a segment of its own is labelled by its text)."""
    segments = segment(raw)
    labels: list[str | None] = []
    offset = 0
    for line in raw.splitlines(keepends=True):
        first = offset + len(line) - len(line.lstrip())
        labels.append(
            next((seg.label for seg in segments if seg.start <= first < seg.end), None) if line.strip() else None
        )
        offset += len(line)
    return labels


def page_scores(page: LabelledPage) -> dict:
    """Line-label hits, comment count and authors of one page (the rating needs the corpus)."""
    predicted = predicted_line_labels(page.raw)
    scored = [(truth, guess) for truth, guess in zip(page.line_labels, predicted) if truth is not None]
    comments = comments_from_segments(segment(page.raw))
    found_authors = Counter(comment.author for comment in comments if comment.author)
    true_authors = Counter(author for author in page.comment_authors if author)
    return {
        "page": page.page_id,
        "layout": page.layout,
        "lines": len(scored),
        "lines_right": sum(truth == guess for truth, guess in scored),
        "comments_true": len(page.comment_authors),
        "comments_found": len(comments),
        "authors_true": sum(true_authors.values()),
        "authors_found": sum((true_authors & found_authors).values()),
        # The critic's text: its lines, those read as something else, and other lines read as it.
        "body_lines": sum(truth == "body" for truth, _ in scored),
        "body_lost": sum(truth == "body" != guess for truth, guess in scored),
        "read_as_body": sum(guess == "body" != truth for truth, guess in scored),
        "comments_read_as_body": sum(truth == "comment" and guess == "body" for truth, guess in scored),
        "wrong_lines": [
            (number, truth, guess)
            for number, (truth, guess) in enumerate(zip(page.line_labels, predicted), start=1)
            if truth is not None and truth != guess
        ],
    }


def rating_scores(folder: Path, pages: list[LabelledPage]) -> pd.DataFrame:
    """Per page: the true explicit rating and the one the public API reads for the review."""
    corpus = load_corpus(folder)
    chosen = overall_explicit_ratings(explicit_rating_table(corpus)).set_index("review_id")
    rows = []
    for page in pages:
        found = chosen.loc[page.page_id] if page.page_id in chosen.index else None
        rows.append(
            {
                "page": page.page_id,
                "true": page.rating,
                "found": None if found is None else (float(found["value"]), float(found["scale"])),
                "found_text": None if found is None else found["text"],
                "skipped": page.page_id in {Path(s.file).stem for s in corpus.skipped},
            }
        )
    table = pd.DataFrame(rows)
    # Compared as Python objects: pandas would call two missing ratings unequal.
    table["exact"] = [true == found for true, found in zip(table["true"], table["found"])]
    return table


def segmentation_seconds(folder: Path, *, repeats: int = 3) -> tuple[int, float]:
    """How many files under `folder`, and the median CPU seconds to segment them all once."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            segment(text)
        timings.append(time.process_time() - start)
    return len(texts), statistics.median(timings)


def _seed_tests_pass() -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SEED_TESTS],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr.strip())
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--per-page", action="store_true", help="also list every wrong line")
    parser.add_argument("--skip-seed-tests", action="store_true")
    parser.add_argument("--time-segmentation", type=Path, metavar="DIR", help="time segment() on DIR/**/*.txt")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"--folder: no folder {args.folder}")
    pages = read_pages(args.folder)
    scores = pd.DataFrame([page_scores(page) for page in pages])
    layouts = scores.groupby("layout", sort=True)[["lines", "lines_right"]].sum()
    layouts["accuracy"] = layouts["lines_right"] / layouts["lines"]
    comment_exact = (scores["comments_true"] == scores["comments_found"]).mean()

    print(f"{len(pages)} pages, {scores['layout'].nunique()} layouts, {scores['lines'].sum()} labelled lines")
    print(f"line labels: {scores['lines_right'].sum() / scores['lines'].sum():.1%} accurate (target >= 97%)")
    print(f"comment count exact on {comment_exact:.1%} of pages (target >= 95%)")
    print(f"comment authors found: {scores['authors_found'].sum()} of {scores['authors_true'].sum()}")
    print(f"the critic's text: {scores['body_lines'].sum()} lines, {scores['body_lost'].sum()} of them lost; "
          f"{scores['read_as_body'].sum()} other lines read as it, {scores['comments_read_as_body'].sum()} of them "
          "reader comments'")

    ratings = rating_scores(args.folder, pages)
    has = ratings[ratings["true"].notna()]
    exact = has["exact"].mean()
    invented = ratings[ratings["true"].isna() & ratings["found"].notna()]
    print(f"explicit rating exact (value and scale) on {exact:.1%} of {len(has)} pages that have one (target >= 95%)")
    print(f"ratings invented on {len(invented)} of {len(ratings) - len(has)} pages without one (target 0)")
    print(f"pages skipped by the loader: {int(ratings['skipped'].sum())}")

    print("\nper layout:")
    print(layouts.to_string(formatters={"accuracy": "{:.1%}".format}))
    wrong_counts = scores[scores["comments_true"] != scores["comments_found"]]
    if len(wrong_counts):
        print("\ncomment count wrong:")
        print(wrong_counts[["page", "comments_true", "comments_found"]].to_string(index=False))
    wrong_ratings = ratings[~ratings["exact"]].drop(columns="exact")
    if len(wrong_ratings):
        print("\nrating wrong:")
        print(wrong_ratings.to_string(index=False))
    if args.per_page:
        print("\nwrong lines (line, true, found):")
        for row in scores.itertuples():
            if row.wrong_lines:
                print(row.page, row.wrong_lines)
    if args.time_segmentation:
        files, seconds = segmentation_seconds(args.time_segmentation)
        print(f"\nsegmentation of {files} files: {seconds:.2f} s CPU (median of 3)")
    if not args.skip_seed_tests:
        print("\nseed segmentation tests:", end=" ")
        _seed_tests_pass()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
