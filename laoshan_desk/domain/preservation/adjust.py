"""A judge's changes to the plan, re-checked: :func:`check_selection` and :func:`adjust_plan`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.preservation.inputs import CENT, ZERO, Asset, ExcessRule, _fmt, money
from laoshan_desk.domain.preservation.plan import Plan, Selection, propose_plan
from laoshan_desk.domain.preservation.search import WAGE_ACCOUNT_RULE, _exclusion_reason, _tier
from laoshan_desk.domain.preservation.vocabulary import AccountKind, AssetType, Tier

# Assets a judge may preserve in part: real estate by the corresponding part of its value
# (《财产保全规定》第十五条, docs/rules.md §preservation-plan), shares by a percentage, claims and
# stock by an amount. A vehicle or a machine is one thing and is seized whole.
_PARTIALLY_SEIZABLE = {AssetType.REAL_ESTATE, AssetType.EQUITY, AssetType.RECEIVABLE, AssetType.INVENTORY}


def _coerce_changes(selections: Iterable[object]) -> list[tuple[str, Decimal | None]]:
    result: list[tuple[str, Decimal | None]] = []
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
        result.append(
            (str(asset_id), None if amount is None else money(amount, field="selected.amount", allow_negative=True))
        )
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
            violations.append(
                f"“{asset.label}”为{WAGE_ACCOUNT_RULE}；确属法律另有规定或为支付本项目农民工工资而冻结的，请写明依据"
            )
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
        chosen.append(Selection(asset.id, asset.measure, amount, asset.keeps_use))

    total = sum((s.amount for s in chosen), ZERO)
    basic_used = [
        by_id[s.asset_id]
        for s in chosen
        if by_id[s.asset_id].is_account and by_id[s.asset_id].account_kind is AccountKind.BASIC
    ]
    if basic_used and not propose_plan(need, assets, (), as_of=dt.date.min, rule=rule).needs_approval:
        # The basic account only when nothing else covers without a clearly excessive seizure
        # (docs/rules.md §preservation-basic-account).
        others = sum((a.value for a in assets if _exclusion_reason(a) is None and _tier(a) is not Tier.BASIC), ZERO)
        violations.append(
            f"非基本账户的可保全财产合计{_fmt(others)}元，足以在不明显超标的额的情况下覆盖保全需求{_fmt(need)}元，"
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
                    f"超出了无法避免的限度（系统方案超出{_fmt(auto.excess)}元），构成明显超标的额查封（《最高人民法院关于"
                    "人民法院民事执行中查封、扣押、冻结财产的规定》第十九条：不得明显超标的额查封、扣押、冻结）"
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
