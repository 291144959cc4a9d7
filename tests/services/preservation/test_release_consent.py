"""Release on a guarantee and the disputed property (《财产保全规定》第二十二条): 财产纠纷案件，被保全人或
第三人提供充分有效担保请求解除保全，人民法院应当裁定准许。被保全人请求对作为争议标的的财产解除保全的，
须经申请保全人同意。"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import preservation as svc
from laoshan_desk.store.models.preservation import PresAsset, PresRelease
from tests.services.preservation.builders import D, _register, add_asset, add_guarantee, decide, ref, shown

ART_22_SECOND = "被保全人请求对作为争议标的的财产解除保全的，须经申请保全人同意（《财产保全规定》第二十二条）"


def _executed(db, admin, now, *, vehicle: bool):  # type: ignore[no-untyped-def]
    """Claim 1,200,000: the disputed house sealed (1,200,000, or 900,000 and a car of 300,000
    when ``vehicle``); then a bond covering the whole claim, valid beyond every term."""
    case_id = _register(db, admin, now)
    house = "900000" if vehicle else "1200000"
    add_asset(
        db, admin, case_id, now, code="H", type="real_estate", value=house, description="松岭路2号房产", disputed=True
    )
    if vehicle:
        add_asset(db, admin, case_id, now, code="C", type="vehicle", value="300000", description="鲁B12345货车")
    plan = svc.propose(db, admin, ref(db, admin, case_id), now=now)
    assert sorted(s.code for s in plan.selected) == (["C", "H"] if vehicle else ["H"])
    decide(db, admin, case_id, "grant", "申请符合法律规定", now)
    svc.record_measures(db, admin, svc.MeasuresForm(case_id, shown(db, admin, case_id, now), now.date()), now=now)
    add_guarantee(
        db,
        admin,
        case_id,
        now,
        type="performance_bond",
        amount="1500000",
        issuer="青岛银行",
        number="LY-9",
        valid_until=dt.date(2031, 12, 31),
    )
    return case_id


def _form(db, admin, case_id, **kw):  # type: ignore[no-untyped-def]
    return svc.GuaranteeReleaseForm(case_id, shown(db, admin, case_id), **kw)


def test_the_disputed_property_is_not_released_without_the_applicants_consent(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now, vehicle=False)
    preview = svc.preview_release(db, admin, case_id, today=fixed_now.date())
    assert preview.freed == 0 and len(preview.consent_needed) == 1 and ART_22_SECOND in preview.consent_needed[0]
    with pytest.raises(ValidationError) as err:
        svc.release_on_guarantee(db, admin, _form(db, admin, case_id), now=fixed_now)
    assert err.value.field == "applicant_consent" and ART_22_SECOND in err.value.message
    detail = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert detail.releases == () and [m.status for m in detail.measures] == ["active"]


def test_the_consent_needs_its_note_and_is_kept_on_the_release(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now, vehicle=False)
    with pytest.raises(ValidationError) as err:
        svc.release_on_guarantee(db, admin, _form(db, admin, case_id, applicant_consent=True), now=fixed_now)
    assert err.value.field == "consent_note"
    note = "申请保全人2026年11月24日书面同意"
    result = svc.release_on_guarantee(
        db, admin, _form(db, admin, case_id, applicant_consent=True, consent_note=note), now=fixed_now
    )
    assert result.freed == D("1200000.00") and [s.code for s in result.released] == ["H"]
    detail = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert detail.status == "released" and note in detail.releases[0].note
    with db.session() as session:
        stored = session.scalars(select(PresRelease)).one()
        assert (stored.applicant_consent, stored.consent_note) == (True, note)


def test_other_property_is_released_on_a_sufficient_guarantee_the_disputed_stays(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now, vehicle=True)
    result = svc.release_on_guarantee(db, admin, _form(db, admin, case_id), now=fixed_now)
    assert [s.code for s in result.released] == ["C"] and result.freed == D("300000.00")
    assert [s.code for s in result.kept] == ["H"] and ART_22_SECOND in result.consent_needed[0]
    detail = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert {m.asset_label: m.status for m in detail.measures} == {"松岭路2号房产": "active", "鲁B12345货车": "released"}
    assert ART_22_SECOND in detail.releases[0].note  # the ruling's note says why the house stays
    with db.session() as session:
        assert session.scalars(select(PresRelease.applicant_consent)).one() is False


def test_the_flag_is_typed_at_the_counter_and_read_from_the_plan_file(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    add_asset(db, admin, case_id, fixed_now, code="H", type="real_estate", value="900000", disputed=True)
    add_asset(db, admin, case_id, fixed_now, code="G", type="account", account_kind="general", value="900000")
    assets = svc.case_detail(db, admin, case_id, now=fixed_now).assets
    assert {a.code: a.disputed for a in assets} == {"H": True, "G": False}
    with db.session() as session:
        assert dict(session.execute(select(PresAsset.code, PresAsset.disputed)).tuples().all()) == {
            "H": True,
            "G": False,
        }
