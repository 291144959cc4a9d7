"""成员: the 53 members with their liaison officer, pledge and honours; join, edit, honours,
import and export (a small list: ListTableModel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from laoshan_desk.domain.alliance.vocabulary import Industry
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import member_excel
from laoshan_desk.services.alliance.workbook import ImportReport
from laoshan_desk.ui.alliance.common import AREA, fill, selected_row, status_errors
from laoshan_desk.ui.alliance.dialogs_members import HonourDialog, MemberDialog
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def member_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("企业名称", lambda r: r.name, sort_value=lambda r: r.name, width=230),
        ColumnSpec("统一社会信用代码", lambda r: r.uscc, width=160),
        ColumnSpec("街道", lambda r: r.street, sort_value=lambda r: r.street, width=90),
        ColumnSpec("行业", lambda r: r.industry.label, sort_value=lambda r: r.industry.label, width=90),
        ColumnSpec("生命周期", lambda r: r.stage.label, width=80),
        ColumnSpec("联络员（一对一）", lambda r: r.liaison_name, width=140),
        ColumnSpec("入盟日期", lambda r: f"{r.member_since:%Y-%m-%d}", sort_value=lambda r: r.member_since, width=90),
        ColumnSpec("诚信经营倡议书", lambda r: r.pledge_text, width=140),
        ColumnSpec("荣誉", lambda r: r.honours_text, tooltip=lambda r: "\n".join(h.text for h in r.honours), width=260),
    ]


class MembersPage(QWidget):
    enterpriseRequested = Signal(object)  # an enterprise id: open its file

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索企业名称、统一社会信用代码、拼音首字母")
        self.search.setClearButtonEnabled(True)
        self.industry = QComboBox()
        fill(self.industry, Industry.choices(), first="全部行业")
        can_edit = ctx.actor.may(alliance.EDIT)
        self.add_button = QPushButton("加入联盟…")
        self.edit_button = QPushButton("编辑…")
        self.honour_button = QPushButton("登记荣誉…")
        self.file_button = QPushButton("一企一档")
        for b in (self.add_button, self.edit_button, self.honour_button):
            b.setEnabled(can_edit)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.industry)
        for b in (self.add_button, self.edit_button, self.honour_button, self.file_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.model = ListTableModel(member_columns(), parent=self)
        self.view = QTableView()
        prepare_view(self.view, self.model)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()  # what the last action did, or why it could not
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)  # an import's result names rows: never cut at the window's edge
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.industry.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(lambda: self.open_member(None))
        self.edit_button.clicked.connect(lambda: self.open_member(selected_row(self.view)))
        self.honour_button.clicked.connect(self.open_honour)
        self.file_button.clicked.connect(self._open_file)
        self.view.doubleClicked.connect(lambda _i: self.open_member(selected_row(self.view)))
        self.reload()

    def reload(self) -> None:
        rows = alliance.list_members(
            self.ctx.db, self.ctx.actor, search=self.search.text(), industry=self.industry.currentData()
        )
        self.model.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 家成员")

    def select_enterprise(self, enterprise_id: object) -> bool:
        if self.search.text() or self.industry.currentIndex():
            self.search.clear()
            self.industry.setCurrentIndex(0)
        for i, r in enumerate(self.model.rows()):
            if r.enterprise_id == enterprise_id:
                self.view.selectRow(i)
                return True
        return False

    def open_member(self, row: alliance.MemberRow | None) -> MemberDialog:
        dialog = MemberDialog(self.ctx, row, self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_honour(self) -> HonourDialog | None:
        row = selected_row(self.view)
        if row is None:
            self.status.setText("请先选择一家成员")
            return None
        dialog = HonourDialog(self.ctx, row.enterprise_id, row.name, self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_file(self) -> None:
        row = selected_row(self.view)
        if row is not None:
            self.enterpriseRequested.emit(row.enterprise_id)

    def import_file(self, path: Path) -> Outcome[ImportReport]:
        def done(report: ImportReport) -> None:
            # conflicts first: rows not stored, a clerk worked the member (docs/rules.md §alliance-import)
            lines = report.lines(3)
            self.status.setText(f"导入完成：{report.summary()}。" + "；".join(lines))
            self.status.setToolTip("\n".join(report.lines(50)))

        return run_action(
            self,
            lambda: member_excel.import_members(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            errors=status_errors(self.status),
            done=done,
            refresh=self.reload,
            area=AREA,
            background=True,
            progress="正在导入联盟成员…",
        )

    def export_file(self, path: Path) -> Outcome[int]:
        return run_action(
            self,
            lambda: member_excel.export_members(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            errors=status_errors(self.status),
            done=lambda n: self.status.setText(f"已导出 {n} 家成员到 {path}"),
            area=AREA,
            background=True,
            progress="正在导出联盟成员…",
        )
