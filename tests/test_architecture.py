"""The layout is the architecture (STYLE §3.9): each layer imports only the layers below it.

Relative imports are banned by ruff (TID252), so every internal import is spelled ``tthc.x``
and reading the import statements of a file is enough to know what it depends on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tthc

LAYERS = (
    "_safe",  # output hygiene (spreadsheet cells, terminal text): imports nothing from tthc
    "errors",
    "legal",
    "schedules",
    "calendar",
    "deadlines",
    "parsing",
    "_text_dates",  # common text-date shapes as arrays (numpy): for frame and the CLI
    "codes",
    "catalog",
    "dossier",
    "_counting",
    "kpi",
    "scoring",
    "reports",
    "frame",
    "demo",
    "cli",
    "testing",
)
"""Bottom to top. A layer may import the layers before it, and the ``_data`` tables."""

LEAVES = {"_data", "_progress", "_version"}
"""Below every layer, importable by any: the ``_data`` tables, progress bars, the version."""

TOP = {"__init__", "__main__"}
"""The public namespace and the command-line entry point sit above every layer."""

SRC = Path(tthc.__file__).parent
DATA = SRC / "_data"


def _files(layer: str) -> list[Path]:
    """The source files of a layer: ``layer.py`` or every file of the ``layer/`` package."""
    module, package = SRC / f"{layer}.py", SRC / layer
    return [module] if module.is_file() else sorted(package.rglob("*.py"))


def tthc_imports(source: str) -> set[str]:
    """The top-level tthc modules imported by *source* (``"tthc"`` for the package itself).

    ``from tthc import calendar`` names the ``calendar`` layer; ``import tthc`` or
    ``from tthc import WorkCalendar`` reach the public namespace, i.e. every layer.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "tthc":
                names = [f"tthc.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] != "tthc":
                continue
            sub = parts[1] if len(parts) > 1 else "tthc"
            found.add(sub if sub in LAYERS or sub in LEAVES else "tthc")
    return found


def relative_imports(source: str) -> int:
    return sum(1 for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ImportFrom) and n.level)


def layer_violations(layer: str, source: str) -> set[str]:
    """Imports of *source* (a file of *layer*) that are not below it."""
    allowed = {*LAYERS[: LAYERS.index(layer)], *LEAVES}
    if (SRC / layer).is_dir():  # the modules of a package layer may import one another
        allowed.add(layer)
    return tthc_imports(source) - allowed


def data_violations(source: str) -> set[str]:
    """Imports of a ``_data`` file other than ``tthc.legal`` and ``tthc._data.*``."""
    return tthc_imports(source) - {"legal", "_data"}


PRESENT = [layer for layer in LAYERS if _files(layer)]


def test_the_foundation_layers_exist() -> None:
    assert {"errors", "legal", "calendar"} <= set(PRESENT)


@pytest.mark.parametrize("layer", PRESENT)
def test_layer_imports_only_lower_layers(layer: str) -> None:
    for path in _files(layer):
        source = path.read_text(encoding="utf-8")
        assert layer_violations(layer, source) == set(), path.relative_to(SRC)
        assert relative_imports(source) == 0, path.relative_to(SRC)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.py")), ids=lambda p: p.name)
def test_data_imports_only_legal(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert data_violations(source) == set()
    assert relative_imports(source) == 0


def test_every_module_has_a_layer() -> None:
    """A new top-level module must be placed in LAYERS (or be the namespace or entry point)."""
    stray = [
        p.name
        for p in SRC.iterdir()
        if (p.suffix == ".py" and p.stem not in {*LAYERS, *TOP, *LEAVES})
        or (p.is_dir() and (p / "__init__.py").exists() and p.name not in {*LAYERS, "_data"})
    ]
    assert stray == []


@pytest.mark.parametrize("name", ["_safe", "errors"])
def test_the_bottom_layers_import_nothing_from_tthc(name: str) -> None:
    assert tthc_imports((SRC / f"{name}.py").read_text(encoding="utf-8")) == set()


# -- the checker itself can fail --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("layer", "source", "bad"),
    [
        pytest.param("calendar", "from tthc.kpi import on_time_rate\n", {"kpi"}, id="from-upper"),
        pytest.param("legal", "import tthc.calendar\n", {"calendar"}, id="import-upper"),
        pytest.param("errors", "from tthc import legal\n", {"legal"}, id="from-tthc-import"),
        pytest.param("calendar", "import tthc\n", {"tthc"}, id="the-namespace"),
        pytest.param(
            "calendar", "from tthc import WorkCalendar\n", {"tthc"}, id="a-re-exported-name"
        ),
        pytest.param(
            "calendar",
            "def f():\n    from tthc.reports import x\n    return x\n",
            {"reports"},
            id="inside-a-function",
        ),
        pytest.param(
            "calendar",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tthc.dossier import D\n",
            {"dossier"},
            id="type-checking-block",
        ),
        pytest.param("calendar", "from tthc.calendar import x\n", {"calendar"}, id="itself"),
    ],
)
def test_checker_rejects_planted_upward_imports(layer: str, source: str, bad: set[str]) -> None:
    assert layer_violations(layer, source) == bad


def test_checker_accepts_downward_imports() -> None:
    source = (
        "import attrs\n"
        "from tthc.errors import TthcError\n"
        "from tthc.legal import LegalSource\n"
        "from tthc._data import days_off\n"
        "import tthc._data.sources\n"
    )
    assert layer_violations("calendar", source) == set()
    assert layer_violations("errors", source) == {"errors", "legal"}


def test_data_checker_rejects_logic_imports() -> None:
    assert data_violations("from tthc.calendar import CalendarDay\n") == {"calendar"}
    assert data_violations("from tthc.errors import TthcError\n") == {"errors"}
    assert data_violations("from tthc._data.sources import X\nfrom tthc.legal import L\n") == set()


def test_relative_imports_are_counted() -> None:
    assert relative_imports("from . import legal\nfrom .errors import X\n") == 2


# -- the public namespace ---------------------------------------------------------------------------


def test_all_names_exist() -> None:
    missing = [name for name in tthc.__all__ if not hasattr(tthc, name)]
    assert missing == []


def test_all_is_sorted_and_unique() -> None:
    assert list(tthc.__all__) == sorted(tthc.__all__)
    assert len(set(tthc.__all__)) == len(tthc.__all__)


@pytest.mark.parametrize("layer", [layer for layer in PRESENT if (SRC / f"{layer}.py").is_file()])
def test_module_all_names_exist(layer: str) -> None:
    import importlib

    module = importlib.import_module(f"tthc.{layer}")
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"tthc.{layer} has no __all__"
    assert [name for name in exported if not hasattr(module, name)] == []


def test_version_is_the_package_metadata() -> None:
    from importlib.metadata import version

    assert tthc.__version__ == version("tthc")
