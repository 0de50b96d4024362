import gc
import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import analysis.cli as cli
from analysis.cli import main
from analysis.paths import NO_CACHE_ENV_VAR


def run_cli(*args, stdin=None):
    """Run the real command line in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, input=stdin, timeout=300)


def test_corpus_json_gives_each_review_with_body_comments_and_segments(capsys):
    assert main(["corpus", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["notes"], document["skipped"]) == ([], [])
    records = document["records"]
    assert [r["review_id"] for r in records] == ["000", "001", "002", "003", "004"]
    last = records[4]
    assert (last["author"], last["title"], last["sentences"]) == ("thomasjford", "HER (2014)", 13)
    assert last["comments"][5]["author"] == "rtimmorris"
    assert last["comments"][5]["text"].startswith("Cannot stress how much")
    assert [s["label"] for s in last["segments"]][:4] == ["header", "body", "rating", "author_bio"]
    assert "Leave a Reply" not in last["body"] and "4.5 clappers" not in last["body"]
    assert "".join(s["text"] for s in last["segments"]).startswith("HER (2014)")


def test_corpus_table_is_readable(capsys):
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    assert "== Reviews ==" in out and "== Data-quality flags ==" in out and "thomasjford" in out


def test_missing_folder_exits_2_with_one_line():
    result = run_cli("corpus", "/no/such/folder")
    assert result.returncode == 2
    assert result.stderr == "error: /no/such/folder: no such corpus folder or table file (.csv, .parquet)\n"
    assert "Traceback" not in result.stderr


def test_malformed_manifest_exits_2_naming_the_file(tmp_path):
    (tmp_path / "manifest.yaml").write_text("film: [oops\n", encoding="utf-8")
    result = run_cli("corpus", tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'manifest.yaml'}: malformed YAML at line ")
    assert len(result.stderr.splitlines()) == 1


def test_one_bad_review_is_skipped_the_others_printed_and_exit_is_2(tmp_path):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe broken")
    (tmp_path / "blank.txt").write_text("\n\n", encoding="utf-8")
    result = run_cli("corpus", tmp_path, "--json")
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert [r["review_id"] for r in document["records"]] == ["good"]
    assert document["skipped"] == [
        {"file": "bad.txt", "reason": "not valid UTF-8 (byte 0xff at offset 0)"},
        {"file": "blank.txt", "reason": "empty review"},
    ]
    assert result.stderr.splitlines() == [
        f"skipped {tmp_path / 'bad.txt'}: not valid UTF-8 (byte 0xff at offset 0)",
        f"skipped {tmp_path / 'blank.txt'}: empty review",
    ]


def test_manifest_naming_a_missing_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("reviews:\n  - file: a.txt\n  - file: lost.txt\n", encoding="utf-8")
    result = run_cli("corpus", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"skipped {tmp_path / 'lost.txt'}: file not found\n"


def test_sentences_missing_file_exits_2():
    result = run_cli("sentences", "/no/such/file.txt")
    assert (result.returncode, result.stderr) == (2, "error: /no/such/file.txt: file not found\n")


def test_unknown_command_exits_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_a_reader_that_stops_early_gets_no_traceback():
    result = subprocess.run(f"{sys.executable} -m analysis corpus --json | head -c 10", shell=True,
                            capture_output=True, text=True, timeout=300)
    assert result.stdout == "{\n  \"recor"
    assert "Traceback" not in result.stderr


def test_malformed_manifest_extension_is_one_error_line(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("film: {title: Her}\naspects: 5\nreviews:\n  - file: a.txt\n", encoding="utf-8")
    result = run_cli("aspects", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"error: {tmp_path / 'manifest.yaml'}: aspects: 5 is not a mapping of craft aspects "
                             "to a list of extra cue words, or to a mapping with 'cues' and 'replace'\n")


def test_sentences_stream_in_batches_yet_print_one_json_list(capsys, monkeypatch):
    from analysis.reports import sentences as sentence_report
    from analysis.sentiment import label_sentences

    monkeypatch.setenv(NO_CACHE_ENV_VAR, "")  # main() sets it; monkeypatch restores it afterwards
    monkeypatch.setattr(sentence_report.sentence_reports, "__kwdefaults__", {"batch": 2})
    lines = ["A stunning film.", "", "A dull script.", "Theodore buys an OS.", "Great cast, but a dull script."]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["sentences", "--json", "--no-cache"]) == 0
    out = capsys.readouterr().out
    expected = label_sentences([line for line in lines if line])
    expected.insert(0, "line", [1, 3, 4, 5])
    records = json.loads(out)
    # The encoder's int8 activations are scaled per batch: the same line judged beside other
    # lines may differ in the last digits (these lines keep their labels).
    wanted = json.loads(expected.to_json(orient="records", double_precision=6))
    assert records == [
        {key: pytest.approx(value, abs=0.05) if isinstance(value, float) else value for key, value in row.items()}
        for row in wanted
    ]
    assert out == json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def test_sentences_table_has_one_header_across_batches(capsys, monkeypatch):
    from analysis.reports import sentences as sentence_report

    monkeypatch.setattr(sentence_report.sentence_reports, "__kwdefaults__", {"batch": 1})
    monkeypatch.setattr("sys.stdin", io.StringIO("A stunning film.\nA dull script.\n"))
    assert main(["sentences"]) == 0
    out = capsys.readouterr().out
    assert out.count("== Sentence labels ==") == 1 and out.count("evaluative_probability") == 1
    assert "A stunning film." in out and "A dull script." in out


def test_sentences_bad_bytes_in_a_file_exit_2_naming_the_offset(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes(b"A fine film.\n\xff\n")
    result = run_cli("sentences", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {path}: not valid UTF-8 (byte at offset 13)\n"


def test_files_not_read_are_named_in_notes_and_names_are_printed_safely(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("to do\n", encoding="utf-8")
    (tmp_path / "older").mkdir()
    (tmp_path / "fake\nskipped x.TXT").write_text("A fine film.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("about this corpus\n", encoding="utf-8")
    assert main(["corpus", str(tmp_path), "--json"]) == 0
    printed = capsys.readouterr()
    assert printed.err.splitlines() == [
        f"note {tmp_path}/fake\\nskipped x.TXT: not a .txt file, not read",
        f"note {tmp_path}/notes.md: not a .txt file, not read",
        f"note {tmp_path}/older: a folder, not read (a corpus is one flat folder of .txt files)",
    ]
    assert json.loads(printed.out)["notes"] == [
        {"file": "fake\nskipped x.TXT", "reason": "not a .txt file, not read"},
        {"file": "notes.md", "reason": "not a .txt file, not read"},
        {"file": "older", "reason": "a folder, not read (a corpus is one flat folder of .txt files)"},
    ]


def test_a_text_file_the_manifest_does_not_list_is_noted(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("film: {title: X}\nreviews:\n  - {file: a.txt}\n", encoding="utf-8")
    assert main(["corpus", str(tmp_path)]) == 0
    assert capsys.readouterr().err == f"note {tmp_path / 'b.txt'}: not listed in manifest.yaml, not read\n"


def test_a_file_listed_twice_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "film: {title: X}\nreviews:\n  - {file: a.txt, id: one}\n  - {file: a.txt, id: two}\n", encoding="utf-8"
    )
    result = run_cli("corpus", tmp_path)
    assert (result.returncode, result.stderr) == (
        2, f"error: {tmp_path / 'manifest.yaml'}: file 'a.txt' is listed twice (review entry 2)\n"
    )


def test_control_characters_in_text_never_reach_the_terminal_raw(capsys, monkeypatch):
    monkeypatch.setenv(NO_CACHE_ENV_VAR, "")  # main() sets it; monkeypatch restores it afterwards
    monkeypatch.setattr("sys.stdin", io.StringIO("A fine \x1b[31mred\x1b[0m film.\x07 Great cast.\n"))
    assert main(["sentences", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "A fine \\x1b[31mred\\x1b[0m film.\\x07 Great cast." in out


def test_ctrl_c_is_one_line_and_exit_130():
    # SIGINT arrives while the corpus is being read: no traceback, one line, the shell's status.
    # Python's own handler is set as a terminal gives it: a shell's background job inherits SIGINT
    # ignored, and Python then installs none, so the signal would never arrive.
    process = subprocess.Popen(
        [sys.executable, "-c", "import signal, analysis.cli as cli;"
         "signal.signal(signal.SIGINT, signal.default_int_handler);"
         "cli.load_corpus = lambda *a, **k: signal.raise_signal(signal.SIGINT); raise SystemExit(cli.main(['corpus']))"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out, err = process.communicate(timeout=300)
    assert (process.returncode, out, err) == (130, "", "interrupted: corpus stopped before it finished\n")


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("taken", "exists and is not a folder"),
        ("taken/inside", "cannot be written to (Not a directory)"),
        ("/proc/criticism-output", "cannot be written to (No such file or directory)"),
    ],
)
def test_run_refuses_an_output_it_cannot_write_before_running_anything(tmp_path, output, problem):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    output = tmp_path / output
    result = run_cli("run", "--output", output)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {output}: {problem}\n")


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"A fine film.\n\xff\xfe\n", "invalid start byte"), ("Caf\xe9 society.\n".encode("latin-1"), "invalid continuation byte")],
)
def test_sentences_bad_bytes_on_standard_input_exit_2_with_one_line(data, problem):
    # Read as bytes: a text pipe would decode them by the locale, possibly to lone surrogates.
    result = subprocess.run([sys.executable, "-m", "analysis", "sentences", "--no-cache"], input=data,
                            capture_output=True, timeout=300)
    assert (result.returncode, result.stdout, result.stderr.decode()) == (
        2, b"", f"error: standard input: not valid UTF-8 ({problem})\n"
    )


def test_run_names_every_skipped_review_and_exits_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff broken")
    ran = []
    monkeypatch.setattr("analysis.cli.run_study", lambda **options: ran.append(options["corpus_dir"]))
    assert main(["run", "--corpus", str(tmp_path)]) == 2
    assert ran == [tmp_path]
    assert capsys.readouterr().err == f"skipped {tmp_path / 'bad.txt'}: not valid UTF-8 (byte 0xff at offset 0)\n"


def test_run_checks_the_corpus_in_a_child_process_and_holds_no_copy_of_it(tmp_path, monkeypatch, capsys):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff broken")
    loaded_in = tmp_path.parent / f"{tmp_path.name}-loaded-in"
    original = cli.load_corpus

    def recorded(path):
        loaded_in.write_text(str(os.getpid()))
        return original(path)

    monkeypatch.setattr("analysis.cli.load_corpus", recorded)
    folder, unread, skipped = cli._checked_corpus(tmp_path)
    assert int(loaded_in.read_text()) != os.getpid()
    assert (folder, unread) == (tmp_path, ())
    assert [(review.file, review.reason) for review in skipped] == [("bad.txt", "not valid UTF-8 (byte 0xff at offset 0)")]
    with pytest.raises(cli.CorpusError) as problem:
        cli._checked_corpus(tmp_path / "missing")
    assert str(problem.value) == f"{tmp_path / 'missing'}: no such corpus folder or table file (.csv, .parquet)"
    monkeypatch.setattr("analysis.cli.load_corpus", lambda path: os._exit(3))  # a child that dies unanswered
    with pytest.raises(cli.CorpusError) as problem:
        cli._checked_corpus(tmp_path)
    assert str(problem.value) == f"{tmp_path}: the corpus could not be read (exit status 3)"


def test_ctrl_c_during_run_is_one_line_and_exit_130(monkeypatch, capsys):
    def interrupted(**options):
        raise KeyboardInterrupt

    monkeypatch.setattr("analysis.cli.run_study", interrupted)
    assert main(["run"]) == 130
    assert capsys.readouterr() == ("", "interrupted: run stopped before it finished\n")


def test_file_names_that_are_not_utf8_stay_valid_json(tmp_path):
    (tmp_path / "good.txt").write_text("A fine film. Great cast.\n", encoding="utf-8")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("A dull film. Thin script.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "analysis", "corpus", str(tmp_path), "--json"],
                            capture_output=True, timeout=300)
    assert result.returncode == 0
    document = json.loads(result.stdout.decode("utf-8"))  # strict: any raw byte 0xe9 would fail here
    assert [(record["review_id"], record["file"]) for record in document["records"]] == [
        ("caf\udce9", "caf\udce9.txt"), ("good", "good.txt"),
    ]
    assert b'"caf\\udce9.txt"' in result.stdout


def test_run_refuses_a_read_only_output_folder(tmp_path, monkeypatch, capsys):
    # The tests may run as root, for whom no folder is read-only: the refusal is simulated.
    def refused(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("pathlib.Path.write_bytes", refused)
    assert main(["run", "--output", str(tmp_path)]) == 2
    assert capsys.readouterr() == ("", f"error: {tmp_path}: cannot be written to (Permission denied)\n")


def test_a_line_of_zero_width_spaces_carries_no_sentence(monkeypatch):
    from analysis.reports import sentences as sentence_report

    monkeypatch.setattr(sentence_report, "judge_sentences", lambda texts: pd.DataFrame({"text": texts}))
    reports = list(sentence_report.sentence_reports(["A fine film.", "\u200b\u200b", " \ufeff ", "The end."]))
    assert [(record["line"], record["text"]) for record in reports[0].records] == [(1, "A fine film."), (4, "The end.")]


def test_a_command_collects_cycles_rarely_and_leaves_the_collector_as_it_found_it(monkeypatch, capsys):
    during = []
    real_dispatch = cli._dispatch
    monkeypatch.setattr(cli, "_dispatch", lambda args: during.append(gc.get_threshold()) or real_dispatch(args))
    before = gc.get_threshold()
    assert main(["corpus", "--json"]) == 0
    assert during[0][0] == cli.COMMAND_COLLECTION_THRESHOLD > before[0]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
