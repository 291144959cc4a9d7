"""The session: the idle lock (锁定桌面), 注销 / 切换用户, and stopping the timers when the window
closes. Every dialog here is shown with ``open()``, never a nested ``exec()``."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from laoshan_desk.services import audit, health, settings
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.idle import IdleWatcher
from laoshan_desk.ui.shell.base import ShellBase
from laoshan_desk.ui.shell.registry import desk_settings

log = logging.getLogger("laoshan_desk")


class SessionMixin(ShellBase):
    """Locking, unlocking and switching the user."""

    def _start_idle_watch(self) -> None:
        if not self._idle_lock:
            return
        minutes = float(settings.load(self.ctx.db).idle_lock_minutes)
        self.idle = IdleWatcher(minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    def _stop_timers(self) -> None:
        """A closed window must leave nothing behind that fires later (a lock, a ping)."""
        if self.idle is not None:
            self.idle.pause()
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.idle)
        for timer in (self._ping_timer, self._lease_timer):
            if timer is not None:
                timer.stop()

    def _hide_all(self) -> None:
        if self.idle is not None:
            self.idle.pause()
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()

    def lock(self) -> None:
        """Hide every window and ask for the password; :meth:`_unlocked` brings them back.

        The lock dialog is shown with ``open()``, not a nested ``exec()``: a nested event loop
        never returns if the window is closed underneath it (it hung the test suite at teardown).
        """
        if self.locked or not self.isVisible():
            return  # already locked, or closed: nothing on screen to protect
        from laoshan_desk.ui.login import LoginDialog

        self.locked = True
        audit.record(self.ctx.db, self.ctx.actor, "lock", "session", None, "桌面锁定", now=self.ctx.now())
        self._hide_all()
        dialog = LoginDialog(self.ctx.db, None, lock_for=self.ctx.actor, clock=self.ctx.clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._unlocked)
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self, result: int) -> None:
        self.lock_dialog = None
        hidden, self._hidden = self._hidden, []
        if result != QDialog.DialogCode.Accepted:
            self.locked = False
            self.close()
            QApplication.quit()
            return
        for widget in hidden:
            widget.show()
        self.locked = False
        if self.idle is not None:
            self.idle.resume()

    def switch_user(self) -> None:
        """注销 / 切换用户: close every tab (and what it held), then ask who works next.

        The next user gets a fresh set of tabs for their own role; 退出 on the dialog quits.
        Shown with ``open()`` like the lock, never a nested ``exec()``.
        """
        if self.switch_dialog is not None or self.locked:
            return
        from laoshan_desk.ui.login import LoginDialog

        audit.record(self.ctx.db, self.ctx.actor, "logout", "session", None, "注销", now=self.ctx.now())
        self.save_state()
        if self.idle is not None:
            self.idle.pause()
        self._close_tabs()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.parent() is self:
                widget.close()
        dialog = LoginDialog(self.ctx.db, None, clock=self.ctx.clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._switched(dialog, result))
        self.switch_dialog = dialog
        dialog.open()  # before hiding the window: there is always a window open
        self.hide()

    def _close_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                for timer in widget.findChildren(QTimer):
                    timer.stop()
                widget.close()
                widget.deleteLater()
        self.tabs.blockSignals(False)
        self.built.clear()
        self.areas.clear()

    def _switched(self, dialog: QDialog, result: int) -> None:
        self.switch_dialog = None
        actor = getattr(dialog, "actor", None)
        if result != QDialog.DialogCode.Accepted or actor is None:
            self._stop_timers()
            self.close()
            QApplication.quit()
            return
        self.ctx = DeskContext(db=self.ctx.db, actor=actor, clock=self.ctx.clock)
        log.info("user switched to %s (%s)", actor.username, actor.role.value)
        self.backup_action.setEnabled(actor.may("admin.edit") and health.is_embedded(self.ctx.db))
        self._add_tabs()
        self._show_user()
        self.refresh_status()
        last = desk_settings().value("main/last_area", "")
        if last in self.areas:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self.areas.index(last))
            self.tabs.blockSignals(False)
        self._tab_shown(self.tabs.currentIndex())
        self.show()
        if self.idle is not None:
            self.idle.resume()
