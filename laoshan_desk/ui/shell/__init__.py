"""The main window and its parts: window (tabs, state), menus, status bar, session, tab registry."""

from laoshan_desk.ui.shell.registry import (
    DEFAULT_SIZE,
    OPENERS,
    PLACEHOLDER,
    RELOADERS,
    TAB_TITLES,
    TABS,
    desk_settings,
    desk_version,
)
from laoshan_desk.ui.shell.window import MainWindow

__all__ = [
    "DEFAULT_SIZE",
    "OPENERS",
    "PLACEHOLDER",
    "RELOADERS",
    "TAB_TITLES",
    "TABS",
    "MainWindow",
    "desk_settings",
    "desk_version",
]
