"""One appeal: facts, clocks, timeline, attachments (pictures previewed), and the actions its
status allows as buttons. Inputs for the actions (a note, a visit result, a date) sit in one
row above the buttons, so every action is a click and nothing blocks in a modal prompt; what
the buttons do is in :mod:`.acting`."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import Satisfaction
from laoshan_desk.domain.appeals.steps import ProxyTaskState, SuspensionReason
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import appeals as svc
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

from .acting import NO_DATE, DetailActionsBase


def _dt(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def timeline_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("时间", lambda e: _dt(e.at), width=122),
        ColumnSpec("办理人", lambda e: e.actor_name or e.username, width=80),
        ColumnSpec("环节", lambda e: e.action_label, width=70),
        ColumnSpec("状态", lambda e: e.move_label, width=120),
        # The last column stretches over what is left: its width is only where it starts, kept small
        # enough that the dialog at its default size needs no horizontal scroll bar.
        ColumnSpec("说明", lambda e: (e.unit_name + "：" if e.unit_name else "") + e.note, width=200),
    ]


class AppealDetailDialog(DetailActionsBase):
    def __init__(self, ctx: DeskContext, appeal_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.appeal_id = ctx, appeal_id
        self.sub_dialog: QDialog | None = None
        self.resize(1180, 740)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("header")
        self.header.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("kind", "类型 / 渠道"),
            ("appellant", "诉求人"),
            ("phone", "联系电话"),
            ("enterprise", "企业"),
            ("place", "地点"),
            ("unit", "承办"),
            ("response", "响应时限"),
            ("completion", "办结时限"),
            ("result", "办理结果"),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            self.facts.addRow(label, value)
        self.show_phone = QPushButton("显示完整号码")
        self.show_phone.setVisible(False)
        self.show_phone.clicked.connect(self._show_full_phone)
        self.facts.addRow("", self.show_phone)
        lv.addLayout(self.facts)
        self.content = QPlainTextEdit()
        self.content.setReadOnly(True)
        self.content.setMaximumHeight(110)
        lv.addWidget(QLabel("诉求内容"))
        lv.addWidget(self.content)
        att_row = QHBoxLayout()
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(100)
        self.preview = QLabel("（选择图片附件可预览）")
        self.preview.setFixedSize(180, 100)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #ccc;")
        self.attachments.currentItemChanged.connect(self._preview)
        att_row.addWidget(self.attachments, 1)
        att_row.addWidget(self.preview)
        lv.addWidget(QLabel("附件"))
        lv.addLayout(att_row)
        split.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel("办理过程"))
        self.timeline = ListTableModel(timeline_columns(), parent=self)
        self.timeline_view = QTableView()
        prepare_view(self.timeline_view, self.timeline)
        rv.addWidget(self.timeline_view, 1)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        rv.addWidget(self.extra)
        split.addWidget(right)
        split.setSizes([470, 690])
        layout.addWidget(split, 1)

        box = QGroupBox("办理")
        grid = QGridLayout(box)
        self.note = QLineEdit()
        self.note.setPlaceholderText("说明 / 办理结果 / 退单原因 / 挂起原因 / 延期理由")
        # Every choice starts empty: nothing is recorded unless the clerk picked it.
        self.visit_result = self._choice("请选择回访结果", Satisfaction.choices())
        self.reopen = QCheckBox("不满意时重新办理")
        self.suspend_kind = self._choice("请选择挂起类别", SuspensionReason.choices())
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setMinimumDate(NO_DATE)
        self.until.setSpecialValueText("请选择日期")
        self.until.setDate(NO_DATE)
        self.proxy_service = self._choice(
            "请选择帮代办事项",
            [(p.id, f"{p.category} · {p.name}") for p in svc.proxy_services(ctx.db, ctx.actor)],
        )
        self.proxy_service.setToolTip("转帮代办时选择的服务事项")
        self.input_labels: dict[str, QLabel] = {}

        def caption(key: str, text: str) -> QLabel:
            self.input_labels[key] = QLabel(text)
            return self.input_labels[key]

        grid.addWidget(caption("note", "说明"), 0, 0)
        grid.addWidget(self.note, 0, 1, 1, 4)
        grid.addWidget(caption("proxy", "帮代办事项"), 0, 5)
        grid.addWidget(self.proxy_service, 0, 6)
        grid.addWidget(caption("visit", "回访结果"), 1, 0)
        grid.addWidget(self.visit_result, 1, 1)
        grid.addWidget(self.reopen, 1, 2)
        grid.addWidget(caption("suspend", "挂起类别"), 1, 3)
        grid.addWidget(self.suspend_kind, 1, 4)
        grid.addWidget(caption("extend", "延期至"), 1, 5)
        grid.addWidget(self.until, 1, 6)
        self.buttons_row = QHBoxLayout()
        grid.addLayout(self.buttons_row, 2, 0, 1, 7)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #D6322F;")
        self.error.setWordWrap(True)
        grid.addWidget(self.error, 3, 0, 1, 7)
        layout.addWidget(box)
        self.errors = FieldErrors(
            {
                "note": self.note,
                "result": self.note,
                "reason": self.note,
                "until": self.until,
                "reopen": self.reopen,
                "service": self.proxy_service,
                "reason_kind": self.suspend_kind,
                "merge": self.note,
            },
            self.error,
        )
        self.action_buttons: dict[str, QPushButton] = {}
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        d = svc.detail(self.ctx.db, self.ctx.actor, self.appeal_id, now=self.ctx.now())
        self.d = d
        self.setWindowTitle(f"诉求 {d.number}")
        c = d.clock

        def dot(light: Light) -> str:
            return f"<span style='color:#{light.rgb}'>●</span>"

        # Each clock with its own light: a late response is not hidden behind days left to finish.
        self.header.setText(
            f"{d.number}　{d.status_label}　响应 {dot(c.response_light)} {c.response_text}"
            f"　办结 {dot(c.completion_light)} {c.completion_text}"
            + ("　<span style='color:#D6322F'>已督办</span>" if d.supervisions else "")
        )
        f = self.fact_labels
        f["kind"].setText(f"{d.kind_label} / {d.channel_label}" + ("（企业直通车）" if d.fast_lane else ""))
        f["appellant"].setText(d.appellant)
        f["phone"].setText(d.phone or "—")
        self.show_phone.setVisible(d.may_unmask)
        f["enterprise"].setText(" ".join(x for x in (d.enterprise, d.uscc) if x) or "—")
        f["place"].setText(" → ".join(x for x in (d.street, d.community, d.grid) if x))
        co = f"；协办：{'、'.join(d.co_units)}" if d.co_units else ""
        f["unit"].setText(f"{d.level_label} · {d.unit_name or '未派单'}{co}")
        f["response"].setText(f"{_dt(d.response_limit)}（{d.clock.response_text}）")
        ext = f"，已延期至 {d.extension_until:%Y-%m-%d}" if d.extension_until else ""
        f["completion"].setText(f"{d.completion_limit:%Y-%m-%d}（{d.clock.completion_text}{ext}）")
        f["result"].setText(d.result or "—")
        self.content.setPlainText(d.content)
        self.attachments.clear()
        for a in d.attachments:
            item = QListWidgetItem(f"{a.name}（{a.media_label}，{a.size // 1024} KB）")
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.attachments.addItem(item)
        self.timeline.set_rows(d.events)
        extra = []
        for e in d.extensions:
            extra.append(f"延期：至 {e.until:%Y-%m-%d}（{e.state_label}）{e.reason}")
        for s in d.suspensions:
            extra.append(f"挂起：{s.reason_kind_label}（{s.state_label}）{s.reason}")
        for x in d.supervisions:
            extra.append(
                f"督办：{x.notice_number}（{'自动' if x.automatic else '人工'}，超期 {x.overdue_workdays} 个工作日）"
            )
        for v in d.visits:
            extra.append(f"回访：{_dt(v.at)} {v.result_label} {v.note}" + ("（重新办理）" if v.reopened else ""))
        for t in svc.proxy_tasks(self.ctx.db, self.ctx.actor, appeal_id=self.appeal_id, state=None):
            due = f"，{t.due:%Y-%m-%d} 前办结" if t.due and t.state == ProxyTaskState.OPEN else ""
            extra.append(f"帮代办：{t.service}（{t.state_label}{due}）材料：{'、'.join(t.materials)}")
        self.extra.setText("\n".join(extra))
        self._inputs(d.actions)
        self._buttons(d.actions)

    @staticmethod
    def _choice(empty: str, choices: Sequence[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(empty, None)
        for code, text in choices:
            combo.addItem(text, code)
        return combo

    def _preview(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None = None) -> None:
        a = item.data(Qt.ItemDataRole.UserRole) if item else None
        if a is None or a.media != "picture":
            self.preview.setPixmap(QPixmap())
            self.preview.setText("（非图片附件）" if a else "（选择图片附件可预览）")
            return

        def show(data: bytes) -> None:
            pix = QPixmap()
            pix.loadFromData(data)
            size = self.preview.size()
            mode = Qt.TransformationMode.SmoothTransformation
            self.preview.setPixmap(pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, mode))

        # A missing or damaged file is said in the preview box itself.
        self.preview.setPixmap(QPixmap())
        run_action(
            self,
            lambda: svc.attachment_bytes(self.ctx.db, self.ctx.actor, a.id),
            errors=FieldErrors({}, self.preview),
            done=show,
        )

    def _show_full_phone(self) -> None:
        def shown(phone: str) -> None:
            self.fact_labels["phone"].setText(phone)
            self.show_phone.setVisible(False)

        run_action(
            self, lambda: svc.full_phone(self.ctx.db, self.ctx.actor, self.appeal_id, now=self.ctx.now()), done=shown
        )
