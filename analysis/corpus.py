"""Loading a corpus: a folder of raw review files plus an optional YAML manifest.

The manifest (``manifest.yaml``; format in ``corpus/README.md``) gives the film's facts and, per
review, its file and what the text says of its title, author, publication and date. A folder of
plain ``.txt`` files without a manifest loads too: every file is a review, metadata empty.

Raw files are never changed. Each is split into labelled segments
(:mod:`analysis.segmentation`); analyses read the body only. A review that cannot be read (a
missing file, bytes that are not UTF-8, an empty text or body) is skipped with the reason kept
in :attr:`Corpus.skipped`; a problem with the corpus as a whole (no folder, a malformed
manifest, no readable review) raises :class:`CorpusError`, whose message names the file.

Importing this module keeps pandas' text columns in Python string objects
(``mode.string_storage = "python"``), as pandas stores them when pyarrow is absent: with
pyarrow installed pandas would store them as Arrow strings, which made the token table and the
vocabulary measures about 50 % slower and 50 % larger here (the row-by-row work reads
single strings back out of the columns). The values, and every output, are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path

import pandas as pd

from analysis.body_tables import BodySplit, body_sentence_table, body_token_table, split_body
from analysis.dask_cluster import dask_client
from analysis.film import Film, film_from_manifest
from analysis.manifest import ManifestError, megabytes, read_manifest, review_entries
from analysis.paths import study_corpus_dir
from analysis.parallel import ordered_map
from analysis.segmentation import Comment, Segment, comments_from_segments, segment
from analysis.table_files import TableFileError, is_table_file, read_review_rows
from analysis.tables import Expected, check_instance, checks

MANIFEST_NAME = "manifest.yaml"
# A limit that refuses a file before it costs memory or time: the longest published reviews are
# under 100 kB.
MAX_REVIEW_BYTES = 10 * 2**20
_REVIEW_FIELDS = ("title", "author", "publication", "date", "provenance")

pd.set_option("mode.string_storage", "python")


class CorpusError(Exception):
    """A corpus that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Review:
    """One review: its metadata, its raw text and the labelled segments of that text."""

    id: str
    file: str
    raw: str
    segments: tuple[Segment, ...]
    # The body's sentences and tokens (:func:`split_body`), computed where the review is read.
    body_split: BodySplit = field(repr=False, compare=False)
    title: str | None = None
    author: str | None = None
    publication: str | None = None
    date: str | None = None
    provenance: str | None = None
    # A table file's ``film`` cell; a folder's reviews are all of the corpus's film.
    film: str | None = None

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


@dataclass(frozen=True)
class Corpus:
    """The reviews of one film; the sentence and token tables join their splits once, on first use."""

    folder: Path
    film: Film
    reviews: tuple[Review, ...]
    skipped: tuple[SkippedReview, ...] = ()
    manifest: Mapping = field(default_factory=dict)
    unread: tuple[SkippedReview, ...] = ()

    @property
    def rating_scales(self) -> dict[str, float]:
        return dict(self.manifest.get("rating_scales") or {})

    @property
    def review_ids(self) -> list[str]:
        return [review.id for review in self.reviews]

    # Built on first use, each on its own: rating a corpus reads its sentences, never its tokens.
    @cached_property
    def sentences(self) -> pd.DataFrame:
        """The body sentences of every review (see :func:`sentence_table`)."""
        return body_sentence_table(self.body_splits)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        """The body tokens of every review (see :func:`token_table`)."""
        return body_token_table(self.body_splits, title=self.film.title)

    @property
    def body_splits(self) -> list[tuple[str, BodySplit]]:
        """Each review's id and body split, the input of :func:`body_tables` for any run of reviews."""
        return [(review.id, review.body_split) for review in self.reviews]


# What a function given a corpus or a review expects (see analysis.tables.checks).
CORPUS = Expected(Corpus, "a Corpus (from load_corpus)")
REVIEW = Expected(Review, "a Review (from a Corpus's reviews)")


def once_per_corpus(function: Callable) -> Callable:
    """Compute a table of a corpus once: later calls with the same options reuse it.

    For analyses whose result depends only on the corpus and hashable options. The result is
    kept on the corpus object itself, so it lives exactly as long as the corpus; callers get a
    shallow copy of each table (pandas copy-on-write keeps the stored one intact); other values
    are shared and must not be changed.
    """

    @wraps(function)
    def computed(corpus: Corpus, *args, **options):
        check_instance(corpus, CORPUS, function=function.__name__, argument="corpus")
        store = corpus.__dict__.setdefault("_computed", {})
        key = (function.__module__, function.__qualname__, args, tuple(sorted(options.items())))
        if key not in store:
            store[key] = function(corpus, *args, **options)
        result = store[key]
        if isinstance(result, pd.DataFrame):
            return result.copy(deep=False)
        if isinstance(result, dict):
            return {name: table.copy(deep=False) for name, table in result.items()}
        return result

    return computed


def load_corpus(path: str | Path | None = None, *, film: str | None = None, segment_text: bool = True) -> Corpus:
    """Load the corpus at `path` (default: the study corpus, see :mod:`analysis.paths`).

    `path` is a folder of review files (with an optional ``manifest.yaml``), or one table file
    with a review per row (:mod:`analysis.table_files`: CSV, or Parquet with pyarrow). For a
    table, `film` keeps the rows of one film, and ``segment_text=False`` takes each text as the
    review's body as it is (for text that is already clean, such as a data set's).

    Raises
    ------
    CorpusError
        The folder or file does not exist, the manifest or table is malformed, or no review
        could be read.
    """
    path = Path(study_corpus_dir() if path is None else path)
    if path.is_file() and is_table_file(path):
        return _load_table_file(path, film=film, segment_text=segment_text)
    if film is not None or not segment_text:
        raise CorpusError(f"{path}: choosing a film and unsegmented text apply to a table file (.csv, .parquet) only")
    folder = path
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such corpus folder or table file (.csv, .parquet)")
    manifest, film_facts, entries = _folder_manifest(folder)
    scales = manifest.get("rating_scales") or {}
    resolved_folder = folder.resolve()
    keep_tokens = dask_client() is None
    jobs = [(folder, resolved_folder, entry, scales, film_facts.title, keep_tokens) for entry in entries]
    loaded = ordered_map(_load_entry, jobs, description="reading reviews")
    return _corpus(folder, folder, film_facts, loaded, manifest, _unread_files(folder, entries), nothing="no .txt files")


def corpus_film(path: str | Path | None = None) -> Film:
    """The film of the corpus at `path`, as :func:`load_corpus` gives it, without reading or
    segmenting any review of a folder (a table file's rows are read for their ``film`` cells).

    Raises
    ------
    CorpusError
        As :func:`load_corpus` for the folder, manifest or table file.
    """
    path = Path(study_corpus_dir() if path is None else path)
    if path.is_file() and is_table_file(path):
        return _table_film(_table_rows(path, film=None), film=None)
    if not path.is_dir():
        raise CorpusError(f"{path}: no such corpus folder or table file (.csv, .parquet)")
    return _folder_manifest(path)[1]


def _folder_manifest(folder: Path) -> tuple[dict, Film, list[dict]]:
    """The manifest of a corpus folder (empty without one), the film it describes and the
    review entries (each ``.txt`` file without a manifest)."""
    manifest_path = folder / MANIFEST_NAME
    try:
        manifest = read_manifest(manifest_path) if manifest_path.exists() else {}
    except ManifestError as problem:
        raise CorpusError(str(problem)) from None
    try:
        film = film_from_manifest(manifest)
    except ValueError as problem:
        raise CorpusError(f"{manifest_path}: {problem}") from None
    try:
        entries = review_entries(manifest, manifest_path) if manifest else _plain_entries(folder)
    except ManifestError as problem:
        raise CorpusError(str(problem)) from None
    return manifest, film, entries


def _corpus(source: Path, folder: Path, film: Film, loaded: list, manifest: Mapping, unread: tuple, *, nothing: str) -> Corpus:
    """The corpus of the reviews `loaded` from `source`, a folder or a table file in `folder`."""
    reviews = [item for item in loaded if isinstance(item, Review)]
    skipped = [item for item in loaded if isinstance(item, SkippedReview)]
    if not reviews:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in skipped) or nothing
        raise CorpusError(f"{source}: no review could be read ({reasons})")
    return Corpus(folder, film, tuple(reviews), tuple(skipped), manifest, unread)


def _load_table_file(path: Path, *, film: str | None, segment_text: bool) -> Corpus:
    rows = _table_rows(path, film=film)
    table_film = _table_film(rows, film=film)
    keep_tokens = dask_client() is None
    jobs = [(path.name, row, segment_text, table_film.title, keep_tokens) for row in rows]
    loaded = ordered_map(_review_from_row, jobs, description="reading reviews")
    return _corpus(path, path.parent, table_film, loaded, {}, (), nothing="no rows")


def _table_rows(path: Path, *, film: str | None) -> list[dict]:
    try:
        return read_review_rows(path, film=film)
    except TableFileError as problem:
        raise CorpusError(str(problem)) from None


def _table_film(rows: list[dict], *, film: str | None) -> Film:
    """A table's film: the one chosen, else the one film of every row, else an untitled one."""
    films = {row.get("film") for row in rows}
    title = film if film is not None else (films.pop() if len(films) == 1 else None)
    return film_from_manifest({"film": {"title": title}})


def _review_from_row(job: tuple[str, dict, bool, str | None, bool]) -> Review | SkippedReview:
    """One table row as a review of the film titled as given, or why it was skipped (run in
    worker processes; see :func:`split_body` for keeping the tokens)."""
    file_name, row, segment_text, title, keep_tokens = job
    place = f"{file_name}, row {row['row']}"
    raw = row["text"]
    if not raw.strip():
        return SkippedReview(place, "empty review")
    if len(raw.encode("utf-8")) > MAX_REVIEW_BYTES:
        return SkippedReview(place, f"larger than any review (limit {megabytes(MAX_REVIEW_BYTES)})")
    segments = tuple(segment(raw)) if segment_text else (Segment("body", 0, len(raw), raw),)
    if not any(s.label == "body" and s.text.strip() for s in segments):
        return SkippedReview(place, "no review text: every line is header, comments or boilerplate")
    metadata = {name: row.get(name) for name in _REVIEW_FIELDS if name != "provenance"}
    return Review(
        id=row["review_id"], file=place, raw=raw, segments=segments, film=row.get("film"),
        body_split=split_body(segments, title=title, keep_tokens=keep_tokens), **metadata,
    )


def _unread_files(folder: Path, entries: list[dict]) -> tuple[SkippedReview, ...]:
    """Every file or folder in `folder` not read as a review, with why, so nothing is lost unseen.

    The manifest and a README are the corpus's own documents and get none.
    """
    # A file named as an entry names is read; only other names are resolved (a link to a read
    # file, a manifest path through a subfolder), which spares a resolve per review.
    read_names = {entry["file"] for entry in entries}
    read = None
    notes = []
    for path in sorted(folder.iterdir()):
        if path.name in read_names or path.name == MANIFEST_NAME or path.name.upper().startswith("README"):
            continue
        if read is None:
            read = {(folder / entry["file"]).resolve() for entry in entries}
        if path.resolve() in read:
            continue
        if path.is_dir():
            reason = "a folder, not read (a corpus is one flat folder of .txt files)"
        elif path.suffix != ".txt":
            reason = "not a .txt file, not read"
        else:
            reason = f"not listed in {MANIFEST_NAME}, not read"
        notes.append(SkippedReview(path.name, reason))
    return tuple(notes)


def _plain_entries(folder: Path) -> list[dict]:
    return [{"file": p.name, "id": p.stem} for p in sorted(folder.glob("*.txt"))]


def _check_inside(path: Path, resolved_folder: Path) -> None:
    """Refuse a review file that is not inside the corpus folder (``..``, an absolute path, a link out)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(resolved_folder):
        raise CorpusError(f"outside the corpus folder ({resolved}): only files inside it are read")


def _load_entry(job: tuple[Path, Path, dict, Mapping[str, float], str | None, bool]) -> Review | SkippedReview:
    """One manifest entry of the film titled as given read and segmented, or why it was skipped
    (run in worker processes; see :func:`split_body` for keeping the tokens)."""
    folder, resolved_folder, entry, scales, title, keep_tokens = job
    path = folder / entry["file"]
    try:
        _check_inside(path, resolved_folder)
        return _read_review(path, entry, scales, title, keep_tokens)
    except CorpusError as problem:
        return SkippedReview(entry["file"], str(problem))


def _read_review(path: Path, entry: dict, scales: Mapping[str, float], title: str | None, keep_tokens: bool) -> Review:
    if not path.is_file():
        raise CorpusError("file not found")
    try:
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise CorpusError(f"{megabytes(size)} is larger than any review (limit {megabytes(MAX_REVIEW_BYTES)})")
        data = path.read_bytes()
    except OSError as problem:
        raise CorpusError(f"cannot be read ({problem.strerror})") from None
    try:
        raw = data.decode("utf-8-sig")  # a byte-order mark is no text
    except UnicodeDecodeError as problem:
        raise CorpusError(
            f"not valid UTF-8 (byte 0x{data[problem.start]:02x} at offset {problem.start})"
        ) from None
    if not raw.strip():
        raise CorpusError("empty review")
    segments = tuple(segment(raw, rating_scales=scales))
    if not any(s.label == "body" and s.text.strip() for s in segments):
        raise CorpusError("no review text: every line is header, comments or boilerplate")
    metadata = {name: (str(entry[name]) if entry.get(name) is not None else None) for name in _REVIEW_FIELDS}
    body_split = split_body(segments, title=title, keep_tokens=keep_tokens)
    return Review(id=entry["id"], file=entry["file"], raw=raw, segments=segments, body_split=body_split, **metadata)


@checks(corpus=CORPUS)
def sentence_table(corpus: Corpus) -> pd.DataFrame:
    """The body sentences of every review, split once per corpus.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``review_id``, ``sentence_index`` (0-based within the review),
        ``start`` and ``end`` (character offsets into the raw file), ``text`` (normalised).
    """
    return corpus.sentences.copy(deep=False)


@checks(corpus=CORPUS)
def token_table(corpus: Corpus) -> pd.DataFrame:
    """The body tokens of every review, one row per token, tokenized once per corpus.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``sentence_index``, ``token_index``, ``token`` (as written), ``term``
        (lower-cased; a mention of the film's title is the title), ``is_word``, ``is_content``.
    """
    return corpus.tokens.copy(deep=False)
