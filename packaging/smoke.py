"""The package test's start-up probe, bundled beside the desk and run only by the package test.

``LAOSHAN_DESK_SMOKE`` selects what the installed program does instead of its usual start:

    bare     a bare PySide6 window from the bundle's own Python and Qt (the yardstick)
    login    the desk's real start-up up to the login dialog, which is then cancelled
    window   the real start-up; the login dialog (or, on a database without an admin, the
             first-run dialog, which then creates that admin) is filled in with
             LAOSHAN_DESK_SMOKE_USER and LAOSHAN_DESK_SMOKE_PASSWORD and accepted, the main
             window opens, its tabs are printed, it is saved to LAOSHAN_DESK_SMOKE_PNG (when
             set), and the program exits

Each prints ``SMOKE shown <what> | <window title> | <details>`` on stdout, flushed, the moment the
window has painted for the first time; the caller times the line from the moment it started the
process. Nothing here is reachable from the desk's menus or command line.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)


def _say(what: str, widget: QWidget, details: str = "") -> None:
    print(f"SMOKE shown {what} | {widget.windowTitle()} | {details}", flush=True)


class _Probe(QObject):
    """Watches every top-level window's first paint and acts on it once."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.seen: set[int] = set()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.isWindow():
            if id(obj) not in self.seen:
                self.seen.add(id(obj))
                QTimer.singleShot(0, lambda w=obj: self.first_paint(w))
        return False

    def first_paint(self, window: QWidget) -> None:
        name = window.objectName()
        if os.environ.get("LAOSHAN_DESK_SMOKE_DEBUG"):
            print(f"SMOKE painted {type(window).__name__} {name!r} {window.windowTitle()}", file=sys.stderr, flush=True)
        if isinstance(window, QMessageBox):
            # An error box on the way (出现意外错误, 无法打开数据库): the start-up failed.
            print(f"SMOKE message | {window.windowTitle()} | {window.text()}", file=sys.stderr, flush=True)
            os._exit(1)
        if self.mode == "bare":
            _say("bare", window)
            QApplication.exit(0)
        elif name in ("LoginDialog", "FirstAdminDialog") and self.mode == "login":
            _say("login", window, name)
            window.reject()  # type: ignore[attr-defined]
        elif name in ("LoginDialog", "FirstAdminDialog") and self.mode == "window":
            _say("login", window, name)
            fields = {
                "usernameEdit": os.environ["LAOSHAN_DESK_SMOKE_USER"],
                "fullNameEdit": "冒烟测试管理员",
                "passwordEdit": os.environ["LAOSHAN_DESK_SMOKE_PASSWORD"],
                "repeatEdit": os.environ["LAOSHAN_DESK_SMOKE_PASSWORD"],
            }
            for field, text in fields.items():
                edit = window.findChild(QLineEdit, field)
                if edit is not None:
                    edit.setText(text)
            buttons = window.findChild(QDialogButtonBox)
            if buttons is None:
                print(f"SMOKE no buttons on {name}", file=sys.stderr, flush=True)
                os._exit(1)
            buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            QTimer.singleShot(10_000, lambda: self.still_open(window))
        elif isinstance(window, QMainWindow) and self.mode == "window":
            QTimer.singleShot(300, lambda: self.main_window(window))

    def still_open(self, dialog: QWidget) -> None:
        """The dialog refused what was typed: say why and stop at once (it runs its own loop)."""
        if dialog.isVisible():
            error = dialog.findChild(QLabel, "errorLabel")
            print(f"SMOKE refused | {error.text() if error is not None else ''}", file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(1)

    def main_window(self, window: QMainWindow) -> None:
        tabs = window.findChild(QTabWidget)
        names = [tabs.tabText(i) for i in range(tabs.count())] if tabs is not None else []
        png = os.environ.get("LAOSHAN_DESK_SMOKE_PNG")
        if png:
            window.grab().save(png)
        _say("main", window, " / ".join(names))
        QApplication.exit(0)


def run(mode: str) -> int:
    if mode not in ("bare", "login", "window"):
        print(f"LAOSHAN_DESK_SMOKE: unknown mode {mode!r}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    probe = _Probe(mode)
    app.installEventFilter(probe)
    if mode == "bare":
        window = QWidget()
        window.setWindowTitle("bare PySide6 window")
        window.resize(420, 300)
        window.show()
        return app.exec()
    try:
        from laoshan_desk.__main__ import main as desk_main
    except ModuleNotFoundError:  # a desk older than its fast entry (the upgrade test builds one)
        from laoshan_desk.cli import main as desk_main

    return desk_main([])
