"""Stale screens: every write on a case carries the version its page showed; a case saved
meanwhile by someone else is refused with the stale-record message and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from laoshan_desk.domain.errors import ConflictError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import _assets, _register, decide, ref, shown


def test_a_second_screen_showing_the_old_version_is_refused(db, admin, make_user, fixed_now):
    clerk_a, clerk_b = make_user(Role.COURT_CLERK), make_user(Role.COURT_CLERK)
    case_id = _register(db, clerk_a, fixed_now)
    seen_by_b = shown(db, clerk_b, case_id)
    first = svc.ReviewForm(
        case_id,
        shown(db, clerk_a, case_id),
        transfer_risk=True,
        net_assets="8000000",
        taxes_paid="120000",
        employees=35,
    )
    svc.save_review(db, clerk_a, first, now=fixed_now)
    # Clerk B's screen still shows the blank form: saving it must not wipe what A found.
    late = svc.ReviewForm(case_id, seen_by_b, transfer_risk=False, note="乙的审查")
    with pytest.raises(ConflictError) as err:
        svc.save_review(db, clerk_b, late, now=fixed_now + dt.timedelta(minutes=1))
    assert err.value.message == svc.STALE == "该记录已被他人修改，请刷新后重试"
    review = svc.case_detail(db, clerk_a, case_id, now=fixed_now).review
    assert review.transfer_risk is True and review.note == ""
    assert (review.net_assets, review.taxes_paid, review.employees) == (8000000, 120000, 35)


def test_every_change_under_a_case_moves_its_version_on(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    versions = [shown(db, admin, case_id)]
    _assets(db, admin, case_id, fixed_now)  # four assets, each with the version then shown
    versions.append(shown(db, admin, case_id))
    svc.propose(db, admin, ref(db, admin, case_id), now=fixed_now)
    versions.append(shown(db, admin, case_id))
    assert versions == sorted(set(versions)) and versions[-1] - versions[0] >= 5


@pytest.mark.parametrize("step", ["asset", "propose", "decide", "guarantee", "import", "remove"])
def test_each_write_checks_the_version(db, admin, fixed_now, tmp_path, step):
    case_id = _register(db, admin, fixed_now)
    _assets(db, admin, case_id, fixed_now)
    stale = shown(db, admin, case_id)
    svc.propose(db, admin, ref(db, admin, case_id), now=fixed_now)  # someone else moves the case on
    before = svc.case_detail(db, admin, case_id, now=fixed_now)
    asset_id = before.assets[0].id
    calls = {
        "asset": lambda: svc.add_asset(
            db, admin, svc.AssetForm(case_id, stale, type="vehicle", value="10000"), now=fixed_now
        ),
        "propose": lambda: svc.propose(db, admin, svc.CaseRef(case_id, stale), now=fixed_now),
        "decide": lambda: svc.decide(db, admin, svc.DecisionForm(case_id, stale, "grant", "准予"), now=fixed_now),
        "guarantee": lambda: svc.add_guarantee(
            db,
            admin,
            svc.GuaranteeForm(case_id, stale, "cash", "1000", dt.date(2027, 1, 1)),
            now=fixed_now,
        ),
        "import": lambda: svc.import_assets(
            db, admin, svc.ImportForm(case_id, stale, _empty_inquiry(tmp_path)), now=fixed_now
        ),
        "remove": lambda: svc.remove_asset(db, admin, svc.AssetRemoval(asset_id, stale), now=fixed_now),
    }
    with pytest.raises(ConflictError):
        calls[step]()
    after = svc.case_detail(db, admin, case_id, now=fixed_now)
    assert (after.version, after.assets, after.guarantees, after.decision) == (
        before.version,
        before.assets,
        before.guarantees,
        before.decision,
    )


def test_measures_and_the_lawsuit_check_the_version(db, admin, fixed_now):
    case_id = _register(db, admin, fixed_now)
    _assets(db, admin, case_id, fixed_now)
    decide(db, admin, case_id, "grant", "准予", fixed_now)
    form = svc.MeasuresForm(case_id, shown(db, admin, case_id), fixed_now.date())
    assert svc.record_measures(db, admin, form, now=fixed_now) == 2
    with pytest.raises(ConflictError):
        svc.record_lawsuit(db, admin, svc.LawsuitForm(case_id, form.version, fixed_now), now=fixed_now)


def _empty_inquiry(tmp_path):  # type: ignore[no-untyped-def]
    wb = Workbook()
    wb.active.append(list(svc.IMPORT_COLUMNS))
    path = tmp_path / "查控.xlsx"
    wb.save(path)
    return path
