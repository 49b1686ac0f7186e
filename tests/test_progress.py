"""Progress bars: drawn on a terminal's stderr, silent on pipes and files and without tqdm.

A fake stream stands for the terminal (its ``isatty()`` answers ``True``); the bar must never
change what is computed or printed on standard output.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import tthc.demo
from tthc._progress import bar, showing, track
from tthc.cli import main
from tthc.demo import COLUMNS, _read_events, main_job, read_events


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


def test_a_bar_is_drawn_on_a_terminal() -> None:
    term = Terminal()
    assert showing(term)
    assert list(track(range(5), total=5, label="Đọc dòng", stream=term)) == [0, 1, 2, 3, 4]
    shown = term.getvalue()
    assert "Đọc dòng" in shown
    assert "/5 " in shown


def test_nothing_on_a_pipe_or_a_file(tmp_path: Path) -> None:
    pipe = Pipe()
    assert not showing(pipe)
    assert list(track(range(5), total=5, label="rows", stream=pipe)) == [0, 1, 2, 3, 4]
    assert pipe.getvalue() == ""
    with (tmp_path / "log.txt").open("w", encoding="utf-8") as f:
        assert not showing(f)


def test_a_closed_or_odd_stream_is_not_a_terminal() -> None:
    closed = io.StringIO()
    closed.close()  # isatty() now raises ValueError
    assert not showing(closed)
    assert not showing(object())  # type: ignore[arg-type]


def test_without_tqdm_nothing_is_drawn_and_the_job_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if the cli extra were not installed
    term = Terminal()
    assert not showing(term)
    assert list(track(iter("abc"), label="x", stream=term)) == ["a", "b", "c"]
    with bar(total=3, label="x", stream=term) as b:
        b.update(3)
    assert term.getvalue() == ""


def test_the_default_stream_is_the_current_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert list(track([1, 2], total=2, label="hồ sơ")) == [1, 2]
    assert "hồ sơ" in term.getvalue()
    monkeypatch.setattr(sys, "stderr", Pipe())
    assert not showing()


def test_a_hand_advanced_bar_closes_itself() -> None:
    term = Terminal()
    with bar(total=10, label="rows", unit="rows", stream=term) as b:
        b.update(4)
        b.update(6)
    b.update(1)  # after closing: nothing, no error
    assert "rows" in term.getvalue()


# -- the main job -----------------------------------------------------------------------------------


def small_events_file(tmp_path: Path, dossiers: int) -> Path:
    """The first *dossiers* dossiers of the bundled file, in the same format."""
    data = files("tthc._data").joinpath("demo_events.csv.gz").read_bytes()
    rows = list(csv.DictReader(io.StringIO(gzip.decompress(data).decode("utf-8"))))
    codes: list[str] = []
    kept = []
    for row in rows:
        if row["dossier"] not in codes:
            if len(codes) == dossiers:
                break
            codes.append(row["dossier"])
        kept.append(row)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    path = tmp_path / "events.csv.gz"
    path.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))
    return path


def test_the_main_job_shows_its_steps_on_a_terminal_and_computes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = small_events_file(tmp_path, 40)
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    events = _read_events(source, limit=None, label="Đọc sự kiện")
    assert "Đọc sự kiện" in term.getvalue()
    assert events == read_events(source)
    quiet = main_job(events=events, out_dir=tmp_path / "quiet", lang="en")
    assert "Replaying" not in term.getvalue()
    shown = main_job(events=events, out_dir=tmp_path / "shown", lang="en", progress=True)
    assert "Replaying dossiers" in term.getvalue()
    assert "Writing dossiers.csv" in term.getvalue()
    assert shown.text.replace("shown", "quiet") == quiet.text
    assert (tmp_path / "shown" / "dossiers.csv").read_bytes() == (
        tmp_path / "quiet" / "dossiers.csv"
    ).read_bytes()


def test_the_main_job_is_silent_when_stderr_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = read_events(small_events_file(tmp_path, 10))
    pipe = Pipe()
    monkeypatch.setattr(sys, "stderr", pipe)
    main_job(events=events, lang="vi", progress=True)
    assert pipe.getvalue() == ""


def test_the_vietnamese_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = read_events(small_events_file(tmp_path, 5))
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    main_job(events=events, lang="vi", progress=True)
    assert "Tính lại hồ sơ" in term.getvalue()


def test_tthc_demo_asks_for_bars(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: dict[str, object] = {}

    def fake(**kwargs: object) -> object:
        asked.update(kwargs)
        return main_job(events={}, lang="en")

    monkeypatch.setattr(tthc.demo, "main_job", fake)
    assert main(["demo", "--lang", "en", "--out", str(tmp_path)]) == 0
    assert asked["progress"] is True
