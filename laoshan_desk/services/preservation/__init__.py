"""Property preservation review (财产保全审查): one function per thing the court's clerk or judge does.

The three steps of the district court (the rules are in ``domain/preservation/``):

1. necessity — :func:`register_case`, :func:`save_review`, :func:`decide` (judge only)
   (:mod:`.cases`);
2. scope — :func:`add_asset`, :func:`import_assets` (:mod:`.assets`), :func:`propose`,
   :func:`adjust` (judge, re-checked), :func:`approve_basic_account` (leader) (:mod:`.plan`),
   guarantees and :func:`release_on_guarantee` (:mod:`.release`);
3. speed — :func:`record_measures`, :func:`renew_measure` (:mod:`.measures`), clocks and lights in
   every view (:mod:`.views`).

Plus the respondent's exposure across cases (:mod:`.exposure`), the case list (:mod:`.views`),
statistics and the Excel export (:mod:`.export`), the papers (:mod:`.papers`) and the command
line's plan from a JSON file (:mod:`.plan_file`). Each write takes one frozen form
(:mod:`.forms`) carrying the version its screen showed; results are the plain rows of
:mod:`.rows`. ID and phone numbers are masked; roles in ``SEES_FULL_NUMBERS`` reveal one at a time,
audited (:func:`reveal_id_number`). Callers write ``from laoshan_desk.services import
preservation as svc``.
"""

from __future__ import annotations

from laoshan_desk.services.imports import ImportReport
from laoshan_desk.services.preservation.assets import IMPORT_COLUMNS, add_asset, import_assets, remove_asset
from laoshan_desk.services.preservation.cases import decide, register_case, reveal_id_number, save_review
from laoshan_desk.services.preservation.common import APPROVE, DECIDE, EDIT, STALE, VIEW, reminder_days
from laoshan_desk.services.preservation.export import export_cases, statistics
from laoshan_desk.services.preservation.exposure import respondent_exposure
from laoshan_desk.services.preservation.forms import (
    AdjustForm,
    ApprovalForm,
    AssetForm,
    AssetRemoval,
    CaseFilter,
    CaseForm,
    CaseRef,
    DecisionForm,
    GuaranteeForm,
    GuaranteeReleaseForm,
    ImportForm,
    LawsuitForm,
    MeasuresForm,
    ReleaseApplicationForm,
    ReleaseForm,
    RenewalForm,
    ReviewForm,
)
from laoshan_desk.services.preservation.measures import (
    record_lawsuit,
    record_measures,
    record_release_application,
    renew_measure,
)
from laoshan_desk.services.preservation.plan import adjust, approve_basic_account, current_plan, propose
from laoshan_desk.services.preservation.plan_file import plan_from_json
from laoshan_desk.services.preservation.release import add_guarantee, preview_release, release_all, release_on_guarantee
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
    MeasureRow,
    PlanView,
    ReleaseResult,
    ReleaseRow,
    RenewalResult,
    RespondentRow,
    ReviewRow,
    SelectionRow,
    Statistics,
)
from laoshan_desk.services.preservation.views import case_detail, count_cases, list_cases, list_respondents

__all__ = [
    "APPROVE",
    "AdjustForm",
    "ApprovalForm",
    "AssetForm",
    "AssetRemoval",
    "AssetRow",
    "CaseDetail",
    "CaseFilter",
    "CaseForm",
    "CaseRef",
    "GuaranteeReleaseForm",
    "CaseRow",
    "ClockRow",
    "DECIDE",
    "DecisionForm",
    "EDIT",
    "ExclusionRow",
    "Exposure",
    "ExposureCase",
    "FrozenAccount",
    "GuaranteeForm",
    "GuaranteeRow",
    "IMPORT_COLUMNS",
    "ImportForm",
    "ImportReport",
    "LawsuitForm",
    "MeasureRow",
    "RenewalResult",
    "MeasuresForm",
    "PlanView",
    "ReleaseApplicationForm",
    "ReleaseForm",
    "ReleaseResult",
    "ReleaseRow",
    "RenewalForm",
    "RespondentRow",
    "ReviewForm",
    "ReviewRow",
    "STALE",
    "SelectionRow",
    "Statistics",
    "VIEW",
    "add_asset",
    "add_guarantee",
    "adjust",
    "approve_basic_account",
    "case_detail",
    "count_cases",
    "current_plan",
    "decide",
    "export_cases",
    "import_assets",
    "list_cases",
    "list_respondents",
    "plan_from_json",
    "preview_release",
    "propose",
    "record_lawsuit",
    "record_measures",
    "record_release_application",
    "register_case",
    "release_all",
    "release_on_guarantee",
    "reminder_days",
    "remove_asset",
    "renew_measure",
    "respondent_exposure",
    "reveal_id_number",
    "save_review",
    "statistics",
]
