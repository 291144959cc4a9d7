"""The status bar: who is logged in, which database, online/offline (or a street desk's sync
indicator), the calendar warning and a missing SMS gateway; the database lease and ping timers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from laoshan_desk.domain import roles
from laoshan_desk.services import calendar, health
from laoshan_desk.ui.shell.base import ShellBase

DB_WIDTH = 240  # pixels for the database's path in the status bar


class StatusBarMixin(ShellBase):
    """The status bar's items and their refresh."""

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        # The path can be long: elided at the start (the file name, or host and database, stay), whole in the tooltip,
        # so that every item fits the bar at the default 1280×800.
        where = health.describe(self.ctx.db)
        self.db_label = QLabel()
        self.db_label.setText(
            "数据库：" + self.db_label.fontMetrics().elidedText(where, Qt.TextElideMode.ElideLeft, DB_WIDTH)
        )
        self.db_label.setToolTip(where)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.online_label = QLabel()
        self.calendar_label = QLabel()
        self.calendar_label.setStyleSheet("color: #B35C00;")
        self.sms_label = QLabel()
        self.sms_label.setStyleSheet("color: #B35C00;")
        bar.addWidget(self.user_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.sms_label)
        bar.addPermanentWidget(self.calendar_label)
        bar.addPermanentWidget(self.online_label)
        self._show_user()
        self._add_sync_indicator()
        self.refresh_status()
        # Every minute: this desk's lease on the database, so a restore elsewhere waits for it.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(60_000)
        self._lease_timer.timeout.connect(lambda: health.keep_alive(self.ctx.db))
        self._lease_timer.start()
        self._ping_timer: QTimer | None = None
        if not health.is_embedded(self.ctx.db):
            self._ping_timer = QTimer(self)
            self._ping_timer.setInterval(30_000)
            self._ping_timer.timeout.connect(self.refresh_status)
            self._ping_timer.start()

    def _add_sync_indicator(self) -> None:
        """A street office's desk: 在线/离线, the changes waiting, 同步 (hidden elsewhere)."""
        from laoshan_desk.ui.sync import SyncIndicator  # kept inside the one method this file gives sync

        self.sync_indicator = SyncIndicator(self.ctx, self)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        if self.sync_indicator.status.linked:
            self.online_label.hide()  # the link's 在线/离线 says it; this file is always at hand

    def _show_user(self) -> None:
        actor = self.ctx.actor
        unit = f" · {actor.unit_name}" if actor.unit_name else ""
        self.user_label.setText(f"用户：{actor.full_name}（{actor.role.label}{unit}）")

    def refresh_status(self) -> None:
        if health.is_embedded(self.ctx.db):
            self.online_label.setText("● 本机数据库（离线可用）")
            self.online_label.setStyleSheet("color: #2E9D46;")
        elif health.ping(self.ctx.db):
            self.online_label.setText("● 在线")
            self.online_label.setStyleSheet("color: #2E9D46;")
        else:
            self.online_label.setText("● 离线：无法连接数据库服务器")
            self.online_label.setStyleSheet("color: #D6322F;")
        warnings = calendar.warnings(self.ctx.db, self.ctx.today())
        # The bar says what is missing; the tooltip says what it means for the deadlines.
        short = "；".join(w.split("，")[0] for w in warnings)
        self.calendar_label.setText("⚠ " + short + "……" if warnings else "")
        self.calendar_label.setToolTip("\n".join(warnings))
        self.sms_label.setText("")
        if roles.APPEALS in roles.visible_areas(self.ctx.actor.role):
            # only for a role that sees appeals: the area's services load when first needed
            from laoshan_desk.services.appeals import gateway_configured

            if not gateway_configured():
                self.sms_label.setText("⚠ 未配置短信通道")
                self.sms_label.setToolTip("短信只记录在发件箱中，配置运营商短信通道后才会发出")
