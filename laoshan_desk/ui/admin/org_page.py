"""Organisation: streets → communities (villages) → grids, and the district departments.

Grids are loaded when a community is opened (863 of them; the tree stays quick). Like the users
page, every dialog opens with ``open()``, never a nested ``exec()`` or a static ``QInputDialog``:
重命名 and 新增下级社区（村） are :class:`UnitDialog`, which keeps what was typed and says a
refusal beside its field; 停用 asks in a box opened with ``open()`` and acts on its 是 button; a
refusal on the tree itself (nothing selected, not a street) is said beside the buttons.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import org
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import error_line, open_dialog, save_cancel
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext

IdRole = Qt.ItemDataRole.UserRole
KindRole = Qt.ItemDataRole.UserRole + 1


class UnitDialog(QDialog):
    """重命名 a unit (``unit_id``), or 新增 a community under a street (``street_id``, with its code)."""

    def __init__(
        self,
        ctx: DeskContext,
        *,
        unit_id: uuid.UUID | None = None,
        name: str = "",
        street_id: uuid.UUID | None = None,
        street_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert (unit_id is None) != (street_id is None), "rename one unit or add under one street"
        self.ctx = ctx
        self.unit_id = unit_id
        self.street_id = street_id
        self.new_id: uuid.UUID | None = None
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(100)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("12 位统计区划代码")
        self.error_label = error_line()
        buttons = save_cancel(self.save, self.reject)
        form = QFormLayout(self)
        if unit_id is not None:
            self.setWindowTitle("重命名")
            form.addRow(QLabel(f"“{name}”的新名称："))
            form.addRow("名称", self.name_edit)
            self.code_edit.hide()
        else:
            self.setWindowTitle("新增社区（村）")
            form.addRow(QLabel(f"{street_name}下的新社区（村）："))
            form.addRow("名称", self.name_edit)
            form.addRow("编码", self.code_edit)
        form.addRow(self.error_label)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())
        # A two-field form: the message stands once, under its field.
        self.errors = FieldErrors(
            {"name": self.name_edit, "code": self.code_edit}, self.error_label, repeat_below=False
        )

    def save(self) -> None:
        run_action(self, self._submit, errors=self.errors, done=self._saved)

    def _submit(self) -> uuid.UUID:
        ctx = self.ctx
        if self.unit_id is not None:
            org.rename_unit(ctx.db, ctx.actor, org.RenameForm(self.unit_id, self.name_edit.text()), now=ctx.now())
            return self.unit_id
        form = org.NewUnitForm("community", self.name_edit.text(), self.code_edit.text(), self.street_id)
        return org.add_unit(ctx.db, ctx.actor, form, now=ctx.now())

    def _saved(self, unit_id: uuid.UUID) -> None:
        self.new_id = unit_id
        self.accept()


class OrgPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the dialog (or question) open over the page, if any
        self.summary = QLabel()
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["名称", "类别", "编码"])
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 90)
        self.tree.itemExpanded.connect(self._load_grids)
        buttons = QHBoxLayout()
        self.rename_button = QPushButton("重命名")
        self.add_button = QPushButton("新增下级社区（村）")
        self.toggle_button = QPushButton("停用")
        for b in (self.rename_button, self.add_button, self.toggle_button):
            buttons.addWidget(b)
        self.rename_button.clicked.connect(self.rename)
        self.add_button.clicked.connect(self.add_community)
        self.toggle_button.clicked.connect(self.deactivate)
        self.error_label = error_line()  # a refusal of an action on the tree
        buttons.addWidget(self.error_label, 1)  # beside the buttons: no empty line while all is well
        self.errors = FieldErrors({}, self.error_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        counts = org.counts(self.ctx.db)
        self.summary.setText(
            f"街道 {counts['streets']} 个 · 社区（村）{counts['communities']} 个 · 网格 {counts['grids']} 个 · "
            f"区直部门和单位 {counts['departments']} 个（其中审批部门 {counts['approval_departments']} 个）"
        )
        streets_root = QTreeWidgetItem(self.tree, ["街道", "", ""])
        for street in org.units(self.ctx.db, "street"):
            s_item = self._item(streets_root, street)
            for comm in org.units(self.ctx.db, "community", parent_id=street.id):
                c_item = self._item(s_item, comm)
                QTreeWidgetItem(c_item, ["…", "", ""])  # placeholder until opened
        depts_root = QTreeWidgetItem(self.tree, ["区直部门和单位", "", ""])
        for dept in org.units(self.ctx.db, "department"):
            item = self._item(depts_root, dept)
            if dept.grants_approvals:
                item.setText(1, "审批部门")
        streets_root.setExpanded(True)

    def _item(self, parent: QTreeWidgetItem, unit: org.UnitRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [unit.name, unit.kind_label, unit.code])
        item.setData(0, IdRole, unit.id)
        item.setData(0, KindRole, unit.kind)
        return item

    def _load_grids(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KindRole) not in ("community", "village"):
            return
        first = item.child(0) if item.childCount() == 1 else None
        if first is not None and first.text(0) == "…":
            item.takeChild(0)
            for grid in org.grids(self.ctx.db, item.data(0, IdRole)):
                QTreeWidgetItem(item, [grid.name, "网格", grid.code])

    def _selected_unit(self) -> tuple[uuid.UUID, str, str] | None:
        """The selected street, community or department; none selected is said beside the buttons."""
        item = self.tree.currentItem()
        if item is None or item.data(0, IdRole) is None:
            self.errors.show(ValidationError("请先选择一个街道、社区（村）或部门"))
            return None
        self.errors.clear()
        return item.data(0, IdRole), item.data(0, KindRole), item.text(0)

    def rename(self) -> None:
        selected = self._selected_unit()
        if selected is not None:
            unit_id, _kind, name = selected
            open_dialog(self, UnitDialog(self.ctx, unit_id=unit_id, name=name, parent=self), accepted=self.reload)

    def add_community(self) -> None:
        selected = self._selected_unit()
        if selected is None:
            return
        unit_id, kind, name = selected
        if kind != "street":
            self.errors.show(ValidationError("新增社区（村）前请先选择它所属的街道"))
            return
        open_dialog(self, UnitDialog(self.ctx, street_id=unit_id, street_name=name, parent=self), accepted=self.reload)

    def deactivate(self) -> None:
        """停用 after the admin says 是 in a box opened with ``open()``; 否 changes nothing."""
        selected = self._selected_unit()
        if selected is None:
            return
        unit_id, _kind, name = selected
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "停用",
            f"停用“{name}”？停用后不再出现在选择列表中，历史记录保留。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("orgConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("停用")
        box.button(QMessageBox.StandardButton.No).setText("取消")
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self._deactivate(unit_id))
        open_dialog(self, box)

    def _deactivate(self, unit_id: uuid.UUID) -> None:
        run_action(
            self,
            lambda: org.set_unit_active(
                self.ctx.db, self.ctx.actor, org.ActiveForm(unit_id, False), now=self.ctx.now()
            ),
            errors=self.errors,
            refresh=self.reload,
        )
