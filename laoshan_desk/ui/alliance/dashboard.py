"""统计: the quarter figures as QtCharts (actions and batches, conformity and on-time rates,
complaints by outcome, pushes and awards) and a table, with the quarterly report as a workbook
(off the GUI thread) or a PDF (docs/rules/alliance.md §alliance-statistics)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from laoshan_desk.domain.alliance.stats import QuarterTotals, format_percent
from laoshan_desk.services.alliance import papers, stats
from laoshan_desk.ui.alliance.common import AREA, RIGHT, fill, status_errors
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.pdf_preview import preview_paper
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

BLUE, GREEN, ORANGE, RED, GREY = "#1F4E79", "#2E9D46", "#E6A700", "#D6322F", "#9E9E9E"


@dataclasses.dataclass(frozen=True)
class Line:
    """One line of the table: a quarter, or the period's total."""

    label: str
    t: QuarterTotals


def quarter_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("季度", lambda r: r.label, width=130),
        ColumnSpec("打假行动", lambda r: str(r.t.actions), align=RIGHT, width=70),
        ColumnSpec("抽检批次", lambda r: str(r.t.batches), align=RIGHT, width=70),
        ColumnSpec("合格率", lambda r: format_percent(r.t.conformity_rate), align=RIGHT, width=80),
        ColumnSpec("办结投诉举报", lambda r: str(r.t.complaints), align=RIGHT, width=90),
        ColumnSpec("按期办结率", lambda r: format_percent(r.t.on_time_rate), align=RIGHT, width=90),
        ColumnSpec("推送政策", lambda r: str(r.t.pushes), align=RIGHT, width=70),
        ColumnSpec("兑现奖励（元）", lambda r: f"{r.t.awards_paid:,.2f}", align=RIGHT, width=130),
    ]


def _view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


def _bars(title: str, categories: list[str], series: list[tuple[str, list[float], str]], unit: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSeries()
    top = 1.0
    for name, values, colour in series:
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        for v in values:
            bar.append(v)
            top = max(top, v)
        bars.append(bar)
    chart.addSeries(bars)
    x = QBarCategoryAxis()
    x.append(categories)
    y = QValueAxis()
    y.setRange(0, top * 1.15)
    y.setLabelFormat("%.0f")
    y.setTitleText(unit)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x)
    bars.attachAxis(y)
    return chart


class DashboardPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.job: Outcome[Any] | None = None
        self.report: stats.QuarterReport | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QComboBox()
        this_year = ctx.today().year
        fill(self.year, [(y, f"{y}年") for y in range(this_year, this_year - 6, -1)])
        self.pdf_button = QPushButton("季度报告（PDF）…")
        self.xlsx_button = QPushButton("季度报告（Excel）…")
        for w in (QLabel("统计年度"), self.year, self.pdf_button, self.xlsx_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        bar.addWidget(self.status)
        layout.addLayout(bar)
        self.grid = QGridLayout()
        self.charts: list[QChartView] = []
        layout.addLayout(self.grid, 3)
        self.table = ListTableModel(quarter_columns(), parent=self)
        self.table_view = QTableView()
        prepare_view(self.table_view, self.table)
        self.table_view.setMaximumHeight(180)
        layout.addWidget(self.table_view, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pdf_button.clicked.connect(lambda: self.preview_pdf())
        self.xlsx_button.clicked.connect(self._export_dialog)

    def period(self) -> tuple[dt.date, dt.date]:
        year = int(self.year.currentData() or self.ctx.today().year)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def refresh(self) -> stats.QuarterReport:
        first, last = self.period()
        report = stats.quarterly(self.ctx.db, self.ctx.actor, first=first, last=last)
        self.report = report
        rows = list(report.rows)
        self.table.set_rows([Line(r.quarter.label, r) for r in rows] + [Line("合计", report.total)])
        self._draw(rows, report.total)
        t = report.total
        self.status.setText(
            f"打假行动 {t.actions} 次 · 抽检 {t.batches} 批次（合格率 {format_percent(t.conformity_rate)}）· "
            f"办结投诉举报 {t.complaints} 件 · 推送政策 {t.pushes} 条 · 兑现 {t.awards_paid:,.2f} 元"
        )
        return report

    def _draw(self, rows: list[QuarterTotals], total: QuarterTotals) -> None:
        for view in self.charts:
            self.grid.removeWidget(view)
            view.hide()  # gone at once, not when deleteLater runs
            view.setParent(None)
            view.deleteLater()
        names = [f"第{'一二三四'[r.quarter.q - 1]}季度" for r in rows]
        activity = _bars(
            "打假行动与抽检批次",
            names,
            [("打假行动", [float(r.actions) for r in rows], RED), ("抽检批次", [float(r.batches) for r in rows], BLUE)],
            "次/批",
        )
        rates = QChart()
        rates.setTitle("合格率与按期办结率（%）")
        series_values = (
            ("合格率", [r.conformity_rate for r in rows], GREEN),
            ("按期办结率", [r.on_time_rate for r in rows], ORANGE),
        )
        for name, values, colour in series_values:
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(colour))
            for i, value in enumerate(values):
                if value is not None:
                    line.append(QPointF(i, float(value * 100)))
            rates.addSeries(line)
        x = QBarCategoryAxis()
        x.append(names)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%.0f")
        rates.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        rates.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in rates.series():
            series.attachAxis(x)
            series.attachAxis(y)
        outcomes = QChart()
        outcomes.setTitle("投诉举报办结结果")
        pie = QPieSeries()
        for outcome, n in total.by_outcome:
            pie.append(f"{outcome.label} {n}", n)
        if not total.by_outcome:
            pie.append("暂无办结", 1).setColor(QColor(GREY))
        outcomes.addSeries(pie)
        money = _bars(
            "推送政策与兑现奖励",
            names,
            [
                ("推送政策（条）", [float(r.pushes) for r in rows], BLUE),
                ("兑现奖励（万元）", [float(r.awards_paid / Decimal(10000)) for r in rows], GREEN),
            ],
            "条/万元",
        )
        self.charts = [_view(c) for c in (activity, rates, outcomes, money)]
        for i, view in enumerate(self.charts):
            self.grid.addWidget(view, i // 2, i % 2)

    def preview_pdf(self) -> QWidget | None:
        first, last = self.period()
        dialog = preview_paper(
            self,
            self.ctx,
            lambda: papers.quarterly_pdf(self.ctx.db, self.ctx.actor, first=first, last=last, now=self.ctx.now()),
            errors=status_errors(self.status),
        )
        if dialog is not None:
            self.dialog = dialog
        return dialog

    def start_export(self, path: Path) -> Outcome[Any]:
        first, last = self.period()
        self.job = run_action(
            self,
            lambda: papers.quarterly_workbook(
                self.ctx.db, self.ctx.actor, path, first=first, last=last, now=self.ctx.now()
            ),
            errors=status_errors(self.status),
            done=lambda p: self.status.setText(f"已导出季度报告到 {Path(p).name}"),
            area=AREA,
            background=True,
            progress="正在生成季度报告，请稍候…",
        )
        return self.job

    def _export_dialog(self) -> None:  # pragma: no cover - native file dialog
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self, "导出季度报告", "兴商护航联盟季度报告.xlsx", "Excel 工作簿 (*.xlsx)"
        )
        if name:
            self.start_export(Path(name))
