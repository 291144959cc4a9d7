"""统计分析 (QtCharts: received and finished per month; closure and satisfaction by unit; the
ranking table), 未诉先办 (hot spots and the work brief), and the SMS outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import format_rate
from laoshan_desk.services import appeals_stats as stats
from laoshan_desk.services import audit, sms
from laoshan_desk.ui.common.paged_model import ColumnSpec, PagedTableModel
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
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


class HotSpotsWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.weeks = QComboBox()
        for w in (1, 2, 4, 8, 13):
            self.weeks.addItem(f"近 {w} 周", w)
        self.weeks.setCurrentIndex(2)
        self.analyse_button = QPushButton("分析")
        self.brief_button = QPushButton("生成工作简报…")
        self.analyse_button.clicked.connect(self.refresh)
        self.brief_button.clicked.connect(self.brief)
        bar.addWidget(self.weeks)
        bar.addWidget(self.analyse_button)
        bar.addWidget(self.brief_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.text = QTextBrowser()
        layout.addWidget(self.text, 1)
        self.preview: PdfPreviewDialog | None = None

    def refresh(self) -> None:
        sp = stats.hot_spots(self.ctx.db, self.ctx.actor, self.ctx.now(), self.weeks.currentData())
        self.spots = sp
        parts = [
            f"<h3>{sp.date_from:%Y-%m-%d} 至 {sp.date_to:%Y-%m-%d}：诉求 {sp.appeals:,} 件</h3>",
            "<p><b>热点词</b>：" + ("、".join(f"{k}（{n}）" for k, n in sp.topics) or "无") + "</p>",
            "<p><b>本周激增</b>：" + ("；".join(sp.surges) or "无") + "</p>",
            "<p><b>各社区（村）主要问题</b></p><ul>",
        ]
        parts += [f"<li>{c}：{'、'.join(f'{k} {n} 件' for k, n in top)}</li>" for c, top in sp.by_community]
        parts.append(
            "</ul><p><b>反复诉求的地点</b>："
            + ("；".join(f"{p}（{n}）" for p, n in sp.repeat_places) or "无")
            + "</p><p><b>反复来电</b>："
            + ("；".join(f"{p}（{n}）" for p, n in sp.repeat_phones) or "无")
            + "</p>"
        )
        self.text.setHtml("".join(parts))

    def brief(self) -> None:
        pdf = stats.work_brief(self.ctx.db, self.ctx.actor, self.ctx.now(), self.weeks.currentData())
        db, actor = self.ctx.db, self.ctx.actor
        self.preview = PdfPreviewDialog(
            pdf,
            "工作简报",
            f"工作简报-{self.ctx.today():%Y%m%d}.pdf",
            on_printed=lambda: audit.record(db, actor, "print", "appeal_brief", None, "打印工作简报"),
            on_saved=lambda p: audit.record(db, actor, "export", "appeal_brief", None, f"保存工作简报 {p.name}"),
            parent=self,
        )
        self.preview.open()


class OutboxWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.state = QComboBox()
        self.state.addItem("全部短信", None)
        for code, label in sms.STATE_LABELS.items():
            self.state.addItem(label, code)
        self.send_button = QPushButton("立即发送待发短信")
        self.retry_button = QPushButton("重发所选")
        self.info = QLabel()
        bar.addWidget(self.state)
        bar.addWidget(self.send_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.info, 1)
        layout.addLayout(bar)
        columns = [
            ColumnSpec("创建时间", lambda r: r.created_at.strftime("%Y-%m-%d %H:%M"), None, width=122),
            ColumnSpec("诉求编号", lambda r: r.appeal_number, None, width=140),
            ColumnSpec("手机号", lambda r: r.phone, None, width=110),
            ColumnSpec(
                "状态",
                lambda r: r.state_label,
                None,
                width=130,
                foreground=lambda r: {"sent": "2E9D46", "failed": "E6A700", "gave_up": "D6322F"}.get(r.state),
            ),
            ColumnSpec("次数", lambda r: str(r.attempts), None, width=44),
            ColumnSpec(
                "发送时间", lambda r: r.sent_at.strftime("%Y-%m-%d %H:%M") if r.sent_at else "", None, width=122
            ),
            ColumnSpec("错误", lambda r: r.last_error, None, width=140),
            ColumnSpec("短信内容", lambda r: r.text, None, width=520),
        ]
        self.model = PagedTableModel(columns, self._fetch, self._count, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for i, w in enumerate(self.model.column_widths()):
            self.view.setColumnWidth(i, w)
        layout.addWidget(self.view, 1)
        self.state.currentIndexChanged.connect(self.model.reload)
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self.retry_selected)

    def _fetch(self, offset: int, limit: int, _sort: Any, _desc: bool) -> list[sms.OutboxRow]:
        return sms.outbox(self.ctx.db, self.ctx.actor, self.state.currentData(), offset, limit)[0]

    def _count(self) -> int:
        return sms.outbox(self.ctx.db, self.ctx.actor, self.state.currentData(), 0, 0)[1]

    def send_now(self, gateway: Any = None) -> sms.SendReport:
        report = sms.send_pending(self.ctx.db, self.ctx.actor, self.ctx.now(), gateway or None)
        self.info.setText(
            ("短信网关离线，短信保留在发件箱，稍后自动重试。" if report.offline else "")
            + f"本次发送成功 {report.sent} 条，失败 {report.failed} 条，待发 {report.waiting} 条"
        )
        self.model.reload()
        return report

    def retry_selected(self) -> None:
        from laoshan_desk.ui.common.paged_model import RowRole

        index = self.view.currentIndex()
        row = self.model.data(index, RowRole) if index.isValid() else None
        if row is not None:
            sms.retry(self.ctx.db, self.ctx.actor, row.id, self.ctx.now())
            self.model.reload()
