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
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
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
        # A code that cannot be one (wrong length, characters) is said in the verdict line.
        self.errors = FieldErrors({}, self.ui.verdictLabel)

    def check(self) -> None:
        text = self.ui.codeEdit.text().strip()
        if text.upper().startswith("LSDESK:"):
            text = text[7:]
        self.verdict = None
        self.ui.detailLabel.setText("")
        run_action(self, lambda: svc.verify(self.ctx.db, self.ctx.actor, text), errors=self.errors, done=self._show)

    def _show(self, v: svc.Verdict) -> None:
        self.verdict = v
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
