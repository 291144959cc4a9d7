"""审批点菜单 papers, from the services' plain data to PDF bytes or workbook files:

    notice       一次告知书, the one-time notice
    certificate  a licence or permit with its QR verification code
    schedule     倒排工期表, the reverse-schedule table (PDF; workbook with a wall-chart sheet)
    dispatch     日调度单, the morning call's list
    bulletin     周通报, the weekly bulletin (workbook with chart; PDF)

Callers write ``from laoshan_desk.documents import approvals as docs`` and ``docs.one_time_notice(...)``.
"""

from laoshan_desk.documents.approvals.bulletin import RATE_GREEN, RATE_YELLOW, bulletin_excel, bulletin_pdf, rate_light
from laoshan_desk.documents.approvals.certificate import certificate_pdf
from laoshan_desk.documents.approvals.common import ISSUER, LIGHT_FILLS
from laoshan_desk.documents.approvals.dispatch import BUCKET_LABELS, dispatch_pdf
from laoshan_desk.documents.approvals.notice import one_time_notice
from laoshan_desk.documents.approvals.schedule import SCHEDULE_HEADERS, schedule_excel, schedule_pdf

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
