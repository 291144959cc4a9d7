"""The 兴商护航联盟 papers: coordination letters, complaint notices, the quarterly report.

Plain data in (frozen dataclasses the services fill), bytes or a workbook out, through the desk's
one PDF builder (:mod:`laoshan_desk.documents.pdf`, GB/T 9704) and Excel writer
(:mod:`laoshan_desk.documents.excel`). Fixed wording: ``reports/alliance/papers.json``.
"""

from laoshan_desk.documents.alliance.letters import (
    CoordinationLetterData,
    NoticeData,
    PushLine,
    PushListData,
    acceptance_notice,
    coordination_letter,
    push_list,
    rejection_notice,
    termination_notice,
)
from laoshan_desk.documents.alliance.quarterly import QuarterLine, QuarterlyData, quarterly_pdf, quarterly_workbook

__all__ = [
    "CoordinationLetterData",
    "NoticeData",
    "PushLine",
    "PushListData",
    "QuarterLine",
    "QuarterlyData",
    "acceptance_notice",
    "coordination_letter",
    "push_list",
    "quarterly_pdf",
    "quarterly_workbook",
    "rejection_notice",
    "termination_notice",
]
