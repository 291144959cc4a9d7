"""The licence / permit of a finished item, with its QR verification code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from laoshan_desk.documents.approvals.common import ISSUER, cn_day
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


def certificate_pdf(info: CertificatePaper, *, issuer: str = ISSUER) -> bytes:
    """A licence / permit with its number and a QR code holding the verification code
    (docs/rules.md §approvals-certificates)."""
    code = format_verification_code(info.verification_code)
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
            issuer=issuer,
            body=body,
            signature=info.department or issuer,
            date=info.issued_on,
            qr_data=f"LSDESK:{info.verification_code}",
            qr_caption=f"核验码 {code}：扫描二维码或在崂山政务窗口桌面“核验证照”中输入核验码，"
            f"可查验本证照是否真实有效（laoshan-desk verify {code}）。",
            footer=f"项目：{info.project_name}（{info.project_number}）",
            subject=f"证照 {info.number}",
        )
    )
