"""What the shell's parts share: the window's state and the methods one part calls on another.

:class:`~laoshan_desk.ui.shell.window.MainWindow` is built from the parts in this package (menus,
status bar, session); each part derives from :class:`ShellBase`, so that what it reads from the
window is declared once here. The methods below are defined by the window or by another part.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.idle import IdleWatcher


class ShellBase(QMainWindow):
    """The main window's state, as the parts of the shell see it."""

    ctx: DeskContext
    tabs: QTabWidget
    areas: list[str]
    built: dict[str, QWidget]
    locked: bool
    lock_dialog: QDialog | None
    switch_dialog: QDialog | None
    enterprise_dialog: QDialog
    idle: IdleWatcher | None
    _hidden: list[QWidget]
    _idle_lock: bool
    _lease_timer: QTimer
    _ping_timer: QTimer | None
    backup_action: QAction
    lock_action: QAction
    switch_action: QAction
    refresh_action: QAction
    enterprise_action: QAction
    guide_action: QAction
    about_action: QAction
    help_menu: QMenu
    user_label: QLabel
    db_label: QLabel
    online_label: QLabel
    calendar_label: QLabel
    sms_label: QLabel

    # -- defined by the window (window.py) ----------------------------------------------------
    def _add_tabs(self) -> None:
        raise NotImplementedError

    def _tab_shown(self, index: int) -> None:
        raise NotImplementedError

    def save_state(self) -> None:
        raise NotImplementedError

    def open_in_area(self, area: str, ident: object) -> QWidget | None:
        raise NotImplementedError

    # -- defined by the status bar (status.py) ------------------------------------------------
    def _show_user(self) -> None:
        raise NotImplementedError

    def refresh_status(self) -> None:
        raise NotImplementedError

    # -- defined by the session (session.py) --------------------------------------------------
    def lock(self) -> None:
        raise NotImplementedError

    def switch_user(self) -> None:
        raise NotImplementedError

    def _stop_timers(self) -> None:
        raise NotImplementedError
