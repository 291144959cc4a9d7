"""Start-up: QApplication, fonts, the login dialog, then (off the GUI thread) the database, then
the main window.

The clerk sees the login dialog first: nothing heavy is imported before it shows (SQLAlchemy,
alembic, reportlab, openpyxl, jieba come in after, in a worker thread, while the clerk types).
The database is opened and upgraded (after a backup) in that thread; a login asked for before
it is open waits for it. After the password is accepted the main window builds one tab (the
others when first shown), then ``gc.freeze()`` moves the start-up's objects out of the
collector's way. No nested ``exec()``: every dialog is opened and answers through a signal.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from laoshan_desk.config import RESOURCES, data_dir, database_url

log = logging.getLogger("laoshan_desk")
# Loaded in the worker while the login dialog waits: what the main window and the tabs import
# at their top (the services and, through them, SQLAlchemy, reportlab, openpyxl, jieba).
WARM_PACKAGES = ("laoshan_desk.services",)


def install_translators(app: QApplication) -> list[QTranslator]:
    """Qt's own words (OK, Cancel, …) in Chinese: qtbase_zh_CN, then ours for what it lacks
    (resources/i18n/laoshan_desk_zh_CN.ts: the file dialog's "&Look in:" and friends)."""
    from PySide6.QtCore import QLibraryInfo

    installed = []
    for name, folder in (
        ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("laoshan_desk_zh_CN", str(RESOURCES / "i18n")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def make_application() -> QApplication:
    from PySide6.QtGui import QIcon

    from laoshan_desk.ui.common.actions import show_failure
    from laoshan_desk.ui.common.collector import collect_on_gui_thread
    from laoshan_desk.ui.common.errors import install_excepthook
    from laoshan_desk.ui.fonts import install_ui_font

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("崂山政务窗口桌面")
    app.setOrganizationName("Laoshan")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "laoshan-desk.svg")))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_ui_font(app)
    install_translators(app)
    install_excepthook(show_failure)  # an uncaught error is shown as an action's failure is
    collect_on_gui_thread(app)  # a worker must never destroy a Qt object (ui/common/collector.py)
    return app


def open_for_work(url: str, notice: Callable[[str], None] | None = None) -> tuple[Any, bool]:
    """In the worker: the log file, the database (upgraded), and whether it still needs its
    first admin. ``notice`` hears of a long one-time wait before it starts (the search index)."""
    from laoshan_desk import desk_log

    desk_log.setup(data_dir())
    log.info("start: laoshan-desk %s, data directory %s", _version(), data_dir())
    from laoshan_desk.domain import timeutil
    from laoshan_desk.services import auth
    from laoshan_desk.services.bootstrap import init, open_database

    db = open_database(url, notice)
    first_run = auth.needs_first_admin(db)
    if first_run:
        init(db, now=timeutil.now())  # a new database: reference data first, so the admin finds streets and units
    return db, first_run


def warm_imports(db: Any) -> None:
    """In the worker: import every service module and build the calendar the status bar reads,
    so the main window after the login costs its widgets and one tab's first page only."""
    import pkgutil

    for name in WARM_PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if ".seed" not in info.name and "demo" not in info.name:
                importlib.import_module(info.name)
    from laoshan_desk.services import calendar

    calendar.warnings(db, calendar_today())


def calendar_today() -> Any:
    from laoshan_desk.domain import timeutil

    return timeutil.now().date()


class DeskStart(QObject):
    """The start-up's steps, each answering through a signal (see the module docstring).

    ``windowShown`` carries the main window once it is on screen; ``ready`` says the database
    is open and the worker has loaded what the main window needs.
    """

    windowShown = Signal(object)  # noqa: N815 - a Qt signal name
    ready = Signal()
    notice = Signal(str)  # from the worker opening the database: queued to the GUI thread

    def __init__(self, app: QApplication, url: str) -> None:
        super().__init__(app)
        self.app = app
        self.url = url
        self.db: Any = None
        self.dialog: QDialog | None = None
        self.window: Any = None
        self.warm = False
        self._pending_actor: Any = None
        self.exit_code = 0

    def start(self) -> None:
        from laoshan_desk.ui.common.worker import run_in_background
        from laoshan_desk.ui.login import LoginDialog

        # Between the accepted login and the main window no window is open: that is no reason to
        # quit (the window follows once the worker is done); quitting is said explicitly.
        self.app.setQuitOnLastWindowClosed(False)
        dialog = LoginDialog(None)
        dialog.finished.connect(lambda result: self._login_finished(dialog, result))
        self.dialog = dialog
        dialog.open()
        self.notice.connect(self._notice)
        run_in_background(lambda: open_for_work(self.url, self.notice.emit), self._opened, self._failed, self)

    def _notice(self, text: str) -> None:
        from laoshan_desk.ui.login import LoginDialog

        log.info("opening the database: %s", text)
        if isinstance(self.dialog, LoginDialog):
            self.dialog.show_notice(text)

    def _opened(self, result: tuple[Any, bool]) -> None:
        from laoshan_desk.ui.common.worker import run_in_background
        from laoshan_desk.ui.login import FirstAdminDialog, LoginDialog

        self.db, first_run = result
        log.info("database open: %s (%s)", self.db.dialect, self.db.display_name())
        run_in_background(lambda: warm_imports(self.db), self._warmed, self._warm_failed, self)
        dialog = self.dialog
        if first_run and isinstance(dialog, LoginDialog):
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()
            first = FirstAdminDialog(self.db)
            first.finished.connect(lambda answer: self._login_finished(first, answer))
            self.dialog = first
            first.open()
        elif isinstance(dialog, LoginDialog):
            dialog.set_database(self.db)

    def _failed(self, error: BaseException) -> None:
        log.error("the database cannot be opened", exc_info=error)
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.finished.disconnect()
            dialog.close()
        text = getattr(error, "message", None) or str(error)
        box = QMessageBox(QMessageBox.Icon.Critical, "无法打开数据库", f"无法打开数据库：\n\n{text}")
        box.setObjectName("deskMessage")
        box.finished.connect(lambda _answer: self.app.exit(1))
        self.exit_code = 1
        self.failure_box = box
        box.open()

    def _warmed(self, _result: object) -> None:
        self.warm = True
        self.ready.emit()
        if self._pending_actor is not None:
            actor, self._pending_actor = self._pending_actor, None
            self.show_main(actor)

    def _warm_failed(self, error: BaseException) -> None:
        log.warning("loading ahead of the login failed; the tabs load when opened", exc_info=error)
        self._warmed(None)

    def _login_finished(self, dialog: QDialog, result: int) -> None:
        actor = getattr(dialog, "actor", None)
        self.dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or actor is None:
            self.app.quit()
            return
        if self.warm:
            self.show_main(actor)
        else:
            self._pending_actor = actor  # the worker is still loading: the window follows it

    def show_main(self, actor: Any) -> None:
        from laoshan_desk.ui.context import DeskContext
        from laoshan_desk.ui.main_window import MainWindow

        log.info("login: %s (%s)", actor.username, actor.role.value)
        window = MainWindow(DeskContext(db=self.db, actor=actor))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.window = window
        window.show()
        self.app.setQuitOnLastWindowClosed(True)
        self.windowShown.emit(window)
        gc.collect()
        gc.freeze()  # what start-up built lives as long as the desk: keep the collector off it


def run_desk(db_url: str | None = None) -> int:
    app = make_application()
    start = DeskStart(app, database_url(db_url))
    start.start()
    code = app.exec()
    return start.exit_code or code


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("laoshan-desk")
    except metadata.PackageNotFoundError:
        return "(source)"
