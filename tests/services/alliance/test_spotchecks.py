"""Spot checks through the services: no fee, the repeated-sampling warning (refused unless
confirmed, and audited), the 15-day re-inspection window, follow-up order and clock, totals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from laoshan_desk.domain.alliance.vocabulary import FollowUpStep, SpotProduct
from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.services.alliance import spot_lists as sl
from laoshan_desk.services.alliance import spotchecks as sc
from laoshan_desk.store.models import AuditRecord
from tests.alliance_support import at, fake_uscc

NOW = at(2026, 11, 25)


def batch(n: int = 1, number: str = "LS2026-001", **changes):  # type: ignore[no-untyped-def]
    form = sc.BatchForm(
        enterprise_name="青岛示例茶业有限公司",
        uscc=fake_uscc(n),
        product="laoshan_tea",
        product_name="崂山绿茶（春茶）",
        batch_number=number,
        sampled_on=dt.date(2026, 9, 10),
        lab="青岛市示例检验检测中心",
    )
    return dataclasses.replace(form, **changes)


def test_a_fee_is_refused(db, officer):
    with pytest.raises(ValidationError) as caught:
        sc.record_batch(db, officer, batch(fee=Decimal("300")), now=NOW)
    assert caught.value.field == "fee"


def test_a_district_batch_after_a_provincial_one_needs_confirmation_and_is_audited(db, officer):
    sc.record_batch(db, officer, batch(number="SD2026-7", level="provincial", sampled_on=dt.date(2026, 5, 6)), now=NOW)
    warning = sc.repeat_warning(
        db, officer, uscc=fake_uscc(1), product="崂山茶", level="区级", sampled_on=dt.date(2026, 9, 10)
    )
    assert warning is not None and "省级" in warning
    with pytest.raises(ValidationError) as caught:
        sc.record_batch(db, officer, batch(), now=NOW)
    assert caught.value.code == "repeat_sampling" and caught.value.field == "confirm_repeat"
    bid = sc.record_batch(db, officer, batch(confirm_repeat=True), now=NOW)
    row = next(r for r in sl.list_batches(db, officer, now=NOW) if r.id == bid)
    assert row.repeat_confirmed
    with db.session() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.entity_id == str(bid))).one()
    assert "确认重复抽检" in audit.summary and "省级" in audit.after["warning"]
    # Another product of the same enterprise, or next year, does not warn.
    assert (
        sc.repeat_warning(
            db, officer, uscc=fake_uscc(1), product="seafood", level="district", sampled_on=dt.date(2026, 9, 10)
        )
        is None
    )
    assert (
        sc.repeat_warning(
            db, officer, uscc=fake_uscc(1), product="laoshan_tea", level="district", sampled_on=dt.date(2027, 1, 4)
        )
        is None
    )


def test_reinspection_within_fifteen_days_of_the_result_and_not_after(db, officer):
    bid = sc.record_batch(db, officer, batch(), now=NOW)
    v = sl.list_batches(db, officer, now=NOW)[0].version
    sc.record_result(
        db,
        officer,
        sc.ResultForm(bid, "不合格", dt.date(2026, 9, 15), dt.date(2026, 9, 17), "草甘膦残留超标", version=v),
        now=NOW,
    )
    row = sl.list_batches(db, officer, now=NOW)[0]
    # 15 days from 17 Sep is 2 Oct, in the National Day holiday: the window runs to Thu 8 Oct.
    assert row.reinspection_until == dt.date(2026, 10, 8)
    with pytest.raises(ValidationError) as caught:
        sc.request_reinspection(db, officer, sc.ReinspectionForm(bid, dt.date(2026, 10, 9), row.version), now=NOW)
    assert "2026-10-08" in caught.value.message
    sc.request_reinspection(db, officer, sc.ReinspectionForm(bid, dt.date(2026, 10, 8), row.version), now=NOW)
    assert sl.list_batches(db, officer, now=NOW)[0].reinspection_text == "已于 2026-10-08 申请复检"


def test_followup_has_its_clock_and_its_order(db, officer):
    bid = sc.record_batch(db, officer, batch(), now=NOW)
    sc.record_result(
        db, officer, sc.ResultForm(bid, "nonconforming", dt.date(2026, 11, 2), items_failed="菌落总数"), now=NOW
    )
    row = sl.list_batches(db, officer, now=NOW)[0]
    assert row.followup_due == dt.date(2026, 11, 30)  # 20 working days after 2 Nov
    assert row.followup_light is Light.GREEN
    assert sl.list_batches(db, officer, now=at(2026, 11, 27))[0].followup_light is Light.YELLOW
    assert sl.list_batches(db, officer, now=at(2026, 12, 1))[0].followup_light is Light.RED
    with pytest.raises(ValidationError):
        sc.add_followup(db, officer, sc.FollowUpForm(bid, "recheck", dt.date(2026, 11, 10)), now=NOW)
    sc.add_followup(db, officer, sc.FollowUpForm(bid, "notice", dt.date(2026, 11, 4)), now=NOW)
    sc.add_followup(db, officer, sc.FollowUpForm(bid, "recheck", dt.date(2026, 11, 20)), now=NOW)
    sc.add_followup(db, officer, sc.FollowUpForm(bid, "closed", dt.date(2026, 11, 24)), now=NOW)
    row = sl.list_batches(db, officer, now=at(2026, 12, 1))[0]
    assert row.followup_step is FollowUpStep.CLOSED and row.followup_light is Light.GREY
    with pytest.raises(ValidationError):
        sc.add_followup(db, officer, sc.FollowUpForm(bid, "case_filed", dt.date(2026, 11, 25)), now=NOW)


def test_results_need_their_fields_and_totals_add_up(db, officer, leader):
    ids = [sc.record_batch(db, officer, batch(n=i, number=f"LS-{i}"), now=NOW) for i in range(1, 6)]
    with pytest.raises(ValidationError) as caught:
        sc.record_result(db, officer, sc.ResultForm(ids[0], "不合格", dt.date(2026, 9, 12)), now=NOW)
    assert caught.value.field == "items_failed"
    with pytest.raises(ValidationError):
        sc.record_result(db, officer, sc.ResultForm(ids[0], "合格", dt.date(2026, 9, 1)), now=NOW)
    for bid in ids[:3]:
        sc.record_result(db, officer, sc.ResultForm(bid, "合格", dt.date(2026, 9, 12)), now=NOW)
    sc.record_result(db, officer, sc.ResultForm(ids[3], "不合格", dt.date(2026, 9, 12), items_failed="x"), now=NOW)
    (total,) = sl.totals(db, leader)
    assert (total.year, total.product, total.batches, total.tested, total.nonconforming) == (
        2026,
        SpotProduct.LAOSHAN_TEA,
        5,
        4,
        1,
    )
    assert total.conformity_rate == Decimal("0.75")
    with pytest.raises(PermissionDenied):
        sc.record_batch(db, leader, batch(n=9, number="LS-9"), now=NOW)
    with pytest.raises(ValidationError):
        sc.record_batch(db, officer, batch(n=1, number="LS-1"), now=NOW)  # duplicate batch number
