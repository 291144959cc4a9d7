"""Property preservation review (财产保全审查): the pure rules behind the court's three steps.

Step 1, necessity (能不保就不保): :func:`assess_necessity` reads the respondent's operation and
solvency and says whether the claim looks safe without preservation. Step 2, scope
(能部分保就不全部保): :func:`propose_plan` proposes the least-harm plan, :func:`adjust_plan`
re-checks a judge's changes, :func:`release_advice` says what a new guarantee frees. Step 3,
speed (能快保就不慢保): ruling, execution and lawsuit deadlines, freeze terms and their lights.

Sources (see ../shared/rules.md): Civil Procedure Law arts. 103–107 (48 hours, 30 days to sue,
scope of the claim, release on guarantee); the Supreme People's Court's provisions on handling
property-preservation cases (2016, amended 2020; "《财产保全规定》" below) arts. 4, 5, 13, 15, 18,
22; the Judicial Interpretation of the CPL art. 485 (freeze terms); the Regulation on Guaranteeing
Payment of Migrant Workers' Wages art. 33 (wage accounts never frozen); the SPC's rule that
property is not seized "clearly beyond the amount" (不得明显超标的额查封), which is what
:class:`ExcessRule` measures. "Think twice before the basic account" is the district court's own
rule, not a statute, and the messages say so.

Money is ``Decimal`` quantised to fen (0.01); the searches below work in integer fen so that no
rounding can make a plan cover by a fraction.
"""

from __future__ import annotations

from laoshan_desk.domain.preservation.adjust import (
    adjust_plan,
    check_selection,
)
from laoshan_desk.domain.preservation.inputs import (
    Asset,
    ExcessRule,
    Guarantee,
    money,
    valid_guarantee_total,
)
from laoshan_desk.domain.preservation.necessity import (
    NecessityAdvice,
    Solvency,
    applicant_guarantee_required,
    assess_necessity,
)
from laoshan_desk.domain.preservation.plan import (
    Exclusion,
    Plan,
    Selection,
    propose_plan,
)
from laoshan_desk.domain.preservation.release import (
    ReleaseAdvice,
    release_advice,
)
from laoshan_desk.domain.preservation.terms import (
    Deadline,
    FreezeTerm,
    clock_light,
    enforcement_application_due,
    execution_limit,
    freeze_term,
    lawsuit_due,
    plan_deadlines,
    ruling_due,
    statutory_ruling_limit,
    term_category,
    term_light,
)
from laoshan_desk.domain.preservation.vocabulary import (
    AccountKind,
    AssetType,
    CaseKind,
    Decision,
    GuaranteeType,
    Measure,
    TermCategory,
    Tier,
)

__all__ = [
    "AccountKind",
    "Asset",
    "AssetType",
    "CaseKind",
    "Decision",
    "Deadline",
    "ExcessRule",
    "Exclusion",
    "FreezeTerm",
    "Guarantee",
    "GuaranteeType",
    "Measure",
    "NecessityAdvice",
    "Plan",
    "ReleaseAdvice",
    "Selection",
    "Solvency",
    "TermCategory",
    "Tier",
    "adjust_plan",
    "applicant_guarantee_required",
    "assess_necessity",
    "check_selection",
    "clock_light",
    "enforcement_application_due",
    "execution_limit",
    "freeze_term",
    "lawsuit_due",
    "money",
    "plan_deadlines",
    "propose_plan",
    "release_advice",
    "ruling_due",
    "statutory_ruling_limit",
    "term_category",
    "term_light",
    "valid_guarantee_total",
]
