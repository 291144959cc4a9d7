"""监督抽检: batches with their result, re-inspection window and follow-up light; the plans by
product and season; totals by product and year (docs/rules/alliance.md §alliance-spot-checks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.alliance.stats import format_percent
from laoshan_desk.domain.alliance.vocabulary import SpotProduct, SpotResult
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import spot_lists, spotchecks
from laoshan_desk.ui.alliance.common import RIGHT, fill, selected_row
from laoshan_desk.ui.alliance.dialogs_spotchecks import BatchDialog, FollowUpDialog, ResultDialog
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def _day(value: object) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def batch_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("处置灯", lambda r: r.followup_light.label, light=lambda r: r.followup_light, width=70),
        ColumnSpec("批次编号", lambda r: r.batch_number, sort_value=lambda r: r.batch_number, width=120),
        ColumnSpec("抽样日期", lambda r: _day(r.sampled_on), sort_value=lambda r: r.sampled_on, width=90),
        ColumnSpec("企业", lambda r: r.enterprise_name, sort_value=lambda r: r.enterprise_name, width=200),
        ColumnSpec("产品", lambda r: f"{r.product.label} · {r.product_name}", width=180),
        ColumnSpec("层级", lambda r: r.level.label + ("（重复已确认）" if r.repeat_confirmed else ""), width=70),
        ColumnSpec("检验机构", lambda r: r.lab, width=150),
        ColumnSpec("结论", lambda r: r.result.label, sort_value=lambda r: r.result.label, width=60),
        ColumnSpec("不合格项目", lambda r: r.items_failed, width=140),
        ColumnSpec("复检", lambda r: r.reinspection_text, width=170),
        ColumnSpec("处置进展", lambda r: r.followup_step.label if r.followup_step else "", width=120),
        ColumnSpec("处置期限", lambda r: _day(r.followup_due), sort_value=lambda r: r.followup_due, width=90),
    ]


def total_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("年度", lambda t: str(t.year), sort_value=lambda t: t.year, width=60),
        ColumnSpec("产品", lambda t: t.product.label, width=110),
        ColumnSpec("批次", lambda t: str(t.batches), align=RIGHT, width=60),
        ColumnSpec("已出结果", lambda t: str(t.tested), align=RIGHT, width=70),
        ColumnSpec("不合格", lambda t: str(t.nonconforming), align=RIGHT, width=60),
        ColumnSpec("合格率", lambda t: format_percent(t.conformity_rate), align=RIGHT, width=80),
    ]


def plan_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("抽检计划", lambda p: p.label, width=200),
        ColumnSpec("计划批次", lambda p: str(p.planned_batches), align=RIGHT, width=70),
        ColumnSpec("已抽", lambda p: str(p.sampled), align=RIGHT, width=60),
    ]


class SpotChecksPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QComboBox()
        this_year = ctx.today().year
        fill(self.year, [(y, f"{y}年") for y in range(this_year, this_year - 6, -1)], first="全部年度")
        self.product = QComboBox()
        fill(self.product, SpotProduct.choices(), first="全部产品")
        self.result = QComboBox()
        fill(self.result, SpotResult.choices(), first="全部结论")
        self.open_followups = QCheckBox("只看待处置")
        for w in (self.year, self.product, self.result, self.open_followups):
            bar.addWidget(w)
        can_edit = ctx.actor.may(alliance.EDIT)
        self.batch_button = QPushButton("登记批次…")
        self.result_button = QPushButton("检验结果…")
        self.reinspect_button = QPushButton("申请复检…")
        self.followup_button = QPushButton("后续处置…")
        self.batch_button.setEnabled(can_edit)
        for b in (self.batch_button, self.result_button, self.reinspect_button, self.followup_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ListTableModel(batch_columns(), parent=self)
        self.view = QTableView()
        prepare_view(self.view, self.model)
        split.addWidget(self.view)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.totals = ListTableModel(total_columns(), parent=self)
        self.totals_view = QTableView()
        prepare_view(self.totals_view, self.totals)
        self.plans = ListTableModel(plan_columns(), parent=self)
        self.plans_view = QTableView()
        prepare_view(self.plans_view, self.plans)
        lower_layout.addWidget(self.totals_view, 3)
        lower_layout.addWidget(self.plans_view, 2)
        split.addWidget(lower)
        split.setSizes([420, 200])
        layout.addWidget(split, 1)
        for combo in (self.year, self.product, self.result):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.open_followups.toggled.connect(lambda _c: self.reload())
        self.batch_button.clicked.connect(self.open_batch)
        self.result_button.clicked.connect(self.open_result)
        self.reinspect_button.clicked.connect(lambda: self.open_followup(reinspection=True))
        self.followup_button.clicked.connect(lambda: self.open_followup())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.reload()

    def reload(self) -> None:
        rows = spot_lists.list_batches(
            self.ctx.db,
            self.ctx.actor,
            now=self.ctx.now(),
            year=self.year.currentData(),
            product=self.product.currentData(),
            result=self.result.currentData(),
            open_followups=self.open_followups.isChecked(),
        )
        self.model.set_rows(rows)
        bad = sum(1 for r in rows if r.result is SpotResult.NONCONFORMING)
        self.count_label.setText(f"共 {len(rows)} 批次，不合格 {bad} 批次")
        self.totals.set_rows(spot_lists.totals(self.ctx.db, self.ctx.actor))
        self.plans.set_rows(spotchecks.list_plans(self.ctx.db, self.ctx.actor))
        self._selected()

    def _selected(self) -> None:
        row = selected_row(self.view)
        can_edit = self.ctx.actor.may(alliance.EDIT)
        bad = row is not None and row.result is SpotResult.NONCONFORMING
        self.result_button.setEnabled(can_edit and row is not None)
        self.reinspect_button.setEnabled(can_edit and bad and row.reinspection_requested_on is None)
        self.followup_button.setEnabled(can_edit and bad)

    def select(self, batch_number: str) -> None:
        for i, r in enumerate(self.model.rows()):
            if r.batch_number == batch_number:
                self.view.selectRow(i)
                return

    def _open(self, dialog: BatchDialog | ResultDialog | FollowUpDialog) -> None:
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()

    def open_batch(self) -> BatchDialog:
        dialog = BatchDialog(self.ctx, self)
        self._open(dialog)
        return dialog

    def open_result(self) -> ResultDialog | None:
        row = selected_row(self.view)
        if row is None:
            return None
        dialog = ResultDialog(self.ctx, row, self)
        self._open(dialog)
        return dialog

    def open_followup(self, *, reinspection: bool = False) -> FollowUpDialog | None:
        row = selected_row(self.view)
        if row is None:
            return None
        dialog = FollowUpDialog(self.ctx, row, reinspection=reinspection, parent=self)
        self._open(dialog)
        return dialog
