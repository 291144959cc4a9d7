"""日调度 and 周通报: the morning call's list (printable) and the weekly bulletin (Excel and PDF)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    DispatchBucket,
)
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.common import AREA, preview_pdf, pydate, qdate, setup_table
from laoshan_desk.ui.approvals.models import DISPATCH_COLUMNS
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.dialogs import tell
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, documents_folder
from laoshan_desk.ui.common.table_model import ListTableModel
from laoshan_desk.ui.context import DeskContext


class DispatchDialog(QDialog):
    """日调度: every item due today, within 2 working days, or late, by department; printable."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("日调度")
        self.resize(1200, 640)
        self.ctx = ctx
        self.dateEdit = QDateEdit(qdate(ctx.today()))
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("yyyy-MM-dd")
        self.departmentCombo = QComboBox()
        self.departmentCombo.addItem("全部部门", "")
        for dept in svc.departments(ctx.db, ctx.actor):
            self.departmentCombo.addItem(dept, dept)
        self.printButton = QPushButton("打印调度单…")
        self.printButton.clicked.connect(self.print_preview)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("调度日期"))
        bar.addWidget(self.dateEdit)
        bar.addWidget(QLabel("部门"))
        bar.addWidget(self.departmentCombo)
        bar.addStretch(1)
        bar.addWidget(self.printButton)
        self.summary = QLabel()
        self.model = ListTableModel(DISPATCH_COLUMNS, parent=self)
        self.view = QTableView()
        setup_table(self.view, self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.dateEdit.dateChanged.connect(self.reload)
        self.departmentCombo.currentIndexChanged.connect(self.reload)
        self.report: svc.DispatchReport | None = None
        self.reload()

    def reload(self) -> None:
        self.report = svc.dispatch(
            self.ctx.db,
            self.ctx.actor,
            today=pydate(self.dateEdit.date()),
            department=self.departmentCombo.currentData() or None,
        )
        rows = [r for rows in self.report.by_department().values() for r in rows]
        self.model.set_rows(rows)
        r = self.report
        self.summary.setText(
            f"超期 {r.count(DispatchBucket.LATE)} 项 · 计划不可行 {r.count(DispatchBucket.INFEASIBLE)} 项 · "
            f"今日到期 {r.count(DispatchBucket.TODAY)} 项 · 2个工作日内到期 {r.count(DispatchBucket.SOON)} 项 · "
            f"涉及 {len(r.by_department())} 个部门"
        )

    def print_preview(self) -> PdfPreviewDialog | None:
        day = pydate(self.dateEdit.date())
        outcome = run_action(
            self,
            lambda: svc.dispatch_pdf(
                self.ctx.db, self.ctx.actor, today=day, department=self.departmentCombo.currentData() or None
            ),
            title="无法打印",
        )
        if not outcome.ok or outcome.result is None:
            return None
        dialog = preview_pdf(
            self, self.ctx, outcome.result, "日调度单", f"日调度单-{day.isoformat()}.pdf", "approval_dispatch", None
        )
        dialog.open()
        return dialog


class BulletinDialog(QDialog):
    """周通报: the week's Excel (projects, late items, department ranking with chart) and PDF."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("周通报")
        self.ctx = ctx
        self.dialog: QDialog | None = None  # a message open over the bulletin, if any
        self.weekEdit = QLineEdit(svc.week_of(ctx.today()))
        self.weekEdit.setPlaceholderText("2026-W48")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        excel = QPushButton("导出 Excel…")
        excel.clicked.connect(self.export_dialog)
        pdf = QPushButton("预览 PDF…")
        pdf.clicked.connect(self.preview)
        form = QFormLayout()
        form.addRow("周次", self.weekEdit)
        row = QHBoxLayout()
        row.addWidget(excel)
        row.addWidget(pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.errors = FieldErrors({"week": self.weekEdit}, self.summary)
        self.resize(460, 200)

    def _summarise(self, b: svc.Bulletin) -> None:
        t = b.totals
        self.summary.setStyleSheet("")
        self.summary.setText(
            f"{b.week}（{b.start}～{b.end}）：项目 {t.projects} 个，本周销号 {t.done_this_week} 项，"
            f"超期未办 {t.overdue} 项，按期率 {t.rate_text}"
        )

    def bulletin(self) -> svc.Bulletin | None:
        outcome = run_action(
            self,
            lambda: svc.weekly_bulletin(self.ctx.db, self.ctx.actor, self.weekEdit.text(), today=self.ctx.today()),
            errors=self.errors,
            done=self._summarise,
        )
        return outcome.result

    def export_to(self, path: Path) -> Outcome[svc.Bulletin]:
        """Write the workbook off the GUI thread (a bad week is told beside the week field)."""
        week = self.weekEdit.text()
        return run_action(
            self,
            lambda: svc.write_bulletin(self.ctx.db, self.ctx.actor, week, path, now=self.ctx.now()),
            errors=self.errors,
            done=lambda b: self._exported(b, path),
            area=AREA,
            background=True,
            progress="正在生成周通报…",
        )

    def _exported(self, b: svc.Bulletin, path: Path) -> None:
        self._summarise(b)
        tell(self, "已导出", f"周通报已写入：\n{path}")

    def export_dialog(self) -> None:
        suggested = documents_folder() / f"周通报-{self.weekEdit.text()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, "导出周通报", str(suggested), "Excel 文件 (*.xlsx)")
        if name:
            self.export_to(Path(name))

    def preview(self) -> PdfPreviewDialog | None:
        b = self.bulletin()
        if b is None:
            return None
        outcome = run_action(
            self, lambda: svc.bulletin_pdf(self.ctx.db, self.ctx.actor, b.week, today=self.ctx.today())
        )
        if outcome.result is None:
            return None
        dialog = preview_pdf(
            self, self.ctx, outcome.result, f"周通报 {b.week}", f"周通报-{b.week}.pdf", "approval_bulletin", b.week
        )
        dialog.open()
        return dialog
