"""The version of tthc: the only place it is written (hatch reads it when building)."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
