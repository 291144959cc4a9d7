"""The appeal queue: filter bar and a lazy table (PagedTableModel) filtered and sorted in SQL.

The first page paints before the count is known: at a million appeals counting every match is
an index scan, so a worker counts (``CountOffThread``) and the label says 正在计数… meanwhile."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import AppealKind, Channel
from laoshan_desk.domain.appeals.filters import LightFilter, QueueScope
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue
from laoshan_desk.ui.common.dates import pydate
from laoshan_desk.ui.common.filter_bar import filter_bar
from laoshan_desk.ui.common.table_model import ColumnSpec, CountOffThread, PagedTableModel, RowRole, prepare_view
from laoshan_desk.ui.context import DeskContext

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _dt(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def queue_columns() -> list[ColumnSpec]:
    """The queue's columns: the light, the number and both countdowns first, so that the default
    1280×800 window shows every clock; the content last, taking what is left."""
    return [
        ColumnSpec("灯", lambda r: r.light.label, None, light=lambda r: r.light, width=60),
        ColumnSpec("诉求编号", lambda r: r.number + (" 督" if r.supervised else ""), "number", width=132),
        ColumnSpec(
            "响应倒计时", lambda r: r.response_text, "response_limit", light=lambda r: r.response_light, width=140
        ),
        ColumnSpec(
            "办结倒计时", lambda r: r.completion_text, "completion_limit", light=lambda r: r.completion_light, width=140
        ),
        ColumnSpec("办结时限", lambda r: r.completion_limit.isoformat(), "completion_limit", width=86),
        ColumnSpec("受理时间", lambda r: _dt(r.received_at), "received_at", width=118),
        ColumnSpec("状态", lambda r: r.status_label, "status", width=58),
        ColumnSpec("类型", lambda r: r.kind_label, "kind", width=44),
        ColumnSpec("渠道", lambda r: r.channel_label, "channel", width=84),
        ColumnSpec("街道", lambda r: r.street, "street", width=78),
        ColumnSpec("社区（村）", lambda r: r.community, None, width=96),
        ColumnSpec("承办单位", lambda r: r.unit, "unit", width=110),
        ColumnSpec("诉求人", lambda r: r.appellant, "appellant", width=60),
        ColumnSpec("满意度", lambda r: r.satisfaction_label, "satisfaction", width=62),
        ColumnSpec("诉求内容", lambda r: r.content, None, width=320),
    ]


class QueueWidget(QWidget):
    """Filter bar + table. ``openRequested(id)`` when a row is double-clicked."""

    openRequested = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.scope = QComboBox()
        for code, label in QueueScope.choices():
            self.scope.addItem(label, code)
        self.scope.setCurrentIndex(2)
        self.kind = self._combo("全部类型", AppealKind.choices())
        self.status = self._combo("全部状态", queue.status_choices())
        self.channel = self._combo("全部渠道", Channel.choices())
        self.light = self._combo("全部灯色", LightFilter.choices())
        row1, self.search = filter_bar(
            (self.scope, self.kind, self.status, self.channel, self.light), "搜索内容、姓名（拼音首字母）、编号、电话"
        )
        layout.addLayout(row1)

        row2 = QHBoxLayout()
        self.street = QComboBox()
        # A street clerk's filter offers its own street only (its other rows are what it registered).
        own = ctx.actor.street_id if ctx.actor.scope == "street" else None
        self.street.addItem("全部街道" if own is None else "全部可见", None)
        streets = org.units(ctx.db, "street")
        for u in streets:
            if own is None or u.id == own:
                self.street.addItem(u.name, u.id)
        self.community = QComboBox()
        self.community.addItem("全部社区（村）", None)
        self.community.setMinimumWidth(140)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.addItem("全部承办单位", None)
        for u in [*streets, *org.units(ctx.db, "department")]:
            self.unit.addItem(u.name, u.id)
        self.unit.setMinimumWidth(170)
        self.use_dates = QCheckBox("受理日期")
        today = QDate(ctx.today().year, ctx.today().month, ctx.today().day)
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        row2_widgets: tuple[QWidget, ...] = (
            self.street,
            self.community,
            self.unit,
            self.use_dates,
            self.date_from,
            QLabel("至"),
            self.date_to,
        )
        for widget in row2_widgets:
            row2.addWidget(widget)
        row2.addStretch(1)
        row2.addWidget(self.count_label)
        layout.addLayout(row2)

        self.columns = queue_columns()
        # Built empty: the sort is chosen first, then prepare_view loads once (count + first page).
        self.model = PagedTableModel(
            self.columns,
            self._fetch,
            CountOffThread(self._count_job),
            page_size=queue.PAGE_SIZE,
            first_page=queue.FIRST_PAGE,
            parent=self,
            load=False,
        )
        self.model.set_sort("received_at", True)
        self.model.totalChanged.connect(self._show_count)
        self.view = QTableView()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        prepare_view(self.view, self.model)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.reload)
        for combo in (self.scope, self.kind, self.status, self.channel, self.light, self.community, self.unit):
            combo.currentIndexChanged.connect(self.reload)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.reload)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.reload)
        self.date_to.dateChanged.connect(self.reload)

    @staticmethod
    def _combo(all_label: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_label, None)
        for code, label in choices:
            combo.addItem(label, code)
        return combo

    # -- filter ------------------------------------------------------------------------------
    def current_filter(self) -> queue.QueueFilter:
        dates = self.use_dates.isChecked()
        return queue.QueueFilter(
            scope=self.scope.currentData() or QueueScope.ALL.value,
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            channel=self.channel.currentData(),
            street_id=self.street.currentData(),
            community_id=self.community.currentData(),
            unit_id=self.unit.currentData(),
            light=self.light.currentData(),
            date_from=pydate(self.date_from.date()) if dates else None,
            date_to=pydate(self.date_to.date()) if dates else None,
            text=self.search.text().strip() or None,
        )

    def _street_changed(self) -> None:
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem("全部社区（村）", None)
        street_id = self.street.currentData()
        if street_id is not None:
            for u in org.units(self.ctx.db, "community", parent_id=street_id):
                self.community.addItem(u.name, u.id)
        self.community.blockSignals(False)
        self.reload()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.reload()

    def _fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[queue.AppealRow]:
        if sort is None:
            sort, descending = "received_at", True
        return queue.page(
            self.ctx.db,
            self.ctx.actor,
            self.current_filter(),
            now=self.ctx.now(),
            offset=offset,
            limit=limit,
            sort=sort,
            descending=descending,
        )

    def _count_job(self) -> Any:
        # Read on the GUI thread (the filter bar); the call runs on a worker.
        db, actor, flt, now = self.ctx.db, self.ctx.actor, self.current_filter(), self.ctx.now()
        return lambda: queue.count(db, actor, flt, now=now)

    def reload(self) -> None:
        self._debounce.stop()
        self.model.reload()

    def _show_count(self, _total: int | None) -> None:
        self.count_label.setText(self.model.count_text("共 {n:,} 件"))

    def _open(self, index: Any) -> None:
        row = self.model.data(index, RowRole)
        if row is not None:
            self.openRequested.emit(row.id)

    def selected_id(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        row = self.model.data(index, RowRole) if index.isValid() else None
        return row.id if row is not None else None
