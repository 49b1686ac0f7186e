"""Procedures (thủ tục hành chính) and the catalogue that holds them.

A :class:`Procedure` is one version of a procedure as the National Database on
administrative procedures (Cơ sở dữ liệu quốc gia về thủ tục hành chính) publishes it: its
code, name, field (lĩnh vực), implementing levels (cấp thực hiện), agencies, applicant types,
dossier components per case, results, legal basis and, per channel (cách thức thực hiện), the
time limit (thời hạn giải quyết) with its original wording and the fees (phí, lệ phí). It also
carries the online-service class of Nghị định 42/2022/NĐ-CP Điều 11
(:class:`OnlineServiceLevel`) and the steps of the approved internal or inter-agency process
(quy trình nội bộ, liên thông: :class:`Step`).

A :class:`Catalog` holds procedures, several versions per code when a procedure was amended,
and answers lookups by code *as of* a date (a dossier keeps the version in force when it was
received) and searches by name with or without diacritics.

>>> from datetime import date
>>> from tthc.catalog import Channel, fixture
>>> catalog = fixture()
>>> p = catalog.get("1.001193", as_of=date(2025, 3, 3))
>>> p.name, p.field
('Đăng ký khai sinh', 'Hộ tịch')
>>> print(p.time_limit(Channel.IN_PERSON))
Trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo
>>> [q.name for q in catalog.search("dang ky khai sinh")]
['Đăng ký khai sinh có yếu tố nước ngoài', 'Đăng ký khai sinh', 'Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi']

Catalogue records of the national database (upper-case JSON keys) are read by
:meth:`Catalog.from_national_records`, which reports every record it cannot read; tthc's own
model goes to JSON and back without loss through :data:`converter` (:func:`to_json`,
:func:`from_json`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from typing import Any, NoReturn, TypeVar

import attrs
import cattrs

from tthc._data.catalog import DECREE_43_LEVELS, STEP_RULES
from tthc.calendar import VIETNAM_TZ
from tthc.codes import ProcedureCode
from tthc.deadlines import (
    HOURS_PER_WORKING_DAY,
    CutoffBasis,
    ParsedTimeLimit,
    TimeLimit,
    Unit,
)
from tthc.errors import (
    InvalidCodeError,
    InvalidTimeLimitError,
    NoTimeLimitError,
    ProcessTooLongError,
    RecordError,
    TimeLimitParseError,
    TthcError,
    UnknownCodeError,
)
from tthc.legal import Confidence, LegalSource

__all__ = [
    "Agency",
    "ApplicantType",
    "Catalog",
    "Channel",
    "ChannelTerms",
    "Document",
    "DossierCase",
    "Fee",
    "Field",
    "ImportNote",
    "ImportResult",
    "LegalBasis",
    "Level",
    "LevelMapping",
    "OnlineServiceLevel",
    "Procedure",
    "Result",
    "Step",
    "StepProblem",
    "StepProblemKind",
    "converter",
    "fixture",
    "fixture_records",
    "from_json",
    "structure",
    "to_json",
    "unstructure",
]

_T = TypeVar("_T")


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
_CHANNEL_WORDS = {
    Channel.IN_PERSON: "in-person",
    Channel.ONLINE: "online",
    Channel.POSTAL: "postal",
}


# -- folding Vietnamese text ---------------------------------------------------------------------

_TONES = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}
"""The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters."""
_VOWEL_MARKS = frozenset("\u0302\u0306\u031b")
"""Circumflex (â ê ô), breve (ă) and horn (ơ ư): part of the letter, not of the tone."""
_WORD = re.compile(r"\w+")


@attrs.frozen
class _Word:
    """One word folded three ways: no marks at all, letters only (no tone), and its tone."""

    loose: str
    letters: str
    tone: str

    @property
    def has_letter_marks(self) -> bool:
        return self.letters != self.loose


def _fold_word(token: str) -> _Word:
    """Fold one word; the tone is kept apart, so its placement (hoà/hòa) does not matter."""
    tone = ""
    letters: list[str] = []
    loose: list[str] = []
    for ch in unicodedata.normalize("NFD", token.lower()):
        if ch in _TONES:
            tone = tone or _TONES[ch]
        elif ch in _VOWEL_MARKS:
            letters.append(ch)
        elif unicodedata.combining(ch):
            continue
        else:
            letters.append(ch)
            loose.append("d" if ch == "đ" else ch)
    return _Word("".join(loose), unicodedata.normalize("NFC", "".join(letters)), tone)


def _fold_words(text: str) -> tuple[_Word, ...]:
    return tuple(_fold_word(t) for t in _WORD.findall(unicodedata.normalize("NFC", text)))


def _fold(text: str) -> str:
    """Lower case, no diacritics at all, words separated by one space."""
    return " ".join(w.loose for w in _fold_words(text))


def _word_matches(q: _Word, w: _Word, *, prefix: bool) -> bool:
    def same(a: str, b: str) -> bool:
        return b.startswith(a) if prefix else a == b

    if not same(q.loose, w.loose):
        return False
    if q.has_letter_marks and not same(q.letters, w.letters):
        return False
    return not q.tone or q.tone == w.tone


def _matches(query: tuple[_Word, ...], name: tuple[_Word, ...]) -> bool:
    """Whether the query's words appear in *name* in a row (the last one may be a prefix)."""
    n = len(query)
    if n == 0:
        return True
    for start in range(len(name) - n + 1):
        if all(_word_matches(q, name[start + i], prefix=i == n - 1) for i, q in enumerate(query)):
            return True
    return False


# -- levels --------------------------------------------------------------------------------------


class Level(enum.StrEnum):
    """An implementing level (cấp thực hiện) of a procedure."""

    CENTRAL = "central"
    """Cấp Bộ / cấp trung ương: a ministry or central agency."""
    PROVINCE = "province"
    """Cấp tỉnh."""
    DISTRICT = "district"
    """Cấp huyện (abolished on 01/07/2025; kept for older versions and dossiers)."""
    COMMUNE = "commune"
    """Cấp xã."""
    OTHER = "other"
    """Any other wording (e.g. "Cơ quan khác"); the import notes the text."""

    @classmethod
    def from_name(cls, text: str) -> Level:
        """The level a ``TENCAP`` text names, whatever its case or diacritics.

        >>> Level.from_name("Cấp Xã"), Level.from_name("cap huyen"), Level.from_name("Cấp Bộ")
        (<Level.COMMUNE: 'commune'>, <Level.DISTRICT: 'district'>, <Level.CENTRAL: 'central'>)
        >>> Level.from_name("Đơn vị sự nghiệp")
        <Level.OTHER: 'other'>
        """
        words = set(_fold(text).split())
        for level, keys in _LEVEL_WORDS:
            if words & keys:
                return level
        return cls.OTHER


_LEVEL_WORDS = (
    (Level.COMMUNE, {"xa", "phuong", "khu"}),
    (Level.DISTRICT, {"huyen"}),
    (Level.PROVINCE, {"tinh"}),
    (Level.CENTRAL, {"bo", "trung", "tw"}),
)


class OnlineServiceLevel(enum.StrEnum):
    """The online-service class of a procedure (Nghị định 42/2022/NĐ-CP Điều 11 khoản 1).

    Stored as the catalogue states it. Old data in the four levels of Nghị định 43/2011/NĐ-CP
    is read through :meth:`from_decree_43`, which says when its answer is an assumption.
    """

    FULL = "full"
    """Dịch vụ công trực tuyến toàn trình: information, filing, processing and the result
    (online or by public postal service) all happen online (Điều 11(1)(a))."""
    PARTIAL = "partial"
    """Dịch vụ công trực tuyến một phần: an online service that is not full-process."""
    NONE = "none"
    """No online public service (information only)."""

    @classmethod
    def parse(cls, text: str) -> OnlineServiceLevel:
        """The class a catalogue text names ("toàn trình", "Một phần", "không", "full"...).

        >>> OnlineServiceLevel.parse("DVCTT toàn trình"), OnlineServiceLevel.parse("mot phan")
        (<OnlineServiceLevel.FULL: 'full'>, <OnlineServiceLevel.PARTIAL: 'partial'>)
        >>> OnlineServiceLevel.parse("không toàn trình")  # a negation is not read as a class
        Traceback (most recent call last):
            ...
        tthc.errors.InvalidCodeError: 'không toàn trình' is not a valid online-service class: expected 'toàn trình', 'một phần' or 'không' (old levels: OnlineServiceLevel.from_decree_43)
        >>> OnlineServiceLevel.parse("mức 4")
        Traceback (most recent call last):
            ...
        tthc.errors.InvalidCodeError: 'mức 4' is not a valid online-service class: expected 'toàn trình', 'một phần' or 'không' (old levels: OnlineServiceLevel.from_decree_43)
        """
        folded = _fold(text) if isinstance(text, str) else ""
        for level in cls:
            if folded == level.value:
                return level
        negated = re.search(r"\b(khong|chua)\b", folded) is not None
        if "toan trinh" in folded and not negated:
            return cls.FULL
        if "mot phan" in folded and not negated:
            return cls.PARTIAL
        if folded in {"", "khong", "none", "khong co"}:
            return cls.NONE
        raise InvalidCodeError(
            text,
            "online-service class",
            "'toàn trình', 'một phần' or 'không' (old levels: OnlineServiceLevel.from_decree_43)",
        )

    @classmethod
    def from_decree_43(
        cls,
        level: int | str,
        *,
        result_in_person: bool | None = None,
        level_2: OnlineServiceLevel | None = None,
    ) -> LevelMapping:
        """The Decree-42 class of an old level 1-4 (mức độ) of Nghị định 43/2011/NĐ-CP.

        The mapping is lossy (kpi-and-index.md §4.2) and the answer says so:
        :attr:`LevelMapping.lossy` is true whenever it rests on an assumption.

        - Level 4 is full-process only if the result is delivered online or by post: pass
          ``result_in_person=True`` when it must be collected in person (then it is
          "một phần"); when unknown (``None``) full-process is assumed and flagged.
        - Level 2 is read as no online service [M]; ``level_2=`` chooses another reading.

        >>> m = OnlineServiceLevel.from_decree_43(4)
        >>> m.level, m.lossy
        (<OnlineServiceLevel.FULL: 'full'>, True)
        >>> OnlineServiceLevel.from_decree_43("4", result_in_person=True).level
        <OnlineServiceLevel.PARTIAL: 'partial'>
        >>> OnlineServiceLevel.from_decree_43(3).level, OnlineServiceLevel.from_decree_43(3).lossy
        (<OnlineServiceLevel.PARTIAL: 'partial'>, False)
        >>> OnlineServiceLevel.from_decree_43(5)
        Traceback (most recent call last):
            ...
        tthc.errors.InvalidCodeError: 5 is not a valid online-service level of Nghị định 43/2011/NĐ-CP: expected 1, 2, 3 or 4
        """
        text = str(level).strip()
        folded = _fold(text).removeprefix("muc do ").removeprefix("muc ")
        row = next((r for r in DECREE_43_LEVELS if str(r[0]) == folded), None)
        if row is None or isinstance(level, bool):
            raise InvalidCodeError(
                level, "online-service level of Nghị định 43/2011/NĐ-CP", "1, 2, 3 or 4"
            )
        old, mapped, _summary, source, note = row
        target, lossy = cls(mapped), False
        if old == 2:
            target, lossy = (level_2, False) if level_2 is not None else (target, True)
        elif old == 4 and result_in_person:
            target = cls.PARTIAL
            note = "the result must be collected in person, so the service is 'một phần'"
        elif old == 4:
            lossy = result_in_person is None
            if lossy:
                note = (
                    "assumed the result is delivered online or by public postal service; a "
                    "level-4 service whose result must be collected in person is 'một phần'"
                )
        return LevelMapping(old, target, note, source, lossy=lossy)


@attrs.frozen
class LevelMapping:
    """The answer of :meth:`OnlineServiceLevel.from_decree_43`: the class, and how sure."""

    old_level: int
    """The old level (mức độ 1-4)."""
    level: OnlineServiceLevel
    """The Decree-42 class it maps to."""
    note: str
    """What the mapping assumed or why it is exact."""
    source: LegalSource
    """The provision the mapping applies."""
    lossy: bool = attrs.field(kw_only=True)
    """True when the answer rests on an assumption the old level cannot settle."""


# -- the parts of a procedure --------------------------------------------------------------------


@attrs.frozen
class Field:
    """A field (lĩnh vực thực hiện), e.g. "Hộ tịch" (code ``MALINHVUC``, e.g. ``G15-HT``)."""

    name: str
    code: str | None = None


@attrs.frozen
class Agency:
    """An agency named by a record (``MADONVI``, ``TENDONVI``); the code is kept as written."""

    name: str
    code: str | None = None


@attrs.frozen
class ApplicantType:
    """An applicant type (đối tượng thực hiện), e.g. "Công dân Việt Nam"."""

    name: str
    code: str | None = None


@attrs.frozen(kw_only=True)
class Document:
    """A paper of the dossier (giấy tờ, thành phần hồ sơ)."""

    name: str
    code: str | None = None
    originals: int = 0
    """Số bản chính."""
    copies: int = 0
    """Số bản sao."""
    form: str | None = None
    """The form's name (tên mẫu đơn, tờ khai), if any."""
    form_url: str | None = None
    replaced_by: str | None = None
    """``MA_KQ_THAYTHE``: the code of an issued result that can stand in for this paper."""


@attrs.frozen
class DossierCase:
    """The dossier components (thành phần hồ sơ) of one case (trường hợp); "" = every case."""

    case: str
    documents: tuple[Document, ...] = ()


@attrs.frozen(kw_only=True)
class Result:
    """A result document (kết quả thực hiện), e.g. "Giấy khai sinh"."""

    name: str
    code: str | None = None
    file_name: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class LegalBasis:
    """A document of the legal basis (căn cứ pháp lý) as the record cites it."""

    number: str
    """Số văn bản, e.g. ``"23/2015/NĐ-CP"``."""
    title: str = ""
    issued: _dt.date | None = None
    in_force: _dt.date | None = None
    issuer: str | None = None
    url: str | None = None

    def source(self) -> LegalSource:
        """The citation as a :class:`~tthc.legal.LegalSource` (secondary: a record's word).

        >>> LegalBasis(number="23/2015/NĐ-CP", title="Nghị định ...").source().number
        '23/2015/NĐ-CP'
        """
        return LegalSource(
            self.number,
            self.title,
            issued=self.issued,
            in_force=self.in_force,
            url=self.url,
            confidence=Confidence.SECONDARY,
        )


@attrs.frozen(kw_only=True)
class Fee:
    """A fee or charge (phí, lệ phí) of one channel.

    ``amount`` is exact (a :class:`~decimal.Decimal` in ``unit``, usually đồng) when the
    record gives a number, else ``None``; ``amount_text`` keeps what the record wrote.
    """

    amount: Decimal | None = None
    amount_text: str = ""
    unit: str = ""
    description: str = ""
    code: str | None = None
    file_name: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class ChannelTerms:
    """The time limit and fees of a procedure through one channel (one ``THOIGIAN`` entry).

    ``time`` is what :meth:`TimeLimit.parse <tthc.deadlines.TimeLimit.parse>` read from the
    record: the limit, the original text, excluded periods and the parser's notes.
    """

    channel: Channel
    time: ParsedTimeLimit
    fees: tuple[Fee, ...] = ()
    description: str = ""
    """The case this entry applies to, when the record distinguishes cases."""

    @property
    def limit(self) -> TimeLimit:
        """The time limit."""
        return self.time.limit

    @property
    def text(self) -> str:
        """The time limit as the record wrote it."""
        return self.time.text


def _check_step_duration(instance: object, attribute: object, value: TimeLimit) -> None:
    if getattr(value, "unit", None) not in (Unit.WORKING_DAYS, Unit.WORKING_HOURS):
        msg = (
            f"a process step lasts working days or working hours (halves allowed), "
            f"got {str(value)!r}"
        )
        raise InvalidTimeLimitError(msg)


def _hours(limit: TimeLimit) -> Fraction:
    """Working hours of a working-day or working-hour limit (8 a day)."""
    if limit.unit is Unit.WORKING_DAYS:
        return limit.amount * HOURS_PER_WORKING_DAY
    return limit.amount


def _as_limit(hours: Fraction) -> TimeLimit:
    """*hours* as working days when they make whole or half days, else as working hours."""
    days = hours / HOURS_PER_WORKING_DAY
    if (days * 2).denominator == 1:
        return TimeLimit.working_days(days)
    return TimeLimit.working_hours(hours)


@attrs.frozen(kw_only=True)
class Step:
    """One step of an internal (quy trình nội bộ) or inter-agency (liên thông) process.

    ``unit`` is the responsible unit or agency; ``duration`` is in working days or working
    hours, halves allowed (0,5 ngày làm việc = one half-day, buổi). ``agency`` names the
    agency the unit belongs to, when the step is handed to another agency (liên thông).

    >>> from fractions import Fraction
    >>> s = Step(unit="Bộ phận Một cửa", duration=TimeLimit.working_days(Fraction(1, 2)))
    >>> print(s.duration)
    0,5 ngày làm việc
    >>> Step(unit="Sở Tư pháp", duration=TimeLimit.calendar_days(3))
    Traceback (most recent call last):
        ...
    tthc.errors.InvalidTimeLimitError: a process step lasts working days or working hours (halves allowed), got '3 ngày'
    """

    unit: str
    duration: TimeLimit = attrs.field(validator=_check_step_duration)
    name: str = ""
    """What the step does (tiếp nhận, thẩm định, ký duyệt, trả kết quả...)."""
    agency: str | None = None


class StepProblemKind(enum.StrEnum):
    """What :meth:`Procedure.check_steps` found."""

    TOO_LONG = "too_long"
    """The steps add up to more than the time limit."""
    NOT_COMPARABLE = "not_comparable"
    """The time limit is not in working days or hours, so the steps cannot be compared."""
    NO_TIME_LIMIT = "no_time_limit"
    """The procedure states no time limit to fit the steps in."""


@attrs.frozen(kw_only=True)
class StepProblem:
    """One problem with a procedure's steps, with the numbers and a message saying it."""

    kind: StepProblemKind
    channel: Channel | None
    total: TimeLimit | None
    """The time limit the steps must fit in (``None`` when there is none)."""
    steps_total: TimeLimit
    """What the steps add up to."""
    excess: TimeLimit | None
    """How much the steps exceed the time limit (for :attr:`StepProblemKind.TOO_LONG`)."""
    message: str


# -- the procedure -------------------------------------------------------------------------------


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, _dt.date) or isinstance(value, _dt.datetime)):
        msg = f"{attribute.name} must be a datetime.date or None, got {value!r}"
        raise TypeError(msg)


def _to_extra(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


def _to_code(value: ProcedureCode | str) -> ProcedureCode:
    return value if isinstance(value, ProcedureCode) else ProcedureCode.parse(value)


@attrs.frozen(kw_only=True)
class Procedure:
    """One version of an administrative procedure (thủ tục hành chính).

    A version applies from ``valid_from`` (inclusive) until ``valid_to`` (exclusive: the day
    the next version applies from), or without end when ``valid_to`` is ``None``.
    ``extra`` keeps the record's keys tthc does not model, untouched (treat it as read-only).

    >>> from tthc.codes import ProcedureCode
    >>> p = Procedure(
    ...     code=ProcedureCode.parse("1.000894"),
    ...     name="Đăng ký kết hôn",
    ...     channels=(ChannelTerms(channel=Channel.IN_PERSON,
    ...                            time=TimeLimit.parse("Ngay trong ngày tiếp nhận hồ sơ")),),
    ... )
    >>> p.time_limit(Channel.IN_PERSON).unit, p.time_limit_text(Channel.POSTAL)
    (<Unit.SAME_DAY: 'same_day'>, 'Ngay trong ngày tiếp nhận hồ sơ')
    """

    code: ProcedureCode = attrs.field(converter=_to_code)
    """The code (a text is parsed with :meth:`ProcedureCode.parse <tthc.codes.ProcedureCode.parse>`)."""
    name: str
    fields: tuple[Field, ...] = ()
    """Lĩnh vực; :attr:`field` is the first one's name."""
    levels: tuple[Level, ...] = ()
    """Cấp thực hiện."""
    implementing_agencies: tuple[Agency, ...] = ()
    """Cơ quan thực hiện."""
    competent_agencies: tuple[Agency, ...] = ()
    """Cơ quan có thẩm quyền."""
    delegated_agencies: tuple[Agency, ...] = ()
    """Cơ quan được ủy quyền."""
    coordinating_agencies: tuple[Agency, ...] = ()
    """Cơ quan phối hợp."""
    applicant_types: tuple[ApplicantType, ...] = ()
    components: tuple[DossierCase, ...] = ()
    """Thành phần hồ sơ, per case."""
    results: tuple[Result, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()
    channels: tuple[ChannelTerms, ...] = ()
    """Per channel, the time limit (original text kept) and the fees."""
    online_level: OnlineServiceLevel = OnlineServiceLevel.NONE
    steps: tuple[Step, ...] = ()
    """The approved internal or inter-agency process, in order."""
    requirements: str = ""
    """Yêu cầu, điều kiện."""
    linked: tuple[str, ...] = ()
    """Codes of linked procedures (TTHC liên thông), as written."""
    valid_from: _dt.date = attrs.field(default=_dt.date.min, validator=_optional_date)
    valid_to: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_to_extra, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to <= self.valid_from:
            reason = (
                f"procedure {str(self.code)!r}: valid_to {self.valid_to.isoformat()} must be "
                f"after valid_from {self.valid_from.isoformat()}"
            )
            raise RecordError(reason, field="valid_to")

    @property
    def field(self) -> str:
        """The field's name (the first, if the record names several); "" if none."""
        return self.fields[0].name if self.fields else ""

    @property
    def field_code(self) -> str | None:
        """The field's code (``MALINHVUC``), if any."""
        return self.fields[0].code if self.fields else None

    def in_force(self, on: _dt.date) -> bool:
        """Whether this version applies on *on*."""
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)

    def terms(self, channel: Channel) -> tuple[ChannelTerms, ...]:
        """The entries of *channel* (several when the record distinguishes cases)."""
        return tuple(t for t in self.channels if t.channel is channel)

    def _terms_for(self, channel: Channel) -> ChannelTerms:
        found = self.terms(channel) or self.terms(Channel.IN_PERSON)
        if not found:
            text = f"{self.code} states no time limit for the {_CHANNEL_WORDS[channel]} channel"
            raise NoTimeLimitError(text)
        return found[0]

    def time_limit(self, channel: Channel) -> TimeLimit:
        """The time limit of a dossier received through *channel*.

        The channel's first entry; a channel the record does not list takes the in-person
        one (the procedure's time limit is the same whatever the channel unless the record
        says otherwise). A same-day limit of a procedure in the field of chứng thực takes the
        15:00 cut-off of Nghị định 23/2015/NĐ-CP Điều 7, whatever its text states
        (:meth:`TimeLimit.certification <tthc.deadlines.TimeLimit.certification>`).

        Raises:
            NoTimeLimitError: The procedure sets no time limit (Không quy định), or states
                none for this channel or in person.
        """
        terms = self._terms_for(channel)
        limit = terms.limit
        if limit.unit is Unit.NONE:
            raise NoTimeLimitError(terms.text)
        if (
            limit.unit is Unit.SAME_DAY
            and limit.cutoff_basis is not CutoffBasis.CERTIFICATION
            and any(_CERTIFICATION_FIELD in _nfc_lower(f.name) for f in self.fields)
        ):
            return TimeLimit.certification()  # Nghị định 23/2015/NĐ-CP Điều 7: 15:00
        return limit

    def time_limit_text(self, channel: Channel) -> str:
        """The time limit of *channel* as the record wrote it (same fallback as
        :meth:`time_limit`).

        Raises:
            NoTimeLimitError: No entry for this channel or in person.
        """
        return self._terms_for(channel).text

    def check_steps(self, channel: Channel | None = None) -> tuple[StepProblem, ...]:
        """The problems of the steps against the time limit of *channel* (default: each
        channel entry); ``()`` when they fit, or when there are no steps.

        The steps must not add up to more than the time limit (legal-rules.md §6, [M]).
        Working days count 8 working hours each.
        """
        if not self.steps:
            return ()
        hours = sum((_hours(s.duration) for s in self.steps), Fraction(0))
        steps_total = _as_limit(hours)
        entries = self.channels if channel is None else self.terms(channel)
        if not entries:
            what = "any channel" if channel is None else f"the {_CHANNEL_WORDS[channel]} channel"
            message = (
                f"{self.code}: the steps take {steps_total} but the procedure states no time "
                f"limit for {what}"
            )
            problem = StepProblem(
                kind=StepProblemKind.NO_TIME_LIMIT,
                channel=channel,
                total=None,
                steps_total=steps_total,
                excess=None,
                message=message,
            )
            return (problem,)
        problems: list[StepProblem] = []
        seen: set[tuple[Channel, TimeLimit]] = set()
        for entry in entries:
            key = (entry.channel, entry.limit)
            if key in seen:
                continue
            seen.add(key)
            problems.extend(self._check_entry(entry, hours, steps_total))
        return tuple(problems)

    def _check_entry(
        self, entry: ChannelTerms, hours: Fraction, steps_total: TimeLimit
    ) -> list[StepProblem]:
        limit, where = entry.limit, _CHANNEL_WORDS[entry.channel]
        if limit.unit is Unit.NONE:
            kind = StepProblemKind.NO_TIME_LIMIT
            message = f"{self.code}: the {where} entry sets no time limit ({entry.text!r})"
            excess = None
        elif limit.unit not in (Unit.WORKING_DAYS, Unit.WORKING_HOURS):
            kind = StepProblemKind.NOT_COMPARABLE
            message = (
                f"{self.code}: the {where} time limit {str(limit)!r} is not in working days or "
                f"hours, so the steps ({steps_total}) cannot be checked against it"
            )
            excess = None
        elif hours > _hours(limit):
            kind = StepProblemKind.TOO_LONG
            excess = _as_limit(hours - _hours(limit))
            listed = " + ".join(f"{s.unit} {s.duration}" for s in self.steps)
            message = (
                f"{self.code}: the steps take {steps_total}, {excess} more than the {where} "
                f"time limit of {limit} ({listed}); rule: {_step_rule(self.valid_from)}"
            )
        else:
            return []
        return [
            StepProblem(
                kind=kind,
                channel=entry.channel,
                total=limit if limit.unit is not Unit.NONE else None,
                steps_total=steps_total,
                excess=excess,
                message=message,
            )
        ]

    def validate(self) -> None:
        """Raise if the steps take longer than a time limit of the procedure.

        Only :attr:`StepProblemKind.TOO_LONG` raises; the other problems are for
        :meth:`check_steps` to report.

        Raises:
            ProcessTooLongError: The message names the channel, the limit, the steps' total,
                the excess and every step.
        """
        for problem in self.check_steps():
            if problem.kind is StepProblemKind.TOO_LONG:
                raise ProcessTooLongError(problem.message)

    def amend(self, on: _dt.date, **changes: Any) -> tuple[Procedure, Procedure]:
        """This version closed on *on*, and the new version applying from *on*.

        >>> from datetime import date
        >>> old = fixture().get("1.001193", as_of=date(2025, 3, 3))
        >>> closed, new = old.amend(date(2026, 1, 1), name="Đăng ký khai sinh (sửa đổi)")
        >>> closed.valid_to, new.valid_from, new.valid_to
        (datetime.date(2026, 1, 1), datetime.date(2026, 1, 1), None)
        """
        closed = attrs.evolve(self, valid_to=on)
        return closed, attrs.evolve(self, valid_from=on, valid_to=None, **changes)


def _step_rule(on: _dt.date) -> str:
    rows = [r for r in STEP_RULES if r[1] <= on] or [STEP_RULES[0]]
    source = rows[-1][3]
    return f"{source.number} [{source.confidence}]"


# -- the catalogue -------------------------------------------------------------------------------


def _code_of(code: ProcedureCode | str) -> ProcedureCode:
    if isinstance(code, ProcedureCode):
        return code
    return ProcedureCode.parse(code)


def _on(as_of: object) -> _dt.date:
    if isinstance(as_of, _dt.datetime):
        return (as_of.astimezone(VIETNAM_TZ) if as_of.tzinfo else as_of).date()
    if isinstance(as_of, _dt.date):
        return as_of
    msg = f"as_of must be a datetime.date (or a datetime), got {as_of!r}"
    raise TypeError(msg)


def _arrange(
    items: Iterable[tuple[int, Procedure]],
) -> tuple[dict[str, tuple[Procedure, ...]], list[RecordError]]:
    """Group versions by code, close open versions at the next one, refuse overlaps."""
    groups: dict[str, list[tuple[int, Procedure]]] = {}
    for index, p in items:
        groups.setdefault(str(p.code), []).append((index, p))
    arranged: dict[str, tuple[Procedure, ...]] = {}
    errors: list[RecordError] = []
    for key in sorted(groups):
        kept: list[Procedure] = []
        for index, p in sorted(groups[key], key=lambda ip: (ip[1].valid_from, ip[0])):
            if kept:
                prev = kept[-1]
                if prev.valid_from == p.valid_from:
                    reason = (
                        f"procedure {key!r} has two versions valid from {p.valid_from.isoformat()}"
                    )
                    errors.append(RecordError(reason, index=index, field="valid_from"))
                    continue
                if prev.valid_to is None:
                    kept[-1] = attrs.evolve(prev, valid_to=p.valid_from)
                elif prev.valid_to > p.valid_from:
                    reason = (
                        f"procedure {key!r}: the version valid from {p.valid_from.isoformat()} "
                        f"overlaps the one valid {prev.valid_from.isoformat()}.."
                        f"{prev.valid_to.isoformat()}"
                    )
                    errors.append(RecordError(reason, index=index, field="valid_from"))
                    continue
            kept.append(p)
        arranged[key] = tuple(kept)
    errors.sort(key=lambda e: e.index or 0)
    return arranged, errors


class Catalog:
    """A collection of procedures, several versions per code when amended.

    Iteration, ``len()`` and ``==`` cover every version held, ordered by code and date; ``in``
    takes a code (a :class:`~tthc.codes.ProcedureCode` or its text). A version without
    ``valid_to`` is closed on the day the next version of its code applies from; two versions
    of one code that overlap are refused (:class:`~tthc.errors.RecordError`, with the index of
    the later one). Names are folded once, when the catalogue is built, for :meth:`search`.

    >>> from datetime import date
    >>> catalog = fixture()
    >>> "2.000815.000.00.00.H55" in catalog, "9.999999" in catalog, "nonsense" in catalog
    (True, False, False)
    >>> len(catalog) == sum(len(catalog.versions(c)) for c in catalog.codes)
    True
    """

    __slots__ = ("_index", "_versions")

    def __init__(self, procedures: Iterable[Procedure] = ()) -> None:
        items = []
        for index, item in enumerate(procedures):
            p: object = item
            if not isinstance(p, Procedure):
                msg = f"a Catalog holds Procedure values, got {p!r} at index {index}"
                raise TypeError(msg)
            items.append((index, p))
        versions, errors = _arrange(items)
        if errors:
            raise errors[0]
        self._versions = versions
        self._index = tuple((p, _fold_words(p.name)) for ps in versions.values() for p in ps)

    @classmethod
    def from_national_records(
        cls,
        records: Iterable[object] | Mapping[str, Any],
        *,
        strict: bool = False,
        check_steps: bool = True,
    ) -> ImportResult:
        """Read procedure records of the national database (upper-case JSON keys).

        *records* is a sequence of records (decoded JSON objects), or the adapter's response
        object with the records under ``"result"``. Every record that cannot be read is
        reported as a :class:`~tthc.errors.RecordError` with its index, the field and the
        reason, and the others are imported; nothing is dropped silently: keys tthc does not
        model go to :attr:`Procedure.extra`, and every lossy reading (a Decree-43 level, a
        time text read differently from its number and unit, an unknown level name...) is
        listed in :attr:`ImportResult.notes`. See the guide for the keys read.

        Args:
            strict: Raise the first problem instead of collecting it.
            check_steps: Refuse a record whose steps take longer than its time limit (the
                rule is [M], so ``False`` imports it with a note instead).

        Raises:
            RecordError: In strict mode, the first record that cannot be read.
            ProcessTooLongError: In strict mode, the first record whose steps are too long.
        """
        if isinstance(records, Mapping):
            if "result" not in records:
                msg = "expected a list of records or an object with the records under 'result'"
                raise RecordError(msg, field="result")
            records = records["result"]
        if isinstance(records, str | bytes) or not isinstance(records, Iterable):
            msg = f"expected a list of records, got {type(records).__name__}"
            raise RecordError(msg)
        read: list[tuple[int, Procedure]] = []
        errors: list[RecordError] = []
        notes: list[ImportNote] = []
        for index, raw in enumerate(records):
            reader = _Reader(index)
            try:
                procedure = reader.procedure(raw)
                if check_steps:
                    procedure.validate()
                else:
                    for problem in procedure.check_steps():
                        if problem.kind is StepProblemKind.TOO_LONG:
                            reader.note("QUYTRINHNOIBO", problem.message)
            except ProcessTooLongError as e:
                if strict:
                    raise
                errors.append(RecordError(str(e), index=index, field="QUYTRINHNOIBO"))
                continue
            except RecordError as e:
                if strict:
                    raise
                errors.append(e)
                continue
            read.append((index, procedure))
            notes.extend(reader.notes)
        _, conflicts = _arrange(read)
        if conflicts and strict:
            raise conflicts[0]
        refused = {e.index for e in conflicts}
        catalog = cls(p for i, p in read if i not in refused)
        errors = sorted([*errors, *conflicts], key=lambda e: e.index or 0)
        notes = [n for n in notes if n.index not in refused]
        return ImportResult(catalog=catalog, errors=tuple(errors), notes=tuple(notes))

    # -- lookups --

    @property
    def codes(self) -> tuple[ProcedureCode, ...]:
        """Every code held, in order."""
        return tuple(ps[0].code for ps in self._versions.values())

    def versions(self, code: ProcedureCode | str) -> tuple[Procedure, ...]:
        """Every version of *code*, oldest first; ``()`` if the code is not held."""
        return self._versions.get(str(_code_of(code)), ())

    def _find(self, code: ProcedureCode | str) -> tuple[ProcedureCode, tuple[Procedure, ...]]:
        wanted = _code_of(code)
        for candidate in (wanted, wanted.without_service(), wanted.as_national()):
            found = self._versions.get(str(candidate))
            if found:
                return candidate, found
        raise UnknownCodeError(wanted, "the catalogue")

    def get(self, code: ProcedureCode | str, *, as_of: _dt.date) -> Procedure:
        """The version of *code* in force on *as_of*.

        A local or online-service code that is not held falls back to the code without its
        variant, then to the national code (a province that publishes no version of its own
        applies the national one). A datetime *as_of* is read as its Vietnam date.

        Raises:
            InvalidCodeError: *code* is not a procedure code.
            UnknownCodeError: The code is not held, or no version is in force on *as_of*.

        >>> from datetime import date
        >>> catalog = fixture()
        >>> catalog.get("1.001193.000.00.00.H55.02", as_of=date(2025, 3, 3)).code
        ProcedureCode(national='1.001193', agency=None, service=None)
        >>> catalog.get("1.001193", as_of=date(1990, 1, 1))
        Traceback (most recent call last):
            ...
        tthc.errors.UnknownCodeError: '1.001193' is not in the catalogue in force on 1990-01-01 (versions from 2016-01-01)
        """
        on = _on(as_of)
        found_code, versions = self._find(code)
        for p in versions:
            if p.in_force(on):
                return p
        spans = ", ".join(
            f"{p.valid_from.isoformat()}..{p.valid_to.isoformat()}"
            if p.valid_to
            else f"from {p.valid_from.isoformat()}"
            for p in versions
        )
        raise UnknownCodeError(
            found_code, f"the catalogue in force on {on.isoformat()} (versions {spans})"
        )

    def latest(self, code: ProcedureCode | str) -> Procedure:
        """The most recent version of *code* (same fallback as :meth:`get`).

        Raises:
            UnknownCodeError: The code is not held.
        """
        return self._find(code)[1][-1]

    def search(self, text: str, *, as_of: _dt.date | None = None) -> tuple[Procedure, ...]:
        """Procedures whose name contains the words of *text*, in a row.

        Diacritics may be typed or left out, word by word: a word typed without marks
        matches any marks ("dat" finds "đất"), a word typed with marks must match them
        ("đất" does not find "đạt"), and the tone mark may sit on either vowel (hoà = hòa,
        thuỷ = thủy). Case, NFC/NFD and punctuation do not matter; the last word may be
        the start of a word. Each code gives one result: its version in force on *as_of*,
        or its latest version when *as_of* is ``None``.

        >>> catalog = fixture()
        >>> [p.name for p in catalog.search("CHUNG THUC ban sao")][:1]
        ['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận']
        >>> len(catalog.search("hòa giải")) == len(catalog.search("hoà giải")) > 0
        True
        """
        given: object = text
        if not isinstance(given, str):
            msg = f"a search text is a str, got {given!r}"
            raise TypeError(msg)
        query = _fold_words(given)
        on = None if as_of is None else _on(as_of)
        found: dict[str, Procedure] = {}
        for p, words in self._index:
            key = str(p.code)
            if on is not None and not p.in_force(on):
                continue
            if _matches(query, words):
                found[key] = p  # versions are in date order: the latest match wins
        return tuple(found.values())

    # -- collection protocol --

    def __len__(self) -> int:
        return sum(len(ps) for ps in self._versions.values())

    def __iter__(self) -> Iterator[Procedure]:
        for ps in self._versions.values():
            yield from ps

    def __contains__(self, code: object) -> bool:
        if isinstance(code, str):
            parsed = ProcedureCode.parse_or_none(code)
            return parsed is not None and str(parsed) in self._versions
        return isinstance(code, ProcedureCode) and str(code) in self._versions

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return self._versions == other._versions

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Catalog: {len(self._versions)} procedures, {len(self)} versions>"


@attrs.frozen(kw_only=True)
class ImportNote:
    """A lossy or assumed reading made while importing a record (not an error)."""

    index: int
    """The record's position."""
    code: str | None
    """The record's ``MATTHC``, when it was read."""
    field: str
    """The key (path) the note is about, e.g. ``CACHTHUCTHUCHIEN[0].THOIGIAN[0]``."""
    message: str

    def __str__(self) -> str:
        return f"record {self.index} ({self.code}), {self.field}: {self.message}"


@attrs.frozen(kw_only=True)
class ImportResult:
    """What :meth:`Catalog.from_national_records` read."""

    catalog: Catalog
    errors: tuple[RecordError, ...] = ()
    """One per record that was not imported, in record order."""
    notes: tuple[ImportNote, ...] = ()
    """Lossy or assumed readings of imported records."""


# -- reading national records --------------------------------------------------------------------

_MODELLED = frozenset(
    {
        "MATTHC",
        "TENTTHC",
        "CAPTHUCHIEN",
        "LINHVUCTHUCHIEN",
        "CACHTHUCTHUCHIEN",
        "THANHPHANHOSO",
        "KETQUATHUCHIEN",
        "CANCUPHAPLY",
        "DOITUONGTHUCHIEN",
        "COQUANTHUCHIEN",
        "COQUANCOTHAMQUYEN",
        "COQUANDUOCUYQUYEN",
        "COQUANPHOIHOP",
        "YEUCAU",
        "TTHCLIENTHONG",
        "DVCTT",
        "MUCDO",
        "QUYTRINHNOIBO",
        "NGAYHIEULUC",
        "NGAYHETHIEULUC",
    }
)
"""Top-level keys read into :class:`Procedure` fields; the rest go to ``extra``."""

_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


class _Reader:
    """Reads one record; raises RecordError (with the index) and collects notes."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.code: str | None = None
        self.notes: list[ImportNote] = []

    def fail(self, where: str, reason: str) -> NoReturn:
        raise RecordError(reason, index=self.index, field=where) from None

    def note(self, where: str, message: str) -> None:
        self.notes.append(
            ImportNote(index=self.index, code=self.code, field=where, message=message)
        )

    def obj(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(where, f"expected a JSON object, got {type(value).__name__}")
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                self.fail(where, f"keys are strings, got {key!r}")
            upper = key.upper()
            if upper in out:
                self.fail(where, f"the key {upper!r} is given twice (in different case)")
            out[upper] = item
        return out

    def items(self, rec: Mapping[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
        path = f"{where}.{key}" if where else key
        value = rec.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"expected a list of objects, got {type(value).__name__}")
        return [self.obj(v, f"{path}[{i}]") for i, v in enumerate(value)]

    def text(self, rec: Mapping[str, Any], key: str, where: str = "") -> str:
        """A text value ("" when absent or null); numbers are written as text."""
        value = rec.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            path = f"{where}.{key}" if where else key
            self.fail(path, f"expected a text, got {type(value).__name__} {value!r}")
        return str(value).strip()

    def optional(self, rec: Mapping[str, Any], key: str, where: str = "") -> str | None:
        return self.text(rec, key, where) or None

    def count(self, rec: Mapping[str, Any], key: str, where: str) -> int:
        text = self.text(rec, key, where)
        if not text:
            return 0
        if not text.isascii() or not text.isdigit():
            self.fail(f"{where}.{key}", f"expected a whole number, got {text!r}")
        return int(text)

    def date(self, rec: Mapping[str, Any], key: str, where: str = "") -> _dt.date | None:
        text = self.text(rec, key, where)
        if not text:
            return None
        head = text.split("T")[0].split(" ")[0]
        for fmt in _DATE_FORMATS:
            try:
                return _dt.datetime.strptime(head, fmt).date()  # noqa: DTZ007 (a date only)
            except ValueError:
                continue
        path = f"{where}.{key}" if where else key
        self.note(path, f"{text!r} is not a date (dd/mm/yyyy or yyyy-mm-dd); left empty")
        return None

    def unread(self, item: Mapping[str, Any], known: set[str], where: str) -> None:
        extra = sorted(set(item) - known)
        if extra:
            self.note(where, f"keys not modelled and not kept: {', '.join(extra)}")

    # -- the parts --

    def procedure(self, raw: object) -> Procedure:
        rec = self.obj(raw, "record")
        code_text = self.text(rec, "MATTHC")
        if not code_text:
            self.fail("MATTHC", "the procedure code is missing")
        self.code = code_text
        try:
            code = ProcedureCode.parse(code_text)
        except InvalidCodeError as e:
            self.fail("MATTHC", str(e))
        name = self.text(rec, "TENTTHC")
        if not name:
            self.fail("TENTTHC", "the procedure name is missing")
        legal_basis = self.legal_basis(rec)
        valid_from = self.date(rec, "NGAYHIEULUC")
        if valid_from is None:
            dates = [d.in_force for d in legal_basis if d.in_force is not None]
            if dates:
                valid_from = max(dates)
                self.note(
                    "NGAYHIEULUC",
                    "no validity date: read as in force from the latest in-force date of its "
                    f"legal basis, {valid_from.isoformat()}",
                )
            else:
                valid_from = _dt.date.min
                self.note("NGAYHIEULUC", "no validity date: read as in force without a start")
        valid_to = self.date(rec, "NGAYHETHIEULUC")
        if valid_to is not None and valid_to <= valid_from:
            self.fail(
                "NGAYHETHIEULUC",
                f"the version ends ({valid_to.isoformat()}) before it starts "
                f"({valid_from.isoformat()})",
            )
        extra = {k: v for k, v in rec.items() if k not in _MODELLED}
        original = {str(k).upper(): k for k in raw} if isinstance(raw, Mapping) else {}
        return Procedure(
            code=code,
            name=name,
            fields=tuple(
                Field(self.text(f, "TENLINHVUC", "LINHVUCTHUCHIEN"), self.optional(f, "MALINHVUC"))
                for f in self.items(rec, "LINHVUCTHUCHIEN")
            ),
            levels=self.levels(rec),
            implementing_agencies=self.agencies(rec, "COQUANTHUCHIEN"),
            competent_agencies=self.agencies(rec, "COQUANCOTHAMQUYEN"),
            delegated_agencies=self.agencies(rec, "COQUANDUOCUYQUYEN"),
            coordinating_agencies=self.agencies(rec, "COQUANPHOIHOP"),
            applicant_types=tuple(
                ApplicantType(self.text(a, "TENDOITUONG"), self.optional(a, "MADOITUONG"))
                for a in self.items(rec, "DOITUONGTHUCHIEN")
            ),
            components=self.components(rec),
            results=tuple(
                Result(
                    name=self.text(r, "TENKETQUA"),
                    code=self.optional(r, "MAKETQUA"),
                    file_name=self.optional(r, "TENTEP"),
                    url=self.optional(r, "URL"),
                )
                for r in self.items(rec, "KETQUATHUCHIEN")
            ),
            legal_basis=legal_basis,
            channels=self.channels(rec),
            online_level=self.online_level(rec),
            steps=self.steps(rec),
            requirements=self.text(rec, "YEUCAU"),
            linked=self.linked(rec),
            valid_from=valid_from,
            valid_to=valid_to,
            extra={original.get(k, k): v for k, v in extra.items()},
        )

    def levels(self, rec: Mapping[str, Any]) -> tuple[Level, ...]:
        levels: list[Level] = []
        for i, item in enumerate(self.items(rec, "CAPTHUCHIEN")):
            name = self.text(item, "TENCAP", "CAPTHUCHIEN")
            level = Level.from_name(name)
            if level is Level.OTHER:
                self.note(
                    f"CAPTHUCHIEN[{i}]", f"level {name!r} is not a known level: read as other"
                )
            if level not in levels:
                levels.append(level)
        return tuple(levels)

    def agencies(self, rec: Mapping[str, Any], key: str) -> tuple[Agency, ...]:
        found = []
        for i, item in enumerate(self.items(rec, key)):
            name, code = self.text(item, "TENDONVI", key), self.optional(item, "MADONVI", key)
            if not name and code is None:
                self.fail(f"{key}[{i}]", "an agency without a name or a code")
            found.append(Agency(name, code))
        return tuple(found)

    def components(self, rec: Mapping[str, Any]) -> tuple[DossierCase, ...]:
        cases = []
        for i, case in enumerate(self.items(rec, "THANHPHANHOSO")):
            where = f"THANHPHANHOSO[{i}]"
            documents = []
            for j, d in enumerate(self.items(case, "GIAYTO", where)):
                path = f"{where}.GIAYTO[{j}]"
                name = self.text(d, "TENGIAYTO", path)
                if not name:
                    self.fail(path, "a dossier paper without a name (TENGIAYTO)")
                documents.append(
                    Document(
                        name=name,
                        code=self.optional(d, "MAGIAYTO", path),
                        originals=self.count(d, "SOBANCHINH", path),
                        copies=self.count(d, "SOBANSAO", path),
                        form=self.optional(d, "TENMAUDON", path),
                        form_url=self.optional(d, "URL", path),
                        replaced_by=self.optional(d, "MA_KQ_THAYTHE", path),
                    )
                )
                self.unread(d, _DOCUMENT_KEYS, path)
            cases.append(DossierCase(self.text(case, "TRUONGHOP", where), tuple(documents)))
        return tuple(cases)

    def legal_basis(self, rec: Mapping[str, Any]) -> tuple[LegalBasis, ...]:
        found = []
        for i, item in enumerate(self.items(rec, "CANCUPHAPLY")):
            where = f"CANCUPHAPLY[{i}]"
            number = self.text(item, "SOVANBAN", where)
            if not number:
                self.fail(where, "a legal document without its number (SOVANBAN)")
            found.append(
                LegalBasis(
                    number=number,
                    title=self.text(item, "TENVANBAN", where),
                    issued=self.date(item, "NGAYBANHANH", where),
                    in_force=self.date(item, "NGAYHIEULUC", where),
                    issuer=self.optional(item, "COQUANBANHANH", where),
                    url=self.optional(item, "DIACHITRUYCAP", where),
                )
            )
        return tuple(found)

    def channels(self, rec: Mapping[str, Any]) -> tuple[ChannelTerms, ...]:
        found: list[ChannelTerms] = []
        for i, item in enumerate(self.items(rec, "CACHTHUCTHUCHIEN")):
            where = f"CACHTHUCTHUCHIEN[{i}]"
            try:
                channel = Channel.from_national_code(self.text(item, "KENH", where))
            except InvalidCodeError as e:
                self.fail(f"{where}.KENH", str(e))
            entries = self.items(item, "THOIGIAN", where)
            if not entries:
                self.fail(f"{where}.THOIGIAN", "a channel without a time limit")
            for j, entry in enumerate(entries):
                path = f"{where}.THOIGIAN[{j}]"
                found.append(
                    ChannelTerms(
                        channel=channel,
                        time=self.time(entry, path),
                        fees=self.fees(entry, path),
                        description=self.text(entry, "TRUONGHOP", path),
                    )
                )
        return tuple(found)

    def time(self, entry: Mapping[str, Any], path: str) -> ParsedTimeLimit:
        amount = self.text(entry, "THOIGIANGIAIQUYET", path)
        unit = self.text(entry, "DONVITINH", path)
        wording = self.text(entry, "MOTA", path)
        structured = f"{amount} {unit}" if amount and unit else ""
        from_wording = from_number = None
        failure = ""
        if wording:
            try:
                from_wording = TimeLimit.parse(wording)
            except TimeLimitParseError as e:
                failure = e.reason
        if structured:
            try:
                from_number = TimeLimit.parse(structured)
            except TimeLimitParseError as e:
                failure = failure or e.reason
        if from_wording is not None:
            if from_number is not None and from_number.limit != from_wording.limit:
                self.note(
                    path,
                    f"THOIGIANGIAIQUYET/DONVITINH say {from_number.limit}, MOTA says "
                    f"{from_wording.limit}: the wording (MOTA) is used",
                )
            return from_wording
        if from_number is not None:
            if wording:
                self.note(
                    path, f"MOTA {wording!r} is not a time limit ({failure}): used {structured!r}"
                )
            return from_number
        shown = wording or structured or "nothing"
        self.fail(path, f"no readable time limit in {shown!r}: {failure or 'empty'}")

    def fees(self, entry: Mapping[str, Any], path: str) -> tuple[Fee, ...]:
        found = []
        for k, item in enumerate(self.items(entry, "PHILEPHI", path)):
            where = f"{path}.PHILEPHI[{k}]"
            raw = item.get("SOTIEN")
            text = self.text(item, "SOTIEN", where)
            amount: Decimal | None = None
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                amount = Decimal(str(raw))
            elif text.isascii() and text.isdigit():
                amount = Decimal(text)
            elif _THOUSANDS.fullmatch(text):
                amount = Decimal(text.replace(".", ""))
                self.note(where, f"SOTIEN {text!r} read with '.' as the thousands separator")
            elif text:
                try:
                    amount = Decimal(text.replace(",", "."))
                except InvalidOperation:
                    self.note(where, f"SOTIEN {text!r} is not a number: kept as text")
                else:
                    if not amount.is_finite():
                        amount = None
                        self.note(where, f"SOTIEN {text!r} is not a number: kept as text")
            found.append(
                Fee(
                    amount=amount,
                    amount_text=text,
                    unit=self.text(item, "DONVI", where),
                    description=self.text(item, "MOTA", where),
                    code=self.optional(item, "MAPHILEPHI", where),
                    file_name=self.optional(item, "TENTEP", where),
                    url=self.optional(item, "URL", where),
                )
            )
        return tuple(found)

    def online_level(self, rec: Mapping[str, Any]) -> OnlineServiceLevel:
        stated = self.text(rec, "DVCTT")
        old = self.text(rec, "MUCDO")
        level: OnlineServiceLevel | None = None
        if stated:
            try:
                level = OnlineServiceLevel.parse(stated)
            except InvalidCodeError as e:
                self.fail("DVCTT", str(e))
        if old:
            try:
                mapped = OnlineServiceLevel.from_decree_43(old)
            except InvalidCodeError as e:
                self.fail("MUCDO", str(e))
            if level is None:
                level = mapped.level
                lossy = "lossy: " if mapped.lossy else ""
                self.note(
                    "MUCDO",
                    f"{lossy}old level {mapped.old_level} (Nghị định 43/2011) read as "
                    f"{mapped.level.value}: {mapped.note}",
                )
            elif level is not mapped.level:
                self.note(
                    "MUCDO",
                    f"old level {mapped.old_level} would map to {mapped.level.value}; the "
                    f"stated class DVCTT={level.value} is used",
                )
        return OnlineServiceLevel.NONE if level is None else level

    def steps(self, rec: Mapping[str, Any]) -> tuple[Step, ...]:
        found = []
        for i, item in enumerate(self.items(rec, "QUYTRINHNOIBO")):
            where = f"QUYTRINHNOIBO[{i}]"
            unit = self.text(item, "DONVI", where)
            if not unit:
                self.fail(where, "a step without its responsible unit (DONVI)")
            text = self.text(item, "THOIGIAN", where)
            try:
                duration = TimeLimit.parse(text).limit
                step = Step(
                    unit=unit,
                    duration=duration,
                    name=self.text(item, "TENBUOC", where),
                    agency=self.optional(item, "COQUAN", where),
                )
            except (TimeLimitParseError, InvalidTimeLimitError) as e:
                self.fail(f"{where}.THOIGIAN", str(e))
            self.unread(item, _STEP_KEYS, where)
            found.append(step)
        return tuple(found)

    def linked(self, rec: Mapping[str, Any]) -> tuple[str, ...]:
        value = rec.get("TTHCLIENTHONG")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("TTHCLIENTHONG", f"expected a list, got {type(value).__name__}")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, Mapping):
                obj = self.obj(item, f"TTHCLIENTHONG[{i}]")
                out.append(self.text(obj, "MATTHC", f"TTHCLIENTHONG[{i}]"))
            elif isinstance(item, str):
                out.append(item.strip())
            else:
                self.fail(f"TTHCLIENTHONG[{i}]", f"expected a code, got {item!r}")
        return tuple(out)


_DOCUMENT_KEYS = {
    "MAGIAYTO",
    "TENGIAYTO",
    "SOBANCHINH",
    "SOBANSAO",
    "TENMAUDON",
    "URL",
    "MA_KQ_THAYTHE",
}
_STEP_KEYS = {"TENBUOC", "DONVI", "COQUAN", "THOIGIAN"}


_CERTIFICATION_FIELD = "chứng thực"


def _nfc_lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


# -- JSON: tthc's own model ----------------------------------------------------------------------


def _unstructure_limit(limit: TimeLimit) -> dict[str, Any]:
    return {
        "amount": str(limit.amount),
        "unit": limit.unit.value,
        "cutoff": None if limit.cutoff is None else limit.cutoff.isoformat("minutes"),
    } | ({} if limit.cutoff_basis is None else {"cutoff_basis": limit.cutoff_basis.value})


def _structure_limit(data: Any, _: object) -> TimeLimit:
    cutoff = data.get("cutoff")
    basis = data.get("cutoff_basis")
    if basis is None:  # written before cut-off bases: the default basis of the cut-off
        return TimeLimit(
            Fraction(data["amount"]),
            Unit(data["unit"]),
            cutoff=None if cutoff is None else _dt.time.fromisoformat(cutoff),
        )
    return TimeLimit(
        Fraction(data["amount"]),
        Unit(data["unit"]),
        cutoff=None if cutoff is None else _dt.time.fromisoformat(cutoff),
        cutoff_basis=CutoffBasis(basis),
    )


def _unstructure_catalog(catalog: Catalog) -> dict[str, Any]:
    return {"procedures": [converter.unstructure(p, Procedure) for p in catalog]}


def _structure_catalog(data: Any, _: object) -> Catalog:
    procedures = []
    for index, item in enumerate(data["procedures"]):
        try:
            procedures.append(converter.structure(item, Procedure))
        except cattrs.BaseValidationError as e:
            problems = "; ".join(cattrs.transform_error(e, path=f"procedures[{index}]"))
            msg = f"cannot read a Procedure: {problems}"
            raise RecordError(msg, index=index) from e
    return Catalog(procedures)


converter = cattrs.Converter()
"""The cattrs converter of tthc's catalogue model (JSON-ready: dates and times as ISO text,
fractions as ``"5/2"``, decimals as text, codes as their canonical text)."""
converter.register_unstructure_hook(ProcedureCode, str)
converter.register_structure_hook(ProcedureCode, lambda v, _: ProcedureCode.parse(v))
converter.register_unstructure_hook(TimeLimit, _unstructure_limit)
converter.register_structure_hook(TimeLimit, _structure_limit)
converter.register_unstructure_hook(Fraction, str)
converter.register_structure_hook(Fraction, lambda v, _: Fraction(v))
converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, lambda v, _: Decimal(v))
converter.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
converter.register_structure_hook(_dt.date, lambda v, _: _dt.date.fromisoformat(v))
converter.register_unstructure_hook(Catalog, _unstructure_catalog)
converter.register_structure_hook(Catalog, _structure_catalog)


def unstructure(value: Procedure | Catalog) -> dict[str, Any]:
    """*value* as JSON-ready builtins (``structure`` reads them back to an equal value)."""
    return converter.unstructure(value, type(value))  # type: ignore[no-any-return]


def structure(data: Mapping[str, Any], cls: type[_T]) -> _T:
    """A *cls* (e.g. :class:`Procedure`, :class:`Catalog`) from :func:`unstructure` output.

    Raises:
        RecordError: *data* is not the output of :func:`unstructure` for *cls*; the message
            names every problem cattrs found (the path of the field and what was wrong).

    >>> structure({"code": "1.00x", "name": "Đăng ký khai sinh"}, Procedure)
    Traceback (most recent call last):
        ...
    tthc.errors.RecordError: cannot read a Procedure: invalid value for type, expected ProcedureCode @ Procedure.code
    """
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as e:
        problems = "; ".join(cattrs.transform_error(e, path=cls.__name__))
        msg = f"cannot read a {cls.__name__}: {problems}"
        raise RecordError(msg) from e
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        if isinstance(e, TthcError):
            raise
        msg = f"cannot read a {cls.__name__}: {type(e).__name__}: {e}"
        raise RecordError(msg) from e


def to_json(value: Procedure | Catalog) -> str:
    """*value* as JSON text (UTF-8 letters kept).

    >>> p = fixture().latest("2.000815.000.00.00.H55")
    >>> from_json(to_json(p), Procedure) == p
    True
    """
    return json.dumps(unstructure(value), ensure_ascii=False)


def from_json(text: str | bytes, cls: type[_T]) -> _T:
    """A *cls* from :func:`to_json` output (:class:`~tthc.errors.RecordError` if it is not)."""
    try:
        data = json.loads(text)
    except ValueError as e:  # JSONDecodeError, or bytes that are not UTF-8
        msg = f"cannot read a {cls.__name__}: not valid JSON ({e})"
        raise RecordError(msg) from e
    return structure(data, cls)


# -- the shipped fixture -------------------------------------------------------------------------


def fixture_records() -> list[dict[str, Any]]:
    """The shipped hand-written national-style records (a fresh copy on every call).

    >>> records = fixture_records()
    >>> sorted(records[0])[:3]
    ['CACHTHUCTHUCHIEN', 'CANCUPHAPLY', 'CAPTHUCHIEN']
    """
    path = resources.files("tthc._data").joinpath("catalog_fixture.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data["result"])


@functools.cache
def fixture() -> Catalog:
    """The shipped catalogue fixture: realistic hand-written records, no personal data.

    It covers chứng thực (same day, 15:00 cut-off), hộ tịch, đất đai (time for financial
    obligations excluded), liên thông processes (commune, district, province) with steps, and
    local codes of Thái Nguyên (``….H55``). Names, fields and time texts are written as the
    national database writes them; the codes have the national shape but the fixture is an
    illustration, not an extract of the database.

    >>> len(fixture().codes) >= 25
    True
    """
    return Catalog.from_national_records(fixture_records(), strict=True).catalog
