"""The wall chart (挂图作战): a Gantt chart of a project's must-do items in a QGraphicsView.

One column per working day of the desk's calendar (weekends and holidays are left out, make-up
working days are in), one track per item in schedule order so parallel items run side by side.
Each bar spans the item's planned start to its node (planned finish) in the colour of its light
(grey when ticked off, drawn from its real dates); a pale tail runs on to the latest finish
(the slack); a diamond marks the node date, a pin a moved node. Arrows join each prerequisite's
end to its dependent's start. A red line marks today, a blue one the target (opening) date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light

DAY_W = 16.0
MIN_DAY_W = 9.0  # below this the chart scrolls instead of shrinking
ROW_H = 26.0
BAR_H = 14.0
LABEL_W = 300.0
HEADER_H = 44.0
TODAY_COLOUR = QColor("#D6322F")
TARGET_COLOUR = QColor("#1F4E79")


class GanttView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QBrush(QColor("#FFFFFF")))
        self.bars: dict[str, QGraphicsRectItem] = {}
        self.arrows: list[tuple[str, str]] = []
        self.days: list[dt.date] = []
        self.today_x: float | None = None
        self.target_x: float | None = None
        self.node_labels: dict[str, str] = {}
        self.day_w = DAY_W

    # -- geometry ------------------------------------------------------------------------------
    def x_of(self, day: dt.date, *, end: bool = False) -> float:
        """Left edge of ``day``'s column (right edge with ``end``); a day off sits at the next
        working day's left edge."""
        i = bisect.bisect_left(self.days, day)
        exact = i < len(self.days) and self.days[i] == day
        return LABEL_W + (i + (1 if end and exact else 0)) * self.day_w

    # -- drawing -------------------------------------------------------------------------------
    def show_project(self, project: Any, calendar: WorkCalendar) -> None:
        self._last = (project, calendar)
        self._room = self._available()
        scene = self.scene()
        scene.clear()
        self._today: dt.date | None = project.today
        self.bars.clear()
        self.arrows.clear()
        self.node_labels.clear()
        must = [i for i in project.items if i.must_do and i.earliest_start and i.earliest_finish]
        must.sort(key=lambda i: (i.earliest_start, i.earliest_finish, i.code))
        if not must:
            scene.addSimpleText("没有必办事项可排期").setPos(10, 10)
            return
        first = min([project.start_date] + [i.earliest_start for i in must])
        last = max(
            [project.target_date]
            + [i.latest_finish or i.earliest_finish for i in must]
            + [i.earliest_finish for i in must]
        )
        if project.today <= project.target_date + dt.timedelta(days=30):
            # a project in progress shows today; a finished one keeps to its own dates
            first, last = min(first, project.today), max(last, project.today)
        self.days = [
            first + dt.timedelta(days=n)
            for n in range((last - first).days + 1)
            if calendar.is_workday(first + dt.timedelta(days=n))
        ]
        room = self._room
        self.day_w = max(MIN_DAY_W, min(44.0, room / max(1, len(self.days))))
        dw = self.day_w
        width = LABEL_W + len(self.days) * dw
        height = HEADER_H + len(must) * ROW_H
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 2))
        # header: months and day numbers, alternate week shading
        month_start = 0
        for n, day in enumerate(self.days):
            x = LABEL_W + n * dw
            if n == 0 or day.month != self.days[n - 1].month:
                month_start = n
                left_in_month = sum(1 for d in self.days[n:] if d.month == day.month and d.year == day.year)
                if left_in_month * dw >= 70:
                    label = scene.addSimpleText(f"{day.year}年{day.month}月")
                    label.setPos(x + 2, 2)
                scene.addLine(x, 0, x, height, QPen(QColor("#9E9E9E"), 1))
            step = 1 if dw >= 20 else 2 if dw >= 12 else 5
            if n >= month_start and (step == 1 or (day.day % step == 1 % step and day.day < 30)):
                t = scene.addSimpleText(str(day.day))
                t.setFont(small)
                t.setPos(x + 1, 22)
            if day.isocalendar()[1] % 2 == 0:
                shade = scene.addRect(
                    QRectF(x, HEADER_H, dw, height - HEADER_H), QPen(Qt.PenStyle.NoPen), QBrush(QColor("#F4F6F9"))
                )
                shade.setZValue(-2)
        scene.addLine(0, HEADER_H, width, HEADER_H, QPen(QColor("#9E9E9E")))
        # rows
        rows: dict[str, float] = {}
        for r, item in enumerate(must):
            y = HEADER_H + r * ROW_H
            rows[item.code] = y
            if r % 2:
                band = scene.addRect(QRectF(0, y, width, ROW_H), QPen(Qt.PenStyle.NoPen), QBrush(QColor("#FAFAFA")))
                band.setZValue(-3)
            name = item.name if len(item.name) <= 18 else item.name[:17] + "…"
            label = scene.addSimpleText(f"{item.code} {name}" + (" ★" if item.critical else ""))
            label.setPos(4, y + 5)
            label.setToolTip(f"{item.code} {item.name}\n{item.department} · {item.responsible or '未指定责任人'}")
            if item.critical:
                bold = QFont(self.font())
                bold.setBold(True)
                label.setFont(bold)
            self._bar(scene, item, y, small)
        # arrows from each prerequisite's end to the dependent's start
        by_code = {i.code: i for i in must}
        pen = QPen(QColor("#5B6B7F"), 1.2)
        for item in must:
            for p in item.prerequisites:
                if p not in by_code:
                    continue
                src = self.bars[p].rect()
                dst = self.bars[item.code].rect()
                start = QPointF(src.right(), src.center().y())
                end = QPointF(dst.left(), dst.center().y())
                path = QPainterPath(start)
                elbow = max(start.x() + 4, min(end.x() - 4, start.x() + 6))
                path.lineTo(elbow, start.y())
                path.lineTo(elbow, end.y())
                path.lineTo(end)
                arrow = QGraphicsPathItem(path)
                arrow.setPen(pen)
                arrow.setZValue(1)
                scene.addItem(arrow)
                head = QPolygonF([end, QPointF(end.x() - 5, end.y() - 3.5), QPointF(end.x() - 5, end.y() + 3.5)])
                scene.addPolygon(head, pen, QBrush(pen.color())).setZValue(1)
                self.arrows.append((p, item.code))
        # today and target lines
        self.today_x = None
        if self.days and self.days[0] <= project.today <= self.days[-1] + dt.timedelta(days=3):
            self.today_x = self.x_of(project.today) + (dw / 2 if project.today in self.days else 0)
            today = scene.addLine(
                self.today_x, HEADER_H - 6, self.today_x, height + 18, QPen(TODAY_COLOUR, 2, Qt.PenStyle.DashLine)
            )
            today.setZValue(3)
            tl = scene.addSimpleText(f"今天 {project.today:%m-%d}")
            tl.setBrush(QBrush(TODAY_COLOUR))
            tl.setPos(self.today_x + 3, height + 4)
            tl.setZValue(3)
        target_day = calendar.previous_workday(project.target_date, inclusive=False)
        self.target_x = self.x_of(target_day, end=True)
        target = scene.addLine(self.target_x, HEADER_H - 6, self.target_x, height + 36, QPen(TARGET_COLOUR, 2))
        target.setZValue(2)
        gl = scene.addSimpleText(f"目标开业 {project.target_date:%m-%d}")
        gl.setBrush(QBrush(TARGET_COLOUR))
        gl.setPos(self.target_x + 3, height + 22)
        legend = scene.addSimpleText(
            "条：计划办理期（颜色＝亮灯，灰＝已销号）　细条：机动时间至最迟完成　◇ 节点日期　〔调〕已调整节点　"
            "虚框：已过计划节点仍未办结　箭头：前置事项　★ 关键路径"
        )
        legend.setFont(small)
        legend.setPos(4, height + 40)
        extra = 0.0
        widest = legend.boundingRect().width() + 8
        for move in getattr(project, "moves", ()):
            note = scene.addSimpleText(
                f"节点调整：{move.code} {move.name} {move.from_date:%m-%d} → {move.to_date:%m-%d}"
                f"（{move.decided_by} {move.decided_on or ''}）：{move.reason[:60]}"
            )
            note.setFont(small)
            note.setBrush(QBrush(QColor("#B35C00")))
            note.setPos(4, height + 58 + extra)
            widest = max(widest, note.boundingRect().width() + 8)
            extra += 16
        # Wide enough for the notes too, so a long reason can be scrolled to, not cut off.
        scene.setSceneRect(QRectF(0, 0, max(width + 140, 900, widest), height + 66 + extra))
        if self.today_x is not None:
            self.centerOn(self.today_x, 0)

    def _bar(self, scene: QGraphicsScene, item: Any, y: float, small: QFont) -> None:
        colour = QColor("#" + (Light.GREY.rgb if item.done else item.light.rgb))
        x0 = self.x_of(item.earliest_start)
        x1 = max(self.x_of(item.earliest_finish, end=True), x0 + self.day_w / 2)
        top = y + (ROW_H - BAR_H) / 2
        if item.latest_finish and not item.done and item.latest_finish > item.earliest_finish:
            tail = scene.addRect(
                QRectF(x1, top + BAR_H / 2 - 2, self.x_of(item.latest_finish, end=True) - x1, 4),
                QPen(Qt.PenStyle.NoPen),
                QBrush(colour.lighter(170)),
            )
            tail.setToolTip(f"机动 {item.slack_days} 个工作日，最迟完成 {item.latest_finish.isoformat()}")
        if not item.done and self._today is not None and item.earliest_finish < self._today:
            overdue = QGraphicsRectItem(QRectF(x1, top, max(0.0, self.x_of(self._today) - x1), BAR_H))
            overdue.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
            overdue.setZValue(1)
            overdue.setToolTip(f"计划节点 {item.earliest_finish.isoformat()} 已过，事项仍在办理（{item.status_label}）")
            scene.addItem(overdue)
        bar = QGraphicsRectItem(QRectF(x0, top, x1 - x0, BAR_H))
        bar.setBrush(QBrush(colour))
        bar.setPen(QPen(colour.darker(130), 2 if item.critical else 1))
        bar.setZValue(2)
        bar.setToolTip(
            "\n".join(
                [
                    f"{item.code} {item.name}",
                    f"{item.department} · 责任人 {item.responsible or '—'}",
                    f"状态：{item.status_label}"
                    + (f"（{item.finished_on.isoformat()} 销号）" if item.finished_on else ""),
                    f"最早 {item.earliest_start.isoformat()} ～ {item.earliest_finish.isoformat()}",
                    f"最迟 {item.latest_start.isoformat() if item.latest_start else '—'}"
                    f" ～ {item.latest_finish.isoformat() if item.latest_finish else '—'}",
                    f"亮灯：{item.signal.label}" + ("；可发证" if item.ready else ""),
                ]
            )
        )
        scene.addItem(bar)
        self.bars[item.code] = bar
        # node diamond and date
        cx, cy = x1, top + BAR_H / 2
        diamond = QPolygonF([QPointF(cx, cy - 6), QPointF(cx + 6, cy), QPointF(cx, cy + 6), QPointF(cx - 6, cy)])
        node = scene.addPolygon(
            diamond, QPen(QColor("#333333")), QBrush(QColor("#FFFFFF") if not item.done else QColor("#9E9E9E"))
        )
        node.setZValue(4)
        text = f"{item.earliest_finish:%m-%d}" + (" 〔调〕" if item.pinned else "") + (" 可发证" if item.ready else "")
        self.node_labels[item.code] = text
        label = QGraphicsSimpleTextItem(text)
        label.setFont(small)
        label.setPos(cx + 8, top - 1)
        label.setZValue(4)
        scene.addItem(label)

    # -- interaction ---------------------------------------------------------------------------
    def _available(self) -> float:
        return max(400.0, self.viewport().width() - LABEL_W - 150)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        last = getattr(self, "_last", None)
        if last is not None and abs(self._available() - self._room) > 40:
            self.show_project(*last)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, 1.0)
            return
        super().wheelEvent(event)
