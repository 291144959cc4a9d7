"""Start-up: QApplication, fonts, settings, database (upgraded after a backup), login, window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from laoshan_desk.config import RESOURCES, database_url


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


def run_desk(db_url: str | None = None) -> int:
    from laoshan_desk.services import auth
    from laoshan_desk.services.bootstrap import init, open_database
    from laoshan_desk.ui.common.errors import install_excepthook
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font
    from laoshan_desk.ui.login import FirstAdminDialog, LoginDialog
    from laoshan_desk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("崂山政务窗口桌面")
    app.setOrganizationName("Laoshan")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "laoshan-desk.svg")))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_ui_font(app)
    install_translators(app)
    install_excepthook()
    url = database_url(db_url)
    try:
        db = open_database(url)
        if auth.needs_first_admin(db):
            init(db)  # a new database: reference data first, so the admin finds streets and units
    except Exception as exc:  # noqa: BLE001 - the clerk gets a sentence, the log the details
        QMessageBox.critical(None, "无法打开数据库", f"无法打开数据库：\n{url}\n\n{exc}")
        return 1
    dialog: QDialog = FirstAdminDialog(db) if auth.needs_first_admin(db) else LoginDialog(db)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:  # type: ignore[attr-defined]
        return 0
    window = MainWindow(DeskContext(db=db, actor=dialog.actor))  # type: ignore[attr-defined]
    window.show()
    return app.exec()
