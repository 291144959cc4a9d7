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

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from laoshan_desk.domain import roles
from laoshan_desk.ui.common.worker import paint_hold
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.idle import IdleWatcher
from laoshan_desk.ui.shell.menus import MenusMixin
from laoshan_desk.ui.shell.registry import DEFAULT_SIZE, OPENERS, PLACEHOLDER, TAB_TITLES, TABS, desk_settings
from laoshan_desk.ui.shell.session import SessionMixin
from laoshan_desk.ui.shell.status import StatusBarMixin


class MainWindow(MenusMixin, StatusBarMixin, SessionMixin):
    """The desk's one window: the tabs, built lazily, and their remembered state."""

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
        self.installEventFilter(paint_hold())  # its repaints go first, a worker waits (pacing.py)
        self._restore_state()
        self._tab_shown(self.tabs.currentIndex())
        self._start_idle_watch()

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
