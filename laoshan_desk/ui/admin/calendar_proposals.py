"""建议调休（待确认）: the in-lieu days proposed for a provisional year, for the admin to confirm.

A holiday on a weekend gives a weekday off (全国年节及纪念日放假办法 art. 6; docs/rules.md
§calendar-in-lieu-days). The panel lists the proposals of the first provisional year among this
year and the next, each with a check box (ticked when not yet entered); 确认所选 enters the
ticked ones as days off in one change (services/calendar_proposals.confirm_in_lieu). It hides
itself when neither year is provisional. It lives in its own module so that the calendar page
only places it (the page is being moved to the table idiom by another change).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from laoshan_desk.services import calendar as calendar_service
from laoshan_desk.services import calendar_proposals
from laoshan_desk.services.calendar_proposals import InLieuRow
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import error_line
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def proposal_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("选择", lambda r: "", checkable=True, width=44),
        ColumnSpec("建议补假日", lambda r: f"{r.day.isoformat()} 周{'一二三四五六日'[r.day.weekday()]}", width=120),
        ColumnSpec("节日", lambda r: r.holiday.label, width=70),
        ColumnSpec("适逢周末", lambda r: r.instead_of.isoformat() if r.instead_of else "", width=100),
        ColumnSpec(
            "状态",
            lambda r: "已录入" if r.entered else "待确认",
            foreground=lambda r: "2E7D32" if r.entered else "B35C00",
            width=70,
        ),
    ]


class InLieuPanel(QWidget):
    def __init__(self, ctx: DeskContext, changed: Callable[[], None], parent: QWidget | None = None) -> None:
        """``changed``: what the page redraws after a confirmation (its month and its list)."""
        super().__init__(parent)
        self.ctx = ctx
        self._changed = changed
        self.year: int | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)  # the sentence names the article: it wraps, never clipped
        self.title.setStyleSheet("font-weight: bold;")
        self.model = ListTableModel(proposal_columns(), parent=self)
        self.view = QTableView(self)
        prepare_view(self.view, self.model)
        self.view.setMaximumHeight(200)
        self.confirm_button = QPushButton("确认所选")
        self.confirm_button.clicked.connect(self.confirm)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.error_label = error_line()
        self.errors = FieldErrors({"days": self.view, "year": self.view}, self.error_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.result_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        # empty until reload(): the calendar page reloads it with itself

    def reload(self) -> None:
        today = self.ctx.today()
        cal = calendar_service.work_calendar(self.ctx.db)
        self.year = next((y for y in (today.year, today.year + 1) if cal.is_provisional(y)), None)
        self.setVisible(self.year is not None)
        if self.year is None:
            self.model.set_rows([])
            return
        rows = calendar_proposals.in_lieu_proposals(self.ctx.db, self.ctx.actor, self.year)
        self.model.set_rows(rows, checked=lambda r: not r.entered)
        waiting = sum(not r.entered for r in rows)
        self.title.setText(
            f"建议调休（待确认）：{self.year} 年节日适逢周末应补假（全国年节及纪念日放假办法第六条），"
            f"{waiting} 天待确认；以国务院办公厅公布的安排为准"
        )
        self.confirm_button.setEnabled(waiting > 0)

    def chosen(self) -> list[InLieuRow]:
        return [r for r in self.model.checked_rows() if not r.entered]

    def confirm(self) -> None:
        if self.year is None:
            return
        form = calendar_proposals.InLieuConfirmation(self.year, tuple(r.day for r in self.chosen()))
        run_action(
            self,
            lambda: calendar_proposals.confirm_in_lieu(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=lambda result: self.result_label.setText(
                f"已录入 {len(result.days)} 个补假日；{result.moved} 件未办结诉求的办结时限随之变更。"
            ),
            refresh=self._changed,
        )
