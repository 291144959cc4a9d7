"""Step 1, necessity (能不保就不保): is the claim safe without preservation, and the applicant's guarantee.

docs/rules.md §preservation-necessity and §preservation-applicant-guarantee.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from laoshan_desk.domain.preservation.inputs import CENT, _fmt, member, money
from laoshan_desk.domain.preservation.vocabulary import CaseKind


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

    Pre-suit: the full amount (the court may adjust). In-suit: at most 30% of the amount requested
    for preservation — the figure returned is that ceiling, rounded down to the fen so it never
    exceeds 30% (docs/rules/preservation.md
    § preservation-applicant-guarantee). Before enforcement the provisions set no figure: None.
    Cases of art. 9 (wages, maintenance, injury …) may need none; the screen asks the judge.
    """
    kind = member(CaseKind, kind, "kind", "保全类型")
    amount = money(claim, field="claim_amount")
    if kind is CaseKind.PRE_SUIT:
        return amount
    if kind is CaseKind.IN_SUIT:
        return (amount * Decimal("0.3")).quantize(CENT, rounding=ROUND_DOWN)
    return None
