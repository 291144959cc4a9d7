"""审批点菜单 papers, from the services' plain data to PDF bytes or workbook files:

    notice       一次告知书, the one-time notice
    certificate  a licence or permit with its QR verification code
    schedule     倒排工期表, the reverse-schedule table (PDF; workbook with a wall-chart sheet)
    dispatch     日调度单, the morning call's list
    bulletin     周通报, the weekly bulletin (workbook with chart; PDF)

The papers read plain data this layer defines (:class:`ProjectPaper`, :class:`CertificatePaper`,
:class:`DispatchReport`, :class:`Bulletin`), filled by the services. Callers write
``from laoshan_desk.documents import approvals as docs`` and ``docs.one_time_notice(...)``.
"""

from laoshan_desk.documents.approvals.bulletin import (
    Bulletin,
    BulletinProject,
    BulletinTotals,
    DepartmentRank,
    LateItem,
    bulletin_excel,
    bulletin_pdf,
    percent,
)
from laoshan_desk.documents.approvals.certificate import CertificatePaper, certificate_pdf
from laoshan_desk.documents.approvals.common import (
    ISSUER,
    LIGHT_FILLS,
    PaperItem,
    PaperMove,
    ProjectPaper,
    authority_name,
)
from laoshan_desk.documents.approvals.dispatch import NO_DEPARTMENT, DispatchReport, DispatchRow, dispatch_pdf
from laoshan_desk.documents.approvals.notice import one_time_notice
from laoshan_desk.documents.approvals.project_list import ProjectList, ProjectListLine, project_list_excel
from laoshan_desk.documents.approvals.schedule import SCHEDULE_HEADERS, schedule_excel, schedule_pdf

__all__ = [
    "ProjectList",
    "ProjectListLine",
    "project_list_excel",
    "ISSUER",
    "authority_name",
    "LIGHT_FILLS",
    "NO_DEPARTMENT",
    "SCHEDULE_HEADERS",
    "Bulletin",
    "BulletinProject",
    "BulletinTotals",
    "CertificatePaper",
    "DepartmentRank",
    "DispatchReport",
    "DispatchRow",
    "LateItem",
    "PaperItem",
    "PaperMove",
    "ProjectPaper",
    "bulletin_excel",
    "bulletin_pdf",
    "certificate_pdf",
    "dispatch_pdf",
    "one_time_notice",
    "percent",
    "schedule_excel",
    "schedule_pdf",
]
