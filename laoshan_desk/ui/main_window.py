"""The main window, kept at its old address: the code lives in :mod:`laoshan_desk.ui.shell`."""

from laoshan_desk.ui.shell import (
    DEFAULT_SIZE,
    OPENERS,
    PLACEHOLDER,
    RELOADERS,
    TAB_TITLES,
    TABS,
    MainWindow,
    desk_settings,
    desk_version,
)

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
