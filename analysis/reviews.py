"""One review: its metadata and its text, read from a file or a table row, wherever it lies.

A review's text (:class:`ReviewText`: the raw text, its labelled segments and the body's
sentences and tokens) is made by the process that reads the review, a worker. Without a Dask
cluster it comes back with the review; on one it stays in the memory of the worker that read it
(:class:`ResidentText`), and work on the reviews goes there
(:meth:`analysis.corpus.Corpus.map_reviews`), with the functions of a partition of reviews here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from analysis.body_tables import BodySplit, split_body
from analysis.dask_cluster import ResidentPartitions
from analysis.manifest import megabytes
from analysis.segmentation import Comment, Segment, comments_from_segments, segment
from analysis.tables import Expected

# A limit that refuses a file before it costs memory or time: the longest published reviews are
# under 100 kB.
MAX_REVIEW_BYTES = 10 * 2**20
REVIEW_FIELDS = ("title", "author", "publication", "date", "provenance")


class _Unreadable(Exception):
    """A review file that gives no review; the message says why (kept as a SkippedReview)."""


class ReviewText(NamedTuple):
    """What a review's file holds: the raw text, its labelled segments and the body's sentences
    and tokens (:func:`split_body`), computed where the review is read."""

    raw: str
    segments: tuple[Segment, ...]
    body_split: BodySplit


@dataclass(frozen=True)
class ResidentText:
    """A review's text left on the Dask worker that read it: brought back, with the rest of its
    partition, only when something here reads it (:meth:`ResidentPartitions.fetch`)."""

    partitions: ResidentPartitions
    partition: int
    position: int

    def fetched(self) -> ReviewText:
        return self.partitions.fetch(self.partition, _texts_of_partition)[self.position]

    def __reduce__(self):
        # A review sent to another process takes its text along.
        return ReviewText, tuple(self.fetched())


@dataclass(frozen=True)
class Review:
    """One review: its metadata, and its raw text with the labelled segments of that text.

    On a Dask cluster the text stays on the worker that read the review (:class:`ResidentText`);
    reading ``raw``, ``segments`` or ``body_split`` here brings it back.
    """

    id: str
    file: str
    text: ReviewText | ResidentText | None = field(repr=False)
    title: str | None = None
    author: str | None = None
    publication: str | None = None
    date: str | None = None
    provenance: str | None = None
    # A table file's ``film`` cell; a folder's reviews are all of the corpus's film.
    film: str | None = None

    @property
    def raw(self) -> str:
        return self._text().raw

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self._text().segments

    @property
    def body_split(self) -> BodySplit:
        return self._text().body_split

    def _text(self) -> ReviewText:
        return self.text.fetched() if isinstance(self.text, ResidentText) else self.text

    def segments_labelled(self, label: str) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.label == label)

    @cached_property
    def body(self) -> str:
        """The review's own text: its body segments joined."""
        return "".join(s.text for s in self.segments_labelled("body"))

    @cached_property
    def comments(self) -> tuple[Comment, ...]:
        """Reader comments, in order; replies point at the comment they answer."""
        return tuple(comments_from_segments(list(self.segments)))


@dataclass(frozen=True)
class SkippedReview:
    """A file of the corpus folder that gives no review, and why."""

    file: str
    reason: str


REVIEW = Expected(Review, "a Review (from a Corpus's reviews)")


def review_body_split(review: Review) -> tuple[str, BodySplit]:
    """A review's id and body split, the input of :func:`body_tables` for any run of reviews."""
    return review.id, review.body_split


def each_of_partition(partition: list, function: Callable, item_of_review: Callable | None) -> list:
    """`function` of each review's item in a partition (of the review itself without `item_of_review`)."""
    reviews = [review for review in partition if isinstance(review, Review)]
    return [function(review if item_of_review is None else item_of_review(review)) for review in reviews]


def run_of_partition(partition: list, extra: list | None = None, *, function: Callable, item_of_review: Callable):
    """`function` on the items of a partition's reviews (with `extra`, one a review:
    ``item_of_review(review, extra)``)."""
    reviews = [review for review in partition if isinstance(review, Review)]
    if extra is None:
        return function([item_of_review(review) for review in reviews])
    return function([item_of_review(review, each) for review, each in zip(reviews, extra)])


def _texts_of_partition(partition: list) -> list[ReviewText | None]:
    """A partition's review texts as they come back to the client: without the tokens, which
    whoever builds a token table of a review makes again from its sentences."""
    return [
        ReviewText(item.raw, item.segments, (item.body_split[0], None)) if isinstance(item, Review) else None
        for item in partition
    ]


def without_texts(partition: list) -> list:
    """A partition's reviews without their texts, and its skipped files: what the client keeps."""
    return [replace(item, text=None) if isinstance(item, Review) else item for item in partition]


def load_entry(job: tuple[Path, Path, dict, Mapping[str, float], str | None]) -> Review | SkippedReview:
    """One manifest entry of the film titled as given read and segmented, or why it was skipped
    (run in worker processes)."""
    folder, resolved_folder, entry, scales, title = job
    path = folder / entry["file"]
    try:
        _check_inside(path, resolved_folder)
        return _read_review(path, entry, scales, title)
    except _Unreadable as problem:
        return SkippedReview(entry["file"], str(problem))


def _check_inside(path: Path, resolved_folder: Path) -> None:
    """Refuse a review file that is not inside the corpus folder (``..``, an absolute path, a link out)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(resolved_folder):
        raise _Unreadable(f"outside the corpus folder ({resolved}): only files inside it are read")


def _read_review(path: Path, entry: dict, scales: Mapping[str, float], title: str | None) -> Review:
    if not path.is_file():
        raise _Unreadable("file not found")
    try:
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise _Unreadable(f"{megabytes(size)} is larger than any review (limit {megabytes(MAX_REVIEW_BYTES)})")
        data = path.read_bytes()
    except OSError as problem:
        raise _Unreadable(f"cannot be read ({problem.strerror})") from None
    try:
        raw = data.decode("utf-8-sig")  # a byte-order mark is no text
    except UnicodeDecodeError as problem:
        raise _Unreadable(
            f"not valid UTF-8 (byte 0x{data[problem.start]:02x} at offset {problem.start})"
        ) from None
    if not raw.strip():
        raise _Unreadable("empty review")
    segments = tuple(segment(raw, rating_scales=scales))
    if not any(s.label == "body" and s.text.strip() for s in segments):
        raise _Unreadable("no review text: every line is header, comments or boilerplate")
    metadata = {name: (str(entry[name]) if entry.get(name) is not None else None) for name in REVIEW_FIELDS}
    text = ReviewText(raw, segments, split_body(segments, title=title))
    return Review(id=entry["id"], file=entry["file"], text=text, **metadata)


def review_from_row(job: tuple[str, dict, bool, str | None]) -> Review | SkippedReview:
    """One table row as a review of the film titled as given, or why it was skipped (run in
    worker processes)."""
    file_name, row, segment_text, title = job
    place = f"{file_name}, row {row['row']}"
    raw = row["text"]
    if not raw.strip():
        return SkippedReview(place, "empty review")
    if len(raw.encode("utf-8")) > MAX_REVIEW_BYTES:
        return SkippedReview(place, f"larger than any review (limit {megabytes(MAX_REVIEW_BYTES)})")
    segments = tuple(segment(raw)) if segment_text else (Segment("body", 0, len(raw), raw),)
    if not any(s.label == "body" and s.text.strip() for s in segments):
        return SkippedReview(place, "no review text: every line is header, comments or boilerplate")
    metadata = {name: row.get(name) for name in REVIEW_FIELDS if name != "provenance"}
    text = ReviewText(raw, segments, split_body(segments, title=title))
    return Review(id=row["review_id"], file=place, text=text, film=row.get("film"), **metadata)
