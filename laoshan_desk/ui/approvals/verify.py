"""核验证照: is a printed certificate genuine and current?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    CertificateStatus,
)
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_verify_dialog import Ui_ApprovalsVerifyDialog


# -- certificates ------------------------------------------------------------------------------
class VerifyDialog(QDialog):
    COLOURS = {
        CertificateStatus.GENUINE: "#2E9D46",
        CertificateStatus.REVOKED: "#E6A700",
        CertificateStatus.UNKNOWN: "#D6322F",
    }

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsVerifyDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.verdict: svc.Verdict | None = None
        self.ui.verifyButton.clicked.connect(self.check)
        self.ui.codeEdit.returnPressed.connect(self.check)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")

    def check(self) -> None:
        text = self.ui.codeEdit.text().strip()
        if text.upper().startswith("LSDESK:"):
            text = text[7:]
        try:
            self.verdict = svc.verify(self.ctx.db, self.ctx.actor, text)
        except DeskError as exc:
            self.verdict = None
            self.ui.verdictLabel.setText(f"<b style='color:#D6322F'>{exc.message}</b>")
            self.ui.detailLabel.setText("")
            return
        v = self.verdict
        self.ui.verdictLabel.setText(f"<b style='font-size:15px; color:{self.COLOURS[v.status]}'>{v.message}</b>")
        c = v.certificate
        self.ui.detailLabel.setText(
            ""
            if c is None
            else (
                f"{c.title}　编号：{c.number}\n持证单位：{c.holder}（{c.credit_code}）\n"
                f"许可事项：{c.item_code} {c.item_name}\n发证部门：{c.department}　发证日期：{c.issued_on.isoformat()}"
                + (f"\n撤销原因：{c.revoked_reason}" if c.revoked else "")
            )
        )
