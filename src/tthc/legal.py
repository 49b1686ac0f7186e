"""Citations: the :class:`LegalSource` type that every table of law in tthc carries.

A legal source names the document (số hiệu), its title (trích yếu), optionally the provision
(điều, khoản), the date it takes effect (ngày có hiệu lực) and where to read it. Tables keep
the document defined once (in ``tthc._data.sources``) and narrow it with :meth:`LegalSource.at`.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

__all__ = ["Confidence", "LegalSource"]


class Confidence(enum.StrEnum):
    """How well a fact was checked (the tags of the project's legal research).

    ``VERIFIED`` [V]: the wording was read in the cited source. ``SECONDARY`` [S]: reported by
    news, Q&A sites or software applying it. ``RECALLED`` [M]: from recollection of the primary
    text. ``UNCONFIRMED`` [U]: an open question, which tthc turns into configurable policy.
    """

    VERIFIED = "verified"
    SECONDARY = "secondary"
    RECALLED = "recalled"
    UNCONFIRMED = "unconfirmed"


def _optional_date(instance: object, attribute: object, value: date | None) -> None:
    if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
        msg = f"expected a date or None, got {value!r}"
        raise TypeError(msg)


@attrs.frozen
class LegalSource:
    """A citation: which document, which provision, from when, and where to read it.

    >>> from tthc.legal import LegalSource
    >>> code = LegalSource("45/2019/QH14", "Bộ luật Lao động", in_force=date(2021, 1, 1))
    >>> print(code.at("Điều 112"))
    45/2019/QH14 (Bộ luật Lao động), Điều 112, in force 2021-01-01
    """

    number: str = attrs.field(validator=attrs.validators.instance_of(str))
    """Document number (số hiệu), e.g. ``"45/2019/QH14"`` or ``"2450/VPCP-KGVX"``."""
    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    """Title (trích yếu) or a faithful description of it."""
    provision: str | None = attrs.field(default=None, kw_only=True)
    """Article, clause or appendix (``"Điều 112"``), when the citation is narrower."""
    issued: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    """Date the document was signed (ngày ban hành), when known."""
    in_force: date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    """Date the document takes effect (ngày có hiệu lực), when known."""
    url: str | None = attrs.field(default=None, kw_only=True)
    """Where to read it (an archived copy where one exists)."""
    confidence: Confidence = attrs.field(
        default=Confidence.VERIFIED, kw_only=True, converter=Confidence
    )
    """How well the citation itself (number, date) was checked."""

    def at(self, provision: str) -> LegalSource:
        """The same document, narrowed to one provision.

        >>> from tthc.legal import LegalSource
        >>> LegalSource("91/2015/QH13", "Bộ luật Dân sự").at("Điều 148(5)").provision
        'Điều 148(5)'
        """
        return attrs.evolve(self, provision=provision)

    def __str__(self) -> str:
        parts = [f"{self.number} ({self.title})"]
        if self.provision:
            parts.append(self.provision)
        if self.issued and not self.in_force:
            parts.append(f"issued {self.issued.isoformat()}")
        if self.in_force:
            parts.append(f"in force {self.in_force.isoformat()}")
        return ", ".join(parts)
