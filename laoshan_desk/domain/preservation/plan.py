"""The least-harm plan (能部分保就不全部保): :func:`propose_plan` and what it returns.

Need = claim − guarantees valid on the day; the tiers of :class:`Tier` are tried least harm
first; the basic account, with a leader's approval, when everything else falls short without a
clearly excessive seizure — and before such a seizure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation.inputs import (
    ZERO,
    Asset,
    ExcessRule,
    Guarantee,
    _cents,
    _fmt,
    _yuan,
    money,
    valid_guarantee_total,
)
from laoshan_desk.domain.preservation.search import (
    _exclusion_reason,
    _Item,
    _labels,
    _Pick,
    _prune,
    _solve,
    _take_accounts,
    _tier,
)
from laoshan_desk.domain.preservation.vocabulary import AssetType, GuaranteeType, Measure, Tier


class Selection(NamedTuple):
    """One measure of a plan: freeze or seize ``amount`` yuan of asset ``asset_id``.

    ``keeps_use``: sealed with the respondent keeping its use (活封, 《财产保全规定》第十三条).
    """

    asset_id: str
    measure: Measure
    amount: Decimal
    keeps_use: bool = False


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

    def as_dict(self) -> dict[str, object]:
        """The command line's JSON shape (amounts as strings with two decimals)."""
        return {
            "need": f"{self.need:.2f}",
            "selected": [
                {"id": s.asset_id, "measure": s.measure.value, "amount": f"{s.amount:.2f}", "keeps_use": s.keeps_use}
                for s in self.selected
            ],
            "excluded": [{"id": e.asset_id, "reason": e.reason} for e in self.excluded],
            "total_preserved": f"{self.total_preserved:.2f}",
            "covers_claim": self.covers_claim,
            "over_scope": self.over_scope,
            "over_scope_reason": self.over_scope_reason,
            "needs_approval": self.needs_approval,
            "notes": list(self.notes),
        }


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


def _selection_notes(picks: Sequence[_Pick]) -> list[str]:
    notes = []
    idle = [p for p in picks if p.item.tier is Tier.IDLE]
    operational = [p for p in picks if p.item.tier is Tier.OPERATIONAL]
    accounts = [p for p in picks if p.item.tier is Tier.ACCOUNTS]
    if idle:
        notes.append(f"优先保全未用于生产经营的财产：{_labels(p.item for p in idle)}")
    if operational:
        notes.append(
            f"查封生产经营中使用的财产：{_labels(p.item for p in operational)}；指定被保全人保管并允许其继续使用"
            "（活封），不冻结账户（《财产保全规定》第十三条；本院“一般不得径行冻结账户”）"
        )
    if accounts:
        parts = "、".join(f"“{p.item.asset.label}”{_fmt(p.cents)}元" for p in accounts)
        notes.append(f"限额冻结一般/专用账户，冻结数额以尚需保全的数额为限：{parts}")
    for p in picks:
        if p.partial:
            notes.append(
                f"“{p.item.asset.label}”价值{_fmt(p.item.cents)}元，明显高于所需，对其相应价值部分"
                f"{_fmt(p.cents)}元采取查封措施（《财产保全规定》第十五条）"
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
    whole = [p.item for p in picks if not p.trimmable]
    text = (
        f"保全财产合计{_fmt(total)}元，明显超过保全需求{_fmt(need)}元（超出{_fmt(total - need)}元）："
        f"{_labels(whole)}为整体财产，其他可保全财产无法以更小超额覆盖"
    )
    if basic:
        text += "，限额冻结基本账户亦不足以覆盖"
    text += "，超标的额查封无法避免（《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第十九条）"
    if any(it.asset.type is AssetType.REAL_ESTATE for it in whole):
        text += "；不动产标记为不可分割，未按相应价值部分查封（《财产保全规定》第十五条）"
    return text


def _excessive_alternative(picks: Sequence[_Pick], need: int) -> str:
    """Why the clearly excessive seizure was not chosen over the basic account."""
    total = sum(p.cents for p in picks)
    whole = [p.item for p in picks if not p.trimmable]
    return (
        f"备选方案：整体查封{_labels(whole)}，保全合计{_fmt(total)}元，明显超过保全需求{_fmt(need)}元"
        f"（超出{_fmt(total - need)}元）；不得明显超标的额查封（《最高人民法院关于人民法院民事执行中查封、扣押、"
        "冻结财产的规定》第十九条），而基本账户只是“慎冻”（本院规则），故未采用，改为限额冻结基本账户"
    )


def propose_plan(
    claim: object,
    assets: Sequence[Asset],
    guarantees: Sequence[Guarantee] = (),
    *,
    as_of: dt.date,
    rule: ExcessRule | None = None,
) -> Plan:
    """The least-harm plan for one case (docs/rules.md §preservation-plan).

    Need = claim − guarantees valid on ``as_of`` (not below zero); need zero preserves nothing.
    Wage accounts and protected assets are never selected and are listed with the reason. The
    tiers (:class:`Tier`) are tried least harm first by :func:`_solve`, without a clearly
    excessive seizure; when that falls short the basic account is frozen, capped, which marks the
    plan for a leader's approval — before a seizure clearly beyond the need (查封规定第十九条),
    which is taken only when the basic account cannot close the gap and is then reported as
    over-scope; a plan that chose the basic account instead states the excessive alternative.
    When everything permitted falls short, all of it is taken and the plan says the claim is not
    covered. The basic account is the court's own rule (docs/rules.md §preservation-basic-account).
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
        selected = tuple(
            Selection(p.item.asset.id, p.item.asset.measure, _yuan(p.cents), p.item.asset.keeps_use) for p in picks
        )
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

    ordered = [tiers[t] for t in (Tier.IDLE, Tier.OPERATIONAL, Tier.ACCOUNTS)]
    decision_notes: list[str] = []
    picks = _prune(_solve(ordered, need_cents, rule, decision_notes, allow_excess=False), need_cents, rule)
    total = sum(p.cents for p in picks)
    extra: list[str] = []
    if total < need_cents:
        # Short without a clearly excessive seizure: the basic account, capped, comes before it
        # (docs/rules.md §preservation-basic-account); failing that, the excessive seizure.
        basic_room = sum(it.cents for it in tiers[Tier.BASIC])
        excess_notes: list[str] = []
        excessive = _prune(_solve(ordered, need_cents, rule, excess_notes, allow_excess=True), need_cents, rule)
        excessive_total = sum(p.cents for p in excessive)
        excessive_covers = excessive_total >= need_cents
        clear_excess = rule.clearly_exceeds_cents(excessive_total, need_cents)
        if (excessive_covers and not clear_excess) or (total + basic_room < need_cents and excessive_total > total):
            # Covered after all once what a later whole asset made redundant is dropped, or the
            # basic account cannot close the gap: the whole asset is taken.
            picks, total, decision_notes = excessive, excessive_total, excess_notes
        elif excessive_covers:
            extra.append(_excessive_alternative(excessive, need_cents))
    extra = decision_notes + _selection_notes(picks) + extra

    if total < need_cents and tiers[Tier.BASIC]:
        others = total
        basic = _take_accounts(tiers[Tier.BASIC], need_cents - total)
        picks += basic
        total += sum(p.cents for p in basic)
        extra.append(
            f"其他可保全财产在不明显超标的额的前提下合计{_fmt(others)}元，不足以覆盖保全需求{_fmt(need_cents)}元，"
            f"拟限额冻结基本账户{_fmt(sum(p.cents for p in basic))}元；基本账户用于纳税、发放工资等，"
            "冻结须经院领导审批（本院“基本户慎冻”规则）"
        )
    if total < need_cents:
        extra.append(
            f"全部可保全财产合计{_fmt(total)}元，不足以覆盖保全需求{_fmt(need_cents)}元，"
            f"尚差{_fmt(need_cents - total)}元，未能足额保全"
        )
    over = rule.clearly_exceeds_cents(total, need_cents)
    reason = _over_scope_reason(picks, need_cents, tiers[Tier.BASIC]) if over else ""
    if over:
        extra.append(reason)
    elif total > need_cents:
        extra.append(f"整体保全的财产价值超出保全需求{_fmt(total - need_cents)}元，未明显超出，属合理范围")
    return done(picks, extra, reason, over)
