"""Make the screenshots in docs/screenshots/ offscreen, from a fresh demo database.

    make screenshots        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py)

Each working area adds its screens in docs/shots_<area>.py, either with ``shoot(ctx, out_dir) -> [paths]``
(run on this script's demo database) or with ``main()`` (builds its own database at a fixed date).
docs/shots_guide.py makes the user's guide's pictures the same way, into resources/guide/images/.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
from shot_helpers import counted, wait_until  # noqa: E402 (the docs folder is not a package)

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "Desk2026secure"


def _grab(widget, name: str, size=(1280, 800)) -> Path:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    if size:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    wait_until(QApplication.instance(), lambda: counted(widget), seconds=20)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    return path


def _render_pdf_page(pdf_bytes: bytes, name: str) -> Path:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    array = QByteArray(pdf_bytes)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(0)
    image = document.render(0, QSize(int(points.width() * 1.4), int(points.height() * 1.4)))
    path = OUT / f"{name}.png"
    image.save(str(path))
    return path


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(home)
    OUT.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    from laoshan_desk.domain.timeutil import TZ
    from laoshan_desk.services import auth, bootstrap
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font
    from laoshan_desk.ui.login import FirstAdminDialog, LoginDialog
    from laoshan_desk.ui.main_window import MainWindow

    install_ui_font(app)
    db = bootstrap.open_database(f"sqlite:///{home / 'demo.sqlite3'}")
    now = dt.datetime.now(TZ)
    bootstrap.init(db, demo=True, now=now)
    made = [_grab(FirstAdminDialog(db), "first-run-admin", None)]
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "系统管理员", PASSWORD), now=now)
    login = LoginDialog(db)
    login.ui.usernameEdit.setText("admin")
    made.append(_grab(login, "login", None))
    ctx = DeskContext(db=db, actor=admin, clock=lambda: now)
    window = MainWindow(ctx, idle_lock=False)
    for index, area in enumerate(window.areas):
        window.tabs.setCurrentIndex(index)
        made.append(_grab(window, f"main-{area}"))
    admin_tab = window.select_area("admin")
    for index, name in enumerate(["users", "organisation", "calendar", "audit", "settings"]):
        admin_tab.pages.setCurrentIndex(index)
        made.append(_grab(window, f"admin-{name}"))
    window.close()
    from laoshan_desk.documents import pdf

    sample = pdf.Notice(
        title="关于做好2027年节假日期间窗口服务的通知",
        issuer="青岛市崂山区行政审批服务局",
        doc_number="崂审批发〔2026〕3号",
        recipient="各街道便民服务中心、区直各部门：",
        body=[
            "为保障节假日期间企业群众办事不断档，现将有关事项通知如下。",
            "一、节假日期间各窗口实行值班制度，值班表于节前三个工作日报区行政审批服务局。",
            "二、各类办理时限按工作日计算，调休上班日正常计入。",
        ],
        signature="青岛市崂山区行政审批服务局",
        date=now.date(),
    )
    (OUT / "sample-notice.pdf").write_bytes(pdf.render(sample))
    made.append(_render_pdf_page(pdf.render(sample), "sample-notice"))
    for shots in sorted((ROOT / "docs").glob("shots_*.py")):
        spec = importlib.util.spec_from_file_location(shots.stem, shots)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if hasattr(module, "shoot"):
            made += list(module.shoot(ctx, OUT))
        else:  # a script that builds its own database at a fixed date
            module.main()
        # Such a script moves the data directory to its own; the scripts after it write to this
        # demo database, whose audit key is in this home.
        os.environ["LAOSHAN_DESK_HOME"] = str(home)
    for path in made:
        print(path.relative_to(ROOT))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
