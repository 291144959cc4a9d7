"""The status bar's sync indicator on a street office's desk: 在线 / 离线, the changes waiting,
the open conflicts, a 同步 button; a sync every few minutes, off the GUI thread.

On a desk that is not linked (the hall, a single desk) it stays hidden and starts no timer.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import sync
from laoshan_desk.ui.common.actions import action_bus
from laoshan_desk.ui.common.worker import run_in_background
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.sync.conflicts_page import ConflictsDialog

INTERVAL_MS = 5 * 60_000  # an automatic sync every five minutes
GREEN, RED, AMBER = "#2E9D46", "#D6322F", "#B35C00"


class SyncIndicator(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.online: bool | None = None  # unknown until the first sync
        self.error = ""
        self.dialog: ConflictsDialog | None = None
        self.label = QLabel(self)
        self.label.setObjectName("syncLabel")
        self.button = QToolButton(self)
        self.button.setText("同步")
        self.button.setObjectName("syncButton")
        self.button.setToolTip("上传本窗口的改动，下载本街道的数据")
        self.button.clicked.connect(lambda: self.sync_now())
        self.conflicts = QToolButton(self)
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setAutoRaise(True)
        self.conflicts.setStyleSheet(f"color: {AMBER};")
        self.conflicts.clicked.connect(self.open_conflicts)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.conflicts)
        row.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self.status = sync.status(ctx.db, ctx.actor)
        if not self.status.linked:
            self.hide()
            return
        self.show_status()
        self.timer.start()

    def show_status(self) -> None:
        st = self.status = sync.status(self.ctx.db, self.ctx.actor)
        if self.running:
            state, colour = "● 正在同步…", AMBER
        elif self.online is False:
            state, colour = "● 离线", RED
        elif self.online:
            state, colour = "● 在线", GREEN
        else:
            state, colour = "● 未同步", AMBER
        self.label.setText(f"{state} · 待同步 {st.waiting} 项")
        self.label.setStyleSheet(f"color: {colour};")
        self.label.setMinimumWidth(self.label.sizeHint().width())  # the status bar squeezes the rest
        last = f"上次同步：{st.last_sync_at:%Y-%m-%d %H:%M}" if st.last_sync_at else "尚未同步"
        self.label.setToolTip("\n".join(x for x in (f"{st.street}窗口", last, self.error) if x))
        self.conflicts.setText(f"冲突 {st.conflicts} 项")
        self.conflicts.setToolTip("打开同步冲突列表")
        self.conflicts.setVisible(st.conflicts > 0)
        self.button.setEnabled(not self.running)
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.setMinimumWidth(layout.sizeHint().width())

    def sync_now(self, *, automatic: bool = False) -> None:
        if self.running or not self.status.linked or (automatic and not self.window().isVisible()):
            return
        self.running = True
        self.show_status()
        ctx = self.ctx
        run_in_background(lambda: sync.sync_now(ctx.db, ctx.actor, now=ctx.now()), self._done, self._failed, self)

    def _done(self, _report: object) -> None:
        self.running, self.online, self.error = False, True, ""
        self.show_status()
        action_bus().changed.emit("appeals")  # lists reload what the pull brought

    def _failed(self, exc: BaseException) -> None:
        self.running, self.online = False, False
        self.error = exc.message if isinstance(exc, DeskError) else "同步出现意外错误，改动仍保存在本窗口"
        self.show_status()

    def open_conflicts(self) -> ConflictsDialog:
        if self.dialog is None:
            self.dialog = ConflictsDialog(self.ctx, self.window())
            self.dialog.resolved.connect(self.show_status)
        self.dialog.reload()
        self.dialog.open()
        return self.dialog

    def stop(self) -> None:
        self.timer.stop()
