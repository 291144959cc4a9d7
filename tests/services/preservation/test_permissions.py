"""Every public preservation service refuses a role without its permission, reads included,
before it looks at anything else (a nonsense id still gets the permission message)."""

from __future__ import annotations

import inspect
import uuid
from pathlib import Path

import pytest

from laoshan_desk.domain.errors import PermissionDenied
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers
from tests.conftest import FIXED_NOW

NOBODY = uuid.uuid4()
NOW = FIXED_NOW
TODAY = FIXED_NOW.date()

# Each public function with arguments that would fail in any other way than the permission.
CALLS = {
    "register_case": lambda db, a: svc.register_case(db, a, svc.CaseForm("x", "x", "", "", "", "0", NOW), now=NOW),
    "save_review": lambda db, a: svc.save_review(db, a, svc.ReviewForm(NOBODY, 1), now=NOW),
    "decide": lambda db, a: svc.decide(db, a, svc.DecisionForm(NOBODY, 1, "grant", "x"), now=NOW),
    "reveal_id_number": lambda db, a: svc.reveal_id_number(db, a, NOBODY, now=NOW),
    "add_asset": lambda db, a: svc.add_asset(db, a, svc.AssetForm(NOBODY, 1, "vehicle", "1"), now=NOW),
    "remove_asset": lambda db, a: svc.remove_asset(db, a, svc.AssetRemoval(NOBODY, 1), now=NOW),
    "import_assets": lambda db, a: svc.import_assets(db, a, svc.ImportForm(NOBODY, 1, Path("none.xlsx")), now=NOW),
    "add_guarantee": lambda db, a: svc.add_guarantee(db, a, svc.GuaranteeForm(NOBODY, 1, "cash", "1", TODAY), now=NOW),
    "propose": lambda db, a: svc.propose(db, a, svc.CaseRef(NOBODY, 1), now=NOW),
    "adjust": lambda db, a: svc.adjust(db, a, svc.AdjustForm(NOBODY, 1, ()), now=NOW),
    "approve_basic_account": lambda db, a: svc.approve_basic_account(db, a, svc.ApprovalForm(NOBODY, 1), now=NOW),
    "current_plan": lambda db, a: svc.current_plan(db, a, NOBODY, today=TODAY),
    "record_measures": lambda db, a: svc.record_measures(db, a, svc.MeasuresForm(NOBODY, 1, TODAY), now=NOW),
    "record_lawsuit": lambda db, a: svc.record_lawsuit(db, a, svc.LawsuitForm(NOBODY, 1, NOW), now=NOW),
    "record_release_application": lambda db, a: svc.record_release_application(
        db, a, svc.ReleaseApplicationForm(NOBODY, 1, NOW), now=NOW
    ),
    "renew_measure": lambda db, a: svc.renew_measure(db, a, svc.RenewalForm(NOBODY, 1, TODAY), now=NOW),
    "preview_release": lambda db, a: svc.preview_release(db, a, NOBODY, today=TODAY),
    "release_on_guarantee": lambda db, a: svc.release_on_guarantee(db, a, svc.GuaranteeReleaseForm(NOBODY, 1), now=NOW),
    "release_all": lambda db, a: svc.release_all(db, a, svc.ReleaseForm(NOBODY, 1, "other"), now=NOW),
    "case_detail": lambda db, a: svc.case_detail(db, a, NOBODY, now=NOW),
    "count_cases": lambda db, a: svc.count_cases(db, a, today=TODAY),
    "list_cases": lambda db, a: svc.list_cases(db, a, now=NOW),
    "list_respondents": lambda db, a: svc.list_respondents(db, a),
    "respondent_exposure": lambda db, a: svc.respondent_exposure(db, a, NOBODY, now=NOW),
    "statistics": lambda db, a: svc.statistics(db, a, now=NOW),
    "export_cases": lambda db, a: svc.export_cases(db, a, Path("none.xlsx"), now=NOW),
    "plan_from_json": lambda db, a: svc.plan_from_json(db, a, {}, now=NOW),
    "reminder_days": lambda db, a: svc.reminder_days(db, a),
    "ruling_pdf": lambda db, a: papers.ruling_pdf(db, a, NOBODY, now=NOW),
    "assistance_pdf": lambda db, a: papers.assistance_pdf(db, a, NOBODY, NOBODY, now=NOW),
    "release_pdf": lambda db, a: papers.release_pdf(db, a, NOBODY, now=NOW),
}
# Who may not: a window clerk sees no preservation at all; a leader only looks and approves;
# a court clerk neither decides nor approves.
DENIED = {
    Role.WINDOW_CLERK: set(CALLS),
    Role.LEADER: {
        "register_case",
        "save_review",
        "decide",
        "add_asset",
        "remove_asset",
        "import_assets",
        "add_guarantee",
        "propose",
        "adjust",
        "record_measures",
        "record_lawsuit",
        "record_release_application",
        "renew_measure",
        "release_on_guarantee",
        "release_all",
        "plan_from_json",
    },
    Role.COURT_CLERK: {"decide", "adjust", "approve_basic_account", "release_on_guarantee", "release_all"},
}


def test_every_public_function_is_listed():
    public = {n for n in svc.__all__ if inspect.isfunction(getattr(svc, n))}
    public |= {"ruling_pdf", "assistance_pdf", "release_pdf"}
    assert public == set(CALLS)


@pytest.mark.parametrize("role", list(DENIED))
def test_roles_without_the_permission_are_refused_first(db, admin, make_user, role):
    actor = make_user(role)
    for name in sorted(DENIED[role]):
        with pytest.raises(PermissionDenied):
            CALLS[name](db, actor)
