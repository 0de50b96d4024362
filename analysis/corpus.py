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

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial, wraps
from pathlib import Path
from typing import TypeVar

import pandas as pd

from analysis.body_tables import BodySplit, body_sentence_table, body_token_table
from analysis.dask_cluster import (
    ResidentPartitions, apply_each, cluster_partition_size, dask_client, resident_partitions, scattered_partitions,
)
from analysis.film import Film, film_from_manifest
from analysis.manifest import ManifestError, read_manifest, review_entries
from analysis.parallel import HeldRuns, map_runs, ordered_map
from analysis.paths import study_corpus_dir
from analysis.reviews import (
    ResidentText,
    Review,
    SkippedReview,
    each_of_partition,
    load_entry,
    review_body_split,
    review_from_row,
    run_of_partition,
    without_texts,
)
from analysis.table_files import TableFileError, is_table_file, read_review_rows, review_texts
from analysis.tables import Expected, check_instance, checks

MANIFEST_NAME = "manifest.yaml"

pd.set_option("mode.string_storage", "python")

Item = TypeVar("Item")
Result = TypeVar("Result")


class CorpusError(Exception):
    """A corpus that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class Corpus:
    """The reviews of one film; the sentence and token tables join their splits once, on first use.

    Loaded on a Dask cluster, the reviews' texts stay in its workers' memory (`resident`):
    :meth:`map_reviews` and :meth:`map_review_runs` take the work to them, and only what the
    work returns comes back.
    """

    folder: Path
    film: Film
    reviews: tuple[Review, ...]
    skipped: tuple[SkippedReview, ...] = ()
    manifest: Mapping = field(default_factory=dict)
    unread: tuple[SkippedReview, ...] = ()
    resident: ResidentPartitions | None = field(default=None, repr=False, compare=False)

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
        return [review_body_split(review) for review in self.reviews]

    def map_reviews(
        self, function: Callable[[Item], Result], item_of_review: Callable[[Review], Item] | None = None, *,
        description: str, light: bool = False,
    ) -> list[Result]:
        """``function(item_of_review(review))`` (without `item_of_review`, ``function(review)``)
        for every review, in corpus order: where the reviews' texts lie on a Dask cluster, or
        over this machine's worker processes (:func:`analysis.parallel.ordered_map`; in this
        process for `light` work, which would cost less than shipping its items). Both
        functions must be defined at module level."""
        if self.resident is not None:
            each = partial(each_of_partition, function=function, item_of_review=item_of_review)
            return [result for results in self.resident.map(each, description=description) for result in results]
        items = list(self.reviews) if item_of_review is None else [item_of_review(review) for review in self.reviews]
        return [function(item) for item in items] if light else ordered_map(function, items, description=description)

    def map_review_runs(
        self, function: Callable[[list[Item]], Result], item_of_review: Callable[..., Item], *,
        description: str, extras: Sequence | None = None,
    ) -> list[Result]:
        """``function`` on runs of consecutive reviews' items (:func:`analysis.parallel.map_runs`),
        one result per run, in order; on a Dask cluster a run is the reviews of one partition,
        processed where they lie. With `extras` (one per review, in corpus order) an item is
        ``item_of_review(review, extra)``. Both functions must be defined at module level."""
        if self.resident is None:
            return map_runs(function, self._items(item_of_review, extras), description=description)
        return self.resident.map(description=description, **self._partition_runs(function, item_of_review, extras))

    def review_runs(
        self, function: Callable[[list[Item]], Result], item_of_review: Callable[[Review], Item], *, description: str
    ) -> HeldRuns | ResidentPartitions:
        """The results of :meth:`map_review_runs` left where they were computed, for later work on
        each run: on a Dask cluster in its workers' memory, else here."""
        if self.resident is None:
            return HeldRuns(map_runs(function, self._items(item_of_review, None), description=description))
        return self.resident.keep(**self._partition_runs(function, item_of_review, None))

    def _items(self, item_of_review: Callable, extras: Sequence | None) -> list:
        if extras is None:
            return [item_of_review(review) for review in self.reviews]
        return [item_of_review(review, extra) for review, extra in zip(self.reviews, extras)]

    def _partition_runs(self, function: Callable, item_of_review: Callable, extras: Sequence | None) -> dict:
        """What :meth:`ResidentPartitions.keep` takes to run `function` on the items of each
        partition that holds a review, the reviews' `extras` cut by partition."""
        counts = Counter(review.text.partition for review in self.reviews)
        options = {
            "function": partial(run_of_partition, function=function, item_of_review=item_of_review),
            "positions": sorted(counts),
        }
        if extras is not None:
            cut, start = [], 0
            for position in range(len(self.resident)):
                cut.append(list(extras[start : start + counts[position]]))
                start += counts[position]
            options["extras"] = cut
        return options


# What a function given a corpus or a review expects (see analysis.tables.checks).
CORPUS = Expected(Corpus, "a Corpus (from load_corpus)")


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
            return {name: value.copy(deep=False) if isinstance(value, pd.DataFrame) else value for name, value in result.items()}
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
    jobs = [(folder, resolved_folder, entry, scales, film_facts.title) for entry in entries]
    loaded, resident = _loaded(load_entry, jobs)
    return _corpus(
        folder, folder, film_facts, loaded, manifest, _unread_files(folder, entries), resident, nothing="no .txt files"
    )


def _loaded(load: Callable, jobs: list) -> tuple[list, ResidentPartitions | None]:
    """`load` of each job, in order: on a Dask cluster each review's text stays on the worker
    that read it (the reviews here hold :class:`ResidentText`), else over this machine's
    worker processes."""
    resident = resident_partitions(partial(apply_each, function=load), jobs)
    if resident is None:
        return ordered_map(load, jobs, description="reading reviews"), None
    return _resident_reviews(resident), resident


def _resident_reviews(resident: ResidentPartitions) -> list:
    """The reviews and skipped files of `resident` partitions as the client keeps them: each
    review's text left where it lies (:class:`ResidentText`)."""
    return [
        replace(item, text=ResidentText(resident, partition, position)) if isinstance(item, Review) else item
        for partition, items in enumerate(resident.map(without_texts, description="reading reviews"))
        for position, item in enumerate(items)
    ]


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


def _corpus(
    source: Path, folder: Path, film: Film, loaded: list, manifest: Mapping, unread: tuple,
    resident: ResidentPartitions | None, *, nothing: str,
) -> Corpus:
    """The corpus of the reviews `loaded` from `source`, a folder or a table file in `folder`."""
    reviews = [item for item in loaded if isinstance(item, Review)]
    skipped = [item for item in loaded if isinstance(item, SkippedReview)]
    if not reviews:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in skipped) or nothing
        raise CorpusError(f"{source}: no review could be read ({reasons})")
    return Corpus(folder, film, tuple(reviews), tuple(skipped), manifest, unread, resident)


def _load_table_file(path: Path, *, film: str | None, segment_text: bool) -> Corpus:
    """The reviews of a table file; on a Dask cluster its texts are read a partition at a time
    and sent to the workers as they are read, so the client never holds them all."""
    on_cluster = dask_client() is not None
    rows = _table_rows(path, film=film, with_text=not on_cluster)
    table_film = _table_film(rows, film=film)
    jobs = [(path.name, row, segment_text, table_film.title) for row in rows]
    if not on_cluster:
        loaded, resident = _loaded(review_from_row, jobs)
    else:
        size = cluster_partition_size(len(jobs))
        texts = review_texts(path, [row["row"] for row in rows], batch_rows=size)
        resident = scattered_partitions(partial(apply_each, function=review_from_row), _with_texts(path, jobs, texts, size))
        loaded = _resident_reviews(resident)
    return _corpus(path, path.parent, table_film, loaded, {}, (), resident, nothing="no rows")


def _with_texts(path: Path, jobs: list[tuple], texts: Iterator[list[str]], size: int) -> Iterator[list[tuple]]:
    """Partitions of `size` jobs of a table file's rows, each row given its text as `texts`
    reads it, batch by batch; a problem reading them as a CorpusError."""
    try:
        for start, batch in zip(range(0, len(jobs), size), texts):
            yield [(name, {**row, "text": text}, segment, title) for (name, row, segment, title), text in zip(jobs[start:], batch)]
    except TableFileError as problem:
        raise CorpusError(str(problem)) from None


def _table_rows(path: Path, *, film: str | None, with_text: bool = True) -> list[dict]:
    try:
        return read_review_rows(path, film=film, with_text=with_text)
    except TableFileError as problem:
        raise CorpusError(str(problem)) from None


def _table_film(rows: list[dict], *, film: str | None) -> Film:
    """A table's film: the one chosen, else the one film of every row, else an untitled one."""
    films = {row.get("film") for row in rows}
    title = film if film is not None else (films.pop() if len(films) == 1 else None)
    return film_from_manifest({"film": {"title": title}})


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
def token_table(corpus: Corpus, *, reviews: Sequence[str] | None = None) -> pd.DataFrame:
    """The body tokens of every review, one row per token, tokenized once per corpus.

    With `reviews` (ids), only those reviews' rows, in corpus order, built for this call and
    not kept: the few reviews a chart shows of a corpus whose whole table would not fit in
    memory (for counts over every review, see :func:`analysis.vocabulary.corpus_term_counts`).

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``sentence_index``, ``token_index``, ``token`` (as written), ``term``
        (lower-cased; a mention of the film's title is the title), ``is_word``, ``is_content``.
    """
    if reviews is None:
        return corpus.tokens.copy(deep=False)
    chosen = set(reviews)
    return body_token_table([split for split in corpus.body_splits if split[0] in chosen], title=corpus.film.title)
