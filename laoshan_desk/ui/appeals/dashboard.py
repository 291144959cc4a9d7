"""统计分析 (QtCharts: received and finished per month; closure and satisfaction by unit; the
ranking table)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import format_rate
from laoshan_desk.services.appeals import stats
from laoshan_desk.ui.context import DeskContext


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pct(value: Any) -> float:
    return float(value * 100) if value is not None else 0.0


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
        self.ranking = QTableWidget(0, 8)
        self.ranking.setHorizontalHeaderLabels(
            ["名次", "承办单位", "受理", "按时响应率", "办结", "结案率", "满意率", "超期"]
        )
        self.ranking.verticalHeader().hide()
        self.ranking.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.ranking.verticalHeader().setDefaultSectionSize(22)
        self.ranking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, w in enumerate((44, 180, 60, 86, 60, 76, 76, 50)):
            self.ranking.setColumnWidth(i, w)
        grid.addWidget(self.month_chart, 0, 0)
        grid.addWidget(self.unit_chart, 0, 1)
        grid.addWidget(self.ranking, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout.addLayout(grid, 1)
        self.ranks: list[stats.UnitStats] = []

    def refresh(self) -> None:
        ctx = self.ctx
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        total = stats.statistics(ctx.db, ctx.actor, ctx.now(), start, end)
        self.total = total
        self.summary.setText(
            f"受理 {total.received:,} 件　办结 {total.finished:,} 件　结案率 {format_rate(total.closure_rate)}　"
            f"满意率 {format_rate(total.satisfaction_rate)}　按时响应率 {format_rate(total.response_rate)}　"
            f"超期 {total.overdue:,} 件"
        )
        months = stats.monthly(ctx.db, ctx.actor, ctx.now(), start, end)
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

        self.ranks = stats.ranking(ctx.db, ctx.actor, ctx.now(), start, end)
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

        self.ranking.setRowCount(len(self.ranks))
        for i, u in enumerate(self.ranks):
            s = u.stats
            values = [
                str(i + 1),
                u.unit,
                f"{s.received:,}",
                format_rate(s.response_rate),
                f"{s.finished:,}",
                format_rate(s.closure_rate),
                format_rate(s.satisfaction_rate),
                str(s.overdue),
            ]
            for j, v in enumerate(values):
                item = QTableWidgetItem(v)
                if j != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.ranking.setItem(i, j, item)
