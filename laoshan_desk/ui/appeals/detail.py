"""One appeal: facts, clocks, timeline, attachments (pictures previewed), and the actions its
status allows as buttons. Inputs for the actions (a note, a visit result, a date) sit in one
row above the buttons, so every action is a click and nothing blocks in a modal prompt."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
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
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import AppealStatus, Satisfaction
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import attachments, audit
from laoshan_desk.ui.appeals.dispatch import DispatchDialog
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
from laoshan_desk.ui.context import DeskContext

BUTTONS = {
    "dispatch": "派单",
    "reassign": "改派",
    "return": "退单",
    "co_handle": "吹哨报到",
    "respond": "响应",
    "progress": "办理进展",
    "suspend": "申请挂起",
    "resume": "恢复办理",
    "extend": "申请延期",
    "finish": "办结",
    "visit": "回访",
    "close": "结案",
    "merge": "合并",
    "supervise": "督办",
    "approve_extension": "审批延期",
    "approve_suspension": "审批挂起",
    "proxy": "转帮代办",
    "attach": "上传附件",
}


def _dt(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class AppealDetailDialog(QDialog):
    changed = Signal()

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
        self.timeline = QTableWidget(0, 5)
        self.timeline.setHorizontalHeaderLabels(["时间", "办理人", "环节", "状态", "说明"])
        self.timeline.verticalHeader().hide()
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.timeline.verticalHeader().setDefaultSectionSize(24)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        for i, w in enumerate((122, 80, 70, 120)):
            self.timeline.setColumnWidth(i, w)
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        rv.addWidget(self.timeline, 1)
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
        self.visit_result = QComboBox()
        for code, label in Satisfaction.choices():
            self.visit_result.addItem(label, code)
        self.reopen = QCheckBox("不满意时重新办理")
        self.suspend_kind = QComboBox()
        for code, label in svc.SUSPENSION_REASONS.items():
            self.suspend_kind.addItem(label, code)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.proxy_service = QComboBox()
        self.proxy_service.setToolTip("转帮代办时选择的服务事项")
        for p in svc.proxy_services(ctx.db):
            self.proxy_service.addItem(f"{p.category} · {p.name}", p.id)
        grid.addWidget(QLabel("说明"), 0, 0)
        grid.addWidget(self.note, 0, 1, 1, 4)
        grid.addWidget(QLabel("帮代办事项"), 0, 5)
        grid.addWidget(self.proxy_service, 0, 6)
        grid.addWidget(QLabel("回访结果"), 1, 0)
        grid.addWidget(self.visit_result, 1, 1)
        grid.addWidget(self.reopen, 1, 2)
        grid.addWidget(QLabel("挂起类别"), 1, 3)
        grid.addWidget(self.suspend_kind, 1, 4)
        grid.addWidget(QLabel("延期至"), 1, 5)
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
            },
            self.error,
        )
        self.action_buttons: dict[str, QPushButton] = {}
        self.refresh()

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        d = svc.detail(self.ctx.db, self.ctx.actor, self.appeal_id, self.ctx.now())
        self.d = d
        self.setWindowTitle(f"诉求 {d.number}")
        light = d.clock.light
        self.header.setText(
            f"{d.number}　{d.status_label}　<span style='color:#{light.rgb}'>●</span> "
            f"{d.clock.completion_text}" + ("　<span style='color:#D6322F'>已督办</span>" if d.supervisions else "")
        )
        f = self.fact_labels
        f["kind"].setText(f"{d.kind_label} / {d.channel_label}" + ("（企业直通车）" if d.fast_lane else ""))
        f["appellant"].setText(d.appellant)
        f["phone"].setText(d.phone or "—")
        self.show_phone.setVisible(bool(d.phone) and d.phone_masked)
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
            item = QListWidgetItem(f"{a.name}（{a.media}，{a.size // 1024} KB）")
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.attachments.addItem(item)
        self.timeline.setRowCount(len(d.events))
        for i, e in enumerate(d.events):
            move = ""
            if e.to_status and e.to_status != e.from_status:
                move = (f"{AppealStatus(e.from_status).label} → " if e.from_status else "") + AppealStatus(
                    e.to_status
                ).label
            for j, text in enumerate(
                (
                    _dt(e.at),
                    e.actor_name or e.username,
                    e.action_label,
                    move,
                    (e.unit_name + "：" if e.unit_name else "") + e.note,
                )
            ):
                self.timeline.setItem(i, j, QTableWidgetItem(text))
        extra = []
        for x in d.extensions:
            state = {"requested": "待审批", "approved": "已批准", "refused": "未批准"}[x.state]
            extra.append(f"延期：至 {x.until:%Y-%m-%d}（{state}）{x.reason}")
        for x in d.suspensions:
            state = {"requested": "待审批", "approved": "挂起中", "refused": "未批准", "ended": "已恢复"}[x.state]
            extra.append(f"挂起：{svc.SUSPENSION_REASONS.get(x.reason_kind, '')}（{state}）{x.reason}")
        for x in d.supervisions:
            extra.append(
                f"督办：{x.notice_number}（{'自动' if x.automatic else '人工'}，超期 {x.overdue_workdays} 个工作日）"
            )
        for v in d.visits:
            extra.append(f"回访：{_dt(v.at)} {v.result_label} {v.note}" + ("（重新办理）" if v.reopened else ""))
        for t in svc.proxy_tasks(self.ctx.db, self.ctx.actor, self.appeal_id, state=None):
            due = f"，{t.due:%Y-%m-%d} 前办结" if t.due else ""
            extra.append(
                f"帮代办：{t.service}（{'办理中' if t.state == 'open' else '已办完'}{due}）"
                f"材料：{'、'.join(t.materials)}"
            )
        self.extra.setText("\n".join(extra))
        limit = d.completion_limit + dt.timedelta(days=3)
        self.until.setDate(QDate(limit.year, limit.month, limit.day))
        self._buttons(d.actions + (("print_supervision",) if d.supervisions else ()))

    def _buttons(self, actions: tuple[str, ...]) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}
        for action in actions:
            label = "打印督办单" if action == "print_supervision" else BUTTONS.get(action, action)
            button = QPushButton(label)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.run(a))
            self.buttons_row.addWidget(button)
            self.action_buttons[action] = button
        self.buttons_row.addStretch(1)

    def _preview(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        a = item.data(Qt.ItemDataRole.UserRole) if item else None
        if a is None or a.media != "picture":
            self.preview.setPixmap(QPixmap())
            self.preview.setText("（非图片附件）" if a else "（选择图片附件可预览）")
            return
        pix = QPixmap()
        try:
            pix.loadFromData(attachments.read(a.sha256))
        except DeskError as exc:
            self.preview.setText(exc.message)
            return
        self.preview.setPixmap(
            pix.scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _show_full_phone(self) -> None:
        self.fact_labels["phone"].setText(svc.full_phone(self.ctx.db, self.ctx.actor, self.appeal_id))
        self.show_phone.setVisible(False)

    # -- acting --------------------------------------------------------------------------------
    def run(self, action: str) -> None:
        self.errors.clear()
        db, actor, now, note = self.ctx.db, self.ctx.actor, self.ctx.now(), self.note.text().strip()
        try:
            if action in ("dispatch", "reassign", "co_handle"):
                self.sub_dialog = DispatchDialog(self.ctx, self.appeal_id, action, self)
                self.sub_dialog.accepted.connect(self._done)
                self.sub_dialog.open()
                return
            if action == "print_supervision":
                pdf = svc.supervision_notice(db, actor, self.d.supervisions[-1].id, now)
                self._preview_pdf(pdf, "督办单", f"督办单-{self.d.number}.pdf")
                return
            if action == "respond":
                svc.respond(db, actor, self.appeal_id, now, note)
            elif action == "progress":
                svc.progress(db, actor, self.appeal_id, now, note)
            elif action == "return":
                svc.return_appeal(db, actor, self.appeal_id, note, now)
            elif action == "suspend":
                svc.request_suspension(db, actor, self.appeal_id, self.suspend_kind.currentData(), note, now)
            elif action == "resume":
                svc.resume(db, actor, self.appeal_id, now, note)
            elif action == "extend":
                svc.request_extension(db, actor, self.appeal_id, self.until.date().toPython(), note, now)
            elif action == "approve_extension":
                pending = [x for x in self.d.extensions if x.state == "requested"]
                svc.decide_extension(db, actor, pending[0].id, True, now, note)
            elif action == "approve_suspension":
                pending = [x for x in self.d.suspensions if x.state == "requested"]
                svc.decide_suspension(db, actor, pending[0].id, True, now, note)
            elif action == "finish":
                svc.finish(db, actor, self.appeal_id, note, now)
            elif action == "visit":
                svc.visit(
                    db,
                    actor,
                    self.appeal_id,
                    self.visit_result.currentData(),
                    now,
                    note,
                    reopen=self.reopen.isChecked(),
                )
            elif action == "close":
                svc.close(db, actor, self.appeal_id, now, note)
            elif action == "supervise":
                svc.supervise(db, actor, self.appeal_id, now, reason=note)
            elif action == "merge":
                from laoshan_desk.services.appeals import queue

                rows = queue.page(db, actor, queue.QueueFilter(text=note), now, limit=1) if note else []
                if not rows:
                    raise DeskError("请在“说明”中填写要并入的诉求编号", field="note")
                svc.merge(db, actor, self.appeal_id, rows[0].id, now)
            elif action == "attach":
                self._attach()
                return
            elif action == "proxy":
                svc.make_proxy_task(db, actor, self.appeal_id, self.proxy_service.currentData(), now, note)
        except DeskError as exc:
            self.errors.show(exc)
            return
        self.note.clear()
        self._done()

    def _attach(self) -> None:  # pragma: no cover - file dialog
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "上传附件")
        if path:
            svc.attach(self.ctx.db, self.ctx.actor, self.appeal_id, Path(path), self.ctx.now())
            self._done()

    def _preview_pdf(self, pdf: bytes, title: str, name: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.sub_dialog = PdfPreviewDialog(
            pdf,
            title,
            name,
            on_printed=lambda: audit.record(db, actor, "print", "appeal", self.appeal_id, f"打印{title}"),
            on_saved=lambda p: audit.record(db, actor, "export", "appeal", self.appeal_id, f"保存{title} {p.name}"),
            parent=self,
        )
        self.sub_dialog.open()

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()
