"""审批点菜单 papers: the one-time notice, licences with a QR code, the reverse-schedule table
(PDF and Excel), the daily dispatch list and the weekly bulletin (Excel with chart, PDF).

Callers write ``from laoshan_desk.documents import approvals as docs`` and ``docs.one_time_notice(...)``.
"""

from laoshan_desk.documents.approvals.bulletin import (
    BUCKET_LABELS,
    ISSUER,
    LIGHT_FILLS,
    RATE_GREEN,
    RATE_YELLOW,
    SCHEDULE_HEADERS,
    bulletin_excel,
    bulletin_pdf,
    certificate_pdf,
    dispatch_pdf,
    one_time_notice,
    rate_light,
    schedule_excel,
    schedule_pdf,
)

__all__ = [
    "BUCKET_LABELS",
    "ISSUER",
    "LIGHT_FILLS",
    "RATE_GREEN",
    "RATE_YELLOW",
    "SCHEDULE_HEADERS",
    "bulletin_excel",
    "bulletin_pdf",
    "certificate_pdf",
    "dispatch_pdf",
    "one_time_notice",
    "rate_light",
    "schedule_excel",
    "schedule_pdf",
]
