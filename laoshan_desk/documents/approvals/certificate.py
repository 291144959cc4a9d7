"""The licence / permit of a finished item, with its QR verification code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from laoshan_desk.documents.approvals.common import authority_name, cn_day
from laoshan_desk.documents.pdf import KeyValues, Notice, render
from laoshan_desk.domain.approvals import format_verification_code


@dataclasses.dataclass(frozen=True)
class CertificatePaper:
    """What a printed licence carries (the service fills it from the certificate row)."""

    number: str
    title: str
    holder: str
    credit_code: str
    address: str
    item_name: str
    department: str
    issued_on: dt.date
    verification_code: str
    project_name: str
    project_number: str
    revoked: bool = False
    revoked_reason: str = ""


def certificate_pdf(info: CertificatePaper) -> bytes:
    """A licence / permit headed and signed by the authority that grants it, with a seal area, its
    number and a QR code holding the verification code (docs/rules.md §approvals-certificates)."""
    code = format_verification_code(info.verification_code)
    authority = authority_name(info.department)
    pairs = [("证照编号", info.number), ("持证单位", info.holder), ("信用代码", info.credit_code)]
    if info.address:
        pairs.append(("经营场所", info.address))
    pairs += [("许可事项", info.item_name), ("发证日期", cn_day(info.issued_on)), ("核验码", code)]
    body: list[Any] = [KeyValues(pairs)]
    if info.revoked:
        body.append(f"注意：本证照已撤销（{info.revoked_reason}），不再有效。")
    return render(
        Notice(
            title=info.title,
            issuer=authority,
            body=body,
            signature=authority,
            seal="（印章）",
            date=info.issued_on,
            qr_data=f"LSDESK:{info.verification_code}",
            qr_caption=f"核验码 {code}。查验本证照真伪：到崂山区政务服务大厅任一窗口出示本证照"
            "或报出核验码，窗口工作人员扫描二维码或输入核验码即可当场核验。",
            footer=f"项目：{info.project_name}（{info.project_number}）",
            subject=f"证照 {info.number}",
        )
    )
