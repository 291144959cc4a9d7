"""Dialogs of the 审批点菜单 tab: intake (ordering from the menu), moving an item on, moving a
node, classifying and assigning, the gold team, the task-force log, the catalog admin, the
daily dispatch, the weekly bulletin and verifying a certificate.

Each dialog calls one service and keeps its result (``project_id``, ``result``) for the caller;
``save()`` is what OK does, so tests drive a dialog without exec().
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import (
    CertificateStatus,
    Classification,
    DispatchBucket,
    ItemStatus,
    LogKind,
    TeamRole,
)
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import org, printing
from laoshan_desk.ui.approvals.models import CATALOG_COLUMNS, DISPATCH_COLUMNS, RowsModel
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.errors import FieldErrors, show_error
from laoshan_desk.ui.common.lights import LightDelegate
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, preview_document
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_advance_dialog import Ui_ApprovalsAdvanceDialog
from laoshan_desk.ui.forms.ui_approvals_catalog_item_dialog import Ui_ApprovalsCatalogItemDialog
from laoshan_desk.ui.forms.ui_approvals_log_entry_dialog import Ui_ApprovalsLogEntryDialog
from laoshan_desk.ui.forms.ui_approvals_move_node_dialog import Ui_ApprovalsMoveNodeDialog
from laoshan_desk.ui.forms.ui_approvals_project_dialog import Ui_ApprovalsProjectDialog
from laoshan_desk.ui.forms.ui_approvals_verify_dialog import Ui_ApprovalsVerifyDialog


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _ok_cancel(box: QDialogButtonBox, ok: str = "保存") -> None:
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")


def setup_table(view: QTableView, model: Any, *, light_column: int | None = 0) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    for i, w in enumerate(model.column_widths()):
        view.setColumnWidth(i, w)
    if light_column is not None:
        view.setItemDelegateForColumn(light_column, LightDelegate(view))


def preview_pdf(
    parent: QWidget, ctx: DeskContext, data: bytes, title: str, name: str, entity: str, entity_id: Any
) -> PdfPreviewDialog:
    output = printing.Output(entity, None if entity_id is None else str(entity_id), title)
    return preview_document(parent, ctx, data, output, name)


# -- intake: ordering from the menu ------------------------------------------------------------
CLASS_ORDER = [Classification.MUST_DO, Classification.SELF_HANDLED, Classification.NOT_NEEDED]


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


# -- moving an item on -------------------------------------------------------------------------
class AdvanceDialog(QDialog):
    def __init__(self, ctx: DeskContext, item: svc.ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsAdvanceDialog()
        self.ui.setupUi(self)
        self.ctx, self.item = ctx, item
        self.result_: svc.AdvanceResult | None = None
        self.ui.itemLabel.setText(f"{item.code} {item.name}\n{item.department} · 当前：{item.status_label}")
        for status in item.next_statuses:
            self.ui.statusCombo.addItem(("销号（办结）" if status is ItemStatus.DONE else status.label), status.value)
        self.ui.dateEdit.setDate(qdate(ctx.today()))
        self.ui.byEdit.setText(item.responsible or ctx.actor.full_name)
        self.errors = FieldErrors(
            {"status": self.ui.statusCombo, "on": self.ui.dateEdit, "by": self.ui.byEdit}, self.ui.errorLabel
        )
        _ok_cancel(self.ui.buttonBox, "确定")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def choose(self, status: ItemStatus | str) -> None:
        index = self.ui.statusCombo.findData(ItemStatus(status).value)
        if index >= 0:
            self.ui.statusCombo.setCurrentIndex(index)

    def save(self) -> bool:
        self.errors.clear()
        status = self.ui.statusCombo.currentData()
        if not status:
            self.errors.show(ValidationError("事项已销号，没有下一步", field="status"))
            return False
        try:
            form = svc.AdvanceForm(
                self.item.id,
                self.item.version,
                ItemStatus(status),
                pydate(self.ui.dateEdit.date()),
                by=self.ui.byEdit.text(),
                note=self.ui.noteEdit.text(),
            )
            self.result_ = svc.advance_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


class MoveNodeDialog(QDialog):
    def __init__(self, ctx: DeskContext, item: svc.ItemRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsMoveNodeDialog()
        self.ui.setupUi(self)
        self.ctx, self.item = ctx, item
        self.result_: svc.MoveResult | None = None
        self.ui.itemLabel.setText(
            f"{item.code} {item.name}\n当前节点：{item.node_date.isoformat() if item.node_date else '—'}"
            f"（最迟完成 {item.latest_finish.isoformat() if item.latest_finish else '—'}）"
        )
        self.ui.dateEdit.setDate(qdate(item.node_date or ctx.today()))
        self.ui.byEdit.setText(ctx.actor.full_name)
        self.ui.previewLabel.setText("调整后将重新倒排所有后续事项，并记入节点调整记录和审计日志。")
        self.errors = FieldErrors({"new_finish": self.ui.dateEdit, "reason": self.ui.reasonEdit}, self.ui.errorLabel)
        _ok_cancel(self.ui.buttonBox, "调整节点")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> bool:
        self.errors.clear()
        try:
            form = svc.MoveNodeForm(
                self.item.id,
                self.item.version,
                pydate(self.ui.dateEdit.date()),
                self.ui.reasonEdit.toPlainText(),
                decided_by=self.ui.byEdit.text(),
            )
            self.result_ = svc.move_node(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


class ItemEditDialog(QDialog):
    """Classify an item (with its reason) and assign its department and responsible person."""

    def __init__(
        self, ctx: DeskContext, item: svc.ItemRow, team: list[svc.TeamRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"分类与指派 — {item.code} {item.name}")
        self.ctx, self.item = ctx, item
        form = QFormLayout()
        self.classCombo = QComboBox()
        for c in CLASS_ORDER:
            self.classCombo.addItem(c.label, c.value)
        self.classCombo.setCurrentIndex(CLASS_ORDER.index(Classification(item.classification)))
        self.reasonEdit = QLineEdit(item.reason)
        self.departmentCombo = QComboBox()
        self.departmentCombo.setEditable(True)
        self.departmentCombo.addItems(svc.departments(ctx.db, ctx.actor))
        self.departmentCombo.setCurrentText(item.department)
        self.responsibleCombo = QComboBox()
        self.responsibleCombo.setEditable(True)
        self.responsibleCombo.addItems(
            sorted({m.name for m in team if m.department == item.department} | {item.responsible} - {""})
        )
        self.responsibleCombo.setCurrentText(item.responsible)
        self.daysSpin = QSpinBox()
        self.daysSpin.setRange(1, 365)
        self.daysSpin.setValue(item.days)
        form.addRow("分类", self.classCombo)
        form.addRow("理由", self.reasonEdit)
        form.addRow("办理部门", self.departmentCombo)
        form.addRow("责任人", self.responsibleCombo)
        form.addRow("时限（工作日）", self.daysSpin)
        self.errorLabel = QLabel()
        self.errorLabel.setStyleSheet("color: #D6322F;")
        self.errorLabel.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        _ok_cancel(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        self.errors = FieldErrors(
            {
                "reason": self.reasonEdit,
                "classification": self.classCombo,
                "department": self.departmentCombo,
                "days": self.daysSpin,
            },
            self.errorLabel,
        )

    def save(self) -> bool:
        self.errors.clear()
        try:
            form = svc.ItemEditForm(
                self.item.id,
                self.item.version,
                Classification(self.classCombo.currentData()),
                self.reasonEdit.text(),
                responsible=self.responsibleCombo.currentText(),
                department=self.departmentCombo.currentText(),
                days=self.daysSpin.value(),
            )
            svc.edit_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


class TeamMemberDialog(QDialog):
    def __init__(self, ctx: DeskContext, project_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("金牌团队成员")
        self.ctx, self.project_id = ctx, project_id
        form = QFormLayout()
        self.roleCombo = QComboBox()
        for code, label in TeamRole.choices():
            self.roleCombo.addItem(label, code)
        self.nameEdit = QLineEdit()
        self.titleEdit = QLineEdit()
        self.departmentCombo = QComboBox()
        self.departmentCombo.setEditable(True)
        self.departmentCombo.addItems(["崂山区人民政府"] + svc.departments(ctx.db, ctx.actor))
        self.phoneEdit = QLineEdit()
        for label, w in (
            ("角色", self.roleCombo),
            ("姓名", self.nameEdit),
            ("职务", self.titleEdit),
            ("部门", self.departmentCombo),
            ("电话", self.phoneEdit),
        ):
            form.addRow(label, w)
        self.errorLabel = QLabel()
        self.errorLabel.setStyleSheet("color: #D6322F;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        _ok_cancel(buttons, "添加")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(buttons)
        self.errors = FieldErrors({"name": self.nameEdit, "role": self.roleCombo}, self.errorLabel)

    def save(self) -> bool:
        self.errors.clear()
        try:
            member = svc.TeamInput(
                TeamRole(self.roleCombo.currentData()),
                self.nameEdit.text(),
                self.titleEdit.text(),
                self.departmentCombo.currentText(),
                self.phoneEdit.text(),
            )
            svc.add_team_member(
                self.ctx.db, self.ctx.actor, svc.NewMemberForm(self.project_id, member), now=self.ctx.now()
            )
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


class LogEntryDialog(QDialog):
    def __init__(
        self, ctx: DeskContext, project_id: uuid.UUID, kind: str = "meeting", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsLogEntryDialog()
        self.ui.setupUi(self)
        self.ctx, self.project_id = ctx, project_id
        for code, label in LogKind.choices():
            self.ui.kindCombo.addItem(label, code)
        self.ui.kindCombo.setCurrentIndex(max(0, self.ui.kindCombo.findData(kind)))
        self.ui.departmentCombo.addItem("（不限）", "")
        for dept in svc.departments(ctx.db, ctx.actor):
            self.ui.departmentCombo.addItem(dept, dept)
        self.ui.dateEdit.setDate(qdate(ctx.today()))
        self.ui.solvedEdit.setDate(qdate(ctx.today()))
        self.ui.solvedEdit.setEnabled(False)
        self.ui.solvedCheck.toggled.connect(self.ui.solvedEdit.setEnabled)
        self.errors = FieldErrors(
            {
                "title": self.ui.titleEdit,
                "owner": self.ui.ownerEdit,
                "solved_on": self.ui.solvedEdit,
                "kind": self.ui.kindCombo,
            },
            self.ui.errorLabel,
        )
        _ok_cancel(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> bool:
        self.errors.clear()
        dept = self.ui.departmentCombo.currentData()
        try:
            svc.add_log_entry(
                self.ctx.db,
                self.ctx.actor,
                svc.LogInput(
                    self.project_id,
                    LogKind(self.ui.kindCombo.currentData()),
                    pydate(self.ui.dateEdit.date()),
                    self.ui.titleEdit.text(),
                    self.ui.detailEdit.toPlainText(),
                    departments=(dept,) if dept else (),
                    owner=self.ui.ownerEdit.text(),
                    solved_on=pydate(self.ui.solvedEdit.date()) if self.ui.solvedCheck.isChecked() else None,
                ),
                now=self.ctx.now(),
            )
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


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
        if row is not None:
            self.setWindowTitle(f"修改事项 {row.code}")
            self.ui.codeEdit.setText(row.code)
            self.ui.codeEdit.setReadOnly(True)
            self.ui.nameEdit.setText(row.name)
            self.ui.departmentCombo.setCurrentText(row.department)
            self.ui.stageEdit.setText(row.stage)
            self.ui.statutorySpin.setValue(row.statutory_days)
            self.ui.committedSpin.setValue(row.committed_days)
            self.ui.materialsEdit.setPlainText("\n".join(row.materials))
            self.ui.basisEdit.setPlainText("\n".join(row.legal_basis))
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
                "prerequisites": self.ui.prereqEdit,
                "fee": self.ui.feeEdit,
            },
            self.ui.errorLabel,
        )
        _ok_cancel(self.ui.buttonBox)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> bool:
        self.errors.clear()
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
            version=self.row.version if self.row else None,
        )
        try:
            svc.save_item(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        except DeskError as exc:
            self.errors.show(exc)
            return False
        self.accept()
        return True


class CatalogDialog(QDialog):
    """事项库: browse the 84 items; admins add, edit, withdraw, import and export."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("审批事项库")
        self.resize(1180, 720)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText("按编码或名称查找")
        self.search.textChanged.connect(self.reload)
        self.model = RowsModel(CATALOG_COLUMNS, parent=self)
        self.view = QTableView()
        setup_table(self.view, self.model, light_column=None)
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
        self.info.setText(f"共 {len(rows)} 项（时限为工作日；倒排工期按承诺时限）")

    def current(self) -> svc.CatalogRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add(self) -> None:
        if CatalogItemDialog(self.ctx, None, self).exec():
            self.reload()

    def edit(self, *_: Any) -> None:
        row = self.current()
        if (
            row is not None
            and self.ctx.actor.may("approvals.catalog_edit")
            and CatalogItemDialog(self.ctx, row, self).exec()
        ):
            self.reload()

    def toggle(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            svc.set_active(
                self.ctx.db, self.ctx.actor, svc.ActiveForm(row.code, not row.active, row.version), now=self.ctx.now()
            )
        except DeskError as exc:
            show_error(self, exc)
        self.reload()

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入事项库", str(Path.home()), "Excel 文件 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> svc.ImportReport | None:
        try:
            report = svc.import_excel(self.ctx.db, self.ctx.actor, path, now=self.ctx.now())
        except DeskError as exc:
            show_error(self, exc)
            return None
        self.reload()
        lines = [f"新增 {report.created} 项，更新 {report.updated} 项。"]
        if report.rejected:
            lines.append(f"退回 {len(report.rejected)} 行：")
            lines += [f"第 {n} 行：{msg}" for n, msg in report.rejected[:20]]
        QMessageBox.information(self, "导入完成", "\n".join(lines))
        return report

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "导出事项库", str(Path.home() / "审批事项库.xlsx"), "Excel 文件 (*.xlsx)"
        )
        if name:
            try:
                svc.export_excel(self.ctx.db, self.ctx.actor, Path(name), now=self.ctx.now())
            except DeskError as exc:
                show_error(self, exc)


# -- dispatch and bulletin ---------------------------------------------------------------------
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
        self.model = RowsModel(DISPATCH_COLUMNS, parent=self)
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

    def print_preview(self) -> PdfPreviewDialog:
        data = svc.dispatch_pdf(
            self.ctx.db,
            self.ctx.actor,
            today=pydate(self.dateEdit.date()),
            department=self.departmentCombo.currentData() or None,
        )
        dialog = preview_pdf(
            self,
            self.ctx,
            data,
            "日调度单",
            f"日调度单-{pydate(self.dateEdit.date()).isoformat()}.pdf",
            "approval_dispatch",
            None,
        )
        dialog.open()
        return dialog


class BulletinDialog(QDialog):
    """周通报: the week's Excel (projects, late items, department ranking with chart) and PDF."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("周通报")
        self.ctx = ctx
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
        self.resize(460, 200)

    def bulletin(self) -> svc.Bulletin | None:
        try:
            b = svc.weekly_bulletin(self.ctx.db, self.ctx.actor, self.weekEdit.text(), today=self.ctx.today())
        except DeskError as exc:
            self.summary.setText(f"<span style='color:#D6322F'>{exc.message}</span>")
            return None
        t = b.totals
        self.summary.setText(
            f"{b.week}（{b.start}～{b.end}）：项目 {t.projects} 个，本周销号 {t.done_this_week} 项，"
            f"超期 {len(b.late)} 项，按期率 {t.rate_text}"
        )
        return b

    def export_to(self, path: Path) -> Path | None:
        if self.bulletin() is None:
            return None
        svc.write_bulletin(self.ctx.db, self.ctx.actor, self.weekEdit.text(), path, now=self.ctx.now())
        return path

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "导出周通报", str(Path.home() / f"周通报-{self.weekEdit.text()}.xlsx"), "Excel 文件 (*.xlsx)"
        )
        if name and self.export_to(Path(name)):
            QMessageBox.information(self, "已导出", f"周通报已写入：\n{name}")

    def preview(self) -> None:
        b = self.bulletin()
        if b is not None:
            preview_pdf(
                self,
                self.ctx,
                svc.bulletin_pdf(self.ctx.db, self.ctx.actor, b.week, today=self.ctx.today()),
                f"周通报 {b.week}",
                f"周通报-{b.week}.pdf",
                "approval_bulletin",
                b.week,
            ).open()


__all__ = [
    "NewProjectDialog",
    "AdvanceDialog",
    "MoveNodeDialog",
    "ItemEditDialog",
    "TeamMemberDialog",
    "LogEntryDialog",
    "VerifyDialog",
    "CatalogItemDialog",
    "CatalogDialog",
    "DispatchDialog",
    "BulletinDialog",
    "setup_table",
    "preview_pdf",
    "qdate",
    "pydate",
]
