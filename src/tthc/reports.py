"""Presentation: Vietnamese and English number formats, labels and plain-text tables.

Everything here is for people reading numbers; nothing here computes them. Rates arrive as
exact :class:`~fractions.Fraction` values and are rounded once, by
:func:`tthc.kpi.round_percent` (``ROUND_HALF_UP``), then formatted with babel's locale data:

- :func:`format_percent`: ``"99,79%"`` (vi) / ``"99.79%"`` (en): the locale's separators and
  sign position from babel, with the sign written directly after the number. babel's
  Vietnamese pattern (``#,##0%``) has no space; should a CLDR release add one (the press
  often writes "99,79 %"), tthc still returns ``"99,79%"``, so the result is stable.
- :func:`format_count`: ``"4.797"`` (vi) / ``"4,797"`` (en).
- :func:`format_points`: ``"10,80"`` (vi) / ``"10.80"`` (en).

A value that does not exist (a rate whose denominator is 0, an indicator without data) is
written :data:`NO_VALUE`, an em dash ("—"), never "0" or "100". A QĐ 766 indicator or group
that is not scored (its rate is 0/0 and its policy says so, as the portal leaves it blank) is
written "không chấm điểm" / "not scored" (:func:`label` ``"not_scored"``), never "0,00".

:func:`render_report06`, :func:`render_reports` and :func:`render_scores` draw plain-text
tables of a :class:`~tthc.kpi.Report06`, of grouped reports and of a QĐ 766 score, in
Vietnamese or English.

>>> from fractions import Fraction
>>> format_percent(Fraction(479, 480)), format_percent(Fraction(479, 480), lang="en")
('99,79%', '99.79%')
>>> format_count(4797), format_count(4797, lang="en")
('4.797', '4,797')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent

from tthc.catalog import Channel
from tthc.errors import (
    IncompatibleReportsError,
    InvalidCountError,
    InvalidValueError,
    UnknownCodeError,
)
from tthc.kpi import DisplayStyle, Period, Report06, round_percent
from tthc.scoring import IndexScore, round_points

__all__ = [
    "LANGUAGES",
    "NO_VALUE",
    "format_count",
    "format_percent",
    "format_points",
    "label",
    "labels",
    "render_report06",
    "render_reports",
    "render_scores",
]

NO_VALUE = "\u2014"
"""How a value that does not exist is written: an em dash ("—")."""

LANGUAGES = ("vi", "en")
"""The languages of the labels (number formats accept any locale babel knows)."""

_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "vi": MappingProxyType(
            {
                # Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP), columns (3)-(13)
                "received_total": "Số hồ sơ nhận giải quyết: tổng số",
                "received_online": "Mới tiếp nhận trực tuyến",
                "received_in_person": "Mới tiếp nhận trực tiếp, dịch vụ bưu chính",
                "carried_over": "Từ kỳ trước",
                "resolved_total": "Đã giải quyết: tổng số",
                "resolved_early": "Đã giải quyết: trước hạn",
                "resolved_on_time": "Đã giải quyết: đúng hạn",
                "resolved_late": "Đã giải quyết: quá hạn",
                "pending_total": "Đang giải quyết: tổng số",
                "pending_within": "Đang giải quyết: trong hạn",
                "pending_overdue": "Đang giải quyết: quá hạn",
                "withdrawn": "Rút hồ sơ",
                "returned": "Trả lại hồ sơ",
                # table furniture
                "report06_title": "Tình hình, kết quả giải quyết TTHC (Biểu số 06)",
                "period": "Kỳ báo cáo",
                "column": "Cột",
                "content": "Nội dung",
                "count": "Số hồ sơ",
                "group": "Nhóm",
                "total_row": "Tổng cộng",
                "kept_apart": "không tính vào (7)",
                "scores_title": "Bộ chỉ số 766/QĐ-TTg",
                "indicator": "Mã",
                "name": "Chỉ số",
                "rate": "Tỷ lệ",
                "points": "Điểm",
                "max_points": "Tối đa",
                "total": "Tổng điểm",
                "band": "Xếp loại",
                "unconfirmed": "chưa xác nhận",
                "missing": "Chưa có số liệu",
                "not_scored": "không chấm điểm",
                "summation": "Cách cộng điểm",
                "summation_portal": "như Cổng DVCQG (cộng điểm từng chỉ số đã làm tròn 2 chữ số)",
                "summation_exact": "cộng điểm chưa làm tròn, làm tròn một lần",
                "key_agency": "Cơ quan",
                "key_channel": "Kênh",
                "key_code": "Mã hồ sơ",
                "key_field": "Lĩnh vực",
                "key_level": "Cấp",
                "key_month": "Tháng",
                "key_procedure": "Thủ tục",
                "key_received_by": "Nơi tiếp nhận",
                "channel_in_person": "Trực tiếp",
                "channel_online": "Trực tuyến",
                "channel_postal": "Bưu chính công ích",
            }
        ),
        "en": MappingProxyType(
            {
                "received_total": "Received for handling, total",
                "received_online": "New, online",
                "received_in_person": "New, in person or by post",
                "carried_over": "Carried over",
                "resolved_total": "Resolved, total",
                "resolved_early": "Resolved early",
                "resolved_on_time": "Resolved on time",
                "resolved_late": "Resolved late",
                "pending_total": "Pending, total",
                "pending_within": "Pending, within deadline",
                "pending_overdue": "Pending, overdue",
                "withdrawn": "Withdrawn",
                "returned": "Returned",
                "report06_title": "Handling of administrative procedures (Form 06)",
                "period": "Period",
                "column": "Column",
                "content": "Content",
                "count": "Dossiers",
                "group": "Group",
                "total_row": "Total",
                "kept_apart": "not counted in (7)",
                "scores_title": "QĐ 766/QĐ-TTg index",
                "indicator": "Id",
                "name": "Indicator",
                "rate": "Rate",
                "points": "Points",
                "max_points": "Max",
                "total": "Total",
                "band": "Band",
                "unconfirmed": "unconfirmed",
                "missing": "No data",
                "not_scored": "not scored",
                "summation": "Summation",
                "summation_portal": "as the national portal (indicator points rounded to 2 places, then added)",
                "summation_exact": "exact points added, rounded once",
                "key_agency": "Agency",
                "key_channel": "Channel",
                "key_code": "Dossier",
                "key_field": "Field",
                "key_level": "Level",
                "key_month": "Month",
                "key_procedure": "Procedure",
                "key_received_by": "Received at",
                "channel_in_person": "In person",
                "channel_online": "Online",
                "channel_postal": "Public post",
            }
        ),
    }
)

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("(3)", "received_total"),
    ("(4)", "received_online"),
    ("(5)", "received_in_person"),
    ("(6)", "carried_over"),
    ("(7)", "resolved_total"),
    ("(8)", "resolved_early"),
    ("(9)", "resolved_on_time"),
    ("(10)", "resolved_late"),
    ("(11)", "pending_total"),
    ("(12)", "pending_within"),
    ("(13)", "pending_overdue"),
    ("", "withdrawn"),
    ("", "returned"),
)


def _labels(lang: str) -> Mapping[str, str]:
    try:
        return _LABELS[lang]
    except KeyError:
        raise UnknownCodeError(lang, f"label languages ({', '.join(LANGUAGES)})") from None


@functools.lru_cache(maxsize=64)
def _locale(lang: str) -> Locale:
    """The babel locale of *lang*; UnknownCodeError (a TthcError) for a name babel lacks."""
    if not isinstance(lang, str) or not 0 < len(lang) <= 32:
        raise UnknownCodeError(lang, "the locales babel knows (e.g. 'vi', 'en')")
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        raise UnknownCodeError(lang, "the locales babel knows (e.g. 'vi', 'en')") from None


def labels(lang: str = "vi") -> Mapping[str, str]:
    """Every label in *lang* (``"vi"`` or ``"en"``), keyed as :func:`label` takes them.

    The Biểu 06 columns are keyed by their :class:`~tthc.kpi.Report06` attribute names.

    >>> labels("en")["pending_overdue"]
    'Pending, overdue'
    """
    return _labels(lang)


def label(key: str, lang: str = "vi") -> str:
    """One label: a Biểu 06 column (``"resolved_early"``) or a table word (``"total"``).

    >>> label("resolved_early"), label("resolved_early", "en")
    ('Đã giải quyết: trước hạn', 'Resolved early')
    """
    words = _labels(lang)
    try:
        return words[key]
    except KeyError:
        raise UnknownCodeError(key, f"the {lang} labels") from None


# -- numbers -----------------------------------------------------------------------------------


def format_percent(
    rate: Fraction | int | Decimal | None,
    lang: str = "vi",
    places: int = 2,
    *,
    style: DisplayStyle | None = None,
) -> str:
    """A rate as a percentage in *lang*'s format: ``"99,79%"`` (vi), ``"99.79%"`` (en).

    The rate (``Fraction(1)`` is 100 %) is rounded once by :func:`tthc.kpi.round_percent`,
    ``ROUND_HALF_UP`` to *places* decimals, then formatted by babel with the locale's percent
    pattern, the sign right after the number (no space, normal or non-breaking, in any
    language). *style* selects a display style seen in the
    field instead (:class:`tthc.kpi.DisplayStyle`: one decimal with ",0" dropped; integer
    truncation). ``None`` (no denominator) is :data:`NO_VALUE`.

    >>> from fractions import Fraction
    >>> format_percent(Fraction(793, 800))  # 99,125 % -> 99,13 (half up), never 99,12
    '99,13%'
    >>> format_percent(Fraction(102770, 257141), style=DisplayStyle.VN_1DP_TRIM)
    '40%'
    >>> format_percent(Fraction(4549, 4561), style=DisplayStyle.INT_TRUNC)
    '99%'
    >>> format_percent(None)
    '—'
    """
    if style is not None:
        percent = style.round(rate)
        places, trim = style.value[0], style.value[2]
    else:
        percent = round_percent(rate, places)
        trim = False
    if percent is None:
        return NO_VALUE
    locale = _locale(lang)
    # the sign follows the number directly, whatever space a CLDR release puts before it
    pattern = re.sub(r"[ \u00a0\u202f]+%", "%", locale.percent_formats[None].pattern)
    if places:
        digit = "#" if trim else "0"
        i = pattern.rfind("0")
        pattern = f"{pattern[: i + 1]}.{digit * places}{pattern[i + 1 :]}"
    # exact: the value already has at most *places* decimals, so babel rounds nothing
    return _babel_percent(percent / 100, format=pattern, locale=locale)


def format_count(n: int, lang: str = "vi") -> str:
    """A count with *lang*'s thousands separator: ``"4.797"`` (vi), ``"4,797"`` (en).

    >>> format_count(635593), format_count(1141, "en")
    ('635.593', '1,141')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidCountError(n, "n")
    return format_decimal(n, locale=_locale(lang))


def format_points(
    points: Decimal | Fraction | int | None, lang: str = "vi", places: int = 2
) -> str:
    """Index points with *places* decimals: ``"10,80"`` (vi), ``"10.80"`` (en).

    Exact points (a Fraction) are rounded by :func:`tthc.scoring.round_points`.

    >>> from fractions import Fraction
    >>> format_points(Fraction(2300, 213)), format_points(Fraction(2300, 213), "en")
    ('10,80', '10.80')
    """
    if points is None:
        return NO_VALUE
    value = round_points(Fraction(points), places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def _format_max(value: Fraction | None, lang: str) -> str:
    if value is None:
        return NO_VALUE
    if value.denominator == 1:
        return format_count(int(value), lang)
    return format_points(value, lang)


# -- tables ------------------------------------------------------------------------------------


def _width(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """A plain-text table: columns separated by two spaces, a rule under the header."""
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (w - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _period_text(period: Period, lang: str) -> str:
    return period.label_vi if lang == "vi" else str(period)


def render_report06(report: Report06, lang: str = "vi") -> str:
    """A Biểu 06 report as a plain-text table, one line per column (3)-(13).

    Withdrawn and returned dossiers follow, marked when the report's policy keeps them out of
    column (7).

    >>> from tthc.kpi import Period, Report06
    >>> r = Report06.from_parts(Period.parse("2023"), received_in_person=325,
    ...                         carried_over=11, resolved_on_time=330, pending_within=6)
    >>> print(render_report06(r, "en"))
    Handling of administrative procedures (Form 06)
    Period: 2023
    Column  Content                         Dossiers
    ------  ------------------------------  --------
       (3)  Received for handling, total         336
       (4)  New, online                            0
       (5)  New, in person or by post            325
       (6)  Carried over                          11
       (7)  Resolved, total                      330
       (8)  Resolved early                         0
       (9)  Resolved on time                     330
      (10)  Resolved late                          0
      (11)  Pending, total                         6
      (12)  Pending, within deadline               6
      (13)  Pending, overdue                       0
            Withdrawn (not counted in (7))         0
            Returned (not counted in (7))          0
    """
    words = _labels(lang)
    apart = set(report.policy.separate_exits)
    rows = []
    for number, key in _COLUMNS:
        text = words[key]
        if key in apart:
            text = f"{text} ({words['kept_apart']})"
        rows.append([number, text, format_count(getattr(report, key), lang)])
    head = f"{words['report06_title']}\n{words['period']}: {_period_text(report.period, lang)}"
    table = _table([words["column"], words["content"], words["count"]], rows, right={0, 2})
    return f"{head}\n{table}"


def _key_text(part: object, lang: str) -> str:
    if part is None:
        return NO_VALUE
    if isinstance(part, Period):
        return _period_text(part, lang)
    if isinstance(part, Channel):
        return _labels(lang)[f"channel_{part.value}"]
    return str(part)


def render_reports(
    reports: Mapping[tuple[Any, ...], Report06],
    lang: str = "vi",
    *,
    by: Sequence[str] = (),
) -> str:
    """Grouped reports (from :func:`tthc.kpi.report06_by`) as one table, a row per group.

    The columns are numbered as on the form, (3)-(13), then withdrawn and returned; a legend
    under the table names them. A total row is added when the reports add up (same period and
    policy, e.g. grouped by agency but not by month). *by* names the key columns as
    :func:`~tthc.kpi.report06_by` took them (``("agency", "month")``); without it they are
    headed by the word for "group".

    >>> from tthc.kpi import Period, Report06
    >>> q1 = Period.parse("2025-Q1")
    >>> reports = {
    ...     ("UBND xã A",): Report06.from_parts(q1, received_online=4797, resolved_early=4797),
    ...     ("UBND xã B",): Report06.from_parts(q1, received_in_person=12, pending_overdue=12),
    ... }
    >>> print(render_reports(reports, by=("agency",)))
    Tình hình, kết quả giải quyết TTHC (Biểu số 06)
    Cơ quan      (3)    (4)  (5)  (6)    (7)    (8)  (9)  (10)  (11)  (12)  (13)  Rút hồ sơ  Trả lại hồ sơ
    ---------  -----  -----  ---  ---  -----  -----  ---  ----  ----  ----  ----  ---------  -------------
    UBND xã A  4.797  4.797    0    0  4.797  4.797    0     0     0     0     0          0              0
    UBND xã B     12      0   12    0      0      0    0     0    12     0    12          0              0
    Tổng cộng  4.809  4.797   12    0  4.797  4.797    0     0    12     0    12          0              0
    (3) Số hồ sơ nhận giải quyết: tổng số; (4) Mới tiếp nhận trực tuyến; (5) Mới tiếp nhận trực tiếp, dịch vụ bưu chính; (6) Từ kỳ trước; (7) Đã giải quyết: tổng số; (8) Đã giải quyết: trước hạn; (9) Đã giải quyết: đúng hạn; (10) Đã giải quyết: quá hạn; (11) Đang giải quyết: tổng số; (12) Đang giải quyết: trong hạn; (13) Đang giải quyết: quá hạn
    """
    words = _labels(lang)
    items = list(reports.items())
    width = len(items[0][0]) if items else len(by)
    key_heads = [words.get(f"key_{name}", name) for name in by] or [words["group"]] * width
    if len(key_heads) != width:
        msg = f"by names {len(by)} key columns but the report keys have {width}"
        raise InvalidValueError(msg)
    rows = [
        [
            *(_key_text(p, lang) for p in key),
            *(format_count(getattr(r, k), lang) for _, k in _COLUMNS),
        ]
        for key, r in items
    ]
    try:
        total: object = sum((r for _, r in items), start=0)
    except IncompatibleReportsError:
        total = None  # different months or policies: no meaningful total
    if isinstance(total, Report06) and len(items) > 1:
        first = [words["total_row"], *[""] * (width - 1)] if width else []
        rows.append([*first, *(format_count(getattr(total, k), lang) for _, k in _COLUMNS)])
    heads = [*key_heads, *(n or words[key] for n, key in _COLUMNS)]
    table = _table(heads, rows, right=set(range(width, len(heads))))
    legend = "; ".join(f"{n} {words[key]}" for n, key in _COLUMNS if n)
    return f"{words['report06_title']}\n{table}\n{legend}"


def render_scores(score: IndexScore, lang: str = "vi") -> str:
    """A QĐ 766 score (:meth:`tthc.scoring.RuleSet.total`) as a plain-text table.

    One line per group (its points and maximum) followed by its scored indicators (rate,
    points, maximum). An indicator without data shows :data:`NO_VALUE`; one given a rate
    that it does not score (0/0 under a *not applicable* policy), and a group none of whose
    indicators is scored, show "không chấm điểm" / "not scored", never 0,00. The totals
    follow the score's :class:`~tthc.scoring.Summation`, named under the table; the band is
    marked when it is not confirmed.

    >>> from fractions import Fraction
    >>> from tthc.scoring import qd766
    >>> score = qd766().total({"2.1": None, "5.2": Fraction(1, 2)})  # no dossiers at all
    >>> for line in render_scores(score, "en").splitlines():
    ...     if line.startswith(("2", "3.1 ", "5", "Summation")):
    ...         print(line)
    2     Progress and results of handling                                 not scored   20
    2.1     Dossiers handled early or on time                           —  not scored   20
    3.1     Procedures offered as online public services                —           —    2
    5     Satisfaction                                                           3.00   18
    5.2     Feedback handled on time                               50.00%        3.00    6
    5.3     Satisfaction with feedback handling                         —           —    6
    5.4     Satisfaction with receipt and handling of procedures        —           —    6
    Summation: as the national portal (indicator points rounded to 2 places, then added)
    """
    words = _labels(lang)
    not_scored = words["not_scored"]
    rows = []
    for g in score.groups:
        name = g.group.name if lang == "vi" else g.group.name_en
        if g.points is None and any(s.provided for s in g.indicators):
            group_points = not_scored
        else:
            group_points = format_points(g.points, lang)
        rows.append([g.group.id, name, "", group_points, _format_max(g.max_points, lang)])
        for s in g.indicators:
            ind = s.indicator
            if not ind.scored and not s.provided:
                continue
            iname = ind.name if lang == "vi" else ind.name_en
            rate = format_percent(s.rate, lang) if s.provided else NO_VALUE
            if s.provided and s.points is None and ind.scored:
                points = not_scored
            else:
                points = format_points(s.points, lang)
            rows.append(
                [
                    ind.id,
                    f"  {iname}",
                    rate,
                    points,
                    _format_max(ind.max_points, lang),
                ]
            )
    rows.append(
        [
            "",
            words["total"],
            "",
            format_points(score.total, lang),
            _format_max(score.max_points, lang),
        ]
    )
    table = _table(
        [words["indicator"], words["name"], words["rate"], words["points"], words["max_points"]],
        rows,
        right={2, 3, 4},
    )
    band = score.band.name if lang == "vi" else score.band.name_en
    if not score.band.confirmed:
        band = f"{band} ({words['unconfirmed']})"
    how = words[f"summation_{score.summation.value}"]
    lines = [
        f"{words['scores_title']} ({score.version})",
        table,
        f"{words['band']}: {band}",
        f"{words['summation']}: {how}",
    ]
    if score.missing:
        lines.append(f"{words['missing']}: {', '.join(score.missing)}")
    return "\n".join(lines)
