"""Sphinx configuration for the tthc documentation.

Built by ``make docs`` with warnings as errors. pytest also imports this file (it runs
``--doctest-modules`` over ``docs/``), so importing it only assigns settings and defines the
docstring hooks below: no I/O, no network, no ``sys.path`` changes (``make`` installs tthc
into the virtual environment before building).
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import Any

project = "tthc"
author = "The tthc authors"
copyright = "2026, The tthc authors"
try:
    release = _version("tthc")
except PackageNotFoundError:  # tthc not installed: the build fails later, the import must not
    release = "0+unknown"
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# MyST: ::: fences for admonitions, definition lists, and anchors for headings (page.md#title).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc + napoleon: Google-style docstrings, members in source order, typed signatures.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

html_theme = "furo"
html_title = f"tthc {release}"
html_show_sourcelink = False


# -- docstrings --------------------------------------------------------------------------------
# Docstrings write an absolute value as |n|, which reStructuredText reads as a substitution
# reference; outside doctest blocks it is escaped so that it prints as written.
_ABSOLUTE = re.compile(r"(?<![\\\w`|])\|([A-Za-z_]\w*)\|(?![\w`|])")


def _escape_bars(
    app: object, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    in_doctest = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        in_doctest = stripped.startswith(">>>") or (in_doctest and bool(stripped))
        if not in_doctest:
            lines[k] = _ABSOLUTE.sub(r"\\|\1\\|", line)


# napoleon reads the first line of an attribute or constant docstring as "type: description".
# tthc's attribute docstrings are prose that often starts with a Vietnamese term and a colon
# ("Nghỉ bù: a holiday fell on a weekly rest day ..."); the types come from the annotations.
# So for attributes and data whose docstring napoleon turned into a ":type:" field, keep the
# docstring as written.
_ORIGINAL: dict[int, list[str]] = {}


def _remember(
    app: object, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    if what in {"attribute", "data", "property"}:
        _ORIGINAL[id(lines)] = list(lines)


def _restore(
    app: object, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    original = _ORIGINAL.pop(id(lines), None)
    if original is not None and any(line.startswith(":type:") for line in lines):
        lines[:] = original


def setup(app: Any) -> dict[str, bool]:
    app.connect("autodoc-process-docstring", _remember, priority=400)  # before napoleon (500)
    app.connect("autodoc-process-docstring", _restore, priority=600)  # after it
    app.connect("autodoc-process-docstring", _escape_bars, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
