"""The preservation area's documents: the court papers (:mod:`.papers`) and the case workbook (:mod:`.workbook`).

Plain data in (the dataclasses defined here), PDF bytes or an ``.xlsx`` file out; no database, no Qt.
"""

from __future__ import annotations

from laoshan_desk.documents.preservation.papers import (
    AssistanceData,
    Line,
    ReleaseData,
    RulingData,
    assistance_notice,
    cn_date,
    release_ruling,
    rmb_upper,
    ruling,
    texts,
)
from laoshan_desk.documents.preservation.workbook import CASE_COLUMNS, case_rows, write_workbook

__all__ = [
    "CASE_COLUMNS",
    "AssistanceData",
    "Line",
    "ReleaseData",
    "RulingData",
    "assistance_notice",
    "case_rows",
    "cn_date",
    "release_ruling",
    "rmb_upper",
    "ruling",
    "texts",
    "write_workbook",
]
