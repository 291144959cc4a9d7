"""Property tests of the plan over random asset lists."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.preservation import (
    AccountKind,
    Asset,
    AssetType,
    ExcessRule,
    Guarantee,
    Measure,
    adjust_plan,
    propose_plan,
)
from tests.domain.preservation.builders import AS_OF, D

# -- property tests --------------------------------------------------------------------------

_KINDS = [None, None, None, "basic", "general", "special", "wage"]
_TYPES = ["real_estate", "vehicle", "equipment", "inventory", "equity", "receivable"]


@st.composite
def asset_lists(draw):
    n = draw(st.integers(min_value=0, max_value=9))
    assets = []
    for i in range(n):
        kind = draw(st.sampled_from(_KINDS))
        value = D(draw(st.integers(min_value=0, max_value=300_000_000))) / 100
        if kind is None:
            assets.append(
                Asset(
                    f"a{i}",
                    draw(st.sampled_from(_TYPES)),
                    None,
                    value,
                    in_operational_use=draw(st.booleans()),
                    protected=draw(st.booleans()) and draw(st.booleans()),
                    indivisible=draw(st.booleans()),
                )
            )
        else:
            assets.append(Asset(f"a{i}", "account", kind, value, protected=draw(st.booleans()) and draw(st.booleans())))
    return assets


claims = st.integers(min_value=0, max_value=500_000_000).map(lambda c: D(c) / 100)


def _permitted(asset: Asset) -> bool:
    return not asset.protected and asset.account_kind is not AccountKind.WAGE and asset.value > 0


def _part_sealable(asset: Asset) -> bool:
    return asset.type is AssetType.REAL_ESTATE and not asset.indivisible


def _coverable_without_clear_excess(assets, need) -> bool:
    """Brute force over the whole assets: general/special accounts and real estate in part may be
    cut to what is needed, other things count whole; is there a lawful cover without the basic
    account whose total does not clearly exceed the need?"""
    permitted = [a for a in assets if _permitted(a) and a.account_kind is not AccountKind.BASIC]
    capped = sum((a.value for a in permitted if a.is_account), D(0))
    things = [a for a in permitted if not a.is_account]
    for mask in range(1 << len(things)):
        chosen = [a for i, a in enumerate(things) if mask >> i & 1]
        whole = sum((a.value for a in chosen if not _part_sealable(a)), D(0))
        if capped + sum((a.value for a in chosen), D(0)) >= need and not ExcessRule().clearly_exceeds(
            max(whole, need), need
        ):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(asset_lists(), claims)
def test_property_wage_and_protected_never_selected(assets, claim) -> None:
    plan = propose_plan(claim, assets, as_of=AS_OF)
    by_id = {a.id: a for a in assets}
    for sel in plan.selected:
        assert _permitted(by_id[sel.asset_id])


@settings(max_examples=300, deadline=None)
@given(asset_lists(), claims)
def test_property_capped_amounts_within_need_and_balance(assets, claim) -> None:
    plan = propose_plan(claim, assets, as_of=AS_OF)
    by_id = {a.id: a for a in assets}
    account_total = D(0)
    for sel in plan.selected:
        asset = by_id[sel.asset_id]
        assert sel.amount > 0
        if asset.is_account:
            assert sel.amount <= asset.value
            assert sel.measure is Measure.FREEZE
            account_total += sel.amount
        elif _part_sealable(asset):
            assert sel.amount <= asset.value  # real estate in part (《财产保全规定》第十五条)
        else:
            assert sel.amount == asset.value  # other whole assets taken whole
    assert account_total <= plan.need
    if plan.total_preserved > plan.need:
        # Excess only ever comes from whole assets: a capped freeze is cut first.
        assert account_total == 0


@settings(max_examples=300, deadline=None)
@given(asset_lists(), claims)
def test_property_basic_account_only_when_others_cannot_cover(assets, claim) -> None:
    plan = propose_plan(claim, assets, as_of=AS_OF)
    by_id = {a.id: a for a in assets}
    uses_basic = any(by_id[s.asset_id].account_kind is AccountKind.BASIC for s in plan.selected)
    others = sum((a.value for a in assets if _permitted(a) and a.account_kind is not AccountKind.BASIC), D(0))
    assert uses_basic == plan.needs_approval
    if uses_basic:
        # The basic account only when nothing else covers without a clearly excessive seizure.
        assert not _coverable_without_clear_excess(assets, plan.need)
    elif plan.need > others:
        assert not plan.covers_claim


@settings(max_examples=300, deadline=None)
@given(asset_lists(), claims, st.integers(min_value=0, max_value=300_000_000).map(lambda c: D(c) / 100))
def test_property_totals_consistent(assets, claim, bond) -> None:
    guarantees = [Guarantee("performance_bond", bond, dt.date(2030, 1, 1))]
    plan = propose_plan(claim, assets, guarantees, as_of=AS_OF)
    assert plan.need == max(claim - bond, D(0))
    assert plan.total_preserved == sum((s.amount for s in plan.selected), D("0.00"))
    assert plan.covers_claim == (plan.total_preserved >= plan.need)
    assert len({s.asset_id for s in plan.selected}) == len(plan.selected)
    if plan.need == 0:
        assert plan.selected == ()
    if not plan.covers_claim:
        permitted = {a.id: a.value for a in assets if _permitted(a)}
        assert {s.asset_id: s.amount for s in plan.selected} == permitted
    if plan.over_scope:
        assert ExcessRule().clearly_exceeds(plan.total_preserved, plan.need)
        assert plan.over_scope_reason
    # The proposed plan passes its own re-check.
    _adjusted, violations = adjust_plan(plan, assets, list(plan.selected))
    assert violations == []


@settings(max_examples=200, deadline=None)
@given(asset_lists(), claims)
def test_property_no_clear_excess_when_accounts_alone_could_cover(assets, claim) -> None:
    plan = propose_plan(claim, assets, as_of=AS_OF)
    capped = sum(
        (a.value for a in assets if _permitted(a) and a.account_kind in (AccountKind.GENERAL, AccountKind.SPECIAL)),
        D(0),
    )
    if capped >= plan.need:
        assert not plan.over_scope
