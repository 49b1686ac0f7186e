"""The wheel builds and works in a fresh virtual environment, for apps that ``pip install`` tthc.

This is the path other applications take: no editable install, no dev tools, no extras. The
core must import without numpy/pandas (those are the ``frame`` extra), and the ``tthc``
command must answer ``--help``. Installing resolves the core dependencies from the package
registry (or pip's cache), so the test is slow-ish (about 20 s) but it is the only check that
the published artefact works.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("tthc-*.whl")
    return built


def test_wheel_carries_the_data_and_the_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tthc/py.typed" in names
    assert "tthc/_data/days_off.py" in names
    assert any(name.endswith(".json") and name.startswith("tthc/_data/") for name in names)


def test_wheel_installs_and_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    shown = subprocess.run(
        [str(python), "-c", "import tthc; print(tthc.vietnam_calendar())"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "WorkCalendar" in shown.stdout
    no_numpy = subprocess.run(
        [str(python), "-c", "import tthc, sys; print('numpy' in sys.modules)"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert no_numpy.stdout.strip() == "False"
    helped = subprocess.run(
        [str(env_dir / "bin" / "tthc"), "--help"], check=True, capture_output=True, text=True
    )
    assert "tthc" in helped.stdout
