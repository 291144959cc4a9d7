"""Property preservation review (财产保全审查): the pure rules behind the court's three steps.

Step 1, necessity (能不保就不保): :func:`assess_necessity` reads the respondent's operation and
solvency and says whether the claim looks safe without preservation. Step 2, scope
(能部分保就不全部保): :func:`propose_plan` proposes the least-harm plan, :func:`adjust_plan`
re-checks a judge's changes, :func:`release_advice` says what a new guarantee frees. Step 3,
speed (能快保就不慢保): ruling, execution and lawsuit deadlines, freeze terms and their lights.

Sources (see ../shared/rules.md): Civil Procedure Law arts. 103–107 (48 hours, 30 days to sue,
scope of the claim, release on guarantee); the Supreme People's Court's provisions on handling
property-preservation cases (2016, amended 2020; "《财产保全规定》" below) arts. 4, 5, 13, 15, 18,
22; the Judicial Interpretation of the CPL art. 485 (freeze terms); the Regulation on Guaranteeing
Payment of Migrant Workers' Wages art. 33 (wage accounts never frozen); the SPC's rule that
property is not seized "clearly beyond the amount" (不得明显超标的额查封), which is what
:class:`ExcessRule` measures. "Think twice before the basic account" is the district court's own
rule, not a statute, and the messages say so.

Money is ``Decimal`` quantised to fen (0.01); the searches below work in integer fen so that no
rounding can make a plan cover by a fraction.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from .calendar import WorkCalendar
from .errors import ValidationError
from .labels import Labelled
from .lights import Light

__all__ = [
    "AccountKind",
    "Asset",
    "AssetType",
    "CaseKind",
    "Decision",
    "Deadline",
    "ExcessRule",
    "Exclusion",
    "FreezeTerm",
    "Guarantee",
    "GuaranteeType",
    "Measure",
    "NecessityAdvice",
    "Plan",
    "ReleaseAdvice",
    "Selection",
    "Solvency",
    "TermCategory",
    "Tier",
    "adjust_plan",
    "applicant_guarantee_required",
    "assess_necessity",
    "check_selection",
    "clock_light",
    "enforcement_application_due",
    "execution_limit",
    "freeze_term",
    "lawsuit_due",
    "money",
    "plan_deadlines",
    "propose_plan",
    "release_advice",
    "ruling_due",
    "statutory_ruling_limit",
    "term_category",
    "term_light",
    "valid_guarantee_total",
]

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value: object, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """A yuan amount as Decimal with two places; '1,200,000.00', 5 and Decimal all accepted."""
    if isinstance(value, bool) or value is None:
        raise ValidationError("金额不能为空", field=field)
    try:
        # str() first: a float's repr is what the person meant (0.1, not 0.1000000000000000055).
        amount = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(f"金额格式错误：{value}", field=field) from None
    if not amount.is_finite():
        raise ValidationError(f"金额格式错误：{value}", field=field)
    if amount < 0 and not allow_negative:
        raise ValidationError("金额不能为负数", field=field)
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_UP))


def _yuan(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def _fmt(amount: Decimal | int) -> str:
    """Amounts in notes: 1,200,000.00 (cents given as int are converted first)."""
    if isinstance(amount, int):
        amount = _yuan(amount)
    return f"{amount:,.2f}"


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------


class CaseKind(Labelled):
    PRE_SUIT = ("pre_suit", "诉前财产保全")
    IN_SUIT = ("in_suit", "诉中财产保全")
    PRE_ENFORCEMENT = ("pre_enforcement", "执行前财产保全")


class Decision(Labelled):
    """The judge's decision at step 1, recorded with reasons."""

    GRANT = ("grant", "准予保全")
    GRANT_IN_PART = ("grant_in_part", "部分准予保全")
    REFUSE = ("refuse", "驳回申请")


class Measure(Labelled):
    FREEZE = ("freeze", "冻结")
    SEIZE = ("seize", "查封")


class TermCategory(Labelled):
    """The three term lengths of Judicial Interpretation art. 485."""

    DEPOSIT = ("deposit", "银行存款")
    MOVABLE = ("movable", "动产")
    PROPERTY = ("property", "不动产及其他财产权")

    @property
    def years(self) -> int:
        return {"deposit": 1, "movable": 2, "property": 3}[self.value]


class AssetType(Labelled):
    ACCOUNT = ("account", "银行账户")
    REAL_ESTATE = ("real_estate", "不动产")
    VEHICLE = ("vehicle", "车辆")
    EQUIPMENT = ("equipment", "机器设备")
    INVENTORY = ("inventory", "存货")
    EQUITY = ("equity", "股权")
    RECEIVABLE = ("receivable", "到期债权")

    @property
    def measure(self) -> Measure:
        # Money, shares and claims are frozen; things and land are seized (查封/扣押).
        if self in (AssetType.ACCOUNT, AssetType.EQUITY, AssetType.RECEIVABLE):
            return Measure.FREEZE
        return Measure.SEIZE

    @property
    def term_category(self) -> TermCategory:
        if self is AssetType.ACCOUNT:
            return TermCategory.DEPOSIT
        if self in (AssetType.VEHICLE, AssetType.EQUIPMENT, AssetType.INVENTORY):
            return TermCategory.MOVABLE
        return TermCategory.PROPERTY


class AccountKind(Labelled):
    BASIC = ("basic", "基本存款账户")
    GENERAL = ("general", "一般存款账户")
    SPECIAL = ("special", "专用存款账户")
    WAGE = ("wage", "农民工工资专用账户")


class GuaranteeType(Labelled):
    PERFORMANCE_BOND = ("performance_bond", "履约保函")
    INSURANCE = ("insurance", "保险保函")
    CASH = ("cash", "现金担保")


class Tier(enum.IntEnum):
    """Harm order, least first (《财产保全规定》第十三条 and the court's three steps)."""

    IDLE = 1  # non-account assets not used in production or operation
    ACCOUNTS = 2  # general and special accounts, capped freeze
    OPERATIONAL = 3  # non-account assets in operational use
    BASIC = 4  # the basic account: last, with a leader's approval

    @property
    def label(self) -> str:
        return {1: "未用于生产经营的财产", 2: "一般/专用账户", 3: "生产经营中使用的财产", 4: "基本账户"}[int(self)]


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _enum(cls: type[enum.Enum], value: object, field: str, what: str):
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(f"{what}无效：{value}", field=field) from None


@dataclass(frozen=True)
class Asset:
    """One asset of the respondent, typed in or imported from the online asset inquiry.

    ``value`` is the balance of an account or the assessed value of anything else.
    ``in_operational_use`` is ignored for accounts: their harm is given by their kind.
    """

    id: str
    type: AssetType
    account_kind: AccountKind | None = None
    value: Decimal = ZERO
    in_operational_use: bool = False
    protected: bool = False
    description: str = ""
    protected_reason: str = ""

    def __post_init__(self) -> None:
        if not str(self.id).strip():
            raise ValidationError("财产编号不能为空", field="assets.id")
        object.__setattr__(self, "id", str(self.id).strip())
        kind = _enum(AssetType, self.type, "assets.type", "财产类型")
        object.__setattr__(self, "type", kind)
        object.__setattr__(self, "value", money(self.value, field="assets.value"))
        if kind is AssetType.ACCOUNT:
            if self.account_kind is None:
                raise ValidationError(
                    f"账户“{self.id}”须注明账户性质（基本户、一般户、专用户或农民工工资专户）",
                    field="assets.account_kind",
                )
            account = _enum(AccountKind, self.account_kind, "assets.account_kind", "账户性质")
            object.__setattr__(self, "account_kind", account)
        elif self.account_kind is not None:
            raise ValidationError(f"财产“{self.id}”不是账户，不应填写账户性质", field="assets.account_kind")
        object.__setattr__(self, "in_operational_use", bool(self.in_operational_use))
        object.__setattr__(self, "protected", bool(self.protected))

    @property
    def label(self) -> str:
        """How notes name the asset: its description, else its kind and id."""
        if self.description:
            return self.description
        kind = self.account_kind.label if self.account_kind else self.type.label
        return f"{kind}{self.id}"

    @property
    def is_account(self) -> bool:
        return self.type is AssetType.ACCOUNT

    @property
    def measure(self) -> Measure:
        return self.type.measure


@dataclass(frozen=True)
class Guarantee:
    """A guarantee given for the respondent (by it or a third party) that replaces preservation.

    Not the applicant's own guarantee for the application (see
    :func:`applicant_guarantee_required`): this one reduces what must be preserved
    (CPL art. 107, 《财产保全规定》第二十二条).
    """

    type: GuaranteeType
    amount: Decimal
    valid_until: dt.date
    issuer: str = ""  # the bank or insurer
    number: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", _enum(GuaranteeType, self.type, "guarantees.type", "担保类型"))
        object.__setattr__(self, "amount", money(self.amount, field="guarantees.amount"))
        if isinstance(self.valid_until, dt.datetime):
            object.__setattr__(self, "valid_until", self.valid_until.date())
        if not isinstance(self.valid_until, dt.date):
            raise ValidationError("担保有效期应为日期", field="guarantees.valid_until")

    def is_valid_on(self, day: dt.date) -> bool:
        # The guarantee's last day still counts: it is valid *until* that day inclusive.
        return self.valid_until >= day


def valid_guarantee_total(guarantees: Iterable[Guarantee], as_of: dt.date) -> Decimal:
    """Sum of the guarantees still valid on ``as_of``."""
    return sum((g.amount for g in guarantees if g.is_valid_on(as_of)), ZERO).quantize(CENT)


@dataclass(frozen=True)
class ExcessRule:
    """When a preserved value "clearly exceeds" what is needed (明显超标的额).

    Clear excess: more than ``ratio`` times the need *and* more than ``margin`` yuan over it. The
    first spares large cases from quibbles over a whole asset's rounding; the second spares small
    ones from a ratio that a single vehicle would break. Both are court settings.
    """

    ratio: Decimal = Decimal("1.2")
    margin: Decimal = Decimal("10000")

    def clearly_exceeds(self, value: Decimal, need: Decimal) -> bool:
        return value > need and value > need * self.ratio and value > need + self.margin

    def _clearly_exceeds_cents(self, value: int, need: int) -> bool:
        return self.clearly_exceeds(Decimal(value) / 100, Decimal(need) / 100)


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


class Selection(NamedTuple):
    """One measure of a plan: freeze or seize ``amount`` yuan of asset ``asset_id``."""

    asset_id: str
    measure: Measure
    amount: Decimal


class Exclusion(NamedTuple):
    asset_id: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """A preservation plan, proposed by :func:`propose_plan` or adjusted by a judge.

    ``over_scope`` means the preserved total clearly exceeds the need (:class:`ExcessRule`); a
    proposed plan has it only when it cannot be avoided, with ``over_scope_reason`` saying why.
    """

    claim: Decimal
    guaranteed: Decimal
    need: Decimal
    selected: tuple[Selection, ...]
    excluded: tuple[Exclusion, ...]
    total_preserved: Decimal
    covers_claim: bool
    over_scope: bool
    needs_approval: bool
    notes: tuple[str, ...]
    over_scope_reason: str = ""
    adjusted: bool = False

    @property
    def excess(self) -> Decimal:
        return max(self.total_preserved - self.need, ZERO)

    @property
    def shortfall(self) -> Decimal:
        return max(self.need - self.total_preserved, ZERO)

    def as_dict(self) -> dict:
        """The command line's JSON shape (amounts as strings with two decimals)."""
        return {
            "need": f"{self.need:.2f}",
            "selected": [
                {"id": s.asset_id, "measure": s.measure.value, "amount": f"{s.amount:.2f}"} for s in self.selected
            ],
            "excluded": [{"id": e.asset_id, "reason": e.reason} for e in self.excluded],
            "total_preserved": f"{self.total_preserved:.2f}",
            "covers_claim": self.covers_claim,
            "over_scope": self.over_scope,
            "over_scope_reason": self.over_scope_reason,
            "needs_approval": self.needs_approval,
            "notes": list(self.notes),
        }


# --------------------------------------------------------------------------------------------
# The least-harm plan
# --------------------------------------------------------------------------------------------

# Exact subset searches stop after this many nodes and keep the best found so far; a case has
# a few dozen assets at most, far below it, so the cap only guards against a pathological import.
_SEARCH_BUDGET = 200_000


@dataclass
class _Item:
    asset: Asset
    cents: int
    tier: Tier

    @property
    def divisible(self) -> bool:
        return self.asset.is_account


@dataclass
class _Pick:
    item: _Item
    cents: int


def _exclusion_reason(asset: Asset) -> str | None:
    if asset.is_account and asset.account_kind is AccountKind.WAGE:
        return "农民工工资专用账户，依《保障农民工工资支付条例》第三十三条不得冻结"
    if asset.protected:
        why = f"：{asset.protected_reason}" if asset.protected_reason else ""
        return f"已标记为不得保全的财产{why}"
    if asset.value <= 0:
        return "余额（价值）为零，无可保全" if asset.is_account else "价值为零，无可保全"
    return None


def _tier(asset: Asset) -> Tier:
    if asset.is_account:
        return Tier.BASIC if asset.account_kind is AccountKind.BASIC else Tier.ACCOUNTS
    return Tier.OPERATIONAL if asset.in_operational_use else Tier.IDLE


def _classify(assets: Sequence[Asset]) -> tuple[dict[Tier, list[_Item]], list[Exclusion]]:
    seen: set[str] = set()
    tiers: dict[Tier, list[_Item]] = {t: [] for t in Tier}
    excluded: list[Exclusion] = []
    for asset in assets:
        if asset.id in seen:
            raise ValidationError(f"财产编号“{asset.id}”重复", field="assets.id")
        seen.add(asset.id)
        reason = _exclusion_reason(asset)
        if reason:
            excluded.append(Exclusion(asset.id, reason))
            continue
        tiers[_tier(asset)].append(_Item(asset, _cents(asset.value), _tier(asset)))
    return tiers, excluded


def _sorted_desc(items: Sequence[_Item]) -> list[_Item]:
    return sorted(items, key=lambda it: (-it.cents, it.asset.id))


def _best_cover(items: Sequence[_Item], target: int) -> list[_Item] | None:
    """The subset with sum >= target and the least excess (then fewest items); None if none.

    Depth-first over values sorted largest first; a branch stops as soon as it covers (adding
    more only adds excess), when the rest cannot reach the target, or when it cannot beat the
    best cover found. Equal values are branched once (take the first k of them).
    """
    order = _sorted_desc(items)
    values = [it.cents for it in order]
    n = len(values)
    if sum(values) < target:
        return None
    suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    best: list = [None, None, None]  # sum, count, chosen indices
    nodes = 0
    chosen: list[int] = []

    def dfs(i: int, total: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > _SEARCH_BUDGET:
            return
        if total >= target:
            key = (total, len(chosen))
            if best[0] is None or key < (best[0], best[1]):
                best[0], best[1], best[2] = total, len(chosen), list(chosen)
            return
        if i == n or total + suffix[i] < target:
            return
        if best[0] is not None and total >= best[0]:
            return
        chosen.append(i)
        dfs(i + 1, total + values[i])
        chosen.pop()
        j = i + 1
        while j < n and values[j] == values[i]:
            j += 1
        dfs(j, total)

    dfs(0, 0)
    return [order[i] for i in best[2]] if best[2] is not None else None


def _best_under(items: Sequence[_Item], target: int) -> list[_Item]:
    """The subset with the largest sum not above target (then fewest items)."""
    order = _sorted_desc(items)
    values = [it.cents for it in order]
    n = len(values)
    suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    best: list = [0, 0, []]
    nodes = 0
    chosen: list[int] = []

    def dfs(i: int, total: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > _SEARCH_BUDGET:
            return
        if total > best[0] or (total == best[0] and len(chosen) < best[1]):
            best[0], best[1], best[2] = total, len(chosen), list(chosen)
        if i == n or best[0] == target or total + suffix[i] <= best[0]:
            return
        if total + values[i] <= target:
            chosen.append(i)
            dfs(i + 1, total + values[i])
            chosen.pop()
        j = i + 1
        while j < n and values[j] == values[i]:
            j += 1
        dfs(j, total)

    dfs(0, 0)
    return [order[i] for i in best[2]]


def _account_order(items: Sequence[_Item]) -> list[_Item]:
    # General accounts before special ones (a special account serves a set purpose), and within
    # a kind the largest balance first: largest-first reaches the need with the fewest freezes.
    rank = {AccountKind.GENERAL: 0, AccountKind.SPECIAL: 1, AccountKind.BASIC: 2}
    return sorted(items, key=lambda it: (rank.get(it.asset.account_kind, 9), -it.cents, it.asset.id))


def _take_accounts(items: Sequence[_Item], remaining: int) -> list[_Pick]:
    picks = []
    for item in _account_order(items):
        if remaining <= 0:
            break
        amount = min(item.cents, remaining)
        picks.append(_Pick(item, amount))
        remaining -= amount
    return picks


def _prune(picks: list[_Pick], target: int) -> list[_Pick]:
    """Drop what a later whole asset made unnecessary, then trim capped freezes to the target.

    A whole asset is redundant when the rest still covers; the largest redundant one goes first
    because it removes the most excess. Capped freezes are then reduced, the last frozen first.
    """
    picks = [_Pick(p.item, p.cents) for p in picks]
    total = sum(p.cents for p in picks)
    while total > target:
        redundant = [p for p in picks if not p.item.divisible and total - p.cents >= target]
        if not redundant:
            break
        drop = max(redundant, key=lambda p: (p.cents, p.item.tier))
        picks.remove(drop)
        total -= drop.cents
    for pick in reversed(picks):
        if total <= target:
            break
        if pick.item.divisible:
            cut = min(pick.cents, total - target)
            pick.cents -= cut
            total -= cut
    return [p for p in picks if p.cents > 0]


def _labels(items: Iterable[_Item]) -> str:
    return "、".join(f"“{it.asset.label}”" for it in items)


def _solve(tiers: list[list[_Item]], k: int, remaining: int, rule: ExcessRule, notes: list[str]) -> list[_Pick]:
    """Cover ``remaining`` from tiers k.. (never the basic account), least harm first.

    A divisible tier (accounts) is frozen up to what is still needed. In a whole-asset tier:
      1. the subset covering the remainder with the least excess is taken if its excess is not
         clear (:class:`ExcessRule`);
      2. otherwise the largest part of the tier that does not exceed the remainder is taken and
         the later tiers cover the rest — adopted when that covers with less excess than the
         clearly excessive cover (the issue: do not take a whole asset clearly above what is
         still needed when other permitted assets cover with less excess);
      3. failing that the excessive cover is taken, and the plan reports over-scope.
    When a tier cannot cover, all of it is taken and the rest passes on.
    """
    if remaining <= 0 or k >= len(tiers):
        return []
    items = tiers[k]
    if not items:
        return _solve(tiers, k + 1, remaining, rule, notes)
    if items[0].divisible:
        picks = _take_accounts(items, remaining)
        taken = sum(p.cents for p in picks)
        return picks + _solve(tiers, k + 1, remaining - taken, rule, notes)
    cover = _best_cover(items, remaining)
    if cover is not None and not rule._clearly_exceeds_cents(sum(i.cents for i in cover), remaining):
        return [_Pick(i, i.cents) for i in cover]
    under = _best_under(items, remaining) if cover is not None else list(items)
    under_total = sum(i.cents for i in under)
    later_notes: list[str] = []
    rest = _solve(tiers, k + 1, remaining - under_total, rule, later_notes)
    alternative = _prune([_Pick(i, i.cents) for i in under] + rest, remaining)
    if cover is None:
        notes.extend(later_notes)
        return alternative
    cover_total = sum(i.cents for i in cover)
    alt_total = sum(p.cents for p in alternative)
    if alt_total >= remaining and alt_total - remaining < cover_total - remaining:
        notes.append(
            f"{_labels(cover)}价值{_fmt(cover_total)}元，明显超过尚需保全的{_fmt(remaining)}元，"
            f"其他可保全财产能以更小超额覆盖，不整体查封该财产"
        )
        notes.extend(later_notes)
        return alternative
    return [_Pick(i, i.cents) for i in cover]


def _selection_notes(picks: Sequence[_Pick]) -> list[str]:
    notes = []
    idle = [p for p in picks if p.item.tier is Tier.IDLE]
    accounts = [p for p in picks if p.item.tier is Tier.ACCOUNTS]
    operational = [p for p in picks if p.item.tier is Tier.OPERATIONAL]
    if idle:
        notes.append(f"优先保全未用于生产经营的财产：{_labels(p.item for p in idle)}")
    if accounts:
        parts = "、".join(f"“{p.item.asset.label}”{_fmt(p.cents)}元" for p in accounts)
        notes.append(f"限额冻结一般/专用账户，冻结数额以尚需保全的数额为限：{parts}")
    if operational:
        notes.append(
            f"保全生产经营中使用的财产：{_labels(p.item for p in operational)}；"
            "查封后可交被保全人保管并继续使用，减少对生产经营的影响（《财产保全规定》第十三条）"
        )
    return notes


def _guarantee_notes(
    guarantees: Sequence[Guarantee], as_of: dt.date, claim: Decimal, guaranteed: Decimal, need: Decimal
) -> list[str]:
    notes = []
    for g in guarantees:
        if not g.is_valid_on(as_of):
            notes.append(f"{g.type.label}{_fmt(g.amount)}元已于{g.valid_until.isoformat()}到期，不予抵减")
    if guaranteed > 0:
        if need == 0:
            valid = [g for g in guarantees if g.is_valid_on(as_of)]
            word = "担保" if all(g.type is GuaranteeType.CASH for g in valid) else "保函"
            notes.append(f"{word}足额，担保替代保全，无需采取保全措施")
        else:
            notes.append(f"有效担保合计{_fmt(guaranteed)}元，抵减后尚需保全{_fmt(need)}元（请求保全{_fmt(claim)}元）")
    return notes


def _over_scope_reason(picks: Sequence[_Pick], need: int, basic: Sequence[_Item]) -> str:
    total = sum(p.cents for p in picks)
    whole = [p.item for p in picks if not p.item.divisible]
    text = (
        f"保全财产合计{_fmt(total)}元，明显超过保全需求{_fmt(need)}元（超出{_fmt(total - need)}元）："
        f"{_labels(whole)}为整体财产，其他可保全财产无法以更小超额覆盖，超标的额查封无法避免"
    )
    if any(it.asset.type is AssetType.REAL_ESTATE for it in whole):
        text += "；不动产价值明显超过保全数额的，可就相应价值部分查封（《财产保全规定》第十五条）"
    if basic and sum(it.cents for it in basic) > 0:
        text += "；如经院领导批准，也可改为限额冻结基本账户以避免超额"
    return text


def propose_plan(
    claim: object,
    assets: Sequence[Asset],
    guarantees: Sequence[Guarantee] = (),
    *,
    as_of: dt.date,
    rule: ExcessRule | None = None,
) -> Plan:
    """The least-harm plan for one case (issue 4, "Plan rules").

    Need = claim − guarantees valid on ``as_of`` (not below zero); need zero preserves nothing.
    Wage accounts and protected assets are never selected and are listed with the reason. The
    tiers (:class:`Tier`) are tried least harm first by :func:`_solve`; the basic account is
    frozen, capped, only when all other permitted assets together fall short, which marks the
    plan for a leader's approval. When everything permitted falls short, all of it is taken and
    the plan says the claim is not covered.
    """
    rule = rule or ExcessRule()
    claim_amount = money(claim, field="claim_amount")
    guarantees = list(guarantees)
    guaranteed = valid_guarantee_total(guarantees, as_of)
    need = max(claim_amount - guaranteed, ZERO)
    tiers, excluded = _classify(assets)
    notes = _guarantee_notes(guarantees, as_of, claim_amount, guaranteed, need)
    need_cents = _cents(need)

    def done(picks: list[_Pick], extra: list[str], reason: str = "", over: bool = False) -> Plan:
        total = sum(p.cents for p in picks)
        selected = tuple(Selection(p.item.asset.id, p.item.asset.measure, _yuan(p.cents)) for p in picks)
        return Plan(
            claim=claim_amount,
            guaranteed=guaranteed,
            need=need,
            selected=selected,
            excluded=tuple(excluded),
            total_preserved=_yuan(total),
            covers_claim=total >= need_cents,
            over_scope=over,
            needs_approval=any(p.item.tier is Tier.BASIC for p in picks),
            notes=tuple(notes + extra),
            over_scope_reason=reason,
        )

    if need_cents == 0:
        if guaranteed == 0:
            notes.append("请求保全数额为零，无需采取保全措施")
        return done([], [])

    order = [Tier.IDLE, Tier.ACCOUNTS, Tier.OPERATIONAL]
    decision_notes: list[str] = []
    picks = _solve([tiers[t] for t in order], 0, need_cents, rule, decision_notes)
    picks = _prune(picks, need_cents)
    total = sum(p.cents for p in picks)
    extra = decision_notes + _selection_notes(picks)

    if total < need_cents and tiers[Tier.BASIC]:
        others = total
        basic = _take_accounts(tiers[Tier.BASIC], need_cents - total)
        picks += basic
        total += sum(p.cents for p in basic)
        extra.append(
            f"其他可保全财产合计{_fmt(others)}元，不足以覆盖保全需求{_fmt(need_cents)}元，"
            f"拟限额冻结基本账户{_fmt(sum(p.cents for p in basic))}元；基本账户用于纳税、发放工资等，"
            "冻结须经院领导审批（本院“基本户慎冻”规则）"
        )
    if total < need_cents:
        extra.append(
            f"全部可保全财产合计{_fmt(total)}元，不足以覆盖保全需求{_fmt(need_cents)}元，"
            f"尚差{_fmt(need_cents - total)}元，未能足额保全"
        )
    over = rule._clearly_exceeds_cents(total, need_cents)
    reason = _over_scope_reason(picks, need_cents, tiers[Tier.BASIC]) if over else ""
    if over:
        extra.append(reason)
    elif total > need_cents:
        extra.append(f"整体保全的财产价值超出保全需求{_fmt(total - need_cents)}元，未明显超出，属合理范围")
    return done(picks, extra, reason, over)


# --------------------------------------------------------------------------------------------
# The judge's changes
# --------------------------------------------------------------------------------------------

# Assets a judge may preserve in part: real estate by the corresponding part of its value
# (《财产保全规定》第十五条), shares by a percentage, claims and stock by an amount. A vehicle or
# a machine is one thing and is seized whole.
_PARTIALLY_SEIZABLE = {AssetType.REAL_ESTATE, AssetType.EQUITY, AssetType.RECEIVABLE, AssetType.INVENTORY}


def _coerce_changes(selections: Iterable[object]) -> list[tuple[str, Decimal | None]]:
    result = []
    for entry in selections:
        if isinstance(entry, str):
            result.append((entry, None))
            continue
        if isinstance(entry, Selection):
            asset_id, amount = entry.asset_id, entry.amount
        elif isinstance(entry, (tuple, list)) and len(entry) == 2:
            asset_id, amount = entry
        elif isinstance(entry, (tuple, list)) and len(entry) == 3:
            asset_id, _measure, amount = entry
        else:
            raise ValidationError(f"保全方案条目格式错误：{entry!r}", field="selected")
        amount = None if amount is None else money(amount, field="selected.amount", allow_negative=True)
        result.append((str(asset_id), amount))
    return result


def check_selection(
    assets: Sequence[Asset],
    need: object,
    selections: Iterable[object],
    *,
    rule: ExcessRule | None = None,
) -> list[str]:
    """Chinese messages for every rule a hand-made selection breaks (empty when lawful).

    ``selections`` holds ``Selection``s, ``(asset_id, amount)`` pairs or bare ids; an amount of
    None means the whole value (the full balance of an account).
    """
    return _check(assets, money(need, field="need"), _coerce_changes(selections), rule or ExcessRule())[0]


def _check(
    assets: Sequence[Asset], need: Decimal, changes: list[tuple[str, Decimal | None]], rule: ExcessRule
) -> tuple[list[str], list[Selection], list[str]]:
    by_id = {a.id: a for a in assets}
    violations: list[str] = []
    notes: list[str] = []
    chosen: list[Selection] = []
    seen: set[str] = set()
    for asset_id, amount in changes:
        asset = by_id.get(asset_id)
        if asset is None:
            violations.append(f"财产“{asset_id}”不在被申请人财产清单中")
            continue
        if asset_id in seen:
            violations.append(f"财产“{asset.label}”被重复选择")
            continue
        seen.add(asset_id)
        amount = asset.value if amount is None else amount
        if asset.is_account and asset.account_kind is AccountKind.WAGE:
            violations.append(f"“{asset.label}”为农民工工资专用账户，不得冻结（《保障农民工工资支付条例》第三十三条）")
        elif asset.protected:
            why = f"：{asset.protected_reason}" if asset.protected_reason else ""
            violations.append(f"“{asset.label}”已标记为不得保全的财产{why}")
        if amount <= 0:
            violations.append(f"“{asset.label}”的保全数额应大于零")
            continue
        if asset.is_account and amount > asset.value:
            violations.append(f"“{asset.label}”限额冻结{_fmt(amount)}元，超过账户余额{_fmt(asset.value)}元")
        elif not asset.is_account and amount > asset.value:
            violations.append(f"“{asset.label}”保全数额{_fmt(amount)}元，超过财产价值{_fmt(asset.value)}元")
        elif not asset.is_account and amount < asset.value:
            if asset.type in _PARTIALLY_SEIZABLE:
                notes.append(f"“{asset.label}”按相应价值部分保全{_fmt(amount)}元（价值{_fmt(asset.value)}元）")
            else:
                violations.append(
                    f"“{asset.label}”为不可分割的{asset.type.label}，应按价值{_fmt(asset.value)}元整体查封"
                )
        chosen.append(Selection(asset.id, asset.measure, amount))

    total = sum((s.amount for s in chosen), ZERO)
    basic_used = [
        by_id[s.asset_id]
        for s in chosen
        if by_id[s.asset_id].is_account and by_id[s.asset_id].account_kind is AccountKind.BASIC
    ]
    if basic_used:
        others = sum((a.value for a in assets if _exclusion_reason(a) is None and _tier(a) is not Tier.BASIC), ZERO)
        if others >= need:
            violations.append(
                f"非基本账户的可保全财产合计{_fmt(others)}元，足以覆盖保全需求{_fmt(need)}元，"
                f"冻结基本账户{'、'.join(f'“{a.label}”' for a in basic_used)}须经院领导审批（本院规则）"
            )
    if total > need:
        account_total = sum((s.amount for s in chosen if by_id[s.asset_id].is_account), ZERO)
        reducible = min(total - need, account_total)
        if reducible > 0:
            violations.append(f"账户冻结数额超出保全需求，可减少{_fmt(reducible)}元（限额冻结以尚需保全的数额为限）")
        if rule.clearly_exceeds(total, need):
            auto = propose_plan(need, assets, (), as_of=dt.date.min, rule=rule)
            if total - need > auto.excess:
                violations.append(
                    f"保全总额{_fmt(total)}元明显超过保全需求{_fmt(need)}元（超出{_fmt(total - need)}元），"
                    f"超出了无法避免的限度（系统方案超出{_fmt(auto.excess)}元），构成超标的额查封"
                )
    elif total < need:
        notes.append(f"保全总额{_fmt(total)}元低于保全需求{_fmt(need)}元，尚差{_fmt(need - total)}元")
    return violations, chosen, notes


def adjust_plan(
    plan: Plan,
    assets: Sequence[Asset],
    selections: Iterable[object],
    *,
    rule: ExcessRule | None = None,
) -> tuple[Plan, list[str]]:
    """Apply a judge's selection to ``plan`` and re-check it.

    Returns the adjusted plan (totals, flags and notes recomputed; ``adjusted`` set) and the
    violations in Chinese. A violation does not stop the judge — the screen shows it and the
    judge corrects it or records why — so the plan is returned either way.
    """
    rule = rule or ExcessRule()
    violations, chosen, notes = _check(assets, plan.need, _coerce_changes(selections), rule)
    total = sum((s.amount for s in chosen), ZERO).quantize(CENT)
    over = rule.clearly_exceeds(total, plan.need)
    by_id = {a.id: a for a in assets}
    needs_approval = any(
        by_id[s.asset_id].is_account and by_id[s.asset_id].account_kind is AccountKind.BASIC for s in chosen
    )
    reason = ""
    if over:
        reason = f"保全总额{_fmt(total)}元明显超过保全需求{_fmt(plan.need)}元（超出{_fmt(total - plan.need)}元）"
    adjusted = Plan(
        claim=plan.claim,
        guaranteed=plan.guaranteed,
        need=plan.need,
        selected=tuple(chosen),
        excluded=plan.excluded,
        total_preserved=total,
        covers_claim=total >= plan.need,
        over_scope=over,
        needs_approval=needs_approval,
        notes=tuple(["承办法官调整了保全方案"] + notes + violations),
        over_scope_reason=reason,
        adjusted=True,
    )
    return adjusted, violations


# --------------------------------------------------------------------------------------------
# Release on a guarantee
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReleaseAdvice:
    """What a guarantee frees: ``release`` lists the amounts to lift, ``keep`` what stays."""

    need: Decimal
    release: tuple[Selection, ...]
    keep: tuple[Selection, ...]
    freed: Decimal
    notes: tuple[str, ...]


def release_advice(
    current: Sequence[Selection],
    assets: Sequence[Asset],
    claim: object,
    guarantees: Sequence[Guarantee],
    *,
    as_of: dt.date,
) -> ReleaseAdvice:
    """Which measures a sufficient or partial guarantee releases (《财产保全规定》第二十二条).

    The most harmful measures are lifted first — the basic account, then assets in operational
    use, then other accounts, then idle assets — as long as what stays still covers the need.
    Capped freezes are reduced in part; whole assets are lifted only whole. Anything that should
    never have been preserved (a wage account, a protected asset) is released in any case.
    """
    claim_amount = money(claim, field="claim_amount")
    guaranteed = valid_guarantee_total(guarantees, as_of)
    need = max(claim_amount - guaranteed, ZERO)
    by_id = {a.id: a for a in assets}
    release: list[Selection] = []
    keep: dict[str, Selection] = {}
    notes: list[str] = []
    for sel in current:
        asset = by_id.get(sel.asset_id)
        if asset is not None and _exclusion_reason(asset) and asset.value > 0:
            release.append(sel)
            notes.append(f"“{asset.label}”{_exclusion_reason(asset)}，应予解除")
        else:
            keep[sel.asset_id] = sel
    total = sum((s.amount for s in keep.values()), ZERO)

    def harm(sel: Selection) -> int:
        asset = by_id.get(sel.asset_id)
        return int(_tier(asset)) if asset else 0

    for sel in sorted(keep.values(), key=lambda s: (-harm(s), -s.amount, s.asset_id)):
        spare = total - need
        if spare <= 0:
            break
        asset = by_id.get(sel.asset_id)
        if asset is not None and asset.is_account:
            cut = min(sel.amount, spare)
        elif sel.amount <= spare:
            cut = sel.amount
        else:
            continue
        release.append(Selection(sel.asset_id, sel.measure, cut))
        total -= cut
        remaining = sel.amount - cut
        if remaining > 0:
            keep[sel.asset_id] = Selection(sel.asset_id, sel.measure, remaining)
        else:
            del keep[sel.asset_id]
    freed = sum((s.amount for s in release), ZERO).quantize(CENT)
    if guaranteed > 0:
        notes.insert(0, f"有效担保合计{_fmt(guaranteed)}元，尚需保全{_fmt(need)}元，可解除保全{_fmt(freed)}元")
    if need == 0 and keep:
        notes.append("担保足额，但部分整体财产未能解除，请核对")
    return ReleaseAdvice(need=need, release=tuple(release), keep=tuple(keep.values()), freed=freed, notes=tuple(notes))


# --------------------------------------------------------------------------------------------
# Step 1: necessity and the applicant's guarantee
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Solvency:
    """What the review form records about the respondent's operation (None: not known)."""

    net_assets: Decimal | None = None
    taxes_paid: Decimal | None = None  # in the last year
    employees: int | None = None
    going_concern: bool | None = None
    transfer_risk: bool | None = None  # a risk that assets are moved or hidden
    dishonest: bool | None = None  # listed as a dishonest judgment debtor (失信被执行人)


@dataclass(frozen=True)
class NecessityAdvice:
    """A suggestion for step 1; the judge decides and records a :class:`Decision`."""

    claim_appears_safe: bool
    reasons: tuple[str, ...]  # what speaks for safety
    concerns: tuple[str, ...]  # what speaks against, or is unknown
    suggestion: str


def assess_necessity(
    claim: object, solvency: Solvency, *, net_asset_multiple: Decimal = Decimal("2")
) -> NecessityAdvice:
    """Does the claim appear safe without preservation (能不保就不保)?

    Safe only when every sign points that way: no risk of moving assets, not a dishonest
    debtor, a going concern that pays taxes or employs people, and net assets at least
    ``net_asset_multiple`` times the claim. Missing information counts against, so the desk
    never suggests refusing on a blank form.
    """
    claim_amount = money(claim, field="claim_amount")
    reasons: list[str] = []
    concerns: list[str] = []
    s = solvency
    if s.transfer_risk is None:
        concerns.append("未填写是否存在转移、隐匿财产风险")
    elif s.transfer_risk:
        concerns.append("存在转移、隐匿财产的风险")
    else:
        reasons.append("未发现转移、隐匿财产的风险")
    if s.dishonest:
        concerns.append("被申请人已被列为失信被执行人")
    if s.going_concern is None:
        concerns.append("未填写经营状况")
    elif s.going_concern:
        reasons.append("被申请人持续正常经营")
    else:
        concerns.append("被申请人经营异常或已停止经营")
    taxes = money(s.taxes_paid, field="taxes_paid") if s.taxes_paid is not None else None
    if taxes is not None and taxes > 0:
        reasons.append(f"上年度纳税{_fmt(taxes)}元")
    if s.employees:
        reasons.append(f"在职员工{s.employees}人")
    if (taxes is None or taxes == 0) and not s.employees:
        concerns.append("无纳税或用工记录，难以判断经营实力")
    if s.net_assets is None:
        concerns.append("未填写净资产，无法比较偿付能力")
    else:
        net = money(s.net_assets, field="net_assets", allow_negative=True)
        if claim_amount > 0 and net >= claim_amount * net_asset_multiple:
            reasons.append(f"净资产{_fmt(net)}元，为请求金额的{(net / claim_amount):.1f}倍")
        elif claim_amount == 0:
            reasons.append("请求金额为零")
        else:
            concerns.append(f"净资产{_fmt(net)}元，不足请求金额{_fmt(claim_amount)}元的{net_asset_multiple}倍")
    safe = not concerns
    suggestion = (
        "被申请人经营正常、偿付能力充足，申请人权利不保全亦可实现，可考虑不予保全或引导提供担保替代"
        if safe
        else "存在保全必要或信息不全，请结合申请材料审查"
    )
    return NecessityAdvice(safe, tuple(reasons), tuple(concerns), suggestion)


def applicant_guarantee_required(kind: CaseKind | str, claim: object) -> Decimal | None:
    """The guarantee the applicant is asked for (《财产保全规定》第五条), before any exemption.

    Pre-suit: the full amount (the court may adjust). In-suit: at most 30% of the amount in suit
    — the figure returned is that ceiling. Before enforcement the provisions set no figure: None.
    Cases of art. 9 (wages, maintenance, injury …) may need none; the screen asks the judge.
    """
    kind = _enum(CaseKind, kind, "kind", "保全类型")
    amount = money(claim, field="claim_amount")
    if kind is CaseKind.PRE_SUIT:
        return amount
    if kind is CaseKind.IN_SUIT:
        return (amount * Decimal("0.3")).quantize(CENT, rounding=ROUND_HALF_UP)
    return None


# --------------------------------------------------------------------------------------------
# Step 3: deadlines, terms and lights
# --------------------------------------------------------------------------------------------

_END_OF_DAY = dt.time(23, 59)


@dataclass(frozen=True)
class Deadline:
    """A clock's end with its legal basis; ``provisional`` until its start is known."""

    label: str
    due: dt.datetime
    basis: str
    provisional: bool = False
    note: str = ""

    @property
    def date(self) -> dt.date:
        return self.due.date()

    def light(
        self, now: dt.datetime, *, done_at: dt.datetime | None = None, warn_before: dt.timedelta = dt.timedelta(hours=4)
    ) -> Light:
        return clock_light(self.due, now, done_at=done_at, warn_before=warn_before)


def clock_light(
    due: dt.datetime,
    now: dt.datetime,
    *,
    done_at: dt.datetime | None = None,
    warn_before: dt.timedelta = dt.timedelta(hours=4),
) -> Light:
    """Grey when done, red past due, yellow within ``warn_before`` of it, green otherwise."""
    if done_at is not None:
        return Light.GREY
    if now > due:
        return Light.RED
    if due - now <= warn_before:
        return Light.YELLOW
    return Light.GREEN


def _end_of_day(day: dt.date, tzinfo: dt.tzinfo | None = None) -> dt.datetime:
    """23:59 of ``day``, aware when the clock's start was aware (naive in, naive out)."""
    return dt.datetime.combine(day, _END_OF_DAY, tzinfo=tzinfo)


def _day_limit(start: dt.date, days: int, calendar: WorkCalendar | None) -> tuple[dt.date, str]:
    """``days`` calendar days after ``start`` (start not counted, CPL art. 85); with a calendar,
    a last day falling on a holiday moves to the next working day, as the same article says."""
    last = start + dt.timedelta(days=days)
    if calendar is not None and not calendar.is_workday(last):
        moved = calendar.next_workday(last)
        return moved, f"期间届满日{last.isoformat()}为节假日，顺延至{moved.isoformat()}"
    return last, ""


def _kind(kind: CaseKind | str) -> CaseKind:
    return _enum(CaseKind, kind, "kind", "保全类型")


def ruling_due(kind: CaseKind | str, received_at: dt.datetime) -> dt.datetime:
    """The desk's ruling target: received + 48 hours before suit (CPL art. 104); otherwise the
    end of the day received (23:59), the court's own same-day rule (当天立案、当天制作保全裁定)."""
    if _kind(kind) is CaseKind.PRE_SUIT:
        return received_at + dt.timedelta(hours=48)
    return _end_of_day(received_at.date(), received_at.tzinfo)


def statutory_ruling_limit(
    kind: CaseKind | str,
    received_at: dt.datetime,
    *,
    urgent: bool = False,
    guarantee_at: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The law's limit for the ruling, beside the court's stricter same-day target.

    Pre-suit and urgent cases: 48 clock hours (CPL arts. 103–104, 《财产保全规定》第四条);
    pre-enforcement preservation presupposes urgency and is held to 48 hours too. Ordinary
    in-suit: 5 days from receipt, or from the guarantee where one was required.
    """
    kind = _kind(kind)
    if kind is CaseKind.PRE_SUIT:
        return Deadline(
            "保全裁定法定期限",
            received_at + dt.timedelta(hours=48),
            "《民事诉讼法》第一百零四条：诉前保全应在四十八小时内作出裁定",
        )
    if urgent or kind is CaseKind.PRE_ENFORCEMENT:
        return Deadline(
            "保全裁定法定期限",
            received_at + dt.timedelta(hours=48),
            "《民事诉讼法》第一百零三条、《财产保全规定》第四条：情况紧急的，四十八小时内作出裁定",
        )
    start = guarantee_at or received_at
    last, note = _day_limit(start.date(), 5, calendar)
    basis = "《财产保全规定》第四条：五日内作出裁定" + ("（自提供担保之日起算）" if guarantee_at else "")
    return Deadline("保全裁定法定期限", _end_of_day(last, start.tzinfo), basis, note=note)


def execution_limit(
    kind: CaseKind | str,
    ruled_at: dt.datetime,
    *,
    urgent: bool = False,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """When execution must start: at once after a 48-hour ruling (the desk allows the same day),
    within 5 days after an ordinary one (《财产保全规定》第四条)."""
    kind = _kind(kind)
    if urgent or kind in (CaseKind.PRE_SUIT, CaseKind.PRE_ENFORCEMENT):
        return Deadline(
            "保全执行期限",
            _end_of_day(ruled_at.date(), ruled_at.tzinfo),
            "《民事诉讼法》第一百零三条、第一百零四条：裁定采取保全措施的，应当立即开始执行",
        )
    last, note = _day_limit(ruled_at.date(), 5, calendar)
    return Deadline(
        "保全执行期限",
        _end_of_day(last, ruled_at.tzinfo),
        "《财产保全规定》第四条：裁定采取保全措施的，应当在五日内开始执行",
        note=note,
    )


def lawsuit_due(
    received_at: dt.datetime | dt.date,
    measures_taken_on: dt.date | None = None,
    *,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The pre-suit applicant's deadline to sue or apply for arbitration (CPL art. 104).

    30 days after the measures were taken (that day not counted). Until the measures are
    recorded it is counted from the receipt and marked provisional: the real one is later.
    """
    if measures_taken_on is None:
        start = received_at.date() if isinstance(received_at, dt.datetime) else received_at
        provisional = True
    else:
        start = measures_taken_on.date() if isinstance(measures_taken_on, dt.datetime) else measures_taken_on
        provisional = False
    last, note = _day_limit(start, 30, calendar)
    if provisional:
        note = "；".join(filter(None, ["尚未登记采取保全措施的日期，暂按收案日计算", note]))
    tz = received_at.tzinfo if isinstance(received_at, dt.datetime) else None
    return Deadline(
        "申请人起诉期限",
        _end_of_day(last, tz),
        "《民事诉讼法》第一百零四条：申请人在采取保全措施后三十日内不起诉或申请仲裁的，应当解除保全",
        provisional=provisional,
        note=note,
    )


def enforcement_application_due(performance_period_end: dt.date, *, calendar: WorkCalendar | None = None) -> Deadline:
    """Pre-enforcement preservation: the creditor must apply for enforcement within 5 days after
    the performance period in the judgment ends, or the preservation is released."""
    last, note = _day_limit(performance_period_end, 5, calendar)
    return Deadline(
        "申请执行期限",
        _end_of_day(last),
        "执行前保全：法律文书指定的履行期间届满后五日内不申请执行的，应当解除保全",
        note=note,
    )


def plan_deadlines(
    kind: CaseKind | str,
    received_at: dt.datetime,
    measures_taken_on: dt.date | None = None,
) -> dict[str, object]:
    """The command line's ``deadlines`` object: ruling_due 'YYYY-MM-DD HH:MM', lawsuit_due
    'YYYY-MM-DD' for pre-suit cases (None otherwise) and whether it is still provisional."""
    kind = _kind(kind)
    result: dict[str, object] = {
        "ruling_due": ruling_due(kind, received_at).strftime("%Y-%m-%d %H:%M"),
        "lawsuit_due": None,
        "lawsuit_due_provisional": False,
    }
    if kind is CaseKind.PRE_SUIT:
        due = lawsuit_due(received_at, measures_taken_on)
        result["lawsuit_due"] = due.date.isoformat()
        result["lawsuit_due_provisional"] = due.provisional
    return result


def term_category(asset_type: AssetType | str) -> TermCategory:
    return _enum(AssetType, asset_type, "assets.type", "财产类型").term_category


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb: the month has no corresponding day, so its last day (art. 202)
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class FreezeTerm:
    """A freeze or seizure term (Judicial Interpretation art. 485) and its reminders.

    ``expiry`` is the term's last day: counted in years, the start day not counted, ending on
    the corresponding day (Civil Code arts. 201–202). ``renew_apply_by`` is the last day for the
    applicant's renewal application, 7 days before expiry (《财产保全规定》第十八条).
    """

    category: TermCategory
    start: dt.date
    expiry: dt.date
    reminder_on: dt.date
    renew_apply_by: dt.date
    years: int

    def light(self, today: dt.date, *, released: bool = False) -> Light:
        return term_light(self, today, released=released)

    def days_left(self, today: dt.date) -> int:
        return (self.expiry - today).days


def freeze_term(
    asset_type: AssetType | str,
    start: dt.date,
    *,
    years: int | None = None,
    reminder_days: int = 30,
) -> FreezeTerm:
    """The term of a freeze or seizure begun (or renewed) on ``start``.

    Bank deposits 1 year, movables 2, real estate and other property rights (shares, claims) 3;
    ``years`` may set a shorter term but never a longer one. A renewal is a new term from the
    renewal date, within the same limits.
    """
    category = term_category(asset_type)
    if years is None:
        years = category.years
    if not 1 <= years <= category.years:
        raise ValidationError(f"{category.label}的保全期限最长{category.years}年", field="term_years")
    if reminder_days < 0:
        raise ValidationError("提醒天数不能为负数", field="reminder_days")
    expiry = _add_years(start, years)
    return FreezeTerm(
        category=category,
        start=start,
        expiry=expiry,
        reminder_on=expiry - dt.timedelta(days=reminder_days),
        renew_apply_by=expiry - dt.timedelta(days=7),
        years=years,
    )


def term_light(term: FreezeTerm, today: dt.date, *, released: bool = False) -> Light:
    """Red once expired, yellow from the reminder day, green before; grey once released."""
    if released:
        return Light.GREY
    if today > term.expiry:
        return Light.RED
    if today >= term.reminder_on:
        return Light.YELLOW
    return Light.GREEN
