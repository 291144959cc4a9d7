"""Organisation: streets → communities (villages) → grids, and the district departments.

Grids are loaded when a community is opened (863 of them; the tree stays quick).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import org
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.context import DeskContext

IdRole = Qt.ItemDataRole.UserRole
KindRole = Qt.ItemDataRole.UserRole + 1


class OrgPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        buttons.addStretch(1)
        self.rename_button.clicked.connect(self.rename)
        self.add_button.clicked.connect(self.add_community)
        self.toggle_button.clicked.connect(self.deactivate)
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
        item = self.tree.currentItem()
        if item is None or item.data(0, IdRole) is None:
            QMessageBox.information(self, "请选择", "请先选择一个街道、社区（村）或部门")
            return None
        return item.data(0, IdRole), item.data(0, KindRole), item.text(0)

    def rename(self) -> None:
        selected = self._selected_unit()
        if selected is None:
            return
        unit_id, _kind, name = selected
        new, ok = QInputDialog.getText(self, "重命名", "新名称：", text=name)
        if ok:
            run_action(
                self,
                lambda: org.rename_unit(self.ctx.db, self.ctx.actor, unit_id, new, now=self.ctx.now()),
                refresh=self.reload,
            )

    def add_community(self) -> None:
        selected = self._selected_unit()
        if selected is None:
            return
        unit_id, kind, name = selected
        if kind != "street":
            QMessageBox.information(self, "请选择街道", "新增社区（村）前请先选择它所属的街道")
            return
        new, ok = QInputDialog.getText(self, "新增社区（村）", f"{name}下的新社区（村）名称：")
        if not ok:
            return
        code, ok = QInputDialog.getText(self, "新增社区（村）", "编码（12 位统计区划代码）：")
        if not ok:
            return
        run_action(
            self,
            lambda: org.add_unit(
                self.ctx.db,
                self.ctx.actor,
                kind="community",
                name=new,
                code=code,
                parent_id=unit_id,
                now=self.ctx.now(),
            ),
            refresh=self.reload,
        )

    def deactivate(self) -> None:
        selected = self._selected_unit()
        if selected is None:
            return
        unit_id, _kind, name = selected
        if (
            QMessageBox.question(self, "停用", f"停用“{name}”？停用后不再出现在选择列表中，历史记录保留。")
            == QMessageBox.StandardButton.Yes
        ):
            run_action(
                self,
                lambda: org.set_unit_active(self.ctx.db, self.ctx.actor, unit_id, False, now=self.ctx.now()),
                refresh=self.reload,
            )
