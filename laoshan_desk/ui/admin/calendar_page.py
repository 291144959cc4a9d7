"""The working-day calendar: overrides (holidays, make-up working days), Excel import, year status.

The month shows each kind of day in its own colours, explained by the legend under it
(休息日 · 调休上班日 · 节假日 · 管理员调整); the navigation reads 2026年11月 like a Chinese calendar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import calendar as calendar_service
from laoshan_desk.ui.admin.calendar_proposals import InLieuPanel
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dates import pydate, qdate
from laoshan_desk.ui.common.dialogs import error_line
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

# kind of day -> (text colour, background or "", bold): the month and its legend use the same.
DAY_STYLES: dict[str, tuple[str, str, bool]] = {
    "休息日": ("#D6322F", "", False),
    "调休上班日": ("#000000", "#FFF2CC", False),
    "节假日": ("#D6322F", "#FDE2E1", False),
    "管理员调整": ("#1F4E79", "", True),
}


def override_columns() -> list[ColumnSpec]:
    """The list of the admin's adjustments (a few dozen a year: in memory)."""
    return [
        ColumnSpec("日期", lambda o: o.day.isoformat(), sort_value=lambda o: o.day, width=110),
        ColumnSpec(
            "类型", lambda o: "调休上班" if o.is_workday else "放假", sort_value=lambda o: o.is_workday, width=140
        ),
        ColumnSpec("说明", lambda o: o.note, sort_value=lambda o: o.note),
    ]


def day_format(kind: str, base: QTextCharFormat | None = None) -> QTextCharFormat:
    fg, bg, bold = DAY_STYLES[kind]
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    if kind != "管理员调整":
        fmt.setForeground(QColor(fg))
    if bg:
        fmt.setBackground(QColor(bg))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontUnderline(True)
    return fmt


class CalendarPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = ctx.today()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B35C00;")
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self.calendar.setSelectedDate(qdate(today))
        self.calendar.setNavigationBarVisible(False)  # its own reads 十一月 2026; ours 2026年11月
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.previous_month = QToolButton()
        self.previous_month.setText("◀ 上月")
        self.previous_month.clicked.connect(self.calendar.showPreviousMonth)
        self.next_month = QToolButton()
        self.next_month.setText("下月 ▶")
        self.next_month.clicked.connect(self.calendar.showNextMonth)
        self.today_button = QToolButton()
        self.today_button.setText("今天")
        self.today_button.clicked.connect(lambda: self.calendar.setCurrentPage(today.year, today.month))
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_month)
        navigation.addWidget(self.month_label, 1)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.next_month)
        self.legend = QHBoxLayout()
        self.legend_labels: dict[str, QLabel] = {}
        self.legend.addWidget(QLabel("图例："))
        for kind, (fg, bg, bold) in DAY_STYLES.items():
            style = f"color: {fg}; padding: 1px 6px; border: 1px solid #CCC;"
            style += f" background: {bg};" if bg else ""
            style += " font-weight: bold; text-decoration: underline;" if bold else ""
            swatch = QLabel(kind)
            swatch.setStyleSheet(style)
            self.legend_labels[kind] = swatch
            self.legend.addWidget(swatch)
        self.legend.addStretch(1)
        self.calendar.currentPageChanged.connect(lambda *_: self.paint_month())
        self.calendar.selectionChanged.connect(self._picked)
        self.day_info = QLabel()
        self.moved_info = QLabel()  # how many stored deadlines the last change moved
        self.moved_info.setObjectName("movedInfo")
        self.moved_info.setWordWrap(True)
        self.error_label = error_line()  # a refusal without a field of its own (a file that cannot be read)
        self.date_edit = QDateEdit(qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("调休上班（工作日）", True)
        self.kind_combo.addItem("放假（休息日）", False)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(100)
        self.note_edit.setPlaceholderText("例如：国庆节调休")
        form = QFormLayout()
        form.addRow("日期", self.date_edit)
        form.addRow("类型", self.kind_combo)
        form.addRow("说明", self.note_edit)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("保存调整")
        self.remove_button = QPushButton("删除所选调整")
        self.import_button = QPushButton("从 Excel 导入…")
        self.confirm_button = QPushButton(f"标记 {today.year + 1} 年调休已录入")
        for b in (self.add_button, self.remove_button, self.import_button, self.confirm_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.save_override)
        self.remove_button.clicked.connect(self.remove_override)
        self.import_button.clicked.connect(self.import_dialog)
        self.confirm_button.clicked.connect(lambda: self.confirm_year(today.year + 1))
        self.model = ListTableModel(override_columns(), parent=self)
        self.table = QTableView(self)
        prepare_view(self.table, self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        left = QVBoxLayout()
        left.addLayout(navigation)
        left.addWidget(self.calendar)
        left.addLayout(self.legend)
        left.addWidget(self.day_info)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.error_label)
        right.addWidget(self.moved_info)
        right.addWidget(QLabel("管理员录入的调整（优先于内置日历）："))
        right.addWidget(self.table)
        self.in_lieu = InLieuPanel(ctx, self.reload)  # 建议调休（待确认）, only in a provisional year
        right.addWidget(self.in_lieu)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(body)
        self.errors = FieldErrors({"day": self.date_edit, "note": self.note_edit}, self.error_label)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(calendar_service.list_overrides(self.ctx.db))
        self.in_lieu.reload()
        warnings = calendar_service.warnings(self.ctx.db, self.ctx.today())
        self.warning.setText("⚠ " + "；".join(warnings) if warnings else "本年和下一年的节假日与调休安排已齐全。")
        self.paint_month()
        self._picked()

    def paint_month(self) -> None:
        cal = calendar_service.work_calendar(self.ctx.db)
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        self.month_label.setText(f"{year}年{month}月")
        overrides = cal.overrides()
        work = QTextCharFormat()
        work.setForeground(QColor("#000000"))
        start = dt.date(year, month, 1) - dt.timedelta(days=7)
        for i in range(50):
            day = start + dt.timedelta(days=i)
            kind = self.day_kind(cal.is_workday(day), day)
            fmt = work if kind is None else day_format(kind)
            if day in overrides:
                fmt = day_format("管理员调整", fmt)
            self.calendar.setDateTextFormat(qdate(day), fmt)

    @staticmethod
    def day_kind(workday: bool, day: dt.date) -> str | None:
        """The legend's word for a day (None: an ordinary working day)."""
        weekend = day.weekday() >= 5
        if workday:
            return "调休上班日" if weekend else None
        return "休息日" if weekend else "节假日"

    def _picked(self) -> None:
        day = pydate(self.calendar.selectedDate())
        cal = calendar_service.work_calendar(self.ctx.db)
        kind = "工作日" if cal.is_workday(day) else "休息日"
        provisional = "（该年调休尚未录入，按法定节假日推算）" if cal.is_provisional(day.year) else ""
        self.day_info.setText(
            f"{day.isoformat()}：{kind}{provisional}；其后第 3 个工作日是 {cal.add_workdays(day, 3).isoformat()}"
        )
        self.date_edit.setDate(qdate(day))

    def save_override(self) -> None:
        day = pydate(self.date_edit.date())
        run_action(
            self,
            lambda: calendar_service.set_override(
                self.ctx.db,
                self.ctx.actor,
                calendar_service.OverrideForm(day, self.kind_combo.currentData(), self.note_edit.text()),
                now=self.ctx.now(),
            ),
            errors=self.errors,
            done=lambda moved: self._moved(day, moved),
            refresh=self.reload,
        )

    def _moved(self, day: dt.date, moved: int) -> None:
        self.moved_info.setText(
            f"已保存 {day.isoformat()} 的调整：{moved} 件未办结诉求的办结时限随之变更。"
            if moved
            else f"已保存 {day.isoformat()} 的调整：没有诉求的办结时限因此变更。"
        )

    def selected_override(self) -> calendar_service.OverrideRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def remove_override(self) -> None:
        def remove() -> tuple[dt.date, int]:
            row = self.selected_override()
            if row is None:  # said on the page, under the buttons: no box to click away
                raise ValidationError("请先在右侧列表中选择一条调整")
            return row.day, calendar_service.remove_override(
                self.ctx.db, self.ctx.actor, calendar_service.OverrideRemoval(row.day), now=self.ctx.now()
            )

        run_action(
            self,
            remove,
            errors=self.errors,
            done=lambda result: self._moved(*result),
            refresh=self.reload,
        )

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入节假日调整", "", "Excel 文件 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> calendar_service.CalendarImportReport | None:
        """Import a workbook of overrides; the result (and each refused row) is written on the page."""
        outcome = run_action(
            self,
            lambda: calendar_service.import_overrides(self.ctx.db, self.ctx.actor, path, now=self.ctx.now()),
            errors=self.errors,
            done=lambda report: self.moved_info.setText(
                "\n".join(["导入结果：" + report.summary() + "。", *report.lines()])
            ),
            refresh=self.reload,
        )
        return outcome.result

    def confirm_year(self, year: int) -> None:
        run_action(
            self,
            lambda: calendar_service.confirm_year(
                self.ctx.db, self.ctx.actor, calendar_service.YearConfirmation(year), now=self.ctx.now()
            ),
            errors=self.errors,
            refresh=self.reload,
        )
