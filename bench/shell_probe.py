"""The start-up probe ``bench/rows_shell.py`` runs in a fresh process, one mode per run.

    python bench/shell_probe.py bare|login|window [DB_URL USER PASSWORD] [--at-once]

Prints one line of JSON and ends the process the moment it has its figure (``os._exit``, so
the interpreter's tear-down is in neither side):

    bare    a bare PySide6 QMainWindow: {"shown_ms": …} at its first paint (the yardstick)
    login   the desk's own start-up (``laoshan_desk.__main__.main``) up to the login dialog's
            first paint: {"shown_ms": …, "modules": …}
    window  the desk's start-up on DB_URL; the login dialog is filled in with USER/PASSWORD and
            accepted once the worker has opened the database and loaded ahead (a clerk typing),
            or at once with ``--at-once``; prints the login dialog's time, the password check,
            and from the accepted password to the main window's first paint.

``shown_ms`` counts from the interpreter's start (``time.perf_counter`` at the top of this file
is a few ms after it; the caller adds the process start-up it measured itself).
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


def _done(figures: dict[str, object]) -> None:
    print(json.dumps(figures), flush=True)
    os._exit(0)


class FirstPaint(QObject):
    """Calls ``action(window)`` once, at the first paint of each top-level window."""

    def __init__(self, action) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.action = action
        self.seen: set[int] = set()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and id(obj) not in self.seen
        ):
            self.seen.add(id(obj))
            when = time.perf_counter()
            QTimer.singleShot(0, lambda w=obj: self.action(w, when))
        return False


def bare() -> None:
    app = QApplication(sys.argv[:1])
    probe = FirstPaint(lambda _w, when: _done({"shown_ms": round((when - STARTED) * 1000, 1)}))
    app.installEventFilter(probe)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(420, 300)
    window.show()
    app.exec()


def login() -> None:
    app = QApplication(sys.argv[:1])

    def shown(window: QWidget, when: float) -> None:
        if window.objectName() == "LoginDialog":
            _done({"shown_ms": round((when - STARTED) * 1000, 1), "modules": len(sys.modules)})

    probe = FirstPaint(shown)
    app.installEventFilter(probe)
    from laoshan_desk.__main__ import main

    main([])


def window(url: str, user: str, password: str, at_once: bool) -> None:
    app = QApplication(sys.argv[:1])
    from laoshan_desk import app as desk_app

    figures: dict[str, object] = {}
    marks: dict[str, float] = {}
    start_ref: list[desk_app.DeskStart] = []

    def submit() -> None:
        dialog = start_ref[0].dialog
        assert dialog is not None
        dialog.ui.usernameEdit.setText(user)  # type: ignore[attr-defined]
        dialog.ui.passwordEdit.setText(password)  # type: ignore[attr-defined]
        dialog.accepted.connect(lambda: marks.setdefault("accepted", time.perf_counter()))
        marks["clicked"] = time.perf_counter()
        dialog.try_login()  # type: ignore[attr-defined]

    def shown(widget: QWidget, when: float) -> None:
        if widget.objectName() == "LoginDialog" and "login_ms" not in figures:
            figures["login_ms"] = round((when - STARTED) * 1000, 1)
            figures["modules_at_login"] = len(sys.modules)
            if at_once:
                submit()
        elif isinstance(widget, QMainWindow):
            figures["password_check_ms"] = round((marks["accepted"] - marks["clicked"]) * 1000, 1)
            figures["accepted_to_window_ms"] = round((when - marks["accepted"]) * 1000, 1)
            figures["modules_at_window"] = len(sys.modules)
            _done(figures)

    probe = FirstPaint(shown)
    app.installEventFilter(probe)
    qapp = desk_app.make_application()
    start = desk_app.DeskStart(qapp, url)
    start_ref.append(start)
    if not at_once:
        start.ready.connect(lambda: (figures.setdefault("ready_ms", _ms(STARTED)), submit()))
    start.start()
    QTimer.singleShot(120_000, lambda: _done({"error": "no main window within 120 s", **figures}))
    qapp.exec()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "login":
        login()
    else:
        window(sys.argv[2], sys.argv[3], sys.argv[4], "--at-once" in sys.argv)
