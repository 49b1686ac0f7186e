"""``python -m tthc``: the ``tthc`` command, whose code lives in :mod:`tthc.cli`."""

from __future__ import annotations

from tthc.cli import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover - exercised by a subprocess test
    raise SystemExit(main())
