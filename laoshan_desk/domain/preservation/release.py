"""Release on a guarantee (《财产保全规定》第二十二条): what it frees; the release ruling's number.

The disputed property itself (争议标的物) is released on the respondent's guarantee only with the
applicant's consent (第二十二条, second sentence); without it the advice keeps it and says why.

docs/rules.md §preservation-release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from laoshan_desk.domain.preservation.inputs import CENT, ZERO, Asset, Guarantee, _fmt, money, valid_guarantee_total
from laoshan_desk.domain.preservation.plan import Selection
from laoshan_desk.domain.preservation.search import _exclusion_reason, _tier


@dataclass(frozen=True)
class ReleaseAdvice:
    """What a guarantee frees: ``release`` lists the amounts to lift, ``keep`` what stays.

    ``withheld``: the disputed property the guarantee would free but the applicant has not
    consented to release (it stays in ``keep``); ``consent_needed`` says so, one line each.
    """

    need: Decimal
    release: tuple[Selection, ...]
    keep: tuple[Selection, ...]
    freed: Decimal
    notes: tuple[str, ...]
    withheld: tuple[Selection, ...] = ()
    consent_needed: tuple[str, ...] = ()


# 《财产保全规定》第二十二条 as it reads (second sentence).
DISPUTED_CONSENT_RULE = "被保全人请求对作为争议标的的财产解除保全的，须经申请保全人同意（《财产保全规定》第二十二条）"


def consent_needed_message(label: str) -> str:
    """Why the disputed property stays preserved although the guarantee would cover it."""
    return f"“{label}”系争议标的物：{DISPUTED_CONSENT_RULE}；未记录申请保全人同意，不予解除"


def short_guarantees(guarantees: Sequence[Guarantee], as_of: dt.date, freeze_end: dt.date | None) -> tuple[str, ...]:
    """Guarantees valid today that expire before the freeze they would replace ends: not
    "sufficient and effective" (充分有效, 《财产保全规定》第二十二条), so a release relying on them
    needs the judge's confirmation. One message per such guarantee (docs/rules.md §preservation-release)."""
    if freeze_end is None:
        return ()
    return tuple(
        f"{g.type.label}{g.number and f'（{g.number}）'}{_fmt(g.amount)}元有效期至{g.valid_until:%Y-%m-%d}，"
        f"早于被替代的保全措施期限届满日{freeze_end:%Y-%m-%d}，并非充分有效的担保（《财产保全规定》第二十二条），"
        "据此解除须经法官确认"
        for g in guarantees
        if g.is_valid_on(as_of) and g.valid_until < freeze_end
    )


def release_advice(
    current: Sequence[Selection],
    assets: Sequence[Asset],
    claim: object,
    guarantees: Sequence[Guarantee],
    *,
    as_of: dt.date,
    applicant_consent: bool = False,
) -> ReleaseAdvice:
    """Which measures a sufficient or partial guarantee releases (《财产保全规定》第二十二条).

    The most harmful measures are lifted first — the basic account, then other accounts, then
    assets in operational use, then idle assets (the harm order of :class:`Tier`) — as long as
    what stays still covers the need.
    Capped freezes are reduced in part; whole assets are lifted only whole. Anything that should
    never have been preserved (a wage account, a protected asset) is released in any case.
    The disputed property is released only with ``applicant_consent`` (第二十二条); without it
    the property stays and the spare cover goes to the other measures.
    """
    claim_amount = money(claim, field="claim_amount")
    guaranteed = valid_guarantee_total(guarantees, as_of)
    need = max(claim_amount - guaranteed, ZERO)
    by_id = {a.id: a for a in assets}
    release: list[Selection] = []
    keep: dict[str, Selection] = {}
    notes: list[str] = []
    withheld: list[Selection] = []
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
        if asset is not None and asset.disputed and not applicant_consent:
            withheld.append(Selection(sel.asset_id, sel.measure, cut))
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
    consent_needed = tuple(consent_needed_message(by_id[s.asset_id].label) for s in withheld)
    notes.extend(consent_needed)
    if need == 0 and len(keep) > len(withheld):
        notes.append("担保足额，但部分整体财产未能解除，请核对")
    return ReleaseAdvice(
        need=need,
        release=tuple(release),
        keep=tuple(keep.values()),
        freed=freed,
        notes=tuple(notes),
        withheld=tuple(withheld),
        consent_needed=consent_needed,
    )


_CN_DIGITS = "零一二三四五六七八九十"


def _cn_ordinal(n: int) -> str:
    if n <= 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")


def release_ruling_number(case_number: str, n: int) -> str:
    """The n-th release ruling's number: 财保12号之一, or after an in-suit 民初5号之一 the next, 之二."""
    ordinals = {_cn_ordinal(i): i for i in range(1, 100)}
    base, sep, suffix = case_number.rpartition("之")
    if sep and suffix in ordinals:
        return f"{base}之{_cn_ordinal(ordinals[suffix] + n)}"
    return f"{case_number}之{_cn_ordinal(n)}"
