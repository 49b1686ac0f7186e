"""Procedures (thủ tục hành chính) and the catalogue that holds them.

(Skeleton: the catalogue model is being written. ``Channel`` is final and shared by the
dossier, KPI and frame layers.)
"""

from __future__ import annotations

import enum

from tthc.errors import InvalidCodeError

__all__ = ["Channel"]


class Channel(enum.Enum):
    """How a dossier reaches the agency (cách thức thực hiện; ``KenhThucHien`` when synced).

    The values are tthc's own; :attr:`national_code` is the code of the national portal's
    sync payload (``KenhThucHien`` "1"/"2"/"3", data-formats.md §4.3).

    >>> Channel.from_national_code("2")
    <Channel.ONLINE: 'online'>
    >>> Channel.POSTAL.national_code
    '3'
    """

    IN_PERSON = "in_person"
    """Trực tiếp: at the one-stop counter."""
    ONLINE = "online"
    """Trực tuyến: through the public-service portal."""
    POSTAL = "postal"
    """Bưu chính công ích: through the public postal service."""

    @property
    def national_code(self) -> str:
        """The ``KenhThucHien`` code of the national sync payload."""
        return _NATIONAL_CODES[self]

    @classmethod
    def from_national_code(cls, code: str | int) -> Channel:
        """The channel of a ``KenhThucHien`` code ("1", "2" or "3").

        >>> Channel.from_national_code(9)
        Traceback (most recent call last):
        ...
        tthc.errors.InvalidCodeError: '9' is not a valid KenhThucHien channel code: expected '1' (trực tiếp), '2' (trực tuyến) or '3' (bưu chính công ích)
        """
        text = str(code).strip()
        for channel, value in _NATIONAL_CODES.items():
            if value == text:
                return channel
        expected = "'1' (trực tiếp), '2' (trực tuyến) or '3' (bưu chính công ích)"
        raise InvalidCodeError(text, "KenhThucHien channel code", expected)


_NATIONAL_CODES = {Channel.IN_PERSON: "1", Channel.ONLINE: "2", Channel.POSTAL: "3"}
