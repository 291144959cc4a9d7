"""New project: the enterprise, the street, the dates, and the order from the menu (点菜单)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    Classification,
)
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import org
from laoshan_desk.ui.approvals.common import CLASS_ORDER, _ok_cancel, pydate, qdate
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_project_dialog import Ui_ApprovalsProjectDialog

# -- intake: ordering from the menu ------------------------------------------------------------


class NewProjectDialog(QDialog):
    """New project: the enterprise, the street, the dates, and the order from the menu."""

    COLUMNS = ["编码", "事项", "办理部门", "时限", "分类", "理由"]

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsProjectDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.project_id: uuid.UUID | None = None
        self.catalog = {r.code: r for r in svc.list_catalog(ctx.db, ctx.actor)}
        for street in org.units(ctx.db, "street"):
            self.ui.streetCombo.addItem(street.name, street.id)
        self.ui.typeCombo.addItem("（自定义，不用模板）", "")
        for t in svc.list_templates(ctx.db, ctx.actor):
            self.ui.typeCombo.addItem(f"{t.name}（{len(t.entries)} 项）", t.code)
        for r in self.catalog.values():
            if r.active:
                self.ui.addCombo.addItem(f"{r.code} {r.name}（{r.department}）", r.code)
        today = ctx.today()
        self.ui.startEdit.setDate(qdate(today))
        self.ui.targetEdit.setDate(qdate(today + dt.timedelta(days=90)))
        table = self.ui.itemsTable
        table.setColumnCount(len(self.COLUMNS))
        table.setHorizontalHeaderLabels(self.COLUMNS)
        for i, w in enumerate([62, 300, 140, 50, 100, 360]):
            table.setColumnWidth(i, w)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(26)
        self.errors = FieldErrors(
            {
                "name": self.ui.nameEdit,
                "enterprise": self.ui.enterpriseEdit,
                "credit_code": self.ui.creditCodeEdit,
                "contact_name": self.ui.contactEdit,
                "contact_phone": self.ui.phoneEdit,
                "street": self.ui.streetCombo,
                "start_date": self.ui.startEdit,
                "target_date": self.ui.targetEdit,
                "items": table,
            },
            self.ui.errorLabel,
        )
        _ok_cancel(self.ui.buttonBox, "建立项目并倒排工期")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.typeCombo.currentIndexChanged.connect(self._template_changed)
        self.ui.addButton.clicked.connect(lambda: self.add_item(self.ui.addCombo.currentData()))
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.drafts = DraftKeeper(
            ctx,
            "approvals.intake",
            {
                "name": self.ui.nameEdit,
                "enterprise": self.ui.enterpriseEdit,
                "credit_code": self.ui.creditCodeEdit,
                "contact": self.ui.contactEdit,
                "phone": self.ui.phoneEdit,
                "address": self.ui.addressEdit,
            },
            parent=self,
        )
        self.drafts.restore()

    # -- the menu ------------------------------------------------------------------------------
    def select_template(self, code: str) -> None:
        index = self.ui.typeCombo.findData(code)
        if index >= 0:
            self.ui.typeCombo.setCurrentIndex(index)

    def _template_changed(self) -> None:
        code = self.ui.typeCombo.currentData()
        self.ui.itemsTable.setRowCount(0)
        if code:
            for line in svc.order_from_template(self.ctx.db, self.ctx.actor, code):
                self._append(line.code, Classification(line.classification), line.reason)
        self._summary()

    def _append(self, code: str, cls: Classification, reason: str) -> None:
        row_data = self.catalog.get(code)
        table = self.ui.itemsTable
        row = table.rowCount()
        table.insertRow(row)
        for col, text in enumerate(
            [
                code,
                row_data.name if row_data else code,
                row_data.department if row_data else "",
                str(row_data.committed_days) if row_data else "",
            ]
        ):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, col, cell)
        combo = QComboBox()
        for c in CLASS_ORDER:
            combo.addItem(c.label, c.value)
        combo.setCurrentIndex(CLASS_ORDER.index(cls))
        combo.currentIndexChanged.connect(self._summary)
        table.setCellWidget(row, 4, combo)
        table.setItem(row, 5, QTableWidgetItem(reason))

    def add_item(self, code: str | None) -> None:
        if not code:
            return
        if code in self.codes():
            QMessageBox.information(self, "已在点菜单中", f"事项 {code} 已在点菜单中")
            return
        self._append(code, Classification.MUST_DO, "")
        self.ui.itemsTable.scrollToBottom()
        self._summary()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.ui.itemsTable.selectedIndexes()}, reverse=True)
        for row in rows:
            self.ui.itemsTable.removeRow(row)
        self._summary()

    def codes(self) -> list[str]:
        return [self.ui.itemsTable.item(r, 0).text() for r in range(self.ui.itemsTable.rowCount())]

    def set_class(self, code: str, cls: Classification | str, reason: str | None = None) -> None:
        row = self.codes().index(code)
        combo = self.ui.itemsTable.cellWidget(row, 4)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(CLASS_ORDER.index(Classification(cls)))
        if reason is not None:
            self.ui.itemsTable.item(row, 5).setText(reason)

    def lines(self) -> list[svc.OrderLine]:
        out = []
        table = self.ui.itemsTable
        for r in range(table.rowCount()):
            combo = table.cellWidget(r, 4)
            assert isinstance(combo, QComboBox)
            reason_item = table.item(r, 5)
            out.append(
                svc.OrderLine(
                    table.item(r, 0).text(), combo.currentData(), reason_item.text().strip() if reason_item else ""
                )
            )
        return out

    def _summary(self) -> None:
        lines = self.lines()
        counts = {c: sum(1 for line in lines if line.classification == c.value) for c in CLASS_ORDER}
        self.ui.summaryLabel.setText(
            f"共点选 {len(lines)} 项：" + "，".join(f"{c.label} {n} 项" for c, n in counts.items())
        )

    # -- saving --------------------------------------------------------------------------------
    def data(self) -> svc.ProjectInput:
        return svc.ProjectInput(
            name=self.ui.nameEdit.text(),
            enterprise=self.ui.enterpriseEdit.text(),
            credit_code=self.ui.creditCodeEdit.text(),
            street=self.ui.streetCombo.currentData(),
            start_date=pydate(self.ui.startEdit.date()),
            target_date=pydate(self.ui.targetEdit.date()),
            contact_name=self.ui.contactEdit.text(),
            contact_phone=self.ui.phoneEdit.text(),
            address=self.ui.addressEdit.text(),
            project_type=self.ui.typeCombo.currentData() or "",
            menu_issued_on=self.ctx.today(),
            items=self.lines(),
        )

    def save(self) -> bool:
        self.errors.clear()
        try:
            data = self.data()
            self.project_id = svc.create_project(
                self.ctx.db, self.ctx.actor, data, require_contact=True, now=self.ctx.now()
            )
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.drafts.discard()
        self.accept()
        return True
