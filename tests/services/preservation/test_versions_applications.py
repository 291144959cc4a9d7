"""Stale screens on the later steps: a renewal or release application and a release on a
guarantee carry the version their page showed; when the case moved on meanwhile, the clerk gets
the stale-record message and nothing is written (the form, on screen, keeps what was typed)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ConflictError
from laoshan_desk.services import preservation as svc
from laoshan_desk.store.models.preservation import PresRelease, PresRenewal
from tests.services.preservation.builders import shown
from tests.services.preservation.test_release_consent import _executed as _executed_disputed
from tests.services.preservation.test_renewals import _executed


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _move_on(db, admin, case_id, now) -> None:  # type: ignore[no-untyped-def]
    """Another clerk records the release application meanwhile: the case's version moves on."""
    form = svc.ReleaseApplicationForm(case_id, shown(db, admin, case_id, now), now.date())
    svc.record_release_application(db, admin, form, now=now)


def test_a_renewal_from_a_stale_screen_is_refused_and_nothing_is_renewed(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=20)
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    stale = shown(db, admin, case_id, seen)
    _move_on(db, admin, case_id, seen)
    form = svc.RenewalForm(measure.id, stale, renewed_on=seen.date(), applied_on=dt.date(2027, 11, 17))
    with pytest.raises(ConflictError) as err:
        svc.renew_measure(db, admin, form, now=seen)
    assert err.value.message == svc.STALE
    assert _count(db, PresRenewal) == 0
    assert svc.case_detail(db, admin, case_id, now=seen).measures[0].expiry == dt.date(2027, 11, 25)
    fresh = dataclasses.replace(form, version=shown(db, admin, case_id, seen))
    svc.renew_measure(db, admin, fresh, now=seen)  # the same form on the refreshed page is accepted
    assert _count(db, PresRenewal) == 1


def test_a_release_application_from_a_stale_screen_is_refused(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    later = fixed_now + dt.timedelta(days=2)
    stale = shown(db, admin, case_id, later)
    _move_on(db, admin, case_id, later)
    moved = svc.case_detail(db, admin, case_id, now=later)
    form = svc.ReleaseApplicationForm(case_id, stale, dt.date(2026, 11, 26))
    with pytest.raises(ConflictError) as err:
        svc.record_release_application(db, admin, form, now=later)
    assert err.value.message == svc.STALE
    after = svc.case_detail(db, admin, case_id, now=later)
    assert (after.version, after.clocks) == (moved.version, moved.clocks)  # the first application stands


def test_a_release_with_the_applicants_consent_from_a_stale_screen_is_refused(db, admin, fixed_now):
    case_id = _executed_disputed(db, admin, fixed_now, vehicle=True)
    stale = shown(db, admin, case_id)
    _move_on(db, admin, case_id, fixed_now)
    consent = {"applicant_consent": True, "consent_note": "申请保全人书面同意"}
    with pytest.raises(ConflictError) as err:
        svc.release_on_guarantee(db, admin, svc.GuaranteeReleaseForm(case_id, stale, **consent), now=fixed_now)
    assert err.value.message == svc.STALE
    assert _count(db, PresRelease) == 0
    refreshed = svc.GuaranteeReleaseForm(case_id, shown(db, admin, case_id), **consent)
    assert svc.release_on_guarantee(db, admin, refreshed, now=fixed_now).released  # accepted once refreshed
