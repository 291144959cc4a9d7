"""The licence / permit of a finished item, with its QR verification code."""

from __future__ import annotations

import datetime as dt
from typing import Any

from laoshan_desk.documents.approvals.common import ISSUER, _cn
from laoshan_desk.documents.pdf import KeyValues, Notice, render
from laoshan_desk.domain.approvals import format_verification_code


# -- certificate -------------------------------------------------------------------------------
def certificate_pdf(info: Any, *, issuer: str = ISSUER, address: str = "", today: dt.date | None = None) -> bytes:
    """A licence / permit with its number and a QR code holding the verification code."""
    code = format_verification_code(info.verification_code)
    pairs = [("证照编号", info.number), ("持证单位", info.holder), ("信用代码", info.credit_code)]
    if address:
        pairs.append(("经营场所", address))
    pairs += [("许可事项", info.item_name), ("发证日期", _cn(info.issued_on)), ("核验码", code)]
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
