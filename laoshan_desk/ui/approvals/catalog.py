"""事项库: browsing the catalog; admins add, edit, withdraw, import and export items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import LimitKind
from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.common import AREA, ok_cancel, setup_table
from laoshan_desk.ui.approvals.models import CATALOG_COLUMNS
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.dialogs import open_dialog, tell
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import documents_folder
from laoshan_desk.ui.common.table_model import ListTableModel
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_catalog_item_dialog import Ui_ApprovalsCatalogItemDialog


# -- catalog admin -----------------------------------------------------------------------------
class CatalogItemDialog(QDialog):
    def __init__(self, ctx: DeskContext, row: svc.CatalogRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsCatalogItemDialog()
        self.ui.setupUi(self)
        self.ctx, self.row = ctx, row
        self.ui.departmentCombo.addItems(svc.departments(ctx.db, ctx.actor))
        self.ui.preReviewCheck.setChecked(True)
        self.ui.feeEdit.setText("0.00")
        for kind in LimitKind:  # docs/rules.md §approvals-time-limits
            self.ui.limitKindCombo.addItem(kind.label, kind.value)
        self.ui.limitKindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if row is not None:
            self.setWindowTitle(f"修改事项 {row.code}")
            self.ui.codeEdit.setText(row.code)
            self.ui.codeEdit.setReadOnly(True)
            self.ui.nameEdit.setText(row.name)
            self.ui.departmentCombo.setCurrentText(row.department)
            self.ui.stageEdit.setText(row.stage)
            self.ui.limitKindCombo.setCurrentIndex(self.ui.limitKindCombo.findData(row.limit_kind.value))
            self.ui.statutorySpin.setValue(row.statutory_days)  # 0 shows 无法定时限
            self.ui.committedSpin.setValue(row.committed_days)
            self.ui.materialsEdit.setPlainText("\n".join(row.materials))
            self.ui.basisEdit.setPlainText("\n".join(row.legal_basis))
            if row.unverified:
                self.ui.basisEdit.setToolTip("未核验：" + "；".join(row.unverified))
            self.ui.prereqEdit.setText("；".join(row.prerequisites))
            self.ui.certificateEdit.setText(row.certificate or "")
            self.ui.feeEdit.setText(f"{row.fee:.2f}")
            self.ui.preReviewCheck.setChecked(row.pre_review)
            self.ui.inspectionCheck.setChecked(row.site_inspection)
        self.errors = FieldErrors(
            {
                "code": self.ui.codeEdit,
                "name": self.ui.nameEdit,
                "department": self.ui.departmentCombo,
                "committed_days": self.ui.committedSpin,
                "statutory_days": self.ui.statutorySpin,
                "limit_kind": self.ui.limitKindCombo,
                "prerequisites": self.ui.prereqEdit,
                "fee": self.ui.feeEdit,
            },
            self.ui.errorLabel,
        )
        ok_cancel(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _kind_changed(self) -> None:
        """A limit of kind none has no days: the spin box shows 无法定时限 and stays at 0."""
        none = self.ui.limitKindCombo.currentData() == LimitKind.NONE.value
        if none:
            self.ui.statutorySpin.setValue(0)
        elif self.ui.statutorySpin.value() == 0:
            self.ui.statutorySpin.setValue(20)  # the Licensing Law's general limit (art. 42)
        self.ui.statutorySpin.setEnabled(not none)

    def save(self) -> bool:
        form = svc.CatalogItemForm(
            code=self.ui.codeEdit.text(),
            name=self.ui.nameEdit.text(),
            department=self.ui.departmentCombo.currentText(),
            stage=self.ui.stageEdit.text(),
            statutory_days=self.ui.statutorySpin.value(),
            committed_days=self.ui.committedSpin.value(),
            materials=self.ui.materialsEdit.toPlainText(),
            legal_basis=self.ui.basisEdit.toPlainText(),
            prerequisites=self.ui.prereqEdit.text(),
            certificate=self.ui.certificateEdit.text(),
            fee=self.ui.feeEdit.text() or "0",
            pre_review=self.ui.preReviewCheck.isChecked(),
            site_inspection=self.ui.inspectionCheck.isChecked(),
            limit_kind=self.ui.limitKindCombo.currentData(),
            level=self.row.level if self.row else "district",
            unverified=self.row.unverified if self.row else (),
            version=self.row.version if self.row else None,
        )
        return run_action(
            self,
            lambda: svc.save_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=lambda _row: self.accept(),
            area=AREA,
        ).ok


class CatalogDialog(QDialog):
    """事项库: browse the 84 items; admins add, edit, withdraw, import and export."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("审批事项库")
        self.resize(1180, 720)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the item dialog (or a message) open over the list
        self.search = QLineEdit()
        self.search.setPlaceholderText("按编码或名称查找")
        self.search.textChanged.connect(self.reload)
        self.model = ListTableModel(CATALOG_COLUMNS, parent=self)
        self.view = QTableView()
        setup_table(self.view, self.model)
        self.view.doubleClicked.connect(self.edit)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        self.buttons: dict[str, QPushButton] = {}
        editable = ctx.actor.may("approvals.catalog_edit")
        for key, text, slot in (
            ("add", "新增事项", self.add),
            ("edit", "修改", self.edit),
            ("toggle", "停用/启用", self.toggle),
            ("import", "从 Excel 导入…", self.import_dialog),
            ("export", "导出 Excel…", self.export_dialog),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(editable or key == "export")
            bar.addWidget(button)
            self.buttons[key] = button
        self.info = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        self.reload()

    def reload(self) -> None:
        rows = svc.list_catalog(self.ctx.db, self.ctx.actor, text=self.search.text() or None)
        self.model.set_rows(rows)
        unverified = sum(1 for r in rows if r.unverified)
        self.info.setText(
            f"共 {len(rows)} 项（法定时限按各自依据计算：工作日、自然日或无法定时限；倒排工期按承诺的工作日数，"
            f"{unverified} 项有未核验的依据）"
        )

    def current(self) -> svc.CatalogRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add(self) -> CatalogItemDialog:
        dialog = CatalogItemDialog(self.ctx, None, self)
        open_dialog(self, dialog, accepted=self.reload)
        return dialog

    def edit(self, *_: Any) -> CatalogItemDialog | None:
        row = self.current()
        if row is None or not self.ctx.actor.may("approvals.catalog_edit"):
            return None
        dialog = CatalogItemDialog(self.ctx, row, self)
        open_dialog(self, dialog, accepted=self.reload)
        return dialog

    def toggle(self) -> None:
        row = self.current()
        if row is None:
            return
        form = svc.ActiveForm(row.code, not row.active, row.version)
        run_action(
            self,
            lambda: svc.set_active(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            refresh=self.reload,
            area=AREA,
        )

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入事项库", str(documents_folder()), "Excel 文件 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> Outcome[svc.ImportReport]:
        """Read the workbook off the GUI thread; the summary and the first bad rows after."""
        return run_action(
            self,
            lambda: svc.import_excel(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            done=self._imported,
            refresh=self.reload,
            area=AREA,
            background=True,
            progress="正在导入事项库…",
        )

    def _imported(self, report: svc.ImportReport) -> None:
        tell(self, "导入完成", "\n".join(["导入结果：" + report.summary() + "。", *report.lines()]))

    def _exported(self, target: Path) -> None:
        tell(self, "已导出", f"事项库已写入：\n{target}")

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "导出事项库", str(documents_folder() / "审批事项库.xlsx"), "Excel 文件 (*.xlsx)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> Outcome[Path]:
        """Write the workbook off the GUI thread; say where it went."""
        return run_action(
            self,
            lambda: svc.export_excel(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            done=self._exported,
            area=AREA,
            background=True,
            progress="正在导出事项库…",
        )
