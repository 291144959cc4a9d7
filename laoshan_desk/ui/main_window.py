"""The main window: one tab per working area the user may see, and the status bar.

Status bar: who is logged in, which database, online/offline, and the calendar warning.
Window geometry and the last tab are remembered (QSettings, in the data directory).
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.config import data_dir
from laoshan_desk.domain import roles
from laoshan_desk.services import audit, calendar, health, settings
from laoshan_desk.ui.admin.backup_actions import BackupActions
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.help import show_guide
from laoshan_desk.ui.idle import IdleWatcher

# area -> (module, class); each tab takes (ctx, parent)
TABS: dict[str, tuple[str, str]] = {
    roles.APPROVALS: ("laoshan_desk.ui.approvals.tab", "ApprovalsTab"),
    roles.APPEALS: ("laoshan_desk.ui.appeals.tab", "AppealsTab"),
    roles.PRESERVATION: ("laoshan_desk.ui.preservation.tab", "PreservationTab"),
    roles.ALLIANCE: ("laoshan_desk.ui.alliance.tab", "AllianceTab"),
    roles.ADMIN: ("laoshan_desk.ui.admin.tab", "AdminTab"),
}
TAB_TITLES = {
    roles.APPROVALS: "审批点菜单",
    roles.APPEALS: "崂先办诉求",
    roles.PRESERVATION: "财产保全审查",
    roles.ALLIANCE: "兴商护航联盟",
    roles.ADMIN: "管理",
}
# How a link from the enterprise file (一企一档) opens a record in its tab: the tab's method.
OPENERS = {
    roles.APPROVALS: "open_project",
    roles.APPEALS: "open_appeal",
    roles.PRESERVATION: "open_case",
    roles.ALLIANCE: "open_member_of",
}


def desk_settings() -> QSettings:
    return QSettings(str(data_dir() / "desk.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *, idle_lock: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("崂山政务窗口桌面")
        self.setMinimumSize(1024, 680)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.areas: list[str] = []
        for area in roles.visible_areas(ctx.actor.role):
            if area not in TABS:
                continue
            module_name, class_name = TABS[area]
            tab_class = getattr(importlib.import_module(module_name), class_name)
            self.tabs.addTab(tab_class(ctx, self), TAB_TITLES[area])
            self.areas.append(area)
        self._build_menu()
        self._build_status_bar()
        self._restore_state()
        self.locked = False
        self.lock_dialog: QDialog | None = None
        self._hidden: list[QWidget] = []
        self.idle: IdleWatcher | None = None
        if idle_lock:
            minutes = float(settings.load(ctx.db).idle_lock_minutes)
            self.idle = IdleWatcher(minutes, self)
            self.idle.idle.connect(self.lock)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self.idle)

    # -- building -----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.backup_action = QAction("备份数据库…", self)
        self.backup_action.triggered.connect(self.backup_dialog)
        file_menu.addAction(self.backup_action)
        self.backup_action.setEnabled(self.ctx.actor.may("admin.edit") and health.is_embedded(self.ctx.db))
        self.lock_action = QAction("锁定桌面", self)
        self.lock_action.setShortcut("Ctrl+L")
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        enterprise_menu = self.menuBar().addMenu("企业(&E)")
        self.enterprise_action = QAction("一企一档…", self)
        self.enterprise_action.setShortcut("Ctrl+E")
        self.enterprise_action.triggered.connect(self.open_enterprise_file)
        enterprise_menu.addAction(self.enterprise_action)
        self.help_menu = self._build_help_menu()

    def _build_help_menu(self) -> QMenu:
        """帮助: 用户指南 (F1 opens the page of the current tab) and 关于."""
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.guide_action = QAction("用户指南", self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        about = QAction("关于", self)
        about.triggered.connect(
            lambda: QMessageBox.about(
                self,
                "关于",
                "崂山政务窗口桌面\n审批点菜单 · 崂先办诉求 · 财产保全审查 · 兴商护航联盟\n数据保存在："
                + str(data_dir()),
            )
        )
        help_menu.addAction(about)
        return help_menu

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.ctx.actor
        unit = f" · {actor.unit_name}" if actor.unit_name else ""
        self.user_label = QLabel(f"用户：{actor.full_name}（{actor.role.label}{unit}）")
        self.db_label = QLabel(f"数据库：{health.describe(self.ctx.db)}")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.online_label = QLabel()
        self.calendar_label = QLabel()
        self.calendar_label.setStyleSheet("color: #B35C00;")
        bar.addWidget(self.user_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.calendar_label)
        bar.addPermanentWidget(self.online_label)
        self.refresh_status()
        # Every minute: this desk's lease on the database, so a restore elsewhere waits for it.
        self._lease_timer = QTimer(self)
        self._lease_timer.setInterval(60_000)
        self._lease_timer.timeout.connect(lambda: health.keep_alive(self.ctx.db))
        self._lease_timer.start()
        if not health.is_embedded(self.ctx.db):
            self._ping_timer = QTimer(self)
            self._ping_timer.setInterval(30_000)
            self._ping_timer.timeout.connect(self.refresh_status)
            self._ping_timer.start()

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
        self.calendar_label.setText("⚠ " + "；".join(warnings) if warnings else "")
        self.calendar_label.setToolTip("\n".join(warnings))

    # -- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = desk_settings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = s.value("main/last_area", "")
        if last in self.areas:
            self.tabs.setCurrentIndex(self.areas.index(last))

    def save_state(self) -> None:
        s = desk_settings()
        s.setValue("main/geometry", self.saveGeometry())
        index = self.tabs.currentIndex()
        if 0 <= index < len(self.areas):
            s.setValue("main/last_area", self.areas[index])
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_state()
        self._stop_timers()
        if self.lock_dialog is not None:
            dialog, self.lock_dialog = self.lock_dialog, None
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()
        super().closeEvent(event)

    def _stop_timers(self) -> None:
        """A closed window must leave nothing behind that fires later (a lock, a ping)."""
        if self.idle is not None:
            self.idle.pause()
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.idle)
        for name in ("_ping_timer", "_lease_timer"):
            timer = getattr(self, name, None)
            if timer is not None:
                timer.stop()

    def select_area(self, area: str) -> QWidget:
        index = self.areas.index(area)
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.widget(index)
        assert widget is not None  # index comes from self.areas, which mirrors the tabs
        return widget

    def open_in_area(self, area: str, ident: object) -> QWidget | None:
        """Open a record in its own tab (a link from the enterprise file); None when not shown."""
        if area not in self.areas:
            return None
        tab = self.select_area(area)
        opener = getattr(tab, OPENERS.get(area, ""), None)
        if opener is not None:
            opener(ident)
        return tab

    # -- actions ------------------------------------------------------------------------------
    def open_enterprise_file(self) -> QDialog:
        """一企一档 for every role: the sections follow what the role may see."""
        from laoshan_desk.ui.enterprise.page import EnterprisePage

        dialog = QDialog(self)
        dialog.setWindowTitle("一企一档")
        dialog.resize(1200, 760)
        page = EnterprisePage(self.ctx, dialog)
        page.openArea.connect(self.open_in_area)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.enterprise_dialog = dialog
        dialog.open()
        return dialog

    def open_guide(self) -> QDialog:
        """The user's guide at the page of the tab in front (the index when no tab is shown)."""
        index = self.tabs.currentIndex()
        return show_guide(self, self.areas[index] if 0 <= index < len(self.areas) else None)

    def backup_dialog(self) -> None:
        BackupActions(self, self.ctx).backup()

    def lock(self) -> None:
        """Hide every window and ask for the password; :meth:`_unlocked` brings them back.

        The lock dialog is shown with ``open()``, not a nested ``exec()``: a nested event loop
        never returns if the window is closed underneath it (it hung the test suite at teardown).
        """
        if self.locked or not self.isVisible():
            return  # already locked, or closed: nothing on screen to protect
        from laoshan_desk.ui.login import LoginDialog

        self.locked = True
        if self.idle is not None:
            self.idle.pause()
        audit.record(self.ctx.db, self.ctx.actor, "lock", "session", None, "桌面锁定")
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
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
