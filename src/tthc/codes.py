"""Codes: procedure codes, agency identifiers, dossier codes, personal IDs and tax codes.

- :class:`ProcedureCode`: mã TTHC of the National Database (``1.004227``), a province's
  version (``2.000815.000.00.00.H55``) and its online service (``….H55.02``);
- :class:`AgencyCode`: mã định danh điện tử (Quyết định 20/2020/QĐ-TTg as amended by
  09/2025/QĐ-TTg), 13-character or short form, with level navigation;
- :class:`AgencyRegistry`: which agency a code names on a given day, with validity dates and
  the successor links of the 2025 mergers; never a source of administrative-unit codes;
- :class:`DossierCode` and :class:`DossierCodeGenerator`: mã hồ sơ, ``agency-date-sequence``,
  and the national ``agency-YYMMDD-AAXXXX`` of Thông tư 03/2025/TT-VPCP Điều 13(3);
- :class:`PersonalId`: số định danh cá nhân, 12 digits with no check digit;
- :class:`TaxCode`: mã số thuế, checked by python-stdnum.

Research: data-formats.md §1-§3, §5 and the test vectors of §8.

Each code is a frozen value with ``parse(text)``, which raises
:class:`~tthc.errors.InvalidCodeError` naming the text and the shape it expected, and
``parse_or_none(text)``, which returns ``None`` wherever ``parse`` would raise. ``str(code)``
is the canonical text, and ``X.parse(str(x)) == x`` for every value.

What every parser accepts, beyond the canonical text:

- surrounding whitespace (including non-breaking and ideographic spaces) is ignored;
- fullwidth forms (U+FF01..U+FF5E, as some input methods type them) are read as ASCII;
- letters are read in either case and written upper-case (``h55`` is ``H55``).

Codes are ASCII, so NFC and NFD spellings never differ. Digits are ASCII digits only (no
Arabic-Indic or other Unicode digits); inner whitespace is refused, except in tax codes,
where python-stdnum's separators are allowed. A text that is not a ``str`` is refused with
:class:`~tthc.errors.InvalidCodeError` as well, so a parser fed arbitrary input only ever
returns a value or raises a :class:`~tthc.errors.TthcError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Final, TypeVar, cast

import attrs
from stdnum.exceptions import ValidationError
from stdnum.vn import mst

from tthc._data.agencies import AGENCIES, PERSONAL_ID_PROVINCES
from tthc._data.sources import (
    QD_09_2025_QD_TTG,
    QD_20_2020_QD_TTG,
    TT_03_2025_TT_VPCP,
    TT_04_2025_TT_VPCP,
)
from tthc.errors import (
    CountTooLargeError,
    DateOutOfRangeError,
    InvalidCodeError,
    RecordError,
    UnknownCodeError,
)
from tthc.legal import Confidence, LegalSource

__all__ = [
    "MAX_REGISTRY_ROWS",
    "MAX_SEQUENCE_DIGITS",
    "NATIONAL_FORMAT",
    "NATIONAL_FORMAT_FROM",
    "AgencyCode",
    "AgencyEntry",
    "AgencyKind",
    "AgencyRegistry",
    "AgencyStatus",
    "DossierCode",
    "DossierCodeGenerator",
    "PersonalId",
    "ProcedureCode",
    "RegistryImport",
    "Sex",
    "TaxCode",
]

# -- shared text handling ------------------------------------------------------------------------

_FULLWIDTH: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
"""Fullwidth ASCII variants (U+FF01..U+FF5E) to their ASCII letters, digits and signs."""


_T = TypeVar("_T")


def _trusted(cls: type[_T], *fields: tuple[str, object]) -> _T:
    """An instance of *cls* from values a parser has already checked (validators skipped).

    The parsers check everything the field validators check, so running them again would
    only double the cost of ``parse``; direct construction still validates.
    """
    value = object.__new__(cls)
    for name, field in fields:
        object.__setattr__(value, name, field)
    return value


def _clean(text: object, kind: str, expected: str) -> str:
    """*text* stripped and with fullwidth forms read as ASCII; refuses anything not a str."""
    if not isinstance(text, str):
        raise InvalidCodeError(text, kind, expected)
    if not text.isascii():
        text = text.translate(_FULLWIDTH)
    return text.strip()


# -- agency identifiers (QĐ 20/2020/QĐ-TTg, QĐ 09/2025/QĐ-TTg) ------------------------------------

_AGENCY_KIND = "agency code"
_AGENCY_EXPECTED = (
    "the 13-character form 'XXX.YY.ZZ.LNN' (e.g. '000.00.31.H12', level 1 G/H/K + 2 digits) "
    "or a short form 'LNN[.N...]' (e.g. 'H55.242', 'G09.20')"
)
_FULL_AGENCY = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[GHKghk][0-9]{2}"
_SHORT_AGENCY = r"[GHKghk][0-9]{2}(?:\.[0-9]{1,3}){0,3}"
_AGENCY_RE: Final = re.compile(rf"{_FULL_AGENCY}|{_SHORT_AGENCY}", re.ASCII)
_FULL_AGENCY_RE: Final = re.compile(_FULL_AGENCY, re.ASCII)
_ZERO_LEVELS: Final = ("000", "00", "00")
"""Level 4, 3 and 2 written as zeros: that level does not exist."""


class AgencyKind(enum.Enum):
    """What a level-1 agency code names, by its letter (QĐ 20/2020/QĐ-TTg)."""

    MINISTRY = "G"
    """G: a ministry, ministerial-level body or government agency (bộ, ngành)."""
    PROVINCIAL_COMMITTEE = "H"
    """H: a provincial People's Committee (UBND tỉnh) and the units under it."""
    PROVINCIAL_COUNCIL = "K"
    """K: a provincial People's Council (HĐND tỉnh)."""


def _check_agency_text(instance: object, attribute: object, value: str) -> None:
    if not (isinstance(value, str) and _AGENCY_RE.fullmatch(value) and value == value.upper()):
        raise InvalidCodeError(value, _AGENCY_KIND, _AGENCY_EXPECTED)
    if value[0].isdigit() and not _levels_nested(value):
        raise InvalidCodeError(value, _AGENCY_KIND, _NESTED_EXPECTED)


_NESTED_EXPECTED = (
    "a 13-character code whose levels nest: a level written as zeros has no non-zero level "
    "under it (e.g. '000.05.20.H56', not '000.05.00.H56')"
)


def _levels_nested(text: str) -> bool:
    """No hole: once a level (from 2 down to 4) is zeros, every level under it is zeros too."""
    level4, level3, level2 = text[0:3], text[4:6], text[7:9]
    if level2 == "00":
        return level3 == "00" and level4 == "000"
    return level3 != "00" or level4 == "000"


@attrs.frozen(repr=False)
class AgencyCode:
    """An agency's electronic identifier (mã định danh điện tử), kept exactly as written.

    Quyết định 20/2020/QĐ-TTg, as amended by Quyết định 09/2025/QĐ-TTg, gives each agency a
    13-character code ``XXX.YY.ZZ.LNN``: level 4, level 3 and level 2 (each written as zeros
    when that level does not exist), then the level-1 code, a letter and two digits (``G``
    ministries and government agencies, ``H`` provincial People's Committees, ``K`` provincial
    People's Councils). Systems also write short forms, ``L1.<local unit number>`` such as
    ``H55.242`` or ``G09.20``; they are kept as written: tthc never converts between the two
    forms, which only a registry could do (data-formats.md §2.1).

    A code names an agency, not a place: the administrative-unit codes of provinces and
    communes (mã đơn vị hành chính, Quyết định 19/2025/QĐ-TTg) are a different system, and no
    administrative-unit code can be derived from an agency code (Lào Cai's agency code stayed
    H38 in 2025 while its administrative-unit code became 15).

    >>> from tthc.codes import AgencyCode
    >>> code = AgencyCode.parse("000.05.20.H56")
    >>> code.level, code.level1, code.kind
    (3, 'H56', <AgencyKind.PROVINCIAL_COMMITTEE: 'H'>)
    >>> [str(a) for a in code.ancestors]
    ['000.00.20.H56', '000.00.00.H56']
    >>> short = AgencyCode.parse(" h55.242 ")
    >>> short, short.is_short, short.level, short.parent
    (AgencyCode('H55.242'), True, 2, AgencyCode('H55'))
    >>> AgencyCode.parse("000.00.31.X12")
    Traceback (most recent call last):
    ...
    tthc.errors.InvalidCodeError: '000.00.31.X12' is not a valid agency code: expected the 13-character form 'XXX.YY.ZZ.LNN' (e.g. '000.00.31.H12', level 1 G/H/K + 2 digits) or a short form 'LNN[.N...]' (e.g. 'H55.242', 'G09.20')
    """

    text: str = attrs.field(validator=_check_agency_text)
    """The canonical text: the code as written, letters upper-case."""

    @classmethod
    def parse(cls, text: str) -> AgencyCode:
        """The agency code *text* (13-character or short form), see the class docs.

        Raises:
            InvalidCodeError: *text* has neither shape, or its levels do not nest.
        """
        cleaned = _clean(text, _AGENCY_KIND, _AGENCY_EXPECTED)
        if _AGENCY_RE.fullmatch(cleaned) is None:
            raise InvalidCodeError(text, _AGENCY_KIND, _AGENCY_EXPECTED)
        if not cleaned.isupper():
            cleaned = cleaned.upper()
        if cleaned[0].isdigit() and not _levels_nested(cleaned):
            raise InvalidCodeError(text, _AGENCY_KIND, _NESTED_EXPECTED)
        return _trusted(cls, ("text", cleaned))

    @classmethod
    def parse_or_none(cls, text: str) -> AgencyCode | None:
        """Like :meth:`parse`, but ``None`` instead of an exception."""
        try:
            return cls.parse(text)
        except InvalidCodeError:
            return None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"AgencyCode({self.text!r})"

    @property
    def is_short(self) -> bool:
        """Whether the code is a short form (``H55.242``) rather than the 13-character form."""
        return not self.text[0].isdigit()

    @property
    def level1(self) -> str:
        """The level-1 code (mã cấp 1), e.g. ``"H55"``: a letter and two digits."""
        return self.text[:3] if self.is_short else self.text[10:]

    @property
    def kind(self) -> AgencyKind:
        """What the level-1 code names, from its letter."""
        return AgencyKind(self.level1[0])

    @property
    def units(self) -> tuple[str, ...]:
        """The unit numbers below level 1, from the top down, as written.

        For the 13-character form these are the level 2, 3 and 4 fields that exist
        (``("20", "05")`` for ``000.05.20.H56``); for a short form, the numbers after the
        level-1 code (``("242",)`` for ``H55.242``).
        """
        text = self.text
        if self.is_short:
            return tuple(text[4:].split(".")) if len(text) > 3 else ()
        levels = (text[7:9], text[4:6], text[0:3])
        return tuple(
            level for level, zero in zip(levels, _ZERO_LEVELS[::-1], strict=True) if level != zero
        )

    @property
    def level(self) -> int:
        """The level of the agency: 1 for a level-1 code, up to 4.

        For a short form this counts the numbers written (``H55.242`` is level 2); the short
        forms' local numbering says nothing about the 13-character level fields.
        """
        return 1 + len(self.units)

    @property
    def parent(self) -> AgencyCode | None:
        """The code one level up, in the same form; ``None`` for a level-1 code.

        >>> AgencyCode.parse("000.00.31.H12").parent
        AgencyCode('000.00.00.H12')
        >>> AgencyCode.parse("G09").parent is None
        True
        """
        text = self.text
        if self.is_short:
            return AgencyCode(text.rpartition(".")[0]) if len(text) > 3 else None
        level = self.level
        if level == 1:
            return None
        if level == 4:
            return AgencyCode(f"000{text[3:]}")
        if level == 3:
            return AgencyCode(f"{text[:4]}00{text[6:]}")
        return AgencyCode(f"{text[:7]}00{text[9:]}")

    @property
    def ancestors(self) -> tuple[AgencyCode, ...]:
        """Every code above this one, nearest first, ending with the level-1 code."""
        found: list[AgencyCode] = []
        parent = self.parent
        while parent is not None:
            found.append(parent)
            parent = parent.parent
        return tuple(found)

    @property
    def root(self) -> AgencyCode:
        """The level-1 code in the same form (``000.00.00.H56`` or ``H56``)."""
        ancestors = self.ancestors
        return ancestors[-1] if ancestors else self

    def is_within(self, other: AgencyCode) -> bool:
        """Whether this code is *other* or one of the units under it (same form only).

        >>> AgencyCode.parse("000.05.20.H56").is_within(AgencyCode.parse("000.00.20.H56"))
        True
        >>> AgencyCode.parse("H56.20").is_within(AgencyCode.parse("000.00.00.H56"))
        False
        """
        return other == self or other in self.ancestors


# -- procedure codes (mã TTHC) ---------------------------------------------------------------------

_PROCEDURE_KIND = "procedure code"
_PROCEDURE_EXPECTED = (
    "a national code 'D.NNNNNN' (e.g. '1.004227'), optionally followed by the publishing "
    "agency's 13-character code (e.g. '2.000815.000.00.00.H55') and a 2-digit online-service "
    "variant (e.g. '2.000815.000.00.00.H55.02')"
)
_NATIONAL = r"[0-9]\.[0-9]{6}"
_PROCEDURE_RE: Final = re.compile(
    rf"(?P<national>{_NATIONAL})(?:\.(?P<agency>{_FULL_AGENCY})(?:\.(?P<service>[0-9]{{2}}))?)?",
    re.ASCII,
)
_NATIONAL_RE: Final = re.compile(_NATIONAL, re.ASCII)
_SERVICE_RE: Final = re.compile(r"[0-9]{2}", re.ASCII)


def _check_national(instance: object, attribute: object, value: str) -> None:
    if not (isinstance(value, str) and _NATIONAL_RE.fullmatch(value)):
        raise InvalidCodeError(value, "national procedure code", "'D.NNNNNN', e.g. '1.004227'")


def _check_local_agency(instance: object, attribute: object, value: str | None) -> None:
    if value is None:
        return
    if not (isinstance(value, str) and _FULL_AGENCY_RE.fullmatch(value) and value.isupper()):
        raise InvalidCodeError(
            value, "agency part of a procedure code", "a 13-character agency code"
        )
    if not _levels_nested(value):
        raise InvalidCodeError(value, _AGENCY_KIND, _NESTED_EXPECTED)


def _check_service(instance: ProcedureCode, attribute: object, value: str | None) -> None:
    if value is None:
        return
    if not (isinstance(value, str) and _SERVICE_RE.fullmatch(value)):
        raise InvalidCodeError(value, "online-service variant", "two digits, e.g. '02'")
    if instance.agency is None:
        raise InvalidCodeError(
            value, "online-service variant", "a variant only on a local code (with an agency)"
        )


@attrs.frozen
class ProcedureCode:
    """A procedure code (mã thủ tục hành chính) of the National Database on procedures.

    Three forms are in use (data-formats.md §1.1):

    - the national code ``D.NNNNNN`` (``1.004227``): one digit, a dot, six digits;
    - a local code (``MaTTHCDP``), the national code followed by the 13-character agency code
      of the province that published its version (``2.000815.000.00.00.H55``);
    - an online-service code (``MaDVC``), a local code and a 2-digit variant
      (``2.000815.000.00.00.H55.02``).

    The leading digit's meaning is not confirmed, so tthc gives it none: the national code is
    an opaque key. The agency suffix does mean something: whose published version this is
    (the same procedure can differ by province in time limit and fees). What the 2-digit
    variant means is not confirmed either; it is kept as written. Ad-hoc shortenings seen in
    one office (``1.012753.H19``) are not a standard form and are refused.

    >>> from tthc.codes import ProcedureCode
    >>> code = ProcedureCode.parse("2.000815.000.00.00.H55.02")
    >>> code.national, code.agency, code.service, code.is_local
    ('2.000815', '000.00.00.H55', '02', True)
    >>> print(code.as_national(), code.without_service())
    2.000815 2.000815.000.00.00.H55
    >>> ProcedureCode.parse("1.004227").is_local
    False
    >>> ProcedureCode.parse_or_none("1.4227") is None
    True
    """

    national: str = attrs.field(validator=_check_national)
    """The national code, ``"D.NNNNNN"``."""
    agency: str | None = attrs.field(default=None, validator=_check_local_agency)
    """The publishing agency's 13-character code of a local code, else ``None``."""
    service: str | None = attrs.field(default=None, validator=_check_service)
    """The 2-digit online-service variant (``MaDVC``), else ``None``."""

    @classmethod
    def parse(cls, text: str) -> ProcedureCode:
        """The procedure code *text* in any of its three forms.

        Raises:
            InvalidCodeError: *text* is in none of the forms (the message lists them).
        """
        cleaned = _clean(text, _PROCEDURE_KIND, _PROCEDURE_EXPECTED)
        match = _PROCEDURE_RE.fullmatch(cleaned)
        if match is None:
            raise InvalidCodeError(text, _PROCEDURE_KIND, _PROCEDURE_EXPECTED)
        national, agency, service = match.group("national", "agency", "service")
        if agency is not None:
            agency = agency.upper()
            if not _levels_nested(agency):
                raise InvalidCodeError(text, _PROCEDURE_KIND, _NESTED_EXPECTED)
        return _trusted(cls, ("national", national), ("agency", agency), ("service", service))

    @classmethod
    def parse_or_none(cls, text: str) -> ProcedureCode | None:
        """Like :meth:`parse`, but ``None`` instead of an exception."""
        try:
            return cls.parse(text)
        except InvalidCodeError:
            return None

    def __str__(self) -> str:
        if self.agency is None:
            return self.national
        if self.service is None:
            return f"{self.national}.{self.agency}"
        return f"{self.national}.{self.agency}.{self.service}"

    @property
    def is_local(self) -> bool:
        """Whether this is a province's published version (it carries an agency code)."""
        return self.agency is not None

    @property
    def is_service(self) -> bool:
        """Whether this is an online-service code (``MaDVC``, with a variant)."""
        return self.service is not None

    @property
    def prefix(self) -> str:
        """The leading digit, as written. It has no confirmed meaning; tthc gives it none."""
        return self.national[0]

    @property
    def serial(self) -> str:
        """The six digits after the leading digit and the dot, as written."""
        return self.national[2:]

    @property
    def agency_code(self) -> AgencyCode | None:
        """The publishing agency's code as an :class:`AgencyCode`, or ``None``."""
        return None if self.agency is None else AgencyCode(self.agency)

    def as_national(self) -> ProcedureCode:
        """The national code alone (the code itself if it is national)."""
        return self if self.agency is None else ProcedureCode(self.national)

    def without_service(self) -> ProcedureCode:
        """The code without its online-service variant (the code itself if it has none)."""
        return self if self.service is None else ProcedureCode(self.national, self.agency)


# -- dossier codes (mã hồ sơ) -----------------------------------------------------------------------

_DOSSIER_KIND = "dossier code"
_DOSSIER_EXPECTED = (
    "'<agency>-<yyMMdd or yyyyMMdd>-<sequence of 4 to 9 digits>' with a real date "
    "(e.g. '000.00.31.H12-230407-0001', 'G09.20-20260609-0092637')"
)
_DOSSIER_RE: Final = re.compile(
    rf"(?P<agency>{_FULL_AGENCY}|{_SHORT_AGENCY})-(?P<date>[0-9]{{8}}|[0-9]{{6}})"
    rf"-(?P<sequence>[0-9]{{4,9}})",
    re.ASCII,
)
_NATIONAL_CODE_EXPECTED = (
    "'<agency>-<YYMMDD>-<AA><XXXX>': a real date from 25/01/2026, two digits AA of the "
    "owner of the central public-service system, then a daily number of at least 4 digits "
    "(Thông tư 03/2025/TT-VPCP Điều 13(3), added by Thông tư 04/2025/TT-VPCP Điều 23(2); "
    "e.g. '000.00.31.H12-260302-090001')"
)
_NATIONAL_CODE_RE: Final = re.compile(
    rf"(?P<agency>{_FULL_AGENCY}|{_SHORT_AGENCY})-(?P<date>[0-9]{{6}})"
    rf"-(?P<system>[0-9]{{2}})(?P<sequence>[0-9]{{4,9}})",
    re.ASCII,
)
NATIONAL_FORMAT_FROM: Final = dt.date(2026, 1, 25)
"""The day the national format applies from: Thông tư 04/2025/TT-VPCP Điều 23(1) (in force
25/01/2026), whose khoản 2 adds it to Thông tư 03/2025/TT-VPCP as Điều 13(3)."""
NATIONAL_FORMAT: Final[LegalSource] = attrs.evolve(
    TT_03_2025_TT_VPCP.at(
        "Điều 13 khoản 3 (bổ sung bởi Thông tư 04/2025/TT-VPCP Điều 23 khoản 2)"
    ),
    confidence=Confidence.VERIFIED,
    in_force=TT_04_2025_TT_VPCP.in_force,
)
"""The text that fixes the national dossier code ``MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX``."""
MAX_SEQUENCE_DIGITS: Final = 9
"""The longest sequence number tthc reads or issues (999,999,999 dossiers in a day)."""
_MAX_SEQUENCE = 10**MAX_SEQUENCE_DIGITS - 1


def _check_dossier_date(instance: DossierCode, attribute: object, value: dt.date) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        msg = f"a dossier code's date must be a datetime.date (not a datetime), got {value!r}"
        raise TypeError(msg)


def _check_system(instance: object, attribute: object, value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str) or len(value) != 2 or not value.isascii() or not value.isdigit():
        raise InvalidCodeError(
            value,
            "AA part of a national dossier code",
            "two ASCII digits, those of the e-identifier of the agency that owns the central "
            "public-service system (Thông tư 03/2025/TT-VPCP Điều 13(3)(c))",
        )


def _check_dossier(instance: DossierCode) -> None:
    """Checks across fields, after each field's own check."""
    if instance.system is not None and instance.date_digits != 6:
        raise InvalidCodeError(
            instance.date.isoformat(), "national dossier date", "YYMMDD (6 digits)"
        )
    if instance.date_digits == 6 and not 2000 <= instance.date.year <= 2099:
        raise InvalidCodeError(
            instance.date.isoformat(), "yyMMdd dossier date", "a year 2000-2099"
        )
    if not 0 <= instance.sequence <= _MAX_SEQUENCE:
        raise InvalidCodeError(
            instance.sequence, "dossier sequence", f"0..{_MAX_SEQUENCE} (at most 9 digits)"
        )
    if len(str(instance.sequence)) > instance.width:
        raise InvalidCodeError(
            instance.sequence, "dossier sequence", f"at most {instance.width} digits (width)"
        )


@attrs.frozen(order=True)
class DossierCode:
    """A dossier code (mã hồ sơ): ``<agency>-<date>-<sequence>``, or the national form
    ``<agency>-<YYMMDD>-<AA><XXXX>``.

    **The national form.** Thông tư 04/2025/TT-VPCP Điều 23(2) adds Điều 13(3) to Thông tư
    03/2025/TT-VPCP (in force 25/01/2026): the dossier code of a procedure for which a central,
    nationwide public-service solution was assigned is ``MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX``,
    (a) the e-identifier of the agency that resolves the dossier, (b) the receiving day
    ``YYMMDD``, (c) ``AA``, two digits matching two digits of the e-identifier of the agency
    that owns the central system (:attr:`system`), and (d) ``XXXX``, the number of the dossier
    among those received that day, at least 4 digits. :meth:`parse_national` reads it,
    ``str`` writes it and :attr:`system` holds AA on its own.

    **Every other code.** No legal text fixes the format of codes issued by local systems or
    before 25/01/2026; :meth:`parse` reads the de-facto one of the national portal's systems:
    the agency's code (13-character or short form, kept as written), the receiving day as
    ``yyMMdd`` (one-stop systems) or ``yyyyMMdd`` (iGate), and a sequence number that
    restarts every day, at least 4 digits (7 on iGate) and wider on a day that needs more.
    :meth:`parse` keeps that reading for every text, national ones included (it cannot tell
    ``AA`` from the start of a wide sequence number): old codes read as they always did, and a
    national code is read with :meth:`parse_national`.

    The date must be a real calendar date; a two-digit year is 2000-2099. There is no check
    digit. The written widths are kept, so ``str`` gives the text back exactly; codes order by
    agency, then date, then sequence.

    >>> from tthc.codes import DossierCode
    >>> code = DossierCode.parse("G09.20-20260609-0092637")
    >>> code.agency, code.date, code.sequence
    ('G09.20', datetime.date(2026, 6, 9), 92637)
    >>> str(code)
    'G09.20-20260609-0092637'
    >>> DossierCode.parse("000.00.31.H12-230230-0001")
    Traceback (most recent call last):
    ...
    tthc.errors.InvalidCodeError: '000.00.31.H12-230230-0001' is not a valid dossier code: expected a real date: 30/02/2023 does not exist
    >>> national = DossierCode.parse_national("000.00.31.H12-260302-090001")
    >>> national.system, national.sequence, str(national)
    ('09', 1, '000.00.31.H12-260302-090001')
    >>> DossierCode.parse("000.00.31.H12-260302-090001").sequence  # the de-facto reading
    90001
    """

    agency: str = attrs.field(validator=_check_agency_text)
    """The receiving agency's code, as written (see :class:`AgencyCode`)."""
    date: dt.date = attrs.field(validator=_check_dossier_date)
    """The day in the code (the receiving day, Vietnam time)."""
    sequence: int = attrs.field(validator=attrs.validators.instance_of(int))
    """The sequence number of the dossier in that agency's day."""
    date_digits: int = attrs.field(default=6, kw_only=True, validator=attrs.validators.in_((6, 8)))
    """How the date is written: 6 (``yyMMdd``) or 8 (``yyyyMMdd``)."""
    width: int = attrs.field(
        default=4,
        kw_only=True,
        validator=[attrs.validators.ge(4), attrs.validators.le(MAX_SEQUENCE_DIGITS)],
    )
    """How many digits the sequence is written with (zero-padded), 4 to 9."""
    system: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_system, order=False
    )
    """AA of the national form: two digits of the e-identifier of the agency that owns the
    central public-service system (Thông tư 03/2025/TT-VPCP Điều 13(3)(c)); ``None`` for a
    code of any other form."""

    def __attrs_post_init__(self) -> None:
        _check_dossier(self)

    @property
    def is_national(self) -> bool:
        """Whether the code has the national form (an AA part)."""
        return self.system is not None

    @property
    def source(self) -> LegalSource | None:
        """The text that fixes the code's format: :data:`NATIONAL_FORMAT`, or ``None`` for
        the de-facto form no text fixes."""
        return NATIONAL_FORMAT if self.system is not None else None

    @classmethod
    def parse_national(cls, text: str) -> DossierCode:
        """The national dossier code *text*, ``<agency>-<YYMMDD>-<AA><XXXX>`` (see the class).

        Raises:
            InvalidCodeError: *text* lacks the shape (an 8-digit date, fewer than 6 digits
                after it), its date does not exist, or it is before 25/01/2026, when the
                format took effect.

        >>> DossierCode.parse_national("000.00.31.H12-251230-090001")
        Traceback (most recent call last):
        ...
        tthc.errors.InvalidCodeError: '000.00.31.H12-251230-090001' is not a valid national dossier code: expected a receiving day from 2026-01-25 (Thông tư 04/2025/TT-VPCP Điều 23(1)), got 2025-12-30
        """
        kind = "national dossier code"
        cleaned = _clean(text, kind, _NATIONAL_CODE_EXPECTED)
        match = _NATIONAL_CODE_RE.fullmatch(cleaned)
        if match is None:
            raise InvalidCodeError(text, kind, _NATIONAL_CODE_EXPECTED)
        agency, digits, system, sequence = match.group("agency", "date", "system", "sequence")
        if agency[0].isdigit() and not _levels_nested(agency):
            raise InvalidCodeError(text, kind, _NESTED_EXPECTED)
        year, month, day = 2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:])
        try:
            when = dt.date(year, month, day)
        except ValueError:
            shown = f"a real date: {day:02d}/{month:02d}/{year:04d} does not exist"
            raise InvalidCodeError(text, kind, shown) from None
        if when < NATIONAL_FORMAT_FROM:
            shown = (
                f"a receiving day from {NATIONAL_FORMAT_FROM.isoformat()} (Thông tư "
                f"04/2025/TT-VPCP Điều 23(1)), got {when.isoformat()}"
            )
            raise InvalidCodeError(text, kind, shown)
        return _trusted(
            cls,
            ("agency", agency.upper()),
            ("date", when),
            ("sequence", int(sequence)),
            ("date_digits", 6),
            ("width", len(sequence)),
            ("system", system),
        )

    @classmethod
    def parse(cls, text: str) -> DossierCode:
        """The dossier code *text*, see the class docs.

        Raises:
            InvalidCodeError: *text* does not have the shape, or its date does not exist.
        """
        cleaned = _clean(text, _DOSSIER_KIND, _DOSSIER_EXPECTED)
        match = _DOSSIER_RE.fullmatch(cleaned)
        if match is None:
            raise InvalidCodeError(text, _DOSSIER_KIND, _DOSSIER_EXPECTED)
        agency, digits, sequence = match.group("agency", "date", "sequence")
        if agency[0].isdigit() and not _levels_nested(agency):
            raise InvalidCodeError(text, _DOSSIER_KIND, _NESTED_EXPECTED)
        if len(digits) == 6:
            year, month, day = 2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:])
        else:
            year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
        try:
            when = dt.date(year, month, day)
        except ValueError:
            shown = f"a real date: {day:02d}/{month:02d}/{year:04d} does not exist"
            raise InvalidCodeError(text, _DOSSIER_KIND, shown) from None
        return _trusted(
            cls,
            ("agency", agency.upper()),
            ("date", when),
            ("sequence", int(sequence)),
            ("date_digits", len(digits)),
            ("width", len(sequence)),
            ("system", None),
        )

    @classmethod
    def parse_or_none(cls, text: str) -> DossierCode | None:
        """Like :meth:`parse`, but ``None`` instead of an exception."""
        try:
            return cls.parse(text)
        except InvalidCodeError:
            return None

    def __str__(self) -> str:
        when = self.date
        if self.date_digits == 6:
            day = f"{when.year % 100:02d}{when.month:02d}{when.day:02d}"
        else:
            day = f"{when.year:04d}{when.month:02d}{when.day:02d}"
        return f"{self.agency}-{day}-{self.system or ''}{self.sequence:0{self.width}d}"

    @property
    def agency_code(self) -> AgencyCode:
        """The receiving agency's code as an :class:`AgencyCode`."""
        return AgencyCode(self.agency)


def _latest_by_agency(codes: Iterable[DossierCode]) -> dict[str, DossierCode]:
    latest: dict[str, DossierCode] = {}
    for code in codes:
        if not isinstance(cast(object, code), DossierCode):
            msg = f"a generator resumes from DossierCode values, got {code!r}"
            raise TypeError(msg)
        known = latest.get(code.agency)
        if known is None or (code.date, code.sequence) > (known.date, known.sequence):
            latest[code.agency] = code
    return latest


@attrs.define
class DossierCodeGenerator:
    """Issues dossier codes: the next number of an agency's day, restarting every day.

    The state is explicit and small: the last code issued to each agency (:attr:`last`).
    Nothing reads a clock: the caller passes the receiving day (Vietnam time). To continue
    after a restart, pass the last codes issued (e.g. read back from the database) as
    ``last``. A day with more dossiers than the width holds gets wider numbers
    (``…-10000`` after ``…-9999``), never a repeated one, as Thanh Hóa's one-stop system
    does (data-formats.md §3.1). The generator is not thread-safe: give each worker its own
    agency, or serialise the calls.

    >>> from datetime import date
    >>> from tthc.codes import DossierCode, DossierCodeGenerator
    >>> issue = DossierCodeGenerator()
    >>> print(issue.next("000.00.31.H12", date(2025, 2, 25)))
    000.00.31.H12-250225-0001
    >>> print(issue.next("000.00.31.H12", date(2025, 2, 25)))
    000.00.31.H12-250225-0002
    >>> print(issue.next("000.00.31.H12", date(2025, 2, 26)))  # a new day starts again
    000.00.31.H12-250226-0001
    >>> busy = DossierCodeGenerator(last=[DossierCode.parse("H56.3-250225-9999")])
    >>> print(busy.next("H56.3", date(2025, 2, 25)))
    H56.3-250225-10000
    >>> central = DossierCodeGenerator(system="09")  # the national form, AA = 09
    >>> print(central.next("000.00.31.H12", date(2026, 3, 2)))
    000.00.31.H12-260302-090001
    """

    date_digits: int = attrs.field(default=6, kw_only=True, validator=attrs.validators.in_((6, 8)))
    """How new codes write the date: 6 (``yyMMdd``) or 8 (``yyyyMMdd``)."""
    width: int = attrs.field(
        default=4,
        kw_only=True,
        validator=[attrs.validators.ge(4), attrs.validators.le(MAX_SEQUENCE_DIGITS)],
    )
    """The least number of digits of a sequence number (4, or 7 like iGate)."""
    first: int = attrs.field(
        default=1, kw_only=True, validator=[attrs.validators.ge(0), attrs.validators.le(9999)]
    )
    """The first number of each day (Thanh Hóa's ``ResetSTTMaHoSoTo``, 1 by default)."""
    system: str | None = attrs.field(default=None, kw_only=True, validator=_check_system)
    """AA for national codes (``<agency>-<YYMMDD>-<AA><XXXX>``, Thông tư 03/2025/TT-VPCP Điều
    13(3)); ``None`` issues codes of the de-facto form."""
    last: dict[str, DossierCode] = attrs.field(
        factory=dict, kw_only=True, converter=_latest_by_agency
    )
    """The last code issued to each agency (by its code text): the generator's whole state."""

    def next(self, agency: str | AgencyCode, day: dt.date) -> DossierCode:
        """Issue the next code of *agency* for *day* and remember it.

        Raises:
            InvalidCodeError: *agency* is not an agency code.
            DateOutOfRangeError: *day* is before the day of the agency's last code (issuing
                it would repeat numbers of that day).
            CountTooLargeError: the day has used every 9-digit number.
            TypeError: *day* is not a ``datetime.date`` (a ``datetime`` is refused: pass
                the receiving day in Vietnam time).
        """
        key = agency.text if isinstance(agency, AgencyCode) else AgencyCode.parse(agency).text
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            msg = f"the receiving day must be a datetime.date (Vietnam time), got {day!r}"
            raise TypeError(msg)
        previous = self.last.get(key)
        if previous is None or day > previous.date:
            sequence = self.first
        elif day == previous.date:
            sequence = previous.sequence + 1
        else:
            raise DateOutOfRangeError(
                day, previous.date, dt.date.max, what=f"dossier day for agency {key}"
            )
        if sequence > _MAX_SEQUENCE:
            raise CountTooLargeError(sequence, _MAX_SEQUENCE, what=f"dossier sequence of {key}")
        code = DossierCode(
            key,
            day,
            sequence,
            date_digits=self.date_digits,
            width=max(self.width, len(str(sequence))),
            system=self.system,
        )
        self.last[key] = code
        return code


# -- personal identification numbers (số định danh cá nhân) -----------------------------------------

_PERSONAL_KIND = "personal identification number"
_PERSONAL_EXPECTED = (
    "12 digits 'PPPCYYNNNNNN' opening with one of the 63 province codes (001-096, with gaps); "
    "a 9-digit CMND is not a personal identification number"
)
_PERSONAL_RE: Final = re.compile(r"[0-9]{12}", re.ASCII)
_PROVINCE_NAMES: Final = {row.code: row.name for row in PERSONAL_ID_PROVINCES}


class Sex(enum.Enum):
    """Sex as the personal identification number encodes it (even digit male, odd female)."""

    MALE = "male"
    FEMALE = "female"


def _check_personal_text(instance: object, attribute: object, value: str) -> None:
    if not (isinstance(value, str) and _PERSONAL_RE.fullmatch(value)):
        raise InvalidCodeError(value, _PERSONAL_KIND, _PERSONAL_EXPECTED)
    if value[:3] not in _PROVINCE_NAMES:
        expected = f"{_PERSONAL_EXPECTED}; {value[:3]} is not a province code"
        raise InvalidCodeError(value, _PERSONAL_KIND, expected)


@attrs.frozen(repr=False)
class PersonalId:
    """A 12-digit personal identification number (số định danh cá nhân, the CCCD number).

    The digits are ``PPP C YY NNNNNN`` (Luật Căn cước 2023; data-formats.md §5.1): the
    3-digit code of the province where the birth was registered (the 63 codes of Quyết định
    124/2004/QĐ-TTg; the 2025 merger renumbered no card), a digit for century and sex (0/1
    1900s male/female, 2/3 2000s, 4/5 2100s, 6/7 2200s, 8/9 2300s), the last two digits of the
    birth year and six serial digits. **There is no check digit**: tthc checks the shape and
    the province code only, so a number that passes may still not exist, and a typo in the
    last nine digits cannot be detected. Never refuse a dossier because a number "looks
    wrong" beyond this shape. Whether the person exists is for the national population
    database, not tthc. From 1/7/2025 the same number serves as an individual's tax code
    (Thông tư 86/2024/TT-BTC, unconfirmed); :class:`TaxCode` covers the 10- and 13-digit
    codes.

    >>> from tthc.codes import PersonalId
    >>> pid = PersonalId.parse("001095012345")  # a made-up number
    >>> pid.province, pid.sex, pid.birth_year, pid.serial
    ('Hà Nội', <Sex.MALE: 'male'>, 1995, '012345')
    >>> PersonalId.parse_or_none("003095012345") is None  # 003 is no province code
    True
    """

    text: str = attrs.field(validator=_check_personal_text)
    """The 12 digits."""

    @classmethod
    def parse(cls, text: str) -> PersonalId:
        """The personal identification number *text* (12 digits, no inner spaces).

        Raises:
            InvalidCodeError: not 12 digits, or the first three are not a province code.
        """
        cleaned = _clean(text, _PERSONAL_KIND, _PERSONAL_EXPECTED)
        if _PERSONAL_RE.fullmatch(cleaned) is None:
            raise InvalidCodeError(text, _PERSONAL_KIND, _PERSONAL_EXPECTED)
        if cleaned[:3] not in _PROVINCE_NAMES:
            expected = f"{_PERSONAL_EXPECTED}; {cleaned[:3]} is not a province code"
            raise InvalidCodeError(text, _PERSONAL_KIND, expected)
        return _trusted(cls, ("text", cleaned))

    @classmethod
    def parse_or_none(cls, text: str) -> PersonalId | None:
        """Like :meth:`parse`, but ``None`` instead of an exception."""
        try:
            return cls.parse(text)
        except InvalidCodeError:
            return None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PersonalId({self.text!r})"

    @property
    def province_code(self) -> str:
        """The three-digit province code of the birth registration, e.g. ``"001"``."""
        return self.text[:3]

    @property
    def province(self) -> str:
        """The name of that province as it was before the 2025 merger (e.g. ``"Hà Giang"``)."""
        return _PROVINCE_NAMES[self.text[:3]]

    @property
    def sex(self) -> Sex:
        """Male for an even fourth digit, female for an odd one."""
        return Sex.FEMALE if int(self.text[3]) % 2 else Sex.MALE

    @property
    def birth_year(self) -> int:
        """The birth year: the century from the fourth digit, then digits five and six."""
        return 1900 + 100 * (int(self.text[3]) // 2) + int(self.text[4:6])

    @property
    def serial(self) -> str:
        """The last six digits, as written."""
        return self.text[6:]


# -- tax codes (mã số thuế) --------------------------------------------------------------------------

_TAX_KIND = "tax code (MST)"
_TAX_EXPECTED = (
    "10 digits with a valid check digit, or 13 for a branch ('0314409058-002'); separators "
    "' ', '-' and '.' are allowed (Thông tư 105/2020/TT-BTC, checked by python-stdnum)"
)
_TAX_RE: Final = re.compile(r"[0-9][0-9 .\-]{9,30}", re.ASCII)


def _check_tax_text(instance: object, attribute: object, value: str) -> None:
    if not (isinstance(value, str) and _TAX_RE.fullmatch(value)):
        raise InvalidCodeError(value, _TAX_KIND, _TAX_EXPECTED)
    try:
        canonical = mst.format(mst.validate(value))
    except ValidationError as error:
        raise InvalidCodeError(value, _TAX_KIND, f"{_TAX_EXPECTED}; {error}") from None
    if canonical != value:
        raise InvalidCodeError(value, _TAX_KIND, f"the canonical form {canonical!r}")


@attrs.frozen(repr=False)
class TaxCode:
    """A tax code (mã số thuế, MST), which is also an enterprise's registration number.

    Ten digits: two for the province of first registration, seven serial digits and a check
    digit (weights 31, 29, 23, 19, 17, 13, 7, 5, 3 over the first nine, then
    ``10 - sum mod 11``; a remainder of 0 is never issued), and for a branch or dependent
    unit three more (001-999) after a dash (Thông tư 105/2020/TT-BTC; Luật Quản lý thuế
    38/2019/QH14). tthc does not re-implement the check: it asks python-stdnum's
    ``stdnum.vn.mst``, and keeps stdnum's presentation (``0314409058-002``) as the canonical
    text. An individual's 12-digit personal identification number used as a tax code from
    1/7/2025 is a :class:`PersonalId`, not a :class:`TaxCode`.

    >>> from tthc.codes import TaxCode
    >>> branch = TaxCode.parse("0314409058002")
    >>> branch, branch.head, branch.branch
    (TaxCode('0314409058-002'), TaxCode('0314409058'), '002')
    >>> TaxCode.parse("0100233489")
    Traceback (most recent call last):
    ...
    tthc.errors.InvalidCodeError: '0100233489' is not a valid tax code (MST): expected 10 digits with a valid check digit, or 13 for a branch ('0314409058-002'); separators ' ', '-' and '.' are allowed (Thông tư 105/2020/TT-BTC, checked by python-stdnum); The number's checksum or check digit is invalid.
    """

    text: str = attrs.field(validator=_check_tax_text)
    """The canonical text: 10 digits, or 10 digits, a dash and the 3-digit branch number."""

    @classmethod
    def parse(cls, text: str) -> TaxCode:
        """The tax code *text*, with or without stdnum's separators.

        Raises:
            InvalidCodeError: wrong length or characters, a wrong check digit, or a branch
                number 000 (stdnum's reason is appended to the message).
        """
        cleaned = _clean(text, _TAX_KIND, _TAX_EXPECTED)
        if _TAX_RE.fullmatch(cleaned) is None:
            raise InvalidCodeError(text, _TAX_KIND, _TAX_EXPECTED)
        try:
            compact = mst.validate(cleaned)
        except ValidationError as error:
            raise InvalidCodeError(text, _TAX_KIND, f"{_TAX_EXPECTED}; {error}") from None
        return _trusted(cls, ("text", mst.format(compact)))

    @classmethod
    def parse_or_none(cls, text: str) -> TaxCode | None:
        """Like :meth:`parse`, but ``None`` instead of an exception."""
        try:
            return cls.parse(text)
        except InvalidCodeError:
            return None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"TaxCode({self.text!r})"

    @property
    def digits(self) -> str:
        """The 10 or 13 digits without the dash."""
        return self.text.replace("-", "")

    @property
    def branch(self) -> str | None:
        """The 3-digit branch (dependent unit) number, or ``None`` for a head code."""
        return self.text[11:] if len(self.text) > 10 else None

    @property
    def head(self) -> TaxCode:
        """The 10-digit code of the enterprise itself (the code itself if it has no branch)."""
        return self if len(self.text) == 10 else TaxCode(self.text[:10])


# -- the agency registry ------------------------------------------------------------------------------


class AgencyStatus(enum.Enum):
    """What became of an agency code's entry."""

    ACTIVE = "active"
    """In force, with no end date."""
    CLOSED = "closed"
    """The code stops after ``valid_to``; ``successor`` names the code that took over."""
    RENAMED = "renamed"
    """The code continues the next day with a new entry (a new name)."""


def _to_agency(value: AgencyCode | str) -> AgencyCode:
    return value if isinstance(value, AgencyCode) else AgencyCode.parse(value)


def _to_optional_agency(value: AgencyCode | str | None) -> AgencyCode | None:
    return None if value is None else _to_agency(value)


def _check_entry(entry: AgencyEntry) -> None:
    code = entry.code
    if entry.valid_from and entry.valid_to and entry.valid_to < entry.valid_from:
        msg = f"{code}: valid_to {entry.valid_to} is before valid_from {entry.valid_from}"
        raise RecordError(msg, field="valid_to")
    if entry.status is AgencyStatus.ACTIVE and entry.valid_to is not None:
        msg = f"{code}: an active entry has no valid_to (got {entry.valid_to})"
        raise RecordError(msg, field="valid_to")
    if entry.status is not AgencyStatus.ACTIVE and entry.valid_to is None:
        msg = f"{code}: a {entry.status.value} entry needs valid_to, its last day in force"
        raise RecordError(msg, field="valid_to")
    if entry.successor is not None and entry.status is not AgencyStatus.CLOSED:
        msg = f"{code}: only a closed entry has a successor (status {entry.status.value})"
        raise RecordError(msg, field="successor")
    if entry.successor == code:
        msg = f"{code}: an entry cannot be its own successor"
        raise RecordError(msg, field="successor")


def _check_day(day: object) -> None:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        msg = f"expected a datetime.date (a day, Vietnam time), got {day!r}"
        raise TypeError(msg)


def _optional_day(instance: object, attribute: object, day: dt.date | None) -> None:
    if day is not None:
        _check_day(day)


@attrs.frozen
class AgencyEntry:
    """One version of an agency code in an :class:`AgencyRegistry`.

    A code has one entry per period: a renamed agency keeps its code with a new entry from
    the next day; a closed code (a merger) ends and may name its ``successor``.
    """

    code: AgencyCode = attrs.field(converter=_to_agency)
    """The agency code (a ``str`` is parsed)."""
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The agency's name in this period."""
    valid_from: dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_day)
    """The first day in force; ``None`` when it was in force before the registry's records."""
    valid_to: dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_day)
    """The last day in force (inclusive); ``None`` while in force."""
    status: AgencyStatus = attrs.field(
        default=AgencyStatus.ACTIVE, kw_only=True, converter=AgencyStatus
    )
    """Active, closed or renamed (:class:`AgencyStatus`)."""
    successor: AgencyCode | None = attrs.field(
        default=None, kw_only=True, converter=_to_optional_agency
    )
    """For a closed code, the code that took its agency over, when known."""
    confidence: Confidence = attrs.field(
        default=Confidence.UNCONFIRMED, kw_only=True, converter=Confidence
    )
    """How well the entry was checked (``unconfirmed`` unless the source says otherwise)."""
    source: LegalSource | None = attrs.field(default=None, kw_only=True)
    """The decision the entry comes from."""
    note: str = attrs.field(default="", kw_only=True)
    """What was confirmed and what inferred, in words."""

    def __attrs_post_init__(self) -> None:
        _check_entry(self)

    def in_force(self, day: dt.date) -> bool:
        """Whether the entry is in force on *day*."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _entry_tuple(entries: Iterable[AgencyEntry]) -> tuple[AgencyEntry, ...]:
    return tuple(entries)


MAX_REGISTRY_ROWS: Final = 1_000_000
"""The most rows :meth:`AgencyRegistry.load` reads (more is refused, not truncated)."""

_COLUMNS: Final = (
    "code",
    "name",
    "valid_from",
    "valid_to",
    "status",
    "successor",
    "confidence",
    "source",
    "note",
)
_KNOWN_SOURCES: Final = {
    key: value
    for source in (QD_20_2020_QD_TTG, QD_09_2025_QD_TTG)
    for key, value in ((source.number, source), (source.number.replace("Đ", "D"), source))
}


@attrs.frozen
class RegistryImport:
    """What :meth:`AgencyRegistry.read` made of a file: the registry and the rows refused."""

    registry: AgencyRegistry
    """The registry of every row that could be read."""
    errors: tuple[RecordError, ...]
    """One error per refused row, with its index (0 = the first data row) and reason."""


@attrs.frozen(repr=False)
class AgencyRegistry:
    """Agencies by code, with validity dates and successor links (a versioned registry).

    The shape of a code is checked by :class:`AgencyCode`; whether it names an agency, and
    whether that agency still exists, only a registry can say (data-formats.md §2.4). The
    registry tthc ships (:meth:`shipped`) holds only the entries the research confirmed,
    each with its own status and confidence (``tthc._data.agencies``); load the official
    table of Quyết định 20/2020/QĐ-TTg as amended by 09/2025/QĐ-TTg with :meth:`load`.

    Lookups take the day they are about (``as_of``): a dossier received in 2024 keeps the
    agency names of 2024. :meth:`get` answers which entry a code had on a day;
    :meth:`current` follows the successor links of closed codes (the 2025 mergers) to the
    agency in charge on that day. An agency code is not an administrative-unit code (mã đơn
    vị hành chính, Quyết định 19/2025/QĐ-TTg): the registry never derives one from the other.

    >>> from datetime import date
    >>> from tthc.codes import AgencyRegistry
    >>> registry = AgencyRegistry.shipped()
    >>> registry.get("000.00.00.G14", as_of=date(2024, 6, 1)).name
    'Bộ Thông tin và Truyền thông'
    >>> registry.current("000.00.00.G14", as_of=date(2025, 6, 1)).name
    'Bộ Khoa học và Công nghệ'
    """

    entries: tuple[AgencyEntry, ...] = attrs.field(converter=_entry_tuple)
    """Every entry, in the order given."""
    _by_code: dict[AgencyCode, tuple[AgencyEntry, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        by_code: dict[AgencyCode, list[AgencyEntry]] = {}
        for index, entry in enumerate(self.entries):
            if not isinstance(cast(object, entry), AgencyEntry):
                msg = f"expected an AgencyEntry, got {entry!r}"
                raise RecordError(msg, index=index)
            problem = _conflict(by_code, entry)
            if problem:
                raise RecordError(problem, index=index)
            by_code.setdefault(entry.code, []).append(entry)
        for index, entry in enumerate(self.entries):
            problem = _renamed_without_next(by_code, entry)
            if problem:
                raise RecordError(problem, index=index)
        object.__setattr__(
            self, "_by_code", {code: _by_start(found) for code, found in by_code.items()}
        )

    def __repr__(self) -> str:
        return f"<AgencyRegistry of {len(self.entries)} entries, {len(self._by_code)} codes>"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[AgencyEntry]:
        return iter(self.entries)

    def __contains__(self, code: object) -> bool:
        if isinstance(code, str):
            code = AgencyCode.parse_or_none(code)
        return isinstance(code, AgencyCode) and code in self._by_code

    @classmethod
    def shipped(cls) -> AgencyRegistry:
        """The registry of the confirmed entries tthc ships (``tthc._data.agencies``)."""
        return _SHIPPED

    @classmethod
    def load(cls, source: str | os.PathLike[str] | IO[str]) -> AgencyRegistry:
        """Read a registry from a JSON or CSV file; every row must be readable.

        *source* is a path or an open text file. The format comes from the file name
        (``.json``, ``.csv``) or, failing that, from the first character (``[`` or ``{``
        means JSON). JSON is a list of objects (or ``{"agencies": [...]}``); CSV has a header
        row. The fields are those of :class:`AgencyEntry`: ``code`` and ``name`` are
        required; ``valid_from``/``valid_to`` are ISO dates (``2025-04-14``) or empty;
        ``status`` is ``active``, ``closed`` or ``renamed`` (default: ``closed`` when there
        is a ``valid_to``, else ``active``); ``successor`` an agency code or empty;
        ``confidence`` one of :class:`~tthc.legal.Confidence` (default ``unconfirmed``);
        ``source`` a document number (``20/2020/QĐ-TTg`` and ``09/2025/QĐ-TTg`` are
        recognised, other numbers are kept as given); ``note`` free text. Other columns are
        ignored. At most :data:`MAX_REGISTRY_ROWS` rows are read.

        >>> import io
        >>> from datetime import date
        >>> from tthc.codes import AgencyRegistry
        >>> table = io.StringIO(
        ...     "code,name,valid_to,successor,source\\n"
        ...     "000.00.00.H22,UBND tỉnh Hà Giang,2025-06-30,000.00.00.H60,09/2025/QĐ-TTg\\n"
        ...     "000.00.00.H60,UBND tỉnh Tuyên Quang,,,20/2020/QĐ-TTg\\n"
        ... )
        >>> registry = AgencyRegistry.load(table)
        >>> registry.current("000.00.00.H22", as_of=date(2025, 7, 1)).name
        'UBND tỉnh Tuyên Quang'

        Raises:
            RecordError: the first row that cannot be read (with its index and field), or a
                file that is not UTF-8 text, or neither JSON nor CSV. :meth:`read` reports
                every bad row instead.
            CountTooLargeError: the file has more than :data:`MAX_REGISTRY_ROWS` rows.
        """
        result = cls.read(source)
        if result.errors:
            raise result.errors[0]
        return result.registry

    @classmethod
    def read(cls, source: str | os.PathLike[str] | IO[str]) -> RegistryImport:
        """Like :meth:`load`, but keep the readable rows and report each refused one.

        A row is refused for a missing or malformed field, an overlap with an earlier entry
        of the same code, or a successor link that would close a cycle.
        """
        rows = _read_rows(source)
        errors: list[RecordError] = []
        accepted: dict[int, AgencyEntry] = {}
        by_code: dict[AgencyCode, list[AgencyEntry]] = {}
        for index, row in enumerate(rows):
            if index >= MAX_REGISTRY_ROWS:
                raise CountTooLargeError(index + 1, MAX_REGISTRY_ROWS, what="registry rows")
            try:
                entry = _entry_of(row)
            except RecordError as error:
                errors.append(RecordError(error.reason, index=index, field=error.field))
                continue
            problem = _conflict(by_code, entry)
            if problem:
                errors.append(RecordError(problem, index=index))
                continue
            by_code.setdefault(entry.code, []).append(entry)
            accepted[index] = entry
        for index, entry in list(accepted.items()):
            problem = _renamed_without_next(by_code, entry)
            if problem:
                errors.append(RecordError(problem, index=index))
                del accepted[index]
        errors.sort(key=_error_index)
        return RegistryImport(cls(accepted.values()), tuple(errors))

    def history(self, code: AgencyCode | str) -> tuple[AgencyEntry, ...]:
        """Every entry of *code*, oldest first (empty if the registry does not know it)."""
        return self._by_code.get(_to_agency(code), ())

    def get(self, code: AgencyCode | str, *, as_of: dt.date) -> AgencyEntry:
        """The entry of *code* in force on *as_of*.

        Raises:
            UnknownCodeError: the registry does not know the code, or no entry of it is in
                force that day (the message says when it was).
            InvalidCodeError: *code* is not an agency code.
        """
        _check_day(as_of)
        agency = _to_agency(code)
        entries = self._by_code.get(agency, ())
        for entry in entries:
            if entry.in_force(as_of):
                return entry
        raise UnknownCodeError(agency, _where(entries, as_of))

    def successor(self, code: AgencyCode | str) -> AgencyCode | None:
        """The code that took over *code* when it closed, or ``None`` (still open, unknown)."""
        entries = self.history(code)
        return entries[-1].successor if entries else None

    def current(self, code: AgencyCode | str, *, as_of: dt.date) -> AgencyEntry:
        """The entry in charge on *as_of*: *code*'s own, or its successors' after a closure.

        Successor links are followed until an entry in force on *as_of* is found; a cycle of
        links (which :class:`AgencyRegistry` refuses to build) could not loop forever.

        Raises:
            UnknownCodeError: a code on the way is unknown, starts after *as_of*, or closed
                with no successor recorded.
        """
        _check_day(as_of)
        agency = _to_agency(code)
        seen = {agency}
        while True:
            entries = self._by_code.get(agency, ())
            started = [e for e in entries if e.valid_from is None or e.valid_from <= as_of]
            if not started:
                raise UnknownCodeError(agency, _where(entries, as_of))
            last = started[-1]
            if last.in_force(as_of):
                return last
            if last.successor is None or last.successor in seen:
                raise UnknownCodeError(agency, _where(entries, as_of))
            agency = last.successor
            seen.add(agency)


def _by_start(entries: list[AgencyEntry]) -> tuple[AgencyEntry, ...]:
    return tuple(sorted(entries, key=lambda e: e.valid_from or dt.date.min))


def _overlaps(a: AgencyEntry, b: AgencyEntry) -> bool:
    a_from, b_from = a.valid_from or dt.date.min, b.valid_from or dt.date.min
    a_to, b_to = a.valid_to or dt.date.max, b.valid_to or dt.date.max
    return a_from <= b_to and b_from <= a_to


def _conflict(by_code: Mapping[AgencyCode, list[AgencyEntry]], entry: AgencyEntry) -> str:
    """Why *entry* cannot join the entries so far ("" if it can)."""
    for other in by_code.get(entry.code, ()):
        if _overlaps(entry, other):
            return (
                f"{entry.code}: {_period(entry)} overlaps the entry {other.name!r} "
                f"({_period(other)})"
            )
    successor, chain = entry.successor, [entry.code]
    while successor is not None:
        chain.append(successor)
        if successor == entry.code:
            links = " -> ".join(map(str, chain))
            return f"{entry.code}: successor links form a cycle ({links})"
        known = by_code.get(successor)
        successor = known[-1].successor if known else None
        if len(chain) > len(by_code) + 2:
            break
    return ""


def _renamed_without_next(
    by_code: Mapping[AgencyCode, list[AgencyEntry]], entry: AgencyEntry
) -> str:
    if entry.status is not AgencyStatus.RENAMED or entry.valid_to is None:
        return ""
    next_day = entry.valid_to + dt.timedelta(days=1)
    if any(other.valid_from == next_day for other in by_code.get(entry.code, ())):
        return ""
    return f"{entry.code}: renamed after {entry.valid_to}, but no entry of it starts {next_day}"


def _period(entry: AgencyEntry) -> str:
    parts = []
    if entry.valid_from:
        parts.append(f"from {entry.valid_from.isoformat()}")
    if entry.valid_to:
        parts.append(f"until {entry.valid_to.isoformat()}")
    return " ".join(parts) or "with no dates"


def _where(entries: tuple[AgencyEntry, ...], as_of: dt.date) -> str:
    if not entries:
        return "the agency registry"
    described = []
    for entry in entries:
        text = f"{entry.name!r} {_period(entry)}"
        if entry.successor is not None:
            text += f", successor {entry.successor}"
        elif entry.status is AgencyStatus.CLOSED:
            text += ", closed with no successor recorded"
        described.append(text)
    return f"force on {as_of.isoformat()} (registry entries: {'; '.join(described)})"


def _error_index(error: RecordError) -> int:
    return -1 if error.index is None else error.index


def _read_rows(source: str | os.PathLike[str] | IO[str]) -> list[Mapping[str, object]]:
    content: object
    try:
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            content = cast(object, path.read_text(encoding="utf-8-sig"))
            kind = path.suffix.lower().lstrip(".")
        else:
            content = cast(object, source.read())
            kind = Path(str(getattr(source, "name", ""))).suffix.lower().lstrip(".")
    except UnicodeDecodeError as error:
        msg = f"the file is not UTF-8 text ({error}); save it as UTF-8 first"
        raise RecordError(msg) from None
    if not isinstance(content, str):
        msg = f"expected a text file, got {type(content).__name__} content"
        raise RecordError(msg)
    text = content.removeprefix("\ufeff")
    if kind not in {"json", "csv"}:
        kind = "json" if text.lstrip()[:1] in {"[", "{"} else "csv"
    if kind == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    try:
        data = json.loads(text)
    except ValueError as error:
        msg = f"not valid JSON: {error}"
        raise RecordError(msg) from None
    if isinstance(data, dict) and "agencies" in data:
        data = data["agencies"]
    if not isinstance(data, list):
        msg = "expected a JSON list of agency objects (or {'agencies': [...]})"
        raise RecordError(msg)
    return data


def _text(row: Mapping[str, object], key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"expected text, got {value!r}"
        raise RecordError(msg, field=key)
    value = value.strip()
    return value or None


def _day_of(row: Mapping[str, object], key: str) -> dt.date | None:
    text = _text(row, key)
    try:
        return None if text is None else dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO date such as 2025-04-14, got {text!r}"
        raise RecordError(msg, field=key) from None


def _agency_of(row: Mapping[str, object], key: str) -> AgencyCode | None:
    text = _text(row, key)
    try:
        return None if text is None else AgencyCode.parse(text)
    except InvalidCodeError as error:
        raise RecordError(str(error), field=key) from None


def _choice(row: Mapping[str, object], key: str, default: str, allowed: list[str]) -> str:
    value = _text(row, key) or default
    if value not in allowed:
        msg = f"expected one of {', '.join(allowed)}, got {value!r}"
        raise RecordError(msg, field=key)
    return value


def _entry_of(row: object) -> AgencyEntry:
    """The entry of one registry row (RecordError naming the field if it cannot be read)."""
    if not isinstance(row, Mapping):
        msg = f"expected an object with the fields {', '.join(_COLUMNS)}, got {row!r}"
        raise RecordError(msg)
    if None in row:  # csv.DictReader's key for cells beyond the header: a shifted row
        msg = f"the row has more cells than the header: {row[None]!r} left over"
        raise RecordError(msg)
    code, name = _agency_of(row, "code"), _text(row, "name")
    missing = "missing"
    if code is None:
        raise RecordError(missing, field="code")
    if name is None:
        raise RecordError(missing, field="name")
    valid_from, valid_to = _day_of(row, "valid_from"), _day_of(row, "valid_to")
    status = _choice(
        row, "status", "closed" if valid_to else "active", [s.value for s in AgencyStatus]
    )
    confidence = _choice(
        row, "confidence", Confidence.UNCONFIRMED.value, [c.value for c in Confidence]
    )
    number = _text(row, "source")
    source = None
    if number is not None:
        source = _KNOWN_SOURCES.get(number) or LegalSource(
            number, "as given by the loaded registry", confidence=Confidence.UNCONFIRMED
        )
    return AgencyEntry(
        code,
        name,
        valid_from=valid_from,
        valid_to=valid_to,
        status=AgencyStatus(status),
        successor=_agency_of(row, "successor"),
        confidence=Confidence(confidence),
        source=source,
        note=_text(row, "note") or "",
    )


_SHIPPED: Final = AgencyRegistry(
    AgencyEntry(
        row.code,
        row.name,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        status=AgencyStatus(row.status),
        successor=row.successor,
        confidence=row.confidence,
        source=row.source,
        note=row.note,
    )
    for row in AGENCIES
)
