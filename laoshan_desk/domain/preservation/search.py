"""The exact subset searches behind the least-harm plan (integer fen, bounded budget).

:func:`_solve` covers what is still needed tier by tier, least harm first; :func:`_prune` drops
what a later whole asset made unnecessary. :mod:`.plan` turns the picks into a :class:`Plan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from laoshan_desk.domain.preservation.inputs import Asset, ExcessRule, _fmt
from laoshan_desk.domain.preservation.vocabulary import AccountKind, AssetType, Tier

# The regulation as it reads (docs/rules.md §preservation-wage-account): the exception "provided by
# law", and the account may still pay that project's own workers.
WAGE_ACCOUNT_RULE = (
    "农民工工资专用账户：除法律另有规定外，不得因支付为本项目提供劳动的农民工工资之外的原因被查封、冻结或者划拨"
    "（《保障农民工工资支付条例》第三十三条）"
)

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
        """An account: frozen up to the amount still needed (a capped freeze)."""
        return self.asset.is_account

    @property
    def partly_sealable(self) -> bool:
        """Real estate not marked indivisible: sealed for the corresponding part of its value when
        it is clearly worth more than needed (《财产保全规定》第十五条, docs/rules.md §preservation-plan)."""
        return self.asset.type is AssetType.REAL_ESTATE and not self.asset.indivisible


@dataclass
class _Pick:
    item: _Item
    cents: int

    @property
    def partial(self) -> bool:
        """A whole asset preserved for part of its value (real estate, art. 15)."""
        return not self.item.divisible and self.cents < self.item.cents

    @property
    def trimmable(self) -> bool:
        return self.item.divisible or self.partial


def _exclusion_reason(asset: Asset) -> str | None:
    """Why an asset is never preserved (docs/rules.md §preservation-wage-account), or None."""
    if asset.is_account and asset.account_kind is AccountKind.WAGE:
        return WAGE_ACCOUNT_RULE
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


def _sorted_desc(items: Sequence[_Item]) -> list[_Item]:
    return sorted(items, key=lambda it: (-it.cents, it.asset.id))


def _ordered(items: Sequence[_Item]) -> tuple[list[_Item], list[int], list[int]]:
    """The items largest first, their values in fen, and the suffix sums (``suffix[i]`` = the
    sum of ``values[i:]``) that let a search stop when the rest cannot reach its target."""
    order = _sorted_desc(items)
    values = [it.cents for it in order]
    suffix = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    return order, values, suffix


def _next_value(values: Sequence[int], i: int) -> int:
    """The index of the next value unlike ``values[i]``: equal values are branched once."""
    j = i + 1
    while j < len(values) and values[j] == values[i]:
        j += 1
    return j


def _best_cover(items: Sequence[_Item], target: int) -> list[_Item] | None:
    """The subset with sum >= target and the least excess (then fewest items); None if none.

    Depth-first over values sorted largest first; a branch stops as soon as it covers (adding
    more only adds excess), when the rest cannot reach the target, or when it cannot beat the
    best cover found. Equal values are branched once (take the first k of them).
    """
    order, values, suffix = _ordered(items)
    n = len(values)
    if suffix[0] < target:
        return None
    best: tuple[int, int, list[int]] | None = None  # sum, count, chosen indices
    nodes = 0
    chosen: list[int] = []

    def dfs(i: int, total: int) -> None:
        nonlocal nodes, best
        nodes += 1
        if nodes > _SEARCH_BUDGET:
            return
        if total >= target:
            if best is None or (total, len(chosen)) < best[:2]:
                best = (total, len(chosen), list(chosen))
            return
        if i == n or total + suffix[i] < target:
            return
        if best is not None and total >= best[0]:
            return
        chosen.append(i)
        dfs(i + 1, total + values[i])
        chosen.pop()
        dfs(_next_value(values, i), total)

    dfs(0, 0)
    return [order[i] for i in best[2]] if best is not None else None


def _best_under(items: Sequence[_Item], target: int) -> list[_Item]:
    """The subset with the largest sum not above target (then fewest items)."""
    order, values, suffix = _ordered(items)
    n = len(values)
    best: tuple[int, int, list[int]] = (0, 0, [])  # sum, count, chosen indices
    nodes = 0
    chosen: list[int] = []

    def dfs(i: int, total: int) -> None:
        nonlocal nodes, best
        nodes += 1
        if nodes > _SEARCH_BUDGET:
            return
        if total > best[0] or (total == best[0] and len(chosen) < best[1]):
            best = (total, len(chosen), list(chosen))
        if i == n or best[0] == target or total + suffix[i] <= best[0]:
            return
        if total + values[i] <= target:
            chosen.append(i)
            dfs(i + 1, total + values[i])
            chosen.pop()
        dfs(_next_value(values, i), total)

    dfs(0, 0)
    return [order[i] for i in best[2]]


def _account_order(items: Sequence[_Item]) -> list[_Item]:
    # General accounts before special ones (a special account serves a set purpose), and within
    # a kind the largest balance first: largest-first reaches the need with the fewest freezes.
    rank: dict[AccountKind | None, int] = {AccountKind.GENERAL: 0, AccountKind.SPECIAL: 1, AccountKind.BASIC: 2}
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


def _prune(picks: list[_Pick], target: int, rule: ExcessRule | None = None) -> list[_Pick]:
    """Drop what a later whole asset made unnecessary, then trim capped freezes to the target.

    A whole asset is redundant when the rest still covers; the largest redundant one goes first
    because it removes the most excess. Capped freezes and part-sealed real estate are then
    reduced, the last taken first; with ``rule``, real estate taken whole is sealed in part when
    the total would otherwise clearly exceed the target (《财产保全规定》第十五条).
    """
    picks = [_Pick(p.item, p.cents) for p in picks]
    total = sum(p.cents for p in picks)
    while total > target:
        redundant = [p for p in picks if not p.trimmable and total - p.cents >= target]
        if not redundant:
            break
        drop = max(redundant, key=lambda p: (p.cents, p.item.tier))
        picks.remove(drop)
        total -= drop.cents
    for pick in reversed(picks):
        if total <= target:
            break
        if pick.trimmable:
            cut = min(pick.cents, total - target)
            pick.cents -= cut
            total -= cut
    if rule is not None and rule.clearly_exceeds_cents(total, target):
        for pick in reversed(picks):
            if total <= target:
                break
            if pick.item.partly_sealable:
                cut = min(pick.cents, total - target)
                pick.cents -= cut
                total -= cut
    return [p for p in picks if p.cents > 0]


def _labels(items: Iterable[_Item]) -> str:
    return "、".join(f"“{it.asset.label}”" for it in items)


def _part_seal(items: Sequence[_Item], remaining: int, clearly: Callable[[int], bool]) -> list[_Pick] | None:
    """Real estate clearly worth more than needed, sealed for the corresponding part of its value
    (《财产保全规定》第十五条): one property alone for ``remaining`` (the least valuable of several),
    else the largest part of the other assets that fits and one property for the rest. ``clearly``
    says whether taking that many fen whole would clearly exceed the need. None when none fits."""
    estates = sorted((it for it in items if it.partly_sealable), key=lambda it: (it.cents, it.asset.id))
    for estate in estates:
        if clearly(estate.cents - remaining):
            return [_Pick(estate, remaining)]
    for estate in estates:
        under = _best_under([it for it in items if it is not estate], remaining)
        rest = remaining - sum(it.cents for it in under)
        if 0 < rest < estate.cents and clearly(estate.cents - rest):
            return [_Pick(it, it.cents) for it in under] + [_Pick(estate, rest)]
    return None


def _solve(
    tiers: list[list[_Item]], need: int, rule: ExcessRule, notes: list[str], *, allow_excess: bool
) -> list[_Pick]:
    """Cover ``need`` from the tiers in order (never the basic account), least harm first.

    A divisible tier (accounts) is frozen up to what is still needed. In a whole-asset tier the
    candidate that encumbers the least value is taken (docs/rules.md §preservation-plan):
      1. the subset covering the remainder with the least excess, if the plan's total would not
         clearly exceed the need (:class:`ExcessRule`), or real estate clearly worth more, sealed
         for the corresponding part of its value (《财产保全规定》第十五条) — whichever encumbers less;
      2. otherwise the largest part of the tier that does not exceed the remainder is taken and
         the later tiers cover the rest;
      3. only with ``allow_excess`` (the basic account could not cover either) the clearly
         excessive cover is taken when the later tiers cannot do with less excess, and the plan
         reports over-scope (查封规定第十九条 forbids it where it can be avoided).
    When a tier cannot cover, all of it is taken and the rest passes on.
    """
    return _solve_from(tiers, 0, need, need, 0, rule, notes, allow_excess)


def _solve_from(
    tiers: list[list[_Item]],
    k: int,
    remaining: int,
    need: int,
    slack: int,
    rule: ExcessRule,
    notes: list[str],
    allow_excess: bool,
) -> list[_Pick]:
    if remaining <= 0 or k >= len(tiers):
        return []

    # ``slack``: real estate taken whole by earlier tiers, which may still be sealed in part.
    def later(rest: int, into: list[str], taken: Iterable[_Item] = ()) -> list[_Pick]:
        more = sum(it.cents for it in taken if it.partly_sealable)
        return _solve_from(tiers, k + 1, rest, need, slack + more, rule, into, allow_excess)

    items = tiers[k]
    if not items:
        return later(remaining, notes)
    if items[0].divisible:
        picks = _take_accounts(items, remaining)
        return picks + later(remaining - sum(p.cents for p in picks), notes)

    def clearly(over: int) -> bool:
        # Excess is judged on the plan as a whole (the need plus ``over``), after real estate taken
        # earlier is sealed in part.
        return rule.clearly_exceeds_cents(need + max(over - slack, 0), need)

    cover = _best_cover(items, remaining)
    cover_total = sum(i.cents for i in cover) if cover is not None else 0
    part = _part_seal(items, remaining, clearly) if cover is None or cover_total > remaining else None
    if part is not None:
        return part
    if cover is not None and not clearly(cover_total - remaining):
        return [_Pick(i, i.cents) for i in cover]
    under = _best_under(items, remaining) if cover is not None else list(items)
    under_total = sum(i.cents for i in under)
    later_notes: list[str] = []
    rest = later(remaining - under_total, later_notes, under)
    alternative = _prune([_Pick(i, i.cents) for i in under] + rest, remaining, rule)
    if cover is None:
        notes.extend(later_notes)
        return alternative
    alt_total = sum(p.cents for p in alternative)
    covers = alt_total >= remaining
    if not allow_excess or (covers and alt_total - remaining < cover_total - remaining):
        if covers:
            notes.append(
                f"{_labels(cover)}价值{_fmt(cover_total)}元，明显超过尚需保全的{_fmt(remaining)}元，"
                "其他可保全财产能以更小超额覆盖，不整体查封该财产（《最高人民法院关于人民法院民事执行中查封、"
                "扣押、冻结财产的规定》第十九条：不得明显超标的额查封）"
            )
        notes.extend(later_notes)
        return alternative
    return [_Pick(i, i.cents) for i in cover]
