"""The command line: ``python -m analysis <command>``.

Every analysis command takes a corpus folder (default: the study corpus) and prints readable
tables, or JSON records with ``--json``. Bad input gets one line on stderr naming the file and the
problem and exit status 2; where single reviews were skipped the rest is still printed, followed
by one line per skipped review, and the exit status is 2. Sentence judgements are cached on disk
(:mod:`analysis.judgements`); ``--no-cache`` neither reads nor writes that cache.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import io
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TextIO

import orjson
import pandas as pd

from analysis.corpus import Corpus, CorpusError, load_corpus
from analysis.dask_cluster import ClusterError, close_client, scheduler_address
from analysis.parallel import kept_workers
from analysis.paths import DASK_ENV_VAR, DEFAULT_FIGURES_DIR, NO_CACHE_ENV_VAR, study_corpus_dir
from analysis.reports.aspects import praise_report
from analysis.reports.corpus import corpus_report
from analysis.reports.ratings import ratings_report
from analysis.reports.sentences import sentence_reports
from analysis.reports.vocabulary import vocabulary_report
from analysis.reviews import SkippedReview
from analysis.study import StudyError, run_study

EXIT_BAD_INPUT = 2
EXIT_STUDY_FAILED = 1
# The shell's convention for a process ended by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130

# Each analysis command: the function that builds its Report from a Corpus, and its help.
ANALYSES = {
    "corpus": (corpus_report, "what each review contains"),
    "vocab": (vocabulary_report, "vocabulary measures and distinctive words"),
    "aspects": (praise_report, "what each critic praises or faults, with evidence"),
    "ratings": (ratings_report, "explicit and inferred ratings with their signals"),
}
_NO_CACHE_HELP = "neither read nor write the on-disk cache of sentence judgements"
_DASK_HELP = ("run the per-review work and sentence judgements on a Dask cluster: 'local' starts one "
              "on this machine, else the scheduler's address (tcp://HOST:8786)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in ANALYSES.items():
        command = commands.add_parser(name, help=help_text)
        command.add_argument("corpus", nargs="?", type=Path, default=study_corpus_dir(),
                             help="corpus folder, or a .csv or .parquet file with a review per row (default: %(default)s)")
        command.add_argument("--film", default=None, help="a table file's reviews of this film only (its 'film' column)")
        command.add_argument("--no-segment", action="store_true",
                             help="take each row of a table file as the review's body as it is (text that is already clean)")
        command.add_argument("--json", action="store_true", help="print JSON records")
        command.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
        command.add_argument("--dask", metavar="SCHEDULER", help=_DASK_HELP)
    sentences = commands.add_parser("sentences", help="label sentences, one per line")
    sentences.add_argument("file", nargs="?", type=Path, help="a text file (default: standard input)")
    sentences.add_argument("--json", action="store_true", help="print JSON records")
    sentences.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    sentences.add_argument("--dask", metavar="SCHEDULER", help=_DASK_HELP)
    run = commands.add_parser("run", help="execute every notebook and export every figure")
    run.add_argument("--corpus", type=Path, default=study_corpus_dir(), help="corpus folder (default: %(default)s)")
    run.add_argument("--output", type=Path, default=None,
                     help=f"output folder for executed notebooks and figures (default: in place, figures in {DEFAULT_FIGURES_DIR})")
    run.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default: %(default)s)")
    run.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    run.add_argument("--dask", metavar="SCHEDULER", help=_DASK_HELP + "; the notebooks' kernels join the same cluster")
    return parser


def _print_tables(tables: dict, *, header: bool = True) -> None:
    with pd.option_context("display.width", 160, "display.max_columns", 30,
                           "display.max_colwidth", 60, "display.precision", 3):
        for title, table in tables.items():
            if header:
                print(f"\n== {title} ==")
            print(_printable_table(table).to_string(index=False, header=header) if len(table) else "(none)")


def _json(value: object) -> str:
    """`value` as indented JSON, by orjson: the standard library indents in pure Python, a tenth
    of a large command's time. Text orjson cannot write, a file name's bytes that are not UTF-8
    (held as lone surrogates), goes through the standard library instead, as \\u escapes."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")


def _print_json_records(batches: Iterable[list[dict]]) -> None:
    """Print records as one indented JSON list, batch by batch, exactly as :func:`_json` of the whole list."""
    separator = "[\n"
    for records in batches:
        for record in records:
            text = _json(record)
            sys.stdout.write(separator + "\n".join("  " + line for line in text.splitlines()))
            separator = ",\n"
    sys.stdout.write("[]\n" if separator == "[\n" else "\n]\n")


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _run_analysis(name: str, args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus(args.corpus, film=args.film, segment_text=not args.no_segment)
    except CorpusError as problem:
        return _error(str(problem))
    build, _ = ANALYSES[name]
    report = build(corpus)
    if args.json:
        print(_json(_json_document(report.records, corpus)))
    else:
        _print_tables(report.tables)
    return _report_unread(corpus.folder, corpus.unread, corpus.skipped)


def _json_document(records: list[dict], corpus: Corpus) -> dict:
    """The records, and every file of the corpus folder that was not read or was skipped, with why.

    The ``note`` and ``skipped`` lines on stderr say the same for a reader; here a program gets
    them without parsing text (file names are relative to the corpus folder).
    """
    return {
        "records": records,
        "notes": [{"file": unread.file, "reason": unread.reason} for unread in corpus.unread],
        "skipped": [{"file": skipped.file, "reason": skipped.reason} for skipped in corpus.skipped],
    }


def _report_unread(folder: Path, unread: Sequence[SkippedReview], skipped: Sequence[SkippedReview]) -> int:
    """One ``note`` line per file of the corpus `folder` not read and one ``skipped`` line per
    bad review; the exit status."""
    for file in unread:
        print(f"note {_printable(str(folder / file.file))}: {file.reason}", file=sys.stderr)
    for review in skipped:
        print(f"skipped {_printable(str(folder / review.file))}: {review.reason}", file=sys.stderr)
    return EXIT_BAD_INPUT if skipped else 0


def _printable_table(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with control characters in its text cells escaped: review text reaches a terminal."""
    printable = table.copy()
    for column in table.columns:
        if not pd.api.types.is_numeric_dtype(table[column]):
            printable[column] = table[column].map(lambda value: _printable(value) if isinstance(value, str) else value)
    return printable


def _printable(text: str) -> str:
    """`text` with control characters (and undecodable bytes) escaped, so a file name can neither
    break a line nor fake one."""
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)


def _check_file(path: Path) -> str | None:
    """Why `path` cannot be read as UTF-8 text, or None; read in chunks, so any size is fine."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as problem:
                    return f"not valid UTF-8 (byte at offset {offset + problem.start})"
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except FileNotFoundError:
        return "file not found"
    except IsADirectoryError:
        return "is a folder, not a text file"
    except UnicodeDecodeError:
        return "not valid UTF-8 (the file ends inside a character)"
    return None


def _lines(stream: Iterable[str]) -> Iterator[str]:
    # str.splitlines' line boundaries, as for a whole text, but read lazily.
    for physical_line in stream:
        yield from physical_line.splitlines() or [""]


def _run_sentences(args: argparse.Namespace) -> int:
    source = "standard input" if args.file is None else str(args.file)
    if args.file is not None and (problem := _check_file(args.file)):
        return _error(f"{args.file}: {problem}")
    stream = _standard_input() if args.file is None else args.file.open(encoding="utf-8-sig")
    try:
        reports = sentence_reports(_lines(stream))
        first = next(reports, None)
        if first is None:
            return _error(f"{source}: no sentences (every line is blank)")
        batches = chain([first], reports)
        if args.json:
            _print_json_records(report.records for report in batches)
        else:
            for position, report in enumerate(batches):
                _print_tables(report.tables, header=position == 0)
    except UnicodeDecodeError as problem:
        return _error(f"{source}: not valid UTF-8 ({problem.reason})")
    finally:
        if args.file is not None:
            stream.close()
    return 0


def _standard_input() -> TextIO:
    """Standard input decoded as strict UTF-8 whatever the locale: under the C locale Python
    would decode bad bytes to lone surrogates, which no model can read."""
    if not hasattr(sys.stdin, "buffer"):  # already text (a test's StringIO)
        return sys.stdin
    return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="strict")


def _output_problem(folder: Path) -> str | None:
    """Why `run` cannot write into `folder`, or None; creates the folder if it is new."""
    if folder.exists() and not folder.is_dir():
        return "exists and is not a folder"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-check"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as problem:
        return f"cannot be written to ({problem.strerror or problem})"
    return None


def _checked_corpus(path: Path | None) -> tuple[Path, tuple[SkippedReview, ...], tuple[SkippedReview, ...]]:
    """Load the corpus at `path` in a child process and return its folder and the files it did
    not read or skipped; a :class:`CorpusError` reaches the caller as if raised here.

    Every notebook of the study loads the corpus itself: loading it here as well would hold a
    second copy for the whole run (2.5 GB at 100,000 reviews; memory a process frees stays
    with it), so only what ``run`` reports at the end crosses back. On a Dask cluster the
    texts stay on the cluster, and a process with a client's threads must not fork: the corpus
    is loaded here.
    """
    if os.environ.get(DASK_ENV_VAR):
        corpus = load_corpus(path)
        return corpus.folder, corpus.unread, corpus.skipped
    receiving, sending = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_send_corpus_check, args=(path, sending))
    child.start()
    sending.close()
    try:
        outcome, value = receiving.recv()
    except EOFError:  # the child died before it could answer
        outcome, value = "died", None
    child.join()
    if outcome == "died":
        raise CorpusError(f"{path or study_corpus_dir()}: the corpus could not be read (exit status {child.exitcode})")
    if outcome == "error":
        raise CorpusError(value)
    return value


def _send_corpus_check(path: Path | None, sending) -> None:
    try:
        corpus = load_corpus(path)
        sending.send(("ok", (corpus.folder, corpus.unread, corpus.skipped)))
    except CorpusError as problem:
        sending.send(("error", str(problem)))
    except KeyboardInterrupt:
        pass  # ctrl-C reached the parent too, which says so in one line
    finally:
        sending.close()


def _run_study(args: argparse.Namespace) -> int:
    if args.output is not None and (problem := _output_problem(args.output)):
        return _error(f"{args.output}: {problem}")
    try:
        folder, unread, skipped = _checked_corpus(args.corpus)
        run_study(corpus_dir=args.corpus, output_dir=args.output, timeout=args.timeout)
    except CorpusError as problem:
        return _error(str(problem))
    except StudyError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_STUDY_FAILED
    return _report_unread(folder, unread, skipped)


def _dispatch(args: argparse.Namespace) -> int:
    if args.no_cache:
        # An environment variable, so that notebook kernels started by `run` inherit it.
        os.environ[NO_CACHE_ENV_VAR] = "1"
    if args.dask:
        os.environ[DASK_ENV_VAR] = args.dask
    if os.environ.get(DASK_ENV_VAR):
        try:
            # Kernels started by `run` join this cluster by its address rather than start their own.
            os.environ[DASK_ENV_VAR] = scheduler_address()
        except ClusterError as problem:
            return _error(str(problem))
    if args.command == "run":
        return _run_study(args)
    # One set of workers for the whole command: `sentences` judges its batches with models each
    # worker loads once; an analysis's later maps find the words, patterns and lexicons the
    # workers that read the reviews already have.
    with kept_workers():
        return _run_sentences(args) if args.command == "sentences" else _run_analysis(args.command, args)


# Container allocations between two young-generation collections while a command runs (Python's
# default is 700).
COMMAND_COLLECTION_THRESHOLD = 50_000


@contextmanager
def _few_collections() -> Iterator[None]:
    """Run the block with the cycle collector set for a batch of work, then restore it.

    A command keeps millions of long-lived objects (every review's words and tables), and with
    the default threshold the collector scans them again and again: at 1,400 reviews about 1 s
    of CPU over the three processes of ``vocab``. Freezing what is loaded so far (modules, compiled
    patterns), which forked workers inherit, and collecting the young generation only every
    :data:`COMMAND_COLLECTION_THRESHOLD` allocations cut that to about 0.3 s; memory does not grow.
    """
    threshold, frozen_by_caller = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(COMMAND_COLLECTION_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen_by_caller:  # Python cannot unfreeze only what this froze
            gc.unfreeze()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        with _few_collections():
            return _dispatch(args)
    except BrokenPipeError:
        # The reader stopped early (`... | head`): not an error; keep Python from complaining
        # again when it flushes stdout at exit.
        sys.stdout = open(os.devnull, "w")
        return 0
    except KeyboardInterrupt:
        print(f"interrupted: {args.command} stopped before it finished", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        close_client()
        if args.dask:
            del os.environ[DASK_ENV_VAR]
