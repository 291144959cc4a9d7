"""一企一档: find an enterprise by USCC, name or pinyin initials and see everything the desk knows
about it, one section per area the role may see, each able to open the record in its own tab
(``openArea(area, id)``), and the one-page summary printed from the preview."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.roles import ALLIANCE, APPEALS, APPROVALS, PRESERVATION
from laoshan_desk.services import enterprise, enterprise_registry
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import preview_paper
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, RowRole, prepare_view
from laoshan_desk.ui.context import DeskContext

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TAB_NAMES = {APPROVALS: "审批点菜单", APPEALS: "崂先办诉求", PRESERVATION: "财产保全审查", ALLIANCE: "兴商护航联盟"}


def _yuan(value: Any) -> str:
    return f"{value:,.2f}"


def result_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("企业名称", lambda e: e.name, width=210),
        ColumnSpec("统一社会信用代码", lambda e: e.uscc or f"（无：{e.no_uscc_reason}）", width=165),
        ColumnSpec("街道", lambda e: e.street, width=80),
    ]


SECTION_COLUMNS: dict[str, list[ColumnSpec]] = {
    APPROVALS: [
        ColumnSpec("灯", lambda p: p.light.label, light=lambda p: p.light, width=64),
        ColumnSpec("项目编号", lambda p: p.number, width=110),
        ColumnSpec("项目名称", lambda p: p.name, width=220),
        ColumnSpec("目标日期", lambda p: f"{p.target_date:%Y-%m-%d}", width=90),
        ColumnSpec("状态", lambda p: p.status, width=70),
    ],
    APPEALS: [
        ColumnSpec("诉求编号", lambda a: a.number, width=140),
        ColumnSpec("受理时间", lambda a: f"{a.received_at:%Y-%m-%d %H:%M}", width=124),
        ColumnSpec("状态", lambda a: a.status, width=70),
        ColumnSpec("内容", lambda a: a.content, width=300),
    ],
    PRESERVATION: [
        ColumnSpec("灯", lambda c: c.light.label, light=lambda c: c.light, width=64),
        ColumnSpec("案号", lambda c: c.case_number, width=190),
        ColumnSpec("申请人", lambda c: c.applicant, width=160),
        ColumnSpec("状态", lambda c: c.status_label, width=70),
        ColumnSpec("裁定金额", lambda c: _yuan(c.ruled), align=RIGHT, width=120),
        ColumnSpec("已保全", lambda c: _yuan(c.preserved), align=RIGHT, width=120),
    ],
}


class Section(QGroupBox):
    """One area's part of the file: facts, a table of its records, and the way to its tab."""

    openRequested = Signal(str, object)

    def __init__(self, area: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.area = area
        self.setObjectName(f"section_{area}")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(f"在“{TAB_NAMES[area]}”中打开")
        top.addWidget(self.facts, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.model: ListTableModel | None = None
        self.view: QTableView | None = None
        columns = SECTION_COLUMNS.get(area)
        if columns is not None:
            self.model = ListTableModel(columns, parent=self)
            self.view = QTableView()
            prepare_view(self.view, self.model)
            layout.addWidget(self.view)
            self.view.doubleClicked.connect(lambda index: self._open(index.data(RowRole)))
        self.target: object = None
        self.open_button.clicked.connect(lambda: self._open(self._current()))

    def set_rows(self, rows: list[object]) -> None:
        """The section's records; the table is as tall as its rows (up to six), never a blank box."""
        assert self.model is not None and self.view is not None
        self.model.set_rows(rows)
        header = self.view.horizontalHeader().sizeHint().height()
        self.view.setFixedHeight(header + 26 * max(1, min(len(rows), 6)) + 6)

    def _current(self) -> object:
        if self.view is not None and self.view.currentIndex().isValid():
            return self.view.currentIndex().siblingAtColumn(0).data(RowRole)
        if self.model is not None and self.model.rowCount():
            return self.model.row_at(0)
        return self.target

    def _open(self, row: object) -> None:
        for name in ("id", "case_id", "member_id"):
            ident = getattr(row, name, None)
            if ident is not None:
                self.openRequested.emit(self.area, ident)
                return
        if self.target is not None:
            self.openRequested.emit(self.area, self.target)


class EnterprisePage(QWidget):
    """``openArea(area, id)`` asks the main window to open a record in its tab."""

    openArea = Signal(str, object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.file: enterprise.EnterpriseFile | None = None
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("enterpriseSearch")
        self.search.setPlaceholderText("统一社会信用代码、企业名称或拼音首字母（如 hejt）")
        self.search.setClearButtonEnabled(True)
        self.search_button = QPushButton("查找")
        self.print_button = QPushButton("打印摘要…")
        self.print_button.setEnabled(False)
        bar.addWidget(QLabel("企业"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.search_button)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.error = QLabel()
        self.errors = FieldErrors({"search": self.search, "uscc": self.search}, self.error)
        layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.results = ListTableModel(result_columns(), parent=self)
        self.results_view = QTableView()
        prepare_view(self.results_view, self.results)
        split.addWidget(self.results_view)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.title = QLabel("输入统一社会信用代码、名称或拼音首字母查找企业")
        self.title.setObjectName("enterpriseTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.body_layout.addWidget(self.title)
        self.sections: dict[str, Section] = {}
        for area in (APPROVALS, APPEALS, PRESERVATION, ALLIANCE):
            title = {APPROVALS: "审批项目", APPEALS: "涉企诉求", PRESERVATION: "财产保全", ALLIANCE: "兴商护航联盟"}[
                area
            ]
            section = Section(area, title, self.body)
            section.hide()
            section.openRequested.connect(self.openArea)
            self.sections[area] = section
            self.body_layout.addWidget(section)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(self.body)
        split.addWidget(self.scroll_area)
        split.setSizes([400, 880])
        layout.addWidget(split, 1)
        self.search.returnPressed.connect(self.find_enterprises)
        self.search_button.clicked.connect(self.find_enterprises)
        self.results_view.selectionModel().currentRowChanged.connect(lambda *_: self._picked())
        self.print_button.clicked.connect(lambda: self.preview_summary())

    def find_enterprises(self) -> list[enterprise_registry.EnterpriseRef]:
        text = self.search.text()
        outcome = run_action(
            self, lambda: enterprise_registry.search(self.ctx.db, self.ctx.actor, text), errors=self.errors
        )
        rows = outcome.result or []
        self.results.set_rows(rows)
        if len(rows) == 1 or (rows and rows[0].uscc == text.strip().upper()):
            self.results_view.selectRow(0)
        elif not rows and outcome.ok:
            self.error.setText("未找到企业")
        return rows

    def _picked(self) -> None:
        index = self.results_view.currentIndex()
        if index.isValid():
            self.show_enterprise(self.results.row_at(index.row()).id)

    def show_enterprise(self, enterprise_id: uuid.UUID) -> enterprise.EnterpriseFile | None:
        outcome = run_action(
            self,
            lambda: enterprise.enterprise_file(
                self.ctx.db, self.ctx.actor, now=self.ctx.now(), enterprise_id=enterprise_id
            ),
            errors=self.errors,
        )
        if outcome.result is not None:
            self._fill(outcome.result)
        return outcome.result

    def _fill(self, f: enterprise.EnterpriseFile) -> None:
        self.file = f
        e = f.enterprise
        place = " ".join(x for x in (e.street, e.community, e.address) if x)
        self.title.setText(f"{e.name}　{e.uscc or '（无统一社会信用代码：' + (e.no_uscc_reason or '') + '）'}　{place}")
        self.print_button.setEnabled(True)
        for area, section in self.sections.items():
            section.setVisible(area in f.areas)
        if f.approvals is not None:
            s = self.sections[APPROVALS]
            red = sum(1 for p in f.approvals if p.light.value == "red")
            s.facts.setText(f"审批项目 {len(f.approvals)} 个，红灯 {red} 个")
            s.set_rows(list(f.approvals))
        if f.appeals is not None:
            s = self.sections[APPEALS]
            s.facts.setText(f"涉及该企业的诉求 {f.appeals.total} 件（显示最近 {len(f.appeals.recent)} 件）")
            s.set_rows(list(f.appeals.recent))
        if f.preservation is not None:
            s = self.sections[PRESERVATION]
            p = f.preservation
            s.facts.setText(
                f"作为被申请人 {p.as_respondent} 件，保全裁定 {p.rulings} 件，裁定金额 {_yuan(p.amount_ruled)} 元；"
                f"仍冻结账户 {p.accounts_frozen} 个（{_yuan(p.frozen_amount)} 元）；作为申请人 {p.as_applicant} 件"
            )
            s.set_rows(list(p.cases))
        if f.alliance is not None:
            s = self.sections[ALLIANCE]
            a = f.alliance
            member = (
                f"联盟成员（{a.member_since:%Y-%m-%d} 入盟，联络员 {a.liaison_name}，"
                f"倡议书{'已签署' if a.pledge_signed_on else '未签署'}）"
                if a.member and a.member_since
                else "非联盟成员"
            )
            honours = "、".join(f"{h.level.label}{h.year}" for h in a.honours) or "无"
            s.facts.setText(
                f"{member}\n荣誉：{honours}\n投诉举报 {a.complaints} 件（未办结 {a.open_complaints}）；"
                f"监督抽检 {a.spot_checks} 批次，不合格 {a.nonconforming}；打假协助 {a.requests} 次；"
                f"推送政策 {a.policies_pushed} 条；兑现奖励 {_yuan(a.awards_paid)} 元"
            )
            s.target = e.id

    def preview_summary(self) -> QWidget | None:
        if self.file is None:
            return None
        enterprise_id = self.file.enterprise.id
        dialog = preview_paper(
            self,
            self.ctx,
            lambda: enterprise.enterprise_summary(self.ctx.db, self.ctx.actor, enterprise_id, now=self.ctx.now()),
            errors=self.errors,
        )
        if dialog is not None:
            self.dialog = dialog
        return dialog
