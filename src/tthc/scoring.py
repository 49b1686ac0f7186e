"""Index scoring: QĐ 766/QĐ-TTg points, the per-dossier evaluation, provincial rubrics.

Three kinds of scoring turn the rates of :mod:`tthc.kpi` (exact :class:`~fractions.Fraction`
values) into points:

- **QĐ 766/QĐ-TTg** (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân,
  doanh nghiệp), as the national portal scores it: :func:`qd766` gives a versioned
  :class:`RuleSet` built from the rows of ``tthc._data.qd766``. Each indicator has a maximum
  and one of two rule families (the portal's formula document): *proportional*, ``max x R``,
  or *capped at a target*, ``min(max, max x R ÷ T)``. Each indicator's points are rounded
  once, ``ROUND_HALF_UP`` to 2 places; group totals and the grand total are, by default, the
  sums of those rounded points, as the national portal adds them (:class:`Summation`:
  ``PORTAL``; ``EXACT`` adds the exact points and rounds once). An indicator that is not
  scored (undefined rate whose policy is *not applicable*, or no maximum) has ``None``
  points, never 0, and group totals skip it. The classification bands are a hypothesis
  (unconfirmed), so they are replaceable.
- **The per-dossier evaluation** of Thông tư 01/2018/TT-VPCP: nine indices scored 2, 1 or 0
  points, computed from a dossier's trail where the trail holds the facts, and explicitly
  *not assessable* (``None``, never 0) where it does not: :func:`evaluate_dossier`.
- **Provincial rubrics**: banded thresholds, proportional-to-target rules and binary
  compliance (e.g. "every late dossier had an apology"): :class:`Rubric`, with one
  illustrative rubric shipped as data (:func:`example_rubric`).

Rules are data (``tthc._data.qd766``, ``tthc._data.evaluation``), formulas are code (here).
Nothing is a float: a float rate is refused with :class:`~tthc.errors.InvalidRateError`.

>>> from fractions import Fraction
>>> from tthc.scoring import qd766
>>> qd766().points("2.1", Fraction(115, 213))  # 20 x 53,99 %: 83 + 32 of 213 on time
Decimal('10.80')
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from tthc._data import evaluation as _evaluation_data
from tthc._data import qd766 as _qd766_data
from tthc.calendar import VIETNAM_TZ
from tthc.deadlines import Timeliness, due_rule
from tthc.dossier import Dossier, Regime
from tthc.errors import (
    InvalidRateError,
    PortalVersionWarning,
    RuleNotInForceError,
    UnknownCodeError,
)
from tthc.kpi import Period, round_percent
from tthc.legal import LegalSource

__all__ = [
    "DOSSIER_INDICES",
    "Band",
    "Criterion",
    "CriterionKind",
    "CriterionScore",
    "DossierEvaluation",
    "DossierIndex",
    "Group",
    "GroupScore",
    "IndexResult",
    "IndexScore",
    "Indicator",
    "IndicatorScore",
    "Rubric",
    "RubricScore",
    "RuleFamily",
    "RuleSet",
    "Summation",
    "ZeroDenominator",
    "evaluate_dossier",
    "example_rubric",
    "qd766",
    "qd766_portal_version",
    "qd766_versions",
    "rate_1_4",
    "rate_5_4",
    "round_points",
]

Rate = Fraction | int | Decimal
"""What a scoring rule accepts as a rate: an exact number, ``1`` meaning 100 %."""

_HUNDRED = Fraction(100)


# -- exact numbers ---------------------------------------------------------------------------------


def _exact(value: object, what: str = "rate") -> Fraction:
    """*value* as a Fraction; floats and booleans are refused (they are not exact rates)."""
    if isinstance(value, bool) or not isinstance(value, Fraction | int | Decimal):
        msg = "an exact Fraction, int or Decimal (never a float)"
        raise InvalidRateError(value, msg)
    if isinstance(value, Decimal) and not value.is_finite():
        msg = "a finite number"
        raise InvalidRateError(value, msg)
    exact = Fraction(value)
    if exact < 0:
        msg = f"a {what} >= 0"
        raise InvalidRateError(value, msg)
    return exact


def round_points(value: Fraction, places: int = 2) -> Decimal:
    """Round exact points (or any non-negative number) once, ``ROUND_HALF_UP``.

    Points are rounded by :func:`tthc.kpi.round_percent`, the library's one rounding step,
    exactly from the fraction: ties go up, never to even (no legal text fixes the mode; the
    portal publishes points half up to 2 places).

    >>> from fractions import Fraction
    >>> round_points(Fraction(2300, 213))  # 10,798122...
    Decimal('10.80')
    >>> round_points(Fraction(17, 3))  # 5,666...: 766 indicator 5.4 at 85 %
    Decimal('5.67')
    >>> round_points(Fraction(1, 200)), round_points(Fraction(1, 200) - Fraction(1, 10**9))
    (Decimal('0.01'), Decimal('0.00'))
    """
    exact = _exact(value, "number of points")
    rounded = round_percent(exact / 100, places)  # the one rounding step of tthc.kpi
    assert rounded is not None
    return rounded


# -- QĐ 766 ----------------------------------------------------------------------------------------


class RuleFamily(enum.StrEnum):
    """How an indicator's rate becomes points (the portal's formula document)."""

    PROPORTIONAL = "proportional"
    """``min(max, max x R)``: e.g. 2.1 = 20 x R."""
    CAPPED = "capped"
    """``min(max, max x R ÷ target)``: full marks from the target (e.g. 3.3, target 50 %)."""
    MONITORING = "monitoring"
    """Shown but carrying no points (2.2, 5.1), or a maximum the source leaves undeclared."""


class ZeroDenominator(enum.StrEnum):
    """What an indicator scores when its rate is undefined (no dossiers, no feedback)."""

    ZERO = "zero"
    """0 points (5.4 and the payment indicators on the API)."""
    FULL_MARKS = "full_marks"
    """The maximum (5.2 and 5.3 when there is no feedback, on the API)."""
    NOT_APPLICABLE = "not_applicable"
    """Not scored (không chấm điểm): points ``None``, skipped by group totals. The formula
    document says "0 hoặc N/A" and the portal shows no score; the default where the API was
    not seen giving 0 or full marks."""


class Summation(enum.StrEnum):
    """How group totals and the grand total add the indicators' points up.

    >>> from fractions import Fraction
    >>> from tthc.scoring import Summation, qd766
    >>> rates = {"1.1": Fraction(1, 1200), "1.2": Fraction(1, 800)}  # 0,005 + 0,005 points
    >>> qd766().total(rates).total, qd766().total(rates, summation=Summation.EXACT).total
    (Decimal('0.02'), Decimal('0.01'))
    """

    PORTAL = "portal"
    """The national portal's way (the default): each indicator's points rounded to 2 places,
    ``ROUND_HALF_UP``, then those rounded values added (``_data.qd766.SUMMATION_SOURCE``)."""
    EXACT = "exact"
    """The exact points added, and the sum rounded once (2 places, ``ROUND_HALF_UP``)."""


def _family_target(instance: Indicator, attribute: object, target: Fraction | None) -> None:
    if instance.family is RuleFamily.CAPPED:
        if target is None or not 0 < target <= 1:
            msg = (
                f"indicator {instance.id}: a capped rule needs a target in (0, 1], got {target!r}"
            )
            raise ValueError(msg)
    elif target is not None:
        msg = f"indicator {instance.id}: only a capped rule has a target, got {target!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Indicator:
    """One indicator (chỉ số, chỉ tiêu) of a QĐ 766 rule set, with its formula and source.

    >>> from tthc.scoring import qd766
    >>> i = qd766().indicator("3.3")
    >>> i.name, i.max_points, str(i.family), i.target
    ('Tỷ lệ hồ sơ TTHC theo hình thức nộp trực tuyến', Fraction(6, 1), 'capped', Fraction(1, 2))
    """

    id: str
    """The portal's number, e.g. ``"2.1"`` (``"m6"``: a 2025-26 row with no 2022 number)."""
    version: str
    group: str
    """The portal tab: ``"1"``, ``"2"``, ``"3a"``, ``"3b"``, ``"4"`` or ``"5"``."""
    name: str
    """The Vietnamese name."""
    name_en: str
    numerator: str
    """What the numerator counts (tử số)."""
    denominator: str
    """What the denominator counts (mẫu số)."""
    max_points: Fraction | None
    """The maximum; ``None`` where the source declares none (then it scores nothing)."""
    family: RuleFamily = attrs.field(converter=RuleFamily)
    target: Fraction | None = attrs.field(validator=_family_target)
    """The rate from which a capped rule gives full marks (``None`` for other families)."""
    zero_denominator: ZeroDenominator = attrs.field(converter=ZeroDenominator)
    source: LegalSource
    note: str
    """The confidence tags and what is policy rather than law."""

    @property
    def scored(self) -> bool:
        """Whether the indicator carries points."""
        return self.family is not RuleFamily.MONITORING and bool(self.max_points)

    def points_exact(self, rate: Rate | None) -> Fraction | None:
        """The exact points for *rate*; ``None`` (undefined rate) follows the zero-denominator
        policy, and ``None`` is returned when the indicator is not assessable.

        >>> from fractions import Fraction
        >>> from tthc.scoring import qd766
        >>> qd766().indicator("5.4").points_exact(Fraction(85, 100))
        Fraction(17, 3)
        """
        if rate is not None:
            exact = _exact(rate)
        if self.max_points is None:
            return None
        maximum = self.max_points
        if rate is None:
            match self.zero_denominator:
                case ZeroDenominator.ZERO:
                    return Fraction(0)
                case ZeroDenominator.FULL_MARKS:
                    return maximum
                case ZeroDenominator.NOT_APPLICABLE:
                    return None
        match self.family:
            case RuleFamily.PROPORTIONAL:
                return min(maximum, maximum * exact)
            case RuleFamily.CAPPED:
                assert self.target is not None  # checked at construction
                return min(maximum, maximum * exact / self.target)
            case RuleFamily.MONITORING:
                return Fraction(0)


@attrs.frozen(kw_only=True)
class Group:
    """A group of indicators (nhóm chỉ số; one tab of the portal) and its maximum."""

    id: str
    version: str
    name: str
    name_en: str
    max_points: Fraction
    indicators: tuple[str, ...]
    """The ids of its indicators, in the rule set's order."""
    source: LegalSource
    note: str


@attrs.frozen(kw_only=True)
class Band:
    """A classification band (xếp loại) of the total: from ``minimum`` (inclusive) up.

    The default bands are a hypothesis fitted to two provincial reports, not the decision's
    text: ``confirmed`` is ``False`` for them.
    """

    id: str
    name: str
    name_en: str
    minimum: Fraction = attrs.field(converter=Fraction)
    source: LegalSource
    note: str
    confirmed: bool = False


@attrs.frozen(kw_only=True)
class IndicatorScore:
    """An indicator's rate and points within an :class:`IndexScore`."""

    indicator: Indicator
    rate: Fraction | None
    """The rate given (``None``: undefined, the zero-denominator policy applied)."""
    provided: bool
    """Whether a rate (or ``None``) was given for this indicator at all."""
    exact: Fraction | None
    """Exact points; ``None`` when not assessed (not provided, or not applicable)."""

    @property
    def points(self) -> Decimal | None:
        """The points, rounded ``ROUND_HALF_UP`` to 2 places, or ``None`` if not scored."""
        return None if self.exact is None else round_points(self.exact)

    @property
    def scored(self) -> bool:
        """Whether the indicator has points here (``False``: not scored, or no rate given)."""
        return self.exact is not None


def _add_up(scores: Iterable[IndicatorScore], summation: Summation) -> Decimal | None:
    """The points of *scores* added up by *summation*; ``None`` if none of them is scored."""
    scored = [s for s in scores if s.exact is not None]
    if not scored:
        return None
    if summation is Summation.EXACT:
        return round_points(sum((s.exact for s in scored if s.exact is not None), Fraction(0)))
    return sum((s.points for s in scored if s.points is not None), Decimal("0.00"))


@attrs.frozen(kw_only=True)
class GroupScore:
    """A group's indicator scores and their sum (by the :class:`Summation` of the score)."""

    group: Group
    indicators: tuple[IndicatorScore, ...]
    summation: Summation = Summation.PORTAL

    @property
    def exact(self) -> Fraction:
        """The exact sum of the scored indicators' points (before any rounding)."""
        return sum((s.exact for s in self.indicators if s.exact is not None), Fraction(0))

    @property
    def points(self) -> Decimal | None:
        """The group's points; ``None`` (not scored) when none of its indicators is scored.

        By default (:attr:`Summation.PORTAL`) the sum of the scored indicators' rounded
        points; with :attr:`Summation.EXACT`, their exact sum rounded once.
        """
        return _add_up(self.indicators, self.summation)

    @property
    def max_points(self) -> Fraction:
        """The group's maximum as the rule set declares it (the portal tab's maximum).

        It stays the same when an indicator is not scored: tthc's policy, not confirmed
        against the portal (whose tabs show fixed maxima). :attr:`max_scored` gives the
        maximum of what was scored.
        """
        return self.group.max_points

    @property
    def max_scored(self) -> Fraction:
        """The sum of the maxima of the indicators that were scored."""
        return sum(
            (s.indicator.max_points or Fraction(0) for s in self.indicators if s.scored),
            Fraction(0),
        )


@attrs.frozen(kw_only=True)
class IndexScore:
    """The result of :meth:`RuleSet.total`: points per indicator, per group, the total, band.

    Totals follow :attr:`summation`: by default the portal's way (the sum of the indicators'
    2-place points); :attr:`exact` is the exact sum whatever the summation.
    """

    version: str
    groups: tuple[GroupScore, ...]
    band: Band
    summation: Summation = Summation.PORTAL

    @property
    def indicators(self) -> tuple[IndicatorScore, ...]:
        """Every indicator's score, group by group, in the rule set's order."""
        return tuple(s for g in self.groups for s in g.indicators)

    def indicator(self, indicator_id: str) -> IndicatorScore:
        """The score of one indicator."""
        for s in self.indicators:
            if s.indicator.id == indicator_id:
                return s
        raise UnknownCodeError(indicator_id, f"QĐ 766 rule set {self.version}")

    @property
    def exact(self) -> Fraction:
        """The exact total: the sum of every scored indicator's exact points."""
        return sum((g.exact for g in self.groups), Fraction(0))

    @property
    def total(self) -> Decimal:
        """The total (tổng điểm), out of :attr:`max_points`, to 2 places.

        :attr:`Summation.PORTAL` (the default): the sum of the scored indicators' rounded
        points, which is also the sum of the groups' points; :attr:`Summation.EXACT`: the
        exact sum rounded once. ``0.00`` when nothing was scored (see :attr:`complete`).
        """
        total = _add_up(self.indicators, self.summation)
        return Decimal("0.00") if total is None else total

    @property
    def max_points(self) -> Fraction:
        """The most points the rule set gives (100 for QĐ 766)."""
        return sum((g.max_points for g in self.groups), Fraction(0))

    @property
    def missing(self) -> tuple[str, ...]:
        """Scored indicators for which no rate was given (they contribute no points)."""
        return tuple(
            s.indicator.id for s in self.indicators if s.indicator.scored and not s.provided
        )

    @property
    def not_applicable(self) -> tuple[str, ...]:
        """Indicators given an undefined rate whose policy is *not applicable*: not scored."""
        return tuple(
            s.indicator.id
            for s in self.indicators
            if s.indicator.scored and s.provided and s.exact is None
        )

    @property
    def complete(self) -> bool:
        """Whether every scored indicator was given a rate."""
        return not self.missing


@attrs.frozen(kw_only=True)
class RuleSet:
    """One version of the QĐ 766 rules: indicators, groups, bands, and the formulas over them.

    Build it with :func:`qd766`; change its policies (targets, zero-denominator rules, bands)
    with :meth:`with_targets`, :meth:`with_zero_denominator` and :meth:`with_bands`.
    """

    version: str
    valid_from: date
    title: str
    source: LegalSource
    note: str
    indicators: tuple[Indicator, ...]
    groups: tuple[Group, ...]
    bands: tuple[Band, ...]

    def __attrs_post_init__(self) -> None:
        ids = [i.id for i in self.indicators]
        if len(set(ids)) != len(ids):
            msg = f"rule set {self.version}: duplicate indicator ids in {ids}"
            raise ValueError(msg)
        for g in self.groups:
            declared = sum((self.indicator(i).max_points or 0 for i in g.indicators), Fraction(0))
            if declared != g.max_points:
                msg = (
                    f"rule set {self.version}: group {g.id} sums to {declared}, not {g.max_points}"
                )
                raise ValueError(msg)
        if [b.minimum for b in self.bands] != sorted(
            (b.minimum for b in self.bands), reverse=True
        ):
            msg = f"rule set {self.version}: bands must be listed from the highest minimum down"
            raise ValueError(msg)
        if not self.bands or self.bands[-1].minimum != 0:
            msg = f"rule set {self.version}: the lowest band must start at 0"
            raise ValueError(msg)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id; :class:`~tthc.errors.UnknownCodeError` if none.

        >>> from tthc.scoring import qd766
        >>> qd766().indicator("9.9")
        Traceback (most recent call last):
            ...
        tthc.errors.UnknownCodeError: '9.9' is not in QĐ 766 rule set v2022
        """
        for i in self.indicators:
            if i.id == indicator_id:
                return i
        raise UnknownCodeError(indicator_id, f"QĐ 766 rule set {self.version}")

    @property
    def max_points(self) -> Fraction:
        """The maximum total (100)."""
        return sum((g.max_points for g in self.groups), Fraction(0))

    def points_exact(self, indicator_id: str, rate: Rate | None) -> Fraction | None:
        """Exact points of one indicator (see :meth:`Indicator.points_exact`)."""
        return self.indicator(indicator_id).points_exact(rate)

    def points(self, indicator_id: str, rate: Rate | None) -> Decimal | None:
        """Points of one indicator for *rate*, rounded ``ROUND_HALF_UP`` to 2 places.

        *rate* is a fraction (``Fraction(1)`` is 100 %); ``None`` means the denominator was 0,
        and the indicator's zero-denominator policy decides. ``None`` comes back only when the
        indicator is not assessable (no declared maximum, or policy *not applicable*).

        >>> from fractions import Fraction
        >>> from tthc.scoring import qd766
        >>> rules = qd766()
        >>> rules.points("2.1", Fraction(1141, 1141))  # 1.141 of 1.141 on time
        Decimal('20.00')
        >>> rules.points("3.1", Fraction(70, 100)), rules.points("3.1", Fraction(85, 100))
        (Decimal('1.75'), Decimal('2.00'))
        >>> rules.points("5.4", None), rules.points("5.2", None)  # no dossiers; no feedback
        (Decimal('0.00'), Decimal('6.00'))
        >>> rules.points("2.1", 0.5)
        Traceback (most recent call last):
            ...
        tthc.errors.InvalidRateError: invalid rate 0.5: expected an exact Fraction, int or Decimal (never a float)
        """
        exact = self.points_exact(indicator_id, rate)
        return None if exact is None else round_points(exact)

    def total(
        self,
        rates: Mapping[str, Rate | None],
        *,
        summation: Summation | str = Summation.PORTAL,
    ) -> IndexScore:
        """Score every indicator from *rates* (indicator id → rate, or ``None`` if undefined).

        Scored indicators missing from *rates* contribute nothing and are listed in
        :attr:`IndexScore.missing`; an undefined rate whose policy is *not applicable* is not
        scored (``None``) and listed in :attr:`IndexScore.not_applicable`; monitoring
        indicators may be left out. An unknown id is an error
        (:class:`~tthc.errors.UnknownCodeError`), never silently ignored. *summation* says
        how group totals and the grand total add points up (:class:`Summation`: the
        portal's way by default); the band is taken from that total.
        """
        how = Summation(summation)
        for key in rates:
            self.indicator(key)
        group_scores = []
        for g in self.groups:
            scores = []
            for iid in g.indicators:
                ind = self.indicator(iid)
                provided = iid in rates
                rate = rates.get(iid)
                scores.append(
                    IndicatorScore(
                        indicator=ind,
                        rate=None if rate is None else _exact(rate),
                        provided=provided,
                        exact=ind.points_exact(rate) if provided else None,
                    )
                )
            group_scores.append(GroupScore(group=g, indicators=tuple(scores), summation=how))
        result = IndexScore(
            version=self.version, groups=tuple(group_scores), band=self.bands[-1], summation=how
        )
        return attrs.evolve(result, band=self.band(result.total))

    def band(self, total: Rate | IndexScore) -> Band:
        """The band of a total (the first band whose minimum it reaches). **Unconfirmed**.

        *total* is a number of points, or an :class:`IndexScore` from :meth:`total` (its
        rounded :attr:`IndexScore.total` is banded, as :meth:`total` does).

        >>> from decimal import Decimal
        >>> from tthc.scoring import qd766
        >>> [qd766().band(Decimal(t)).name for t in ("98.63", "83.61", "67.9")]
        ['Xuất sắc', 'Tốt', 'Trung bình']
        >>> rules = qd766()
        >>> rules.band(rules.total({"2.1": Fraction(1)})).name  # 20 points
        'Yếu'
        """
        if isinstance(total, IndexScore):
            return self.band(total.total)
        exact = _exact(total, "total")
        if exact > self.max_points:
            msg = f"a total between 0 and {self.max_points}"
            raise InvalidRateError(total, msg)
        return next(b for b in self.bands if exact >= b.minimum)

    def with_targets(self, targets: Mapping[str, Rate | None]) -> RuleSet:
        """A copy where the given indicators use a capped rule at these targets (``None``:
        proportional instead), e.g. ``{"4.2": Fraction(4, 5)}`` to follow the formula
        document for digitisation rather than the API.

        >>> from fractions import Fraction
        >>> from tthc.scoring import qd766
        >>> doc = qd766().with_targets({"4.2": Fraction(4, 5)})
        >>> qd766().points("4.2", Fraction(60, 100)), doc.points("4.2", Fraction(60, 100))
        (Decimal('2.40'), Decimal('3.00'))
        """
        changed = {}
        for iid, target in targets.items():
            ind = self.indicator(iid)
            if target is None:
                changed[iid] = attrs.evolve(ind, family=RuleFamily.PROPORTIONAL, target=None)
            else:
                changed[iid] = attrs.evolve(ind, family=RuleFamily.CAPPED, target=_exact(target))
        return self._replace(changed)

    def with_zero_denominator(self, policies: Mapping[str, ZeroDenominator | str]) -> RuleSet:
        """A copy where the given indicators follow another zero-denominator policy."""
        changed = {
            iid: attrs.evolve(self.indicator(iid), zero_denominator=ZeroDenominator(policy))
            for iid, policy in policies.items()
        }
        return self._replace(changed)

    def with_bands(self, bands: Iterable[Band]) -> RuleSet:
        """A copy with another classification (e.g. a province's confirmed bands)."""
        ordered = tuple(sorted(bands, key=lambda b: b.minimum, reverse=True))
        return attrs.evolve(self, bands=ordered)

    def _replace(self, changed: Mapping[str, Indicator]) -> RuleSet:
        return attrs.evolve(self, indicators=tuple(changed.get(i.id, i) for i in self.indicators))


def _build_rule_sets() -> dict[str, RuleSet]:
    bands = tuple(
        Band(
            id=r.id,
            name=r.name,
            name_en=r.name_en,
            minimum=r.minimum,
            source=r.source,
            note=r.note,
        )
        for r in _qd766_data.BANDS
    )
    sets = {}
    for v in _qd766_data.VERSIONS:
        indicators = tuple(
            Indicator(
                id=r.id,
                version=r.version,
                group=r.group,
                name=r.name,
                name_en=r.name_en,
                numerator=r.numerator,
                denominator=r.denominator,
                max_points=r.max_points,
                family=RuleFamily(r.family),
                target=r.target,
                zero_denominator=ZeroDenominator(r.zero_denominator),
                source=r.source,
                note=r.note,
            )
            for r in _qd766_data.INDICATORS
            if r.version == v.version
        )
        groups = tuple(
            Group(
                id=r.id,
                version=r.version,
                name=r.name,
                name_en=r.name_en,
                max_points=r.max_points,
                indicators=tuple(i.id for i in indicators if i.group == r.id),
                source=r.source,
                note=r.note,
            )
            for r in _qd766_data.GROUPS
            if r.version == v.version
        )
        sets[v.version] = RuleSet(
            version=v.version,
            valid_from=v.valid_from,
            title=v.title,
            source=v.source,
            note=v.note,
            indicators=indicators,
            groups=groups,
            bands=bands,
        )
    return sets


_RULE_SETS = _build_rule_sets()  # a bad row fails at import, before anything is scored


def qd766_versions() -> tuple[str, ...]:
    """The versions of the QĐ 766 rules tthc ships, oldest first.

    >>> qd766_versions()
    ('v2022', 'v2025')
    """
    return tuple(_RULE_SETS)


def qd766_portal_version(on: date) -> str | None:
    """The rule set the national portal scores the day *on* with (``None``: before QĐ 766).

    From ``tthc._data.qd766.PORTAL_SCORING``: the portal still scores v2022 in 2026 (observed
    on real scores of 08/2026), so every day from 23/06/2022 answers ``"v2022"`` until a new
    row records a change.

    >>> from datetime import date
    >>> qd766_portal_version(date(2026, 8, 31)), qd766_portal_version(date(2022, 1, 1))
    ('v2022', None)
    """
    for row in _qd766_data.PORTAL_SCORING:
        if row.start <= on and (row.until is None or on <= row.until):
            return row.version
    return None


def _check_portal_version(rules: RuleSet, period: Period | None) -> None:
    """Warn when *rules* is used for a period the portal scores under another rule set."""
    start = rules.valid_from if period is None else period.start
    end = None if period is None else period.end
    for row in _qd766_data.PORTAL_SCORING:
        if row.version == rules.version:
            continue
        if (row.until is None or start <= row.until) and (end is None or row.start <= end):
            first = max(start, row.start).isoformat()
            last = (
                ""
                if row.until is None and end is None
                else min(d for d in (row.until, end) if d is not None).isoformat()
            )
            warnings.warn(
                PortalVersionWarning(rules.version, row.version, f"{first}..{last}"),
                stacklevel=3,
            )
            return


def qd766(version: str = "v2022", *, period: Period | None = None) -> RuleSet:
    """The QĐ 766/QĐ-TTg rule set of *version* (``"v2022"``: what the portal computes).

    ``"v2025"`` is the 2025-26 wording of the portal's METRICS sheet (12 points on full
    online dossiers, 10 on online payment). It is **not what the national portal computes
    in 2026**: the portal still scores the v2022 split (2+2+6 for payment; v2025 reproduces
    10 of 201 real payment-group scores of 08/2026). Its rule families are carried over from
    v2022 and flagged unconfirmed in each indicator's ``note``. Choosing it emits
    :class:`~tthc.errors.PortalVersionWarning` when the portal scores *period* (default:
    every period from the version's ``valid_from`` on) under another version
    (:func:`qd766_portal_version`).

    >>> rules = qd766()
    >>> rules.max_points, len([i for i in rules.indicators if i.scored])
    (Fraction(100, 1), 21)
    >>> [(g.id, int(g.max_points)) for g in rules.groups]
    [('1', 18), ('2', 20), ('3a', 12), ('3b', 10), ('4', 22), ('5', 18)]
    >>> qd766("v2021")
    Traceback (most recent call last):
        ...
    tthc.errors.UnknownCodeError: 'v2021' is not in QĐ 766 versions (v2022, v2025)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     v2025 = qd766("v2025", period=Period.month(2026, 8))
    >>> print(caught[0].message)
    QĐ 766 rule set 'v2025' is not what the national portal computes: it scores the period 2026-08-01..2026-08-31 under 'v2022'; use qd766('v2022') to reproduce the portal's scores
    """
    try:
        rules = _RULE_SETS[version]
    except KeyError:
        raise UnknownCodeError(version, f"QĐ 766 versions ({', '.join(_RULE_SETS)})") from None
    _check_portal_version(rules, period)
    return rules


_PERIOD_DIVISORS = {"month": 12, "quarter": 4, "year": 1}


def rate_1_4(
    synced: int,
    *,
    bcqg: int | None,
    dvcqg: int | None,
    previous_year_bcqg: int | None = None,
    period: str = "month",
) -> Fraction:
    """The rate of 766 indicator 1.4 (hồ sơ đồng bộ lên Cổng DVCQG), with the portal's fallback.

    Denominator: the larger of the dossiers received per the national reporting system
    (*bcqg*) and per the national portal (*dvcqg*). When both are 0 or missing, the previous
    year's BCQG total divided by 12 (*period* ``"month"``), 4 (``"quarter"``) or 1 (``"year"``);
    with no previous-year figure either, the rate is 0 (the portal's formula document, 1.4).

    >>> rate_1_4(950, bcqg=0, dvcqg=0, previous_year_bcqg=12_000, period="month")  # T17
    Fraction(19, 20)
    >>> rate_1_4(10, bcqg=None, dvcqg=0)
    Fraction(0, 1)
    """
    if period not in _PERIOD_DIVISORS:
        msg = f"period must be one of {', '.join(_PERIOD_DIVISORS)}, got {period!r}"
        raise ValueError(msg)
    counts = [_exact(n, "count") for n in (synced, bcqg or 0, dvcqg or 0, previous_year_bcqg or 0)]
    denominator = max(counts[1], counts[2])
    if denominator == 0:
        denominator = counts[3] / _PERIOD_DIVISORS[period]
    return Fraction(0) if denominator == 0 else counts[0] / denominator


def rate_5_4(*, dossiers: int, overdue: int, with_feedback: int) -> Fraction | None:
    """The rate of 766 indicator 5.4 as the portal computes it.

    ``100 % - (overdue rate + rate of dossiers with feedback or a dislike)``, floored at 0; a
    dossier both overdue and criticised counts twice, as on the portal (its formula document, 5.4).
    ``None`` when there are no dossiers (the indicator then scores 0).

    >>> rate_5_4(dossiers=200, overdue=20, with_feedback=10)
    Fraction(17, 20)
    >>> rate_5_4(dossiers=0, overdue=0, with_feedback=0) is None
    True
    """
    total = _exact(dossiers, "count")
    if total == 0:
        return None
    bad = _exact(overdue, "count") + _exact(with_feedback, "count")
    return max(Fraction(0), 1 - bad / total)


# -- provincial rubrics ----------------------------------------------------------------------------


class CriterionKind(enum.StrEnum):
    """The rule families of provincial index rubrics."""

    BANDED = "banded"
    """Thresholds: e.g. 100 % → 2; from 95 % → 1; below → 0."""
    PROPORTIONAL_TO_TARGET = "proportional_to_target"
    """``min(max, max x R ÷ target)``."""
    BINARY = "binary"
    """Compliance: full points only when the rate is 100 % (or the answer is ``True``)."""


def _check_criterion(instance: Criterion, attribute: object, value: object) -> None:
    kind = instance.kind
    if kind is CriterionKind.BANDED:
        mins = [m for m, _ in instance.bands]
        if not instance.bands or mins != sorted(mins, reverse=True):
            msg = f"criterion {instance.id}: bands must run from the highest threshold down"
            raise ValueError(msg)
        if any(p > instance.max_points for _, p in instance.bands):
            msg = f"criterion {instance.id}: a band gives more than {instance.max_points}"
            raise ValueError(msg)
    if (kind is CriterionKind.PROPORTIONAL_TO_TARGET) != (instance.target is not None):
        msg = f"criterion {instance.id}: a target goes with (and only with) proportional_to_target"
        raise ValueError(msg)
    if instance.target is not None and not 0 < instance.target <= 1:
        msg = f"criterion {instance.id}: target must be in (0, 1], got {instance.target}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Criterion:
    """One criterion (tiêu chí) of a rubric: its rule and its source."""

    id: str
    name: str
    name_en: str
    kind: CriterionKind = attrs.field(converter=CriterionKind)
    max_points: Fraction
    target: Fraction | None = None
    bands: tuple[tuple[Fraction, Fraction], ...] = attrs.field(
        default=(), validator=_check_criterion
    )
    """For a banded rule: ``(minimum rate, points)`` from the highest minimum down."""
    zero_denominator: ZeroDenominator = attrs.field(
        default=ZeroDenominator.ZERO, converter=ZeroDenominator
    )
    source: LegalSource
    note: str = ""

    def points_exact(self, rate: Rate | None) -> Fraction | None:
        """Exact points for *rate* (a binary criterion also takes ``True``/``False``).

        >>> from fractions import Fraction
        >>> from tthc.scoring import example_rubric
        >>> on_time = example_rubric().criterion("on_time")
        >>> [on_time.points_exact(r) for r in (1, Fraction(96, 100), Fraction(94, 100))]
        [Fraction(2, 1), Fraction(1, 1), Fraction(0, 1)]
        """
        if rate is None:
            match self.zero_denominator:
                case ZeroDenominator.ZERO:
                    return Fraction(0)
                case ZeroDenominator.FULL_MARKS:
                    return self.max_points
                case ZeroDenominator.NOT_APPLICABLE:
                    return None
        if isinstance(rate, bool):
            if self.kind is not CriterionKind.BINARY:
                msg = "a rate (True/False only for a binary criterion)"
                raise InvalidRateError(rate, msg)
            return self.max_points if rate else Fraction(0)
        exact = _exact(rate)
        match self.kind:
            case CriterionKind.BANDED:
                return next((p for m, p in self.bands if exact >= m), Fraction(0))
            case CriterionKind.PROPORTIONAL_TO_TARGET:
                assert self.target is not None  # checked at construction
                return min(self.max_points, self.max_points * exact / self.target)
            case CriterionKind.BINARY:
                return self.max_points if exact >= 1 else Fraction(0)


@attrs.frozen(kw_only=True)
class CriterionScore:
    """A criterion's points within a :class:`RubricScore`."""

    criterion: Criterion
    provided: bool
    """Whether a rate (or ``None``) was given for this criterion at all."""
    exact: Fraction | None
    """Exact points; ``None`` when not assessed."""

    @property
    def points(self) -> Decimal | None:
        """The points, rounded ``ROUND_HALF_UP`` to 2 places, or ``None`` if not assessed."""
        return None if self.exact is None else round_points(self.exact)


@attrs.frozen(kw_only=True)
class RubricScore:
    """Points per criterion and the total (exact sum, rounded once)."""

    rubric: str
    criteria: tuple[CriterionScore, ...]

    @property
    def exact(self) -> Fraction:
        """The exact sum of the assessed criteria's points."""
        return sum((c.exact for c in self.criteria if c.exact is not None), Fraction(0))

    @property
    def total(self) -> Decimal:
        """The total: the exact sum, rounded once (``ROUND_HALF_UP``, 2 places)."""
        return round_points(self.exact)

    @property
    def max_points(self) -> Fraction:
        """The most points the rubric gives."""
        return sum((c.criterion.max_points for c in self.criteria), Fraction(0))

    @property
    def missing(self) -> tuple[str, ...]:
        """Criteria for which no rate was given (they contribute no points)."""
        return tuple(c.criterion.id for c in self.criteria if not c.provided)


@attrs.frozen(kw_only=True)
class Rubric:
    """A provincial scoring rubric: criteria held as data, scored by their rule family.

    >>> from fractions import Fraction
    >>> from tthc.scoring import example_rubric
    >>> result = example_rubric().score(
    ...     {"on_time": Fraction(479, 480), "online": Fraction(30, 100), "apology": True}
    ... )
    >>> [(c.criterion.id, c.points) for c in result.criteria]
    [('on_time', Decimal('1.00')), ('online', Decimal('1.20')), ('apology', Decimal('1.00'))]
    >>> result.total, result.max_points
    (Decimal('3.20'), Fraction(5, 1))
    """

    id: str
    criteria: tuple[Criterion, ...]

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; :class:`~tthc.errors.UnknownCodeError` if none."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise UnknownCodeError(criterion_id, f"rubric {self.id!r}")

    def score(self, rates: Mapping[str, Rate | None]) -> RubricScore:
        """Score each criterion; criteria missing from *rates* score nothing (see ``missing``)."""
        for key in rates:
            self.criterion(key)
        return RubricScore(
            rubric=self.id,
            criteria=tuple(
                CriterionScore(
                    criterion=c,
                    provided=c.id in rates,
                    exact=c.points_exact(rates[c.id]) if c.id in rates else None,
                )
                for c in self.criteria
            ),
        )


def example_rubric() -> Rubric:
    """The illustrative rubric shipped as data (``tthc._data.evaluation.EXAMPLE_RUBRIC``).

    Its points and thresholds are invented to show the three rule families; each criterion
    cites the legal duty it measures. Build real rubrics the same way from a province's
    decision.
    """
    rows = _evaluation_data.EXAMPLE_RUBRIC
    return Rubric(
        id=rows[0].rubric,
        criteria=tuple(
            Criterion(
                id=r.id,
                name=r.name,
                name_en=r.name_en,
                kind=CriterionKind(r.kind),
                max_points=r.max_points,
                target=r.target,
                bands=r.bands,
                zero_denominator=ZeroDenominator(r.zero_denominator),
                source=r.source,
                note=r.note,
            )
            for r in rows
        ),
    )


# -- per-dossier evaluation (Thông tư 01/2018/TT-VPCP) ---------------------------------------------


@attrs.frozen(kw_only=True)
class DossierIndex:
    """One of the nine indices (chỉ số) of the per-dossier evaluation, as data."""

    number: int
    subject: str
    name_en: str
    two_points: str
    one_point: str
    zero_points: str
    source: LegalSource
    note: str


DOSSIER_INDICES: tuple[DossierIndex, ...] = tuple(
    DossierIndex(
        number=r.number,
        subject=r.subject,
        name_en=r.name_en,
        two_points=r.two_points,
        one_point=r.one_point,
        zero_points=r.zero_points,
        source=r.source,
        note=r.note,
    )
    for r in _evaluation_data.DOSSIER_INDICES
)
"""The nine indices of Thông tư 01/2018/TT-VPCP, in order (``tthc._data.evaluation``)."""


@attrs.frozen(kw_only=True)
class IndexResult:
    """The points of one index for one dossier; ``points is None``: not assessable."""

    index: DossierIndex
    points: int | None
    """2, 1 or 0; ``None`` when the trail (and the answers given) do not say (never 0)."""
    reason: str
    """Why: the fact read from the trail, or what is missing."""

    @property
    def assessable(self) -> bool:
        """Whether the index could be scored (from the trail or from an answer)."""
        return self.points is not None


@attrs.frozen(kw_only=True)
class DossierEvaluation:
    """The per-dossier evaluation: nine :class:`IndexResult`, some possibly not assessable."""

    code: str
    results: tuple[IndexResult, ...]

    def __getitem__(self, number: int) -> IndexResult:
        """The result of index *number* (1-9)."""
        for r in self.results:
            if r.index.number == number:
                return r
        raise UnknownCodeError(number, "the indices 1-9 of Thông tư 01/2018/TT-VPCP")

    @property
    def total(self) -> int:
        """The sum of the assessable indices' points."""
        return sum(r.points for r in self.results if r.points is not None)

    @property
    def assessed(self) -> tuple[int, ...]:
        """The numbers of the indices that could be assessed."""
        return tuple(r.index.number for r in self.results if r.points is not None)

    @property
    def average(self) -> Fraction | None:
        """Điểm bình quân: the total over the assessed indices (``None`` if none was)."""
        n = len(self.assessed)
        return None if n == 0 else Fraction(self.total, n)

    @property
    def officials_total(self) -> int | None:
        """ "Tổng điểm đánh giá CBCC" (indices 1 + 2 + 3 + 4 + 7, as Thanh Hóa's report adds
        them [S]); ``None`` unless all five were assessed."""
        parts = [self[n].points for n in (1, 2, 3, 4, 7)]
        return None if any(p is None for p in parts) else sum(p or 0 for p in parts)


_BY_TIMING = {Timeliness.EARLY: 2, Timeliness.ON_TIME: 1, Timeliness.LATE: 0}
_ANSWERABLE = (4, 5, 6, 8, 9)
_NOT_IN_TRAIL = {
    4: "the trail does not record which bodies the applicant contacted",
    5: "a fact about the unit's one-stop arrangements, not in the dossier's trail",
    6: "a fact about how the procedure is published, not in the dossier's trail",
    8: "the applicant's answer (rất hài lòng / hài lòng / không hài lòng) was not given",
    9: "the applicant's answer (rất hài lòng / hài lòng / không hài lòng) was not given",
}


def _index_1(d: Dossier) -> tuple[int | None, str]:
    t = d.timeliness
    if t is None or t not in _BY_TIMING:
        return None, "not completed, or completed without a due date"
    return _BY_TIMING[t], f"completed {t.value} against the due date"


def _index_2(d: Dossier) -> tuple[int | None, str]:
    if not d.steps:
        return None, "no inter-agency or internal step recorded in the trail"
    if d.late_agencies:
        return 0, f"step(s) of {', '.join(d.late_agencies)} took longer than allotted"
    open_steps = [s.agency for s in d.steps if s.timeliness is None]
    if open_steps:
        return None, f"step(s) of {', '.join(open_steps)} not finished"
    worst = min(_BY_TIMING[s.timeliness] for s in d.steps if s.timeliness is not None)
    return worst, "every step ended " + ("before its slot ran out" if worst == 2 else "in time")


def _index_3(d: Dossier) -> tuple[int | None, str]:
    if d.received_at is None:
        return None, "never received"
    n = d.supplement_requests
    if not d.status.final and d.completed_at is None:
        return None, f"still in progress ({n} supplement request(s) so far)"
    points = 2 if n == 0 else 1 if n == 1 else 0
    return points, f"{n} supplement request(s) during processing (applicant's fault not recorded)"


def _index_7(d: Dossier, *, complaint: bool | None) -> tuple[int | None, str]:
    if complaint is None:
        return None, "whether there was a complaint (phản ánh, kiến nghị) was not given"
    if complaint:
        return 0, "a complaint about the handling"
    t = d.timeliness
    if t is None or t not in _BY_TIMING:
        return None, "not completed, or completed without a due date"
    if t is Timeliness.LATE:
        return 0, "no complaint, but completed late (neither early nor on time) [U]"
    return _BY_TIMING[t], f"no complaint, completed {t.value}"


_TT01_2018 = "tt01_2018"


def evaluate_dossier(
    dossier: Dossier,
    *,
    complaint: bool | None = None,
    answers: Mapping[int, int] | None = None,
    indices: str | None = None,
) -> DossierEvaluation:
    """The nine-index evaluation of one dossier (Thông tư 01/2018/TT-VPCP), from its trail.

    The nine indices are the evaluation of the Nghị định 61/2018 regime. For a dossier
    received under Nghị định 118/2025 (from 01/07/2025) no replacing index set was found, so
    tthc refuses (:class:`~tthc.errors.RuleNotInForceError`) unless ``indices="tt01_2018"``
    asks for the nine indices explicitly, as a policy.

    From the trail: index 1 (total time: early 2, on time 1, late 0, from
    :attr:`~tthc.dossier.Dossier.timeliness`); index 2 (each body's time, from the steps:
    the worst step counts, any overrun gives 0); index 3 (supplement requests: none 2, one 1,
    more 0, once the dossier is completed; whether a request was the applicant's fault is not
    in the trail). Index 7 needs *complaint* (was there a complaint about the handling?).
    Indices 4, 5, 6, 8 and 9 are not in a dossier's trail: give them in *answers* (index →
    2, 1 or 0, e.g. the applicant's survey answers for 8 and 9). An index without data is
    *not assessable* (``points is None``), never 0.

    >>> from datetime import datetime
    >>> from tthc.calendar import VIETNAM_TZ
    >>> from tthc.catalog import Channel
    >>> from tthc.deadlines import TimeLimit
    >>> from tthc.dossier import Action, Event, apply, submit
    >>> def at(*args):
    ...     return datetime(*args, tzinfo=VIETNAM_TZ)
    >>> d = submit("H12-250303-0001", agency="UBND xã A", channel=Channel.IN_PERSON,
    ...            at=at(2025, 3, 3, 9))
    >>> d = apply(d, Event(Action.RECEIVE, at(2025, 3, 3, 9), limit=TimeLimit.working_days(10)))
    >>> d = apply(d, Event(Action.RESULT, at(2025, 3, 14, 10)))
    >>> e = evaluate_dossier(d, complaint=False, answers={9: 2})
    >>> [(r.index.number, r.points) for r in e.results]
    [(1, 2), (2, None), (3, 2), (4, None), (5, None), (6, None), (7, 2), (8, None), (9, 2)]
    >>> e.total, e.assessed, e.average
    (8, (1, 3, 7, 9), Fraction(2, 1))
    >>> later = submit("H12-250701-0001", agency="UBND xã A", channel=Channel.IN_PERSON,
    ...                at=at(2025, 7, 1, 9))
    >>> later = apply(later, Event(Action.RECEIVE, at(2025, 7, 1, 9),
    ...                            limit=TimeLimit.working_days(10)))
    >>> evaluate_dossier(later)
    Traceback (most recent call last):
        ...
    tthc.errors.RuleNotInForceError: dossier 'H12-250701-0001' was received on 2025-07-01 under Nghị định 118/2025/NĐ-CP: the nine indices of Thông tư 01/2018/TT-VPCP are the evaluation of Nghị định 61/2018, and no index set replacing them was found (118/2025/NĐ-CP, đánh giá việc giải quyết thủ tục hành chính; article not verified); pass indices='tt01_2018' to apply them as a policy
    >>> evaluate_dossier(later, indices="tt01_2018").code
    'H12-250701-0001'
    """
    if indices not in (None, _TT01_2018):
        msg = f"indices is None (the regime's) or {_TT01_2018!r}, got {indices!r}"
        raise ValueError(msg)
    if indices is None and dossier.regime is not Regime.ND61_2018:
        at = dossier.received_at or dossier.submitted_at
        day = at.astimezone(VIETNAM_TZ).date()
        rule = due_rule("evaluation", as_of=day)
        msg = (
            f"dossier {dossier.code!r} was received on {day.isoformat()} under Nghị định "
            "118/2025/NĐ-CP: the nine indices of Thông tư 01/2018/TT-VPCP are the evaluation "
            "of Nghị định 61/2018, and no index set replacing them was found "
            f"({rule.source.number}, {rule.source.provision}); pass indices={_TT01_2018!r} to "
            "apply them as a policy"
        )
        raise RuleNotInForceError(msg, rule="evaluation", regime=str(dossier.regime))
    given = dict(answers or {})
    for number, answer in given.items():
        if number not in _ANSWERABLE:
            msg = (
                f"index {number!r} cannot be answered: indices {_ANSWERABLE} come from outside "
                "the trail (1, 2, 3 are read from it; 7 takes complaint=)"
            )
            raise ValueError(msg)
        if isinstance(answer, bool) or answer not in (0, 1, 2):
            msg = "0, 1 or 2 points"
            raise InvalidRateError(answer, msg)
    results = []
    for index in DOSSIER_INDICES:
        n = index.number
        points: int | None
        if n == 1:
            points, reason = _index_1(dossier)
        elif n == 2:
            points, reason = _index_2(dossier)
        elif n == 3:
            points, reason = _index_3(dossier)
        elif n == 7:
            points, reason = _index_7(dossier, complaint=complaint)
        elif n in given:
            points, reason = given[n], "given"
        else:
            points, reason = None, _NOT_IN_TRAIL[n]
        results.append(IndexResult(index=index, points=points, reason=reason))
    return DossierEvaluation(code=dossier.code, results=tuple(results))
