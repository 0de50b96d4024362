"""The command line: ``python -m analysis <command>``.

Every analysis command takes a corpus folder (default: the study corpus) and prints readable
tables, or JSON records with ``--json``. Bad input gets one line on stderr naming the file and the
problem and exit status 2; where single reviews were skipped the rest is still printed, followed
by one line per skipped review, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2
EXIT_STUDY_FAILED = 1

# Each analysis command names the function that builds its Report from a Corpus.
ANALYSES = {
    "corpus": ("analysis.overview", "corpus_report", "what each review contains"),
    "vocab": ("analysis.vocabulary", "vocabulary_report", "vocabulary measures and distinctive words"),
    "aspects": ("analysis.praise", "praise_report", "what each critic praises or faults, with evidence"),
    "ratings": ("analysis.ratings", "ratings_report", "explicit and inferred ratings with their signals"),
}


def _parser() -> argparse.ArgumentParser:
    from analysis.paths import DEFAULT_FIGURES_DIR, study_corpus_dir

    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, _, help_text) in ANALYSES.items():
        command = commands.add_parser(name, help=help_text)
        command.add_argument("corpus", nargs="?", type=Path, default=study_corpus_dir(),
                             help="corpus folder (default: %(default)s)")
        command.add_argument("--json", action="store_true", help="print JSON records")
    sentences = commands.add_parser("sentences", help="label sentences, one per line")
    sentences.add_argument("file", nargs="?", type=Path, help="a text file (default: standard input)")
    sentences.add_argument("--json", action="store_true", help="print JSON records")
    run = commands.add_parser("run", help="execute every notebook and export every figure")
    run.add_argument("--corpus", type=Path, default=study_corpus_dir(), help="corpus folder (default: %(default)s)")
    run.add_argument("--output", type=Path, default=None,
                     help=f"output folder for executed notebooks and figures (default: in place, figures in {DEFAULT_FIGURES_DIR})")
    run.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default: %(default)s)")
    return parser


def _print_report(report, as_json: bool) -> None:
    import pandas as pd

    if as_json:
        print(json.dumps(report.records, indent=2, ensure_ascii=False))
        return
    with pd.option_context("display.width", 160, "display.max_columns", 30,
                           "display.max_colwidth", 60, "display.precision", 3):
        for title, table in report.tables.items():
            print(f"\n== {title} ==")
            print(table.to_string(index=False) if len(table) else "(none)")


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _run_analysis(name: str, args: argparse.Namespace) -> int:
    from analysis.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as problem:
        return _error(str(problem))
    module, function, _ = ANALYSES[name]
    report = getattr(importlib.import_module(module), function)(corpus)
    _print_report(report, args.json)
    for skipped in corpus.skipped:
        print(f"skipped {corpus.folder / skipped.file}: {skipped.reason}", file=sys.stderr)
    return EXIT_BAD_INPUT if corpus.skipped else 0


def _read_lines(path: Path | None) -> list[str] | None:
    if path is None:
        return sys.stdin.read().splitlines()
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        _error(f"{path}: file not found")
    except UnicodeDecodeError as problem:
        _error(f"{path}: not valid UTF-8 (byte at offset {problem.start})")
    except IsADirectoryError:
        _error(f"{path}: is a folder, not a text file")
    return None


def _run_sentences(args: argparse.Namespace) -> int:
    lines = _read_lines(args.file)
    if lines is None:
        return EXIT_BAD_INPUT
    from analysis.report import Report, plain_records
    from analysis.sentiment import label_sentences

    # Blank lines carry no sentence; they are skipped, and line numbers still refer to the input.
    numbered = [(number, line.strip()) for number, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        return _error(f"{args.file or 'standard input'}: no sentences (every line is blank)")
    labels = label_sentences([text for _, text in numbered])
    labels.insert(0, "line", [number for number, _ in numbered])
    _print_report(Report({"Sentence labels": labels}, plain_records(labels)), args.json)
    return 0


def _run_study(args: argparse.Namespace) -> int:
    from analysis.corpus import CorpusError, load_corpus
    from analysis.study import StudyError, run_study

    try:
        load_corpus(args.corpus)
        run_study(corpus_dir=args.corpus, output_dir=args.output, timeout=args.timeout)
    except CorpusError as problem:
        return _error(str(problem))
    except StudyError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_STUDY_FAILED
    return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "sentences":
        return _run_sentences(args)
    if args.command == "run":
        return _run_study(args)
    return _run_analysis(args.command, args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except BrokenPipeError:
        # The reader stopped early (`... | head`): not an error; keep Python from complaining
        # again when it flushes stdout at exit.
        sys.stdout = open(os.devnull, "w")
        return 0
