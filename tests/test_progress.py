import io

from analysis.progress import progress


def test_progress_is_silent_off_a_terminal(monkeypatch):
    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    assert list(progress(range(3), description="counting")) == [0, 1, 2]
    assert stderr.getvalue() == ""


def test_progress_draws_a_bar_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("analysis.progress.DELAY_SECONDS", 0)
    assert list(progress(range(3), description="counting", unit="review")) == [0, 1, 2]
    assert "counting" in terminal.getvalue()
