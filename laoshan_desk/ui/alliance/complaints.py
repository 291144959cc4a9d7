"""投诉举报: the complaint queue (PagedTableModel: filtered, lit and sorted in SQL), the actions
the selected case allows now, the notices, and the workbook import and export off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.alliance.vocabulary import ComplaintKind
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import complaint_excel, papers
from laoshan_desk.services.alliance.workbook import ImportReport
from laoshan_desk.ui.alliance.common import AREA, FormDialog, fill, selected_row, status_errors
from laoshan_desk.ui.alliance.dialogs_complaints import ComplaintDialog, DecisionDialog, FinishDialog, PauseDialog
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.filter_bar import filter_bar
from laoshan_desk.ui.common.pdf_preview import preview_paper
from laoshan_desk.ui.common.table_model import ColumnSpec, PagedTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

STATES = [("open", "未办结"), ("overdue", "已超期"), ("finished", "已办结"), ("all", "全部")]
LIGHT_NAMES = {
    Light.GREEN: "绿灯（正常）",
    Light.YELLOW: "黄灯（临期）",
    Light.RED: "红灯（超期）",
    Light.GREY: "灰灯（不计时）",
}


def _day(value: Any) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def complaint_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("灯", lambda r: r.light.label, light=lambda r: r.light, width=64),
        ColumnSpec("编号", lambda r: r.number, "number", width=140),
        ColumnSpec("类型", lambda r: r.kind.label, width=48),
        ColumnSpec("登记时间", lambda r: f"{r.received_at:%Y-%m-%d %H:%M}", "received", width=124),
        ColumnSpec("状态", lambda r: r.status.label, "status", width=86),
        ColumnSpec(
            "被投诉企业", lambda r: r.enterprise_name + ("（成员）" if r.member else ""), "enterprise", width=190
        ),
        ColumnSpec("联络员", lambda r: r.officer_name, width=80),
        ColumnSpec("投诉人", lambda r: r.complainant, width=70),
        ColumnSpec("电话", lambda r: r.phone, width=100),
        ColumnSpec("内容", lambda r: r.content, width=220),
        ColumnSpec("期限", lambda r: _day(r.due_on), "due", width=90),
        ColumnSpec("倒计时", lambda r: r.countdown, light=lambda r: r.light, width=170),
        ColumnSpec("受理期限", lambda r: _day(r.accept_limit), width=90),
        ColumnSpec("办结期限", lambda r: _day(r.finish_limit), width=90),
        ColumnSpec("结果", lambda r: r.outcome.label if r.outcome else "", width=80),
    ]


class ComplaintsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.job: Outcome[Any] | None = None
        layout = QVBoxLayout(self)
        self.state = QComboBox()
        fill(self.state, STATES)
        self.kind = QComboBox()
        fill(self.kind, ComplaintKind.choices(), first="投诉和举报")
        self.light = QComboBox()
        fill(self.light, [(light.value, LIGHT_NAMES[light]) for light in Light], first="全部灯色")
        self.members_only = QCheckBox("只看成员")
        self.mine = QCheckBox("我负责的")
        filters, self.search = filter_bar(
            (self.state, self.kind, self.light, self.members_only, self.mine), "编号、企业、投诉人、内容"
        )
        layout.addLayout(filters)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in [
            ("register", "登记…"),
            ("decide", "受理/立案决定…"),
            ("pause", "检测鉴定…"),
            ("end_pause", "检测结束…"),
            ("extend", "延长核查…"),
            ("finish", "办结调解…"),
            ("notify", "告知举报人…"),
            ("notice", "打印告知书…"),
        ]:
            button = QPushButton(text)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.status = QLabel()  # what the last action did, or why it could not
        self.status.setObjectName("statusLabel")
        self.count_label = QLabel()
        bar.addWidget(self.status)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.model = PagedTableModel(complaint_columns(), self._fetch, self._count, parent=self, load=False)
        self.model.set_sort("received", True)
        self.view = QTableView()
        prepare_view(self.view, self.model)
        layout.addWidget(self.view, 1)
        self.buttons["register"].clicked.connect(self.open_register)
        self.buttons["decide"].clicked.connect(lambda: self.open_action("decide"))
        self.buttons["pause"].clicked.connect(lambda: self.open_action("pause"))
        self.buttons["end_pause"].clicked.connect(lambda: self.open_action("end_pause"))
        self.buttons["finish"].clicked.connect(lambda: self.open_action("finish"))
        self.buttons["notify"].clicked.connect(lambda: self.open_action("notify"))
        self.buttons["extend"].clicked.connect(self.extend)
        self.buttons["notice"].clicked.connect(lambda: self.preview_notice())
        for combo in (self.state, self.kind, self.light):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for check in (self.members_only, self.mine):
            check.toggled.connect(lambda _c: self.reload())
        self.search.returnPressed.connect(self.reload)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.view.doubleClicked.connect(lambda _i: self._default_action())
        self._selected()

    # -- the queue ---------------------------------------------------------------------------
    def current_filter(self) -> alliance.ComplaintFilter:
        kind = self.kind.currentData()
        light = self.light.currentData()
        return alliance.ComplaintFilter(
            state=self.state.currentData(),
            kind=ComplaintKind(kind) if kind else None,
            light=Light(light) if light else None,
            text=self.search.text(),
            members_only=self.members_only.isChecked(),
            officer_user_id=self.ctx.actor.user_id if self.mine.isChecked() else None,
        )

    def _fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[alliance.ComplaintRow]:
        return alliance.page(
            self.ctx.db,
            self.ctx.actor,
            self.current_filter(),
            now=self.ctx.now(),
            offset=offset,
            limit=limit,
            sort=sort or "received",
            descending=descending,
        )

    def _count(self) -> int:
        n = alliance.count(self.ctx.db, self.ctx.actor, self.current_filter(), now=self.ctx.now())
        self.count_label.setText(f"共 {n:,} 件")
        return n

    def reload(self) -> None:
        self.model.reload()
        self._selected()

    def select(self, number: str) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).number == number:
                self.view.selectRow(i)
                return True
        return False

    def _selected(self) -> None:
        row = selected_row(self.view)
        can_edit = self.ctx.actor.may(alliance.EDIT)
        actions: tuple[str, ...] = ()
        if row is not None:
            actions = alliance.detail(self.ctx.db, self.ctx.actor, row.id, now=self.ctx.now()).actions
        for key, button in self.buttons.items():
            if key == "register":
                button.setEnabled(can_edit)
            elif key == "notice":
                button.setEnabled(row is not None and row.kind is ComplaintKind.COMPLAINT and row.decision is not None)
            else:
                button.setEnabled(can_edit and key in actions)

    def _default_action(self) -> None:
        for key in ("decide", "finish", "notify", "end_pause"):
            if self.buttons[key].isEnabled():
                self.open_action(key)
                return

    # -- actions -----------------------------------------------------------------------------
    def open_register(self) -> ComplaintDialog:
        dialog = ComplaintDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._registered(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, ref: alliance.ComplaintRef) -> None:
        self.reload()
        who = f"，已转联络员 {ref.officer_name}" if ref.officer_name else ""
        self.status.setText(f"已登记 {ref.number}{who}")

    def open_action(self, key: str) -> FormDialog | None:
        row = selected_row(self.view)
        if row is None:
            return None
        dialog: FormDialog
        if key == "decide":
            dialog = DecisionDialog(self.ctx, row, self)
        elif key in ("pause", "end_pause"):
            dialog = PauseDialog(self.ctx, row, ending=key == "end_pause", parent=self)
        else:
            dialog = FinishDialog(self.ctx, row, notify=key == "notify", parent=self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def extend(self) -> QInputDialog | None:
        """Ask who approved (opened, not exec'd: the event loop keeps running)."""
        if selected_row(self.view) is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle("延长核查期限")
        dialog.setLabelText("经局负责人批准延长十五个工作日，批准人：")
        dialog.setOkButtonText("延长")
        dialog.setCancelButtonText("取消")
        dialog.textValueSelected.connect(self.extend_approved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def extend_approved(self, approver: str) -> Outcome[Any]:
        row = selected_row(self.view)
        form = alliance.ExtendForm(row.id, approver, row.version)
        return run_action(
            self,
            lambda: alliance.extend_verification(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=status_errors(self.status),
            done=lambda ref: self.status.setText(f"{ref.number} 核查期限已延长十五个工作日"),
            refresh=self.reload,
            area=AREA,
        )

    def preview_notice(self) -> QWidget | None:
        row = selected_row(self.view)
        if row is None:
            return None
        dialog = preview_paper(
            self,
            self.ctx,
            lambda: papers.complaint_notice(self.ctx.db, self.ctx.actor, row.id, now=self.ctx.now()),
            errors=status_errors(self.status),
        )
        if dialog is not None:
            self.dialog = dialog
        return dialog

    # -- workbooks (off the GUI thread) ----------------------------------------------------------
    def start_import(self, path: Path) -> Outcome[Any]:
        def done(report: ImportReport) -> None:
            lines = "；".join(f"第{r.row}行{r.column}：{r.message}" for r in report.rejected[:3])
            self.status.setText(f"导入完成：{report.summary()}" + (f"（{lines} …）" if lines else ""))

        self.job = run_action(
            self,
            lambda: complaint_excel.import_complaints(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            errors=status_errors(self.status),
            done=done,
            refresh=self.reload,
            area=AREA,
            background=True,
            progress="正在导入投诉举报，请稍候…",
        )
        return self.job

    def start_export(self, path: Path) -> Outcome[Any]:
        f = self.current_filter()
        self.job = run_action(
            self,
            lambda: complaint_excel.export_complaints(
                self.ctx.db, self.ctx.actor, path, now=self.ctx.now(), date_from=f.date_from, date_to=f.date_to
            ),
            errors=status_errors(self.status),
            done=lambda n: self.status.setText(f"已导出 {n:,} 件到 {path.name}"),
            area=AREA,
            background=True,
            progress="正在导出投诉举报，请稍候…",
        )
        return self.job

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.finished
