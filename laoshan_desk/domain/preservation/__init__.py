"""Property preservation review (财产保全审查): the pure rules behind the court's three steps.

Step 1, necessity (能不保就不保): :func:`assess_necessity` (:mod:`.necessity`) reads the
respondent's operation and solvency and says whether the claim looks safe without preservation.
Step 2, scope (能部分保就不全部保): :func:`propose_plan` (:mod:`.plan`, searching with
:mod:`.search`) proposes the least-harm plan, :func:`adjust_plan` (:mod:`.adjust`) re-checks a
judge's changes, :func:`release_advice` (:mod:`.release`) says what a new guarantee frees. Step 3,
speed (能快保就不慢保): ruling, execution and lawsuit deadlines (:mod:`.deadlines`), freeze terms
and their lights (:mod:`.terms`). The codes and their Chinese words are in :mod:`.vocabulary`, the
checked inputs in :mod:`.inputs` and :mod:`.parties`.

Sources (docs/rules.md §preservation-*): Civil Procedure Law arts. 103–107 (48 hours, 30 days to
sue, scope of the claim, release on guarantee); the Supreme People's Court's provisions on
handling property-preservation cases (2016, amended 2020; "《财产保全规定》" below) arts. 4, 5, 13,
15, 18, 22; the Judicial Interpretation of the CPL art. 485 (freeze terms); the Regulation on
Guaranteeing Payment of Migrant Workers' Wages art. 33 (wage accounts never frozen); the SPC's
rule that property is not seized "clearly beyond the amount" (不得明显超标的额查封), which is what
:class:`ExcessRule` measures. "Think twice before the basic account" is the district court's own
rule, not a statute, and the messages say so.
"""

from __future__ import annotations

from laoshan_desk.domain.preservation.adjust import adjust_plan, check_selection
from laoshan_desk.domain.preservation.deadlines import (
    LAWSUIT_WARN_BEFORE,
    WARN_BEFORE,
    Deadline,
    clock_light,
    enforcement_application_due,
    execution_limit,
    lawsuit_due,
    plan_deadlines,
    release_ruling_due,
    ruling_due,
    statutory_ruling_limit,
    step_light,
)
from laoshan_desk.domain.preservation.inputs import (
    CENT,
    MAX_AMOUNT,
    ZERO,
    Asset,
    ExcessRule,
    Guarantee,
    member,
    money,
    valid_guarantee_total,
    yes_no,
)
from laoshan_desk.domain.preservation.necessity import (
    NecessityAdvice,
    Solvency,
    applicant_guarantee_required,
    assess_necessity,
)
from laoshan_desk.domain.preservation.parties import check_party_number, looks_like_enterprise, shown_number
from laoshan_desk.domain.preservation.plan import Exclusion, Plan, Selection, propose_plan
from laoshan_desk.domain.preservation.release import (
    DISPUTED_CONSENT_RULE,
    ReleaseAdvice,
    release_advice,
    release_ruling_number,
    short_guarantees,
)
from laoshan_desk.domain.preservation.terms import (
    DEFAULT_REMINDER_DAYS,
    RENEWAL_APPLICATION_DAYS,
    FreezeTerm,
    expiry_light,
    expiry_note,
    freeze_term,
    late_renewal_warning,
    repeat_kind,
    stored_term,
    term_category,
    term_light,
)
from laoshan_desk.domain.preservation.vocabulary import (
    ASSET_KIND_EXAMPLES,
    AccountKind,
    ApplicantGuarantee,
    AssetSource,
    AssetType,
    CaseKind,
    CaseStatus,
    ClockEvent,
    Decision,
    GuaranteeType,
    Measure,
    MeasureStatus,
    NoteKind,
    Paper,
    PartyKind,
    PlanStage,
    ReleaseReason,
    RepeatKind,
    TermCategory,
    Tier,
    asset_kind_from_word,
)

__all__ = [
    "ASSET_KIND_EXAMPLES",
    "AccountKind",
    "ApplicantGuarantee",
    "Asset",
    "AssetSource",
    "AssetType",
    "CENT",
    "CaseKind",
    "CaseStatus",
    "ClockEvent",
    "DEFAULT_REMINDER_DAYS",
    "Deadline",
    "Decision",
    "ExcessRule",
    "Exclusion",
    "FreezeTerm",
    "Guarantee",
    "GuaranteeType",
    "LAWSUIT_WARN_BEFORE",
    "MAX_AMOUNT",
    "Measure",
    "MeasureStatus",
    "NecessityAdvice",
    "NoteKind",
    "Paper",
    "PartyKind",
    "Plan",
    "PlanStage",
    "RENEWAL_APPLICATION_DAYS",
    "ReleaseAdvice",
    "ReleaseReason",
    "Selection",
    "Solvency",
    "TermCategory",
    "Tier",
    "WARN_BEFORE",
    "ZERO",
    "adjust_plan",
    "applicant_guarantee_required",
    "assess_necessity",
    "asset_kind_from_word",
    "check_party_number",
    "check_selection",
    "clock_light",
    "enforcement_application_due",
    "execution_limit",
    "expiry_light",
    "expiry_note",
    "late_renewal_warning",
    "repeat_kind",
    "RepeatKind",
    "freeze_term",
    "lawsuit_due",
    "release_ruling_due",
    "looks_like_enterprise",
    "member",
    "money",
    "plan_deadlines",
    "propose_plan",
    "release_advice",
    "DISPUTED_CONSENT_RULE",
    "release_ruling_number",
    "short_guarantees",
    "ruling_due",
    "shown_number",
    "statutory_ruling_limit",
    "step_light",
    "stored_term",
    "term_category",
    "term_light",
    "valid_guarantee_total",
    "yes_no",
]
