"""专题研讨: the quarterly seminars with their topics, attendees and materials."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import seminars
from laoshan_desk.ui.alliance.common import RIGHT
from laoshan_desk.ui.alliance.dialogs_policies import SeminarDialog
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def seminar_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("季度", lambda s: s.quarter.label, sort_value=lambda s: s.held_on, width=130),
        ColumnSpec("日期", lambda s: f"{s.held_on:%Y-%m-%d}", sort_value=lambda s: s.held_on, width=90),
        ColumnSpec("活动名称", lambda s: s.title, width=260),
        ColumnSpec("专题", lambda s: s.topics_text, width=220),
        ColumnSpec("形式", lambda s: s.format.label, width=80),
        ColumnSpec("参会", lambda s: str(s.attendees), align=RIGHT, width=50),
        ColumnSpec(
            "参会企业", lambda s: "、".join(s.enterprises), tooltip=lambda s: "\n".join(s.enterprises), width=220
        ),
        ColumnSpec("材料", lambda s: "、".join(s.materials), width=180),
    ]


class SeminarsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton("登记研讨…")
        self.add_button.setEnabled(ctx.actor.may(alliance.EDIT))
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self.status = QLabel()
        bar.addWidget(self.status)
        layout.addLayout(bar)
        self.model = ListTableModel(seminar_columns(), parent=self)
        self.view = QTableView()
        prepare_view(self.view, self.model)
        layout.addWidget(self.view, 1)
        self.add_button.clicked.connect(self.open_new)
        self.reload()

    def reload(self) -> None:
        rows = seminars.list_seminars(self.ctx.db, self.ctx.actor)
        self.model.set_rows(rows)
        self.status.setText(f"共 {len(rows)} 次，参会 {sum(r.attendees for r in rows)} 人次")

    def open_new(self) -> SeminarDialog:
        dialog = SeminarDialog(self.ctx, self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog
