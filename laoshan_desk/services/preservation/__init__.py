"""Property preservation review (财产保全审查): one function per thing the court's clerk or judge does.

The three steps of the district court (see ``domain/preservation/`` for the rules):

1. necessity — :func:`register_case`, :func:`save_review`, :func:`decide` (judge only)
   (:mod:`.cases`);
2. scope — :func:`add_asset`, :func:`import_assets` (:mod:`.assets`), :func:`propose`,
   :func:`adjust` (judge, re-checked), :func:`approve_basic_account` (leader) (:mod:`.plan`),
   guarantees and :func:`release_on_guarantee` (:mod:`.release`);
3. speed — :func:`record_measures`, :func:`renew_measure` (:mod:`.measures`), clocks and lights in
   every view (:mod:`.views`).

Plus the respondent's exposure across cases (:mod:`.exposure`), the case list (:mod:`.views`),
statistics and the Excel export (:mod:`.export`), the papers (:mod:`.papers`) and the command
line's plan from a JSON file (:mod:`.plan_file`). ID and phone numbers are masked unless the role
may see them in full (``SEES_FULL_NUMBERS``); showing one is audited (:func:`reveal_id_number`).
The package re-exports the public names: ``from laoshan_desk.services import preservation as svc``.
"""

from __future__ import annotations

from laoshan_desk.services.preservation.assets import (
    ASSET_KIND_WORDS,
    IMPORT_COLUMNS,
    add_asset,
    import_assets,
    read_asset_workbook,
    remove_asset,
)
from laoshan_desk.services.preservation.cases import Review, decide, register_case, reveal_id_number, save_review
from laoshan_desk.services.preservation.common import (
    APPLICANT_GUARANTEE_LABELS,
    APPROVE,
    CLOCK_LABELS,
    DECIDE,
    EDIT,
    RELEASE_REASONS,
    REMINDER_DAYS,
    STATUS_LABELS,
    VIEW,
    ZERO,
    check_party_number,
    looks_like_enterprise,
    respondent_is_person_or_phone,
)
from laoshan_desk.services.preservation.export import export_cases, statistics
from laoshan_desk.services.preservation.exposure import respondent_exposure
from laoshan_desk.services.preservation.measures import record_lawsuit, record_measures, renew_measure
from laoshan_desk.services.preservation.plan import adjust, approve_basic_account, plan, propose
from laoshan_desk.services.preservation.plan_file import plan_from_json
from laoshan_desk.services.preservation.release import (
    add_guarantee,
    preview_release,
    release_all,
    release_on_guarantee,
    release_ruling_number,
)
from laoshan_desk.services.preservation.rows import (
    AssetRow,
    CaseDetail,
    CaseRow,
    ClockRow,
    ExclusionRow,
    Exposure,
    ExposureCase,
    FrozenAccount,
    GuaranteeRow,
    ImportReport,
    MeasureRow,
    PlanView,
    ReleaseResult,
    ReleaseRow,
    RespondentRow,
    SelectionRow,
    Statistics,
)
from laoshan_desk.services.preservation.views import case_detail, count_cases, list_cases, list_respondents

__all__ = [
    "APPLICANT_GUARANTEE_LABELS",
    "APPROVE",
    "ASSET_KIND_WORDS",
    "AssetRow",
    "CLOCK_LABELS",
    "CaseDetail",
    "CaseRow",
    "ClockRow",
    "DECIDE",
    "EDIT",
    "ExclusionRow",
    "Exposure",
    "ExposureCase",
    "FrozenAccount",
    "GuaranteeRow",
    "IMPORT_COLUMNS",
    "ImportReport",
    "MeasureRow",
    "PlanView",
    "RELEASE_REASONS",
    "REMINDER_DAYS",
    "ReleaseResult",
    "ReleaseRow",
    "RespondentRow",
    "Review",
    "STATUS_LABELS",
    "SelectionRow",
    "Statistics",
    "VIEW",
    "ZERO",
    "add_asset",
    "add_guarantee",
    "adjust",
    "approve_basic_account",
    "case_detail",
    "check_party_number",
    "count_cases",
    "decide",
    "export_cases",
    "import_assets",
    "list_cases",
    "list_respondents",
    "looks_like_enterprise",
    "plan",
    "plan_from_json",
    "preview_release",
    "propose",
    "read_asset_workbook",
    "record_lawsuit",
    "record_measures",
    "register_case",
    "release_all",
    "release_on_guarantee",
    "release_ruling_number",
    "remove_asset",
    "renew_measure",
    "respondent_exposure",
    "respondent_is_person_or_phone",
    "reveal_id_number",
    "save_review",
    "statistics",
]
