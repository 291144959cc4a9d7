"""New project: the enterprise, the street, the dates, and the order from the menu (点菜单).

The order is a :class:`ListTableModel` of :class:`OrderRow`: the clerk picks each item's class in
a combo box and types its reason (both kept by the model as typed); the service checks that
every classification has its reason (docs/rules.md §approvals-classification).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from laoshan_desk.domain.approvals import Classification
from laoshan_desk.services import approvals as svc
from laoshan_desk.services import org
from laoshan_desk.ui.approvals.common import AREA, CLASS_ORDER, ok_cancel, pydate, qdate, setup_table
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import tell
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_approvals_project_dialog import Ui_ApprovalsProjectDialog


@dataclasses.dataclass(frozen=True)
class OrderRow:
    """One dish ordered from the menu, with the class and reason it was given."""

    code: str
    name: str
    department: str
    days: str
    classification: Classification
    reason: str


ORDER_COLUMNS = [
    ColumnSpec("编码", lambda r: r.code, width=62),
    ColumnSpec("事项", lambda r: r.name, width=300),
    ColumnSpec("办理部门", lambda r: r.department, width=140),
    ColumnSpec("时限", lambda r: r.days, width=50),
    ColumnSpec("分类", lambda r: r.classification.label, width=100, editable=True),
    ColumnSpec("理由", lambda r: r.reason, width=360, editable=True),
]
CLASS_COLUMN, REASON_COLUMN = 4, 5


def _class_of(label: str) -> Classification:
    member = Classification.from_label(label)
    assert isinstance(member, Classification)
    return member


class ClassDelegate(QStyledItemDelegate):
    """The class column edited in a combo box of the three classes."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([c.label for c in CLASS_ORDER])
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data()))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class NewProjectDialog(QDialog):
    """New project: the enterprise, the street, the dates, and the order from the menu."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsProjectDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # a message open over the menu, if any
        self.project_id: uuid.UUID | None = None
        self.catalog = {r.code: r for r in svc.list_catalog(ctx.db, ctx.actor)}
        # No default street (docs/rules.md §approvals-street): suggested from the address, or chosen.
        self.ui.streetCombo.addItem("（请选择街道，或先填地址）", None)
        for street in org.units(ctx.db, "street"):
            self.ui.streetCombo.addItem(street.name, street.id)
        self.street_chosen = False  # once the clerk picks a street, the address no longer moves it
        self._suggesting = False
        self.ui.streetCombo.currentIndexChanged.connect(self._street_picked)
        self.ui.addressEdit.textChanged.connect(lambda _text: self.suggest_street())
        self.ui.typeCombo.addItem("（自定义，不用模板）", "")
        for t in svc.list_templates(ctx.db, ctx.actor):
            self.ui.typeCombo.addItem(f"{t.name}（{len(t.entries)} 项）", t.code)
        for r in self.catalog.values():
            if r.active:
                self.ui.addCombo.addItem(f"{r.code} {r.name}（{r.department}）", r.code)
        today = ctx.today()
        self.ui.startEdit.setDate(qdate(today))
        self.ui.targetEdit.setDate(qdate(today + dt.timedelta(days=90)))
        self.model = ListTableModel(ORDER_COLUMNS, parent=self)
        table = self.ui.itemsTable
        setup_table(table, self.model, editable=True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.setItemDelegateForColumn(CLASS_COLUMN, ClassDelegate(table))
        self.model.dataChanged.connect(lambda *_: self._summary())
        self.model.modelReset.connect(lambda: self._summary())
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
        ok_cancel(self.ui.buttonBox, "建立项目并倒排工期")
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
        self.suggest_street()
        self._summary()

    # -- the street ----------------------------------------------------------------------------
    def _street_picked(self, index: int) -> None:
        if not self._suggesting:
            self.street_chosen = index > 0

    def suggest_street(self) -> None:
        """Select the street the address names, unless the clerk has picked one."""
        if self.street_chosen:
            return
        street = svc.suggest_street(self.ctx.db, self.ctx.actor, self.ui.addressEdit.text())
        combo = self.ui.streetCombo
        index = next((n for n in range(1, combo.count()) if street is not None and combo.itemData(n) == street), 0)
        self._suggesting = True
        try:
            combo.setCurrentIndex(index)
        finally:
            self._suggesting = False

    # -- the menu ------------------------------------------------------------------------------
    def select_template(self, code: str) -> None:
        index = self.ui.typeCombo.findData(code)
        if index >= 0:
            self.ui.typeCombo.setCurrentIndex(index)

    def _row(self, code: str, cls: Classification, reason: str) -> OrderRow:
        item = self.catalog.get(code)
        if item is None:
            return OrderRow(code, code, "", "", cls, reason)
        return OrderRow(code, item.name, item.department, str(item.committed_days), cls, reason)

    def _template_changed(self) -> None:
        code = self.ui.typeCombo.currentData()
        lines = svc.order_from_template(self.ctx.db, self.ctx.actor, code) if code else []
        self.model.set_rows([self._row(line.code, Classification(line.classification), line.reason) for line in lines])

    def rows(self) -> list[OrderRow]:
        """The order as it stands, with the classes and reasons the clerk gave."""
        return [
            dataclasses.replace(
                row,
                classification=_class_of(self.model.cell_text(n, CLASS_COLUMN)),
                reason=self.model.cell_text(n, REASON_COLUMN).strip(),
            )
            for n, row in enumerate(self.model.rows())
        ]

    def add_item(self, code: str | None) -> None:
        if not code:
            return
        if code in self.codes():
            tell(self, "已在点菜单中", f"事项 {code} 已在点菜单中")
            return
        self.model.set_rows(self.rows() + [self._row(code, Classification.MUST_DO, "")])
        self.ui.itemsTable.scrollToBottom()

    def remove_selected(self) -> None:
        selected = self.ui.itemsTable.selectionModel()
        gone = {index.row() for index in selected.selectedIndexes()} if selected is not None else set()
        self.model.set_rows([row for n, row in enumerate(self.rows()) if n not in gone])

    def codes(self) -> list[str]:
        return [row.code for row in self.model.rows()]

    def set_class(self, code: str, cls: Classification | str, reason: str | None = None) -> None:
        """What the clerk does in the class and reason cells of one item."""
        row = self.codes().index(code)
        self.model.setData(self.model.index(row, CLASS_COLUMN), Classification(cls).label)
        if reason is not None:
            self.model.setData(self.model.index(row, REASON_COLUMN), reason)

    def lines(self) -> list[svc.OrderLine]:
        return [svc.OrderLine(row.code, row.classification, row.reason) for row in self.rows()]

    def _summary(self) -> None:
        rows = self.rows()
        counts = {c: sum(1 for row in rows if row.classification is c) for c in CLASS_ORDER}
        self.ui.summaryLabel.setText(
            f"共点选 {len(rows)} 项：" + "，".join(f"{c.label} {n} 项" for c, n in counts.items())
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
        outcome = run_action(
            self,
            lambda: svc.create_project(
                self.ctx.db, self.ctx.actor, self.data(), now=self.ctx.now(), require_contact=True
            ),
            errors=self.errors,
            done=self._created,
            area=AREA,
        )
        return outcome.ok

    def _created(self, project_id: uuid.UUID) -> None:
        self.project_id = project_id
        self.drafts.discard()
        self.accept()
