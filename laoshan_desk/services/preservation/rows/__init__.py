"""The plain data the preservation services hand to the UI and the CLI (never ORM objects).

Codes are the domain's Labelled enums (a ``str`` each, so ``row.status == "executed"`` holds);
the ``*_label`` properties give the Chinese word. Personal numbers are already masked.
"""

from __future__ import annotations

from .case import (
    AssetRow,
    CaseDetail,
    CaseRow,
    ClockRow,
    ExclusionRow,
    GuaranteeRow,
    MeasureRow,
    PlanView,
    ReleaseRow,
    RenewalResult,
    ReviewRow,
    SelectionRow,
)
from .reports import Exposure, ExposureCase, FrozenAccount, ReleaseResult, RespondentRow, Statistics

__all__ = [
    "AssetRow",
    "CaseDetail",
    "CaseRow",
    "ClockRow",
    "ExclusionRow",
    "Exposure",
    "ExposureCase",
    "FrozenAccount",
    "GuaranteeRow",
    "MeasureRow",
    "PlanView",
    "ReleaseResult",
    "ReleaseRow",
    "RenewalResult",
    "RespondentRow",
    "ReviewRow",
    "SelectionRow",
    "Statistics",
]
