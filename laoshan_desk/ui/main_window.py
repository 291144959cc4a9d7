"""The main window: one tab per working area the user may see, the menus and the status bar.

Each tab is built the first time it is shown (a placeholder stands in until then), so logging in
costs one tab, not five. Status bar: who is logged in, which database, online/offline, the
calendar warning and a missing SMS gateway. Window geometry and the last tab are remembered
(QSettings, in the data directory). 文件 → 注销 / 切换用户 closes every tab and asks who works next
without quitting; 视图 → 刷新 (F5) reloads every list.
"""

from __future__ import annotations

import gc
import importlib
import logging

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
from laoshan_desk.ui.common.actions import action_bus
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.help import show_guide
from laoshan_desk.ui.idle import IdleWatcher

log = logging.getLogger("laoshan_desk")

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
# 刷新 (F5): the action bus reaches the tabs that listen to it (appeals, alliance); these reload
# through their own method.
RELOADERS = {
    roles.APPROVALS: "refresh",
    roles.PRESERVATION: "reload",
    roles.ADMIN: "reload",
}
DEFAULT_SIZE = (1280, 800)
PLACEHOLDER = "tabPlaceholder"


def desk_settings() -> QSettings:
    return QSettings(str(data_dir() / "desk.ini"), QSettings.Format.IniFormat)


def desk_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("laoshan-desk")
    except metadata.PackageNotFoundError:
        return "未安装（源代码运行）"


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
        self.built: dict[str, QWidget] = {}
        self.locked = False
        self.lock_dialog: QDialog | None = None
        self.switch_dialog: QDialog | None = None
        self._hidden: list[QWidget] = []
        self.idle: IdleWatcher | None = None
        self._idle_lock = idle_lock
        self._build_menu()
        self._build_status_bar()
        self._add_tabs()
        self.tabs.currentChanged.connect(self._tab_shown)
        self._restore_state()
        self._tab_shown(self.tabs.currentIndex())
        self._start_idle_watch()

    # -- building -----------------------------------------------------------------------------
    def _add_tabs(self) -> None:
        """A placeholder per visible area; :meth:`tab` builds the real one when first shown."""
        self.tabs.blockSignals(True)
        for area in roles.visible_areas(self.ctx.actor.role):
            if area not in TABS:
                continue
            placeholder = QWidget(self.tabs)
            placeholder.setObjectName(PLACEHOLDER)
            self.tabs.addTab(placeholder, TAB_TITLES[area])
            self.areas.append(area)
        self.tabs.blockSignals(False)

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.areas):
            self.tab(self.areas[index])

    def tab(self, area: str) -> QWidget:
        """The area's tab, built (and its module imported) the first time it is asked for."""
        built = self.built.get(area)
        if built is not None:
            return built
        index = self.areas.index(area)
        module_name, class_name = TABS[area]
        tab_class = getattr(importlib.import_module(module_name), class_name)
        widget: QWidget = tab_class(self.ctx, self)
        self.built[area] = widget
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, TAB_TITLES[area])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        # The tab and the modules it imported live as long as the desk: out of the collector's way,
        # as start-up's objects are (app.py). A full collection scans every tracked object and
        # stops every thread: 150–300 ms on a loaded 2-core machine during a 100,000-row export
        # (bench/rows_shell.py, max GUI stall: 导出台账) before this.
        gc.collect(1)
        gc.freeze()
        return widget

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
        self.switch_action = QAction("注销 / 切换用户…", self)
        self.switch_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("视图(&V)")
        self.refresh_action = QAction("刷新", self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh_all)
        view_menu.addAction(self.refresh_action)
        self.addAction(self.refresh_action)  # F5 anywhere in the window, menu open or not
        enterprise_menu = self.menuBar().addMenu("企业(&E)")
        self.enterprise_action = QAction("一企一档…", self)
        self.enterprise_action.setShortcut("Ctrl+E")
        self.enterprise_action.triggered.connect(self.open_enterprise_file)
        enterprise_menu.addAction(self.enterprise_action)
        self.help_menu = self._build_help_menu()

    def _build_help_menu(self) -> QMenu:
        """帮助: 用户指南 (F1 opens the page of the current tab) and 关于 (the version, the data directory)."""
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.guide_action = QAction("用户指南", self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        self.about_action = QAction("关于", self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        return help_menu

    def about_text(self) -> str:
        return (
            f"崂山政务窗口桌面 {desk_version()}\n"
            "审批点菜单 · 崂先办诉求 · 财产保全审查 · 兴商护航联盟\n\n"
            f"数据目录：{data_dir()}\n数据库：{health.describe(self.ctx.db)}\n"
            f"日志：{data_dir() / 'logs' / 'desk.log'}"
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, "关于", self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.db_label = QLabel(f"数据库：{health.describe(self.ctx.db)}")
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
        self.calendar_label.setText("⚠ " + "；".join(warnings) if warnings else "")
        self.calendar_label.setToolTip("\n".join(warnings))
        self.sms_label.setText("")
        if roles.APPEALS in roles.visible_areas(self.ctx.actor.role):
            from laoshan_desk.services.appeals import sms  # only for a role that sees appeals

            if not sms.gateway_configured():
                self.sms_label.setText("⚠ 未配置短信通道")
                self.sms_label.setToolTip("短信只记录在发件箱中，配置运营商短信通道后才会发出")

    def _start_idle_watch(self) -> None:
        if not self._idle_lock:
            return
        minutes = float(settings.load(self.ctx.db).idle_lock_minutes)
        self.idle = IdleWatcher(minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    # -- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = desk_settings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*self.default_size())
        last = s.value("main/last_area", "")
        if last in self.areas:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self.areas.index(last))
            self.tabs.blockSignals(False)

    def default_size(self) -> tuple[int, int]:
        """1280×800 (every countdown column shows) on a 1366×768 screen or larger; else the screen."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        size = screen.availableGeometry().size()
        if size.width() >= DEFAULT_SIZE[0]:
            return DEFAULT_SIZE
        return max(self.minimumWidth(), size.width()), max(self.minimumHeight(), size.height())

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
        for name in ("lock_dialog", "switch_dialog"):
            dialog = getattr(self, name)
            if dialog is not None:
                setattr(self, name, None)
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
        for timer in (self._ping_timer, self._lease_timer):
            if timer is not None:
                timer.stop()

    def select_area(self, area: str) -> QWidget:
        widget = self.tab(area)
        self.tabs.setCurrentIndex(self.areas.index(area))
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
    def refresh_all(self) -> None:
        """刷新 (F5): every list reloads from the database (another desk, ``make demo``, the CLI)."""
        for area in list(self.built) or [""]:
            action_bus().changed.emit(area)
        for area, widget in self.built.items():
            reload = getattr(widget, RELOADERS.get(area, ""), None)
            if reload is not None:
                reload()
        self.refresh_status()

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
        from laoshan_desk.ui.admin.backup_actions import BackupActions

        BackupActions(self, self.ctx).backup()

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
        audit.record(self.ctx.db, self.ctx.actor, "lock", "session", None, "桌面锁定")
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

        audit.record(self.ctx.db, self.ctx.actor, "logout", "session", None, "注销")
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
