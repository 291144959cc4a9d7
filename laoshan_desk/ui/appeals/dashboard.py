"""统计分析 (QtCharts: received and finished per month; closure and satisfaction by unit; the
ranking table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import format_rate
from laoshan_desk.services.appeals import stats
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.dates import pydate
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pct(value: Any) -> float:
    return float(value * 100) if value is not None else 0.0


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
READ = "appeals.read"  # the action bus's area of actions that only count: no list reloads on them
Ranked = tuple[int, stats.UnitStats]


def ranking_columns() -> list[ColumnSpec]:
    """一诉一考: the unit league table; rows are (rank, UnitStats)."""

    def number(get: Callable[[stats.PeriodStats], int]) -> Callable[[Ranked], str]:
        return lambda r: f"{get(r[1].stats):,}"

    def percent(get: Callable[[stats.PeriodStats], Decimal | None]) -> Callable[[Ranked], str]:
        return lambda r: format_rate(get(r[1].stats))

    return [
        ColumnSpec("名次", lambda r: str(r[0]), align=RIGHT, width=44),
        ColumnSpec("承办单位", lambda r: r[1].unit, width=180),
        ColumnSpec("受理", number(lambda s: s.received), align=RIGHT, width=60),
        ColumnSpec("按时响应率", percent(lambda s: s.response_rate), align=RIGHT, width=86),
        ColumnSpec("办结", number(lambda s: s.finished), align=RIGHT, width=60),
        ColumnSpec("结案率", percent(lambda s: s.closure_rate), align=RIGHT, width=76),
        ColumnSpec("满意率", percent(lambda s: s.satisfaction_rate), align=RIGHT, width=76),
        ColumnSpec("超期", number(lambda s: s.overdue), align=RIGHT, width=50),
    ]


class DashboardWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = ctx.today()
        self.date_from = QDateEdit(_qdate(today.replace(day=1) - dt.timedelta(days=335)))
        self.date_to = QDateEdit(_qdate(today))
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton("统计")
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(QLabel("受理日期"))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("至"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.refresh_button)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        grid = QGridLayout()
        self.month_chart = QChartView()
        self.unit_chart = QChartView()
        for view in (self.month_chart, self.unit_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
        self.ranking_model = ListTableModel(ranking_columns(), parent=self)
        self.ranking = QTableView()
        prepare_view(self.ranking, self.ranking_model)
        grid.addWidget(self.month_chart, 0, 0)
        grid.addWidget(self.unit_chart, 0, 1)
        grid.addWidget(self.ranking, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout.addLayout(grid, 1)
        self.ranks: list[stats.UnitStats] = []
        self.job: Outcome[stats.Dashboard] | None = None

    def refresh(self) -> None:
        """Count the period's figures off the GUI thread (a year over a million appeals), then draw."""
        ctx = self.ctx
        start, end = pydate(self.date_from.date()), pydate(self.date_to.date())
        self.job = run_action(
            self,
            lambda: stats.dashboard(ctx.db, ctx.actor, now=ctx.now(), date_from=start, date_to=end),
            done=self.show_figures,
            area=READ,
            background=True,
            progress="正在统计，请稍候…",
        )

    def show_figures(self, figures: stats.Dashboard) -> None:
        total = figures.total
        self.total = total
        self.summary.setText(
            f"受理 {total.received:,} 件　办结 {total.finished:,} 件　结案率 {format_rate(total.closure_rate)}　"
            f"满意率 {format_rate(total.satisfaction_rate)}　按时响应率 {format_rate(total.response_rate)}　"
            f"超期 {total.overdue:,} 件"
        )
        months = figures.months
        chart = QChart()
        chart.setTitle("每月受理与办结（件）")
        received, finished = QBarSet("受理"), QBarSet("办结")
        for _m, s in months:
            received.append(s.received)
            finished.append(s.finished)
        series = QBarSeries()
        series.append(received)
        series.append(finished)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{int(m[5:])}月" for m, _ in months])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([s.received for _, s in months] + [1]) * 1.1)
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.month_chart.setChart(chart)

        self.ranks = figures.ranks
        busiest = sorted(self.ranks, key=lambda u: -u.stats.received)[:8]
        chart2 = QChart()
        chart2.setTitle("受理量前 8 的承办单位：结案率与满意率（%）")
        closure, satisfaction = QBarSet("结案率"), QBarSet("满意率")
        for u in busiest:
            closure.append(_pct(u.stats.closure_rate))
            satisfaction.append(_pct(u.stats.satisfaction_rate))
        s2 = QHorizontalBarSeries()
        s2.append(closure)
        s2.append(satisfaction)
        chart2.addSeries(s2)
        ax2 = QBarCategoryAxis()
        ax2.append([u.unit for u in busiest])
        ay2 = QValueAxis()
        ay2.setRange(80, 100)
        ay2.setLabelFormat("%d")
        chart2.addAxis(ax2, Qt.AlignmentFlag.AlignLeft)
        chart2.addAxis(ay2, Qt.AlignmentFlag.AlignBottom)
        s2.attachAxis(ax2)
        s2.attachAxis(ay2)
        chart2.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart2.setMargins(QMargins(4, 4, 4, 4))
        self.unit_chart.setChart(chart2)

        self.ranking_model.set_rows(list(enumerate(self.ranks, 1)))
