"""The 文书 tab of a project's page: the one-time notice, the reverse-schedule table (PDF and
Excel) and the certificates, each previewed (printing or saving audited once, by the preview)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.common import AREA, preview_pdf
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.dialogs import tell
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, documents_folder
from laoshan_desk.ui.context import DeskContext


class PapersMixin(QWidget):
    """The base of :class:`ProjectPage` holding its papers (the page provides ``ctx``, ``view``, ``tabs``,
    ``dialog``, ``_need_item`` and ``reload``)."""

    ctx: DeskContext
    view: svc.ProjectView | None
    tabs: QTabWidget
    dialog: QDialog | None

    def _need_item(self) -> svc.ItemRow | None: ...

    def reload(self) -> None: ...

    def _build_documents(self) -> None:
        page = QWidget()
        box = QGroupBox("打印与导出")
        grid = QGridLayout(box)
        entries = [
            (
                "一次告知书",
                "每个必办事项的申请材料、办理部门、责任人和节点日期，以及自办和无需办理事项的理由",
                self.notice,
            ),
            ("倒排工期表（PDF）", "必办事项的最早、最迟日期和机动时间，按亮灯着色", self.schedule_pdf),
            ("倒排工期表（Excel）", "同上，另附按日挂图", self.schedule_excel),
            ("证照", "为已销号事项出具许可证照，带核验二维码", self.certificate),
        ]
        self.document_buttons: dict[str, QPushButton] = {}
        for row, (text, hint, slot) in enumerate(entries):
            button = QPushButton(text)
            button.setMinimumWidth(180)
            button.clicked.connect(slot)
            grid.addWidget(button, row, 0)
            label = QLabel(hint)
            label.setWordWrap(True)
            grid.addWidget(label, row, 1)
            self.document_buttons[text] = button
        self.certificates_label = QLabel()
        self.certificates_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(box)
        layout.addWidget(self.certificates_label)
        layout.addStretch(1)
        self.tabs.addTab(page, "文书")

    def _preview(self, data: bytes, title: str, name: str, entity: str, entity_id: Any) -> PdfPreviewDialog:
        dialog = preview_pdf(self, self.ctx, data, title, name, entity, entity_id)
        dialog.open()
        return dialog

    def _paper(self, build: Any, title: str, name: str, entity: str, entity_id: Any) -> PdfPreviewDialog | None:
        outcome = run_action(self, build, title="无法打印")
        if outcome.result is None:
            return None
        return self._preview(outcome.result, title, name, entity, entity_id)

    def notice(self) -> PdfPreviewDialog | None:
        if self.view is None:
            return None
        pid, number = self.view.id, self.view.number
        return self._paper(
            lambda: svc.notice_pdf(self.ctx.db, self.ctx.actor, pid, today=self.ctx.today()),
            "一次告知书",
            f"一次告知书-{number}.pdf",
            "approval_project",
            pid,
        )

    def schedule_pdf(self) -> PdfPreviewDialog | None:
        if self.view is None:
            return None
        pid, number = self.view.id, self.view.number
        return self._paper(
            lambda: svc.schedule_pdf(self.ctx.db, self.ctx.actor, pid, today=self.ctx.today()),
            "倒排工期表",
            f"倒排工期表-{number}.pdf",
            "approval_project",
            pid,
        )

    def schedule_excel(self) -> None:
        if self.view is None:
            return
        suggested = documents_folder() / f"倒排工期表-{self.view.number}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, "导出倒排工期表", str(suggested), "Excel 文件 (*.xlsx)")
        if name:
            self.export_schedule(Path(name))

    def export_schedule(self, path: Path) -> Outcome[Path]:
        """Write the workbook off the GUI thread; say where it went."""
        assert self.view is not None
        pid = self.view.id
        return run_action(
            self,
            lambda: svc.schedule_excel(self.ctx.db, self.ctx.actor, pid, path, now=self.ctx.now()),
            done=self._exported,
            area=AREA,
            background=True,
            progress="正在导出倒排工期表…",
        )

    def _exported(self, target: Path) -> None:
        tell(self, "已导出", f"倒排工期表已写入：\n{target}")

    def certificate(self) -> PdfPreviewDialog | None:
        item = self._need_item()
        if item is None:
            return None

        def issue() -> tuple[svc.CertificateInfo, bytes]:
            info = svc.issue_certificate(self.ctx.db, self.ctx.actor, svc.IssueForm(item.id), now=self.ctx.now())
            return info, svc.certificate_pdf(self.ctx.db, self.ctx.actor, info.id)

        outcome = run_action(self, issue, title="无法出具证照", refresh=self.reload, area=AREA)
        if outcome.result is None:
            return None
        info, data = outcome.result
        return self._preview(data, info.title, f"{info.title}-{info.number}.pdf", "approval_certificate", info.id)
