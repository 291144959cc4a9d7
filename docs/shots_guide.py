"""The pictures of the user's guide (resources/guide/images/), made offscreen from a demo database.

Called by docs/make_screenshots.py as ``shoot(ctx, out_dir)`` on its demo database (the pictures
go to the guide's own folder whatever ``out_dir`` is); runs alone too, on a fresh demo database:
``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/shots_guide.py``. Every picture a guide page
shows is made here; tests/ui/test_guide.py checks that each one a page names exists.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_helpers import settle, wait_until  # noqa: E402 (the docs folder is not a package)

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "resources" / "guide" / "images"
SIZE = (1280, 800)


def _save(app, widget, name: str, shots: list[Path], size=SIZE) -> None:  # type: ignore[no-untyped-def]
    if size:
        widget.resize(*size)
    widget.show()
    settle(app)
    path = IMAGES / f"{name}.png"
    widget.grab().save(str(path))
    shots.append(path)


def _pdf_page(app, data: bytes, name: str, shots: list[Path], page: int = 0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    array = QByteArray(data)  # kept alive while the document reads it
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    points = document.pagePointSize(page)
    image = document.render(page, QSize(int(points.width() * 1.2), int(points.height() * 1.2)))
    path = IMAGES / f"{name}.png"
    if not image.save(str(path)):
        raise RuntimeError(f"could not render {name}")
    shots.append(path)


def _lights(app, shots: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """The four lights as the lists paint them (a light column's dot and word)."""
    from PySide6.QtWidgets import QTableView

    from laoshan_desk.domain.lights import Light
    from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel

    # (light, meaning) pairs: this module is loaded by file path, where a dataclass cannot be made.
    rows = [
        (Light.GREEN, "离时限还远，按计划办理"),
        (Light.YELLOW, "时限将到，今天就要处理"),
        (Light.RED, "已经超过时限（或已不可能按期完成）"),
        (Light.GREY, "不在计时：已办完、已挂起或没有时限"),
    ]
    columns = [
        ColumnSpec("灯色", lambda r: r[0].label, light=lambda r: r[0], width=90),
        ColumnSpec("含义", lambda r: r[1], width=340),
    ]
    view = QTableView()
    model = ListTableModel(columns, rows)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setColumnWidth(0, 100)
    view.setColumnWidth(1, 360)
    _save(app, view, "lights", shots, (480, 160))


def shoot(ctx, out_dir: Path | None = None) -> list[Path]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.services import appeals as appeals_svc
    from laoshan_desk.services import approvals as approvals_svc
    from laoshan_desk.services import calendar as calendar_service
    from laoshan_desk.services import preservation as preservation_svc
    from laoshan_desk.services.appeals import queue
    from laoshan_desk.ui.appeals.dispatch import DispatchDialog
    from laoshan_desk.ui.appeals.tab import AppealsTab
    from laoshan_desk.ui.approvals.intake import NewProjectDialog
    from laoshan_desk.ui.approvals.tab import ApprovalsTab
    from laoshan_desk.ui.main_window import MainWindow
    from laoshan_desk.ui.preservation.tab import PreservationTab

    app = QApplication.instance()
    IMAGES.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    now = ctx.now()

    # Each tab as the admin sees it when it opens.
    window = MainWindow(ctx, idle_lock=False)
    for index, area in enumerate(window.areas):
        window.tabs.setCurrentIndex(index)
        wait_until(app, lambda: False, 0.5)
        _save(app, window, f"tab-{area}", shots)
    admin_tab = window.select_area("admin")
    admin_tab.pages.setCurrentIndex(4)
    _save(app, window, "admin-backup", shots)
    window.close()

    # 受理一件诉求: the intake, a field error beside its field, the appeal, the dispatch.
    appeals = AppealsTab(ctx)
    appeals.resize(*SIZE)
    appeals.show()
    settle(app)
    intake = appeals.open_intake()
    intake.ui.appellantEdit.setText("张三")
    intake.ui.phoneEdit.setText("13805321234")
    intake.ui.contentEdit.setPlainText("小区门口垃圾桶满溢多日无人清运，异味严重，希望尽快清理。")
    intake.pick_place("中韩街道", intake.ui.placeTree.topLevelItem(0).child(0).text(0), 0)
    intake.check_duplicates()
    _save(app, intake, "appeal-intake", shots, None)
    intake.ui.contentEdit.setPlainText("垃圾")
    intake.save()
    _save(app, intake, "error-beside-field", shots, None)
    intake.reject()
    received = queue.page(ctx.db, ctx.actor, queue.QueueFilter(status="received"), now=now, limit=1)
    if received:
        detail = appeals.open_appeal(received[0].id)
        _save(app, detail, "appeal-detail", shots, (1180, 740))
        dispatch = DispatchDialog(ctx, received[0].id, detail.d.version, "dispatch", detail)
        _save(app, dispatch, "appeal-dispatch", shots, None)
        dispatch.reject()
        detail.close()
    rows = queue.page(ctx.db, ctx.actor, queue.QueueFilter(status="finished"), now=now, limit=100)
    finished = [r for r in rows if r.status == "finished"]  # waiting for the return visit
    if finished:
        detail = appeals.open_appeal(finished[0].id)
        _save(app, detail, "appeal-visit", shots, (1180, 740))
        detail.close()
    appeals.close()

    # 建一个开业项目: ordering from the menu, the project page, the one-time notice.
    approvals = ApprovalsTab(ctx)
    approvals.resize(*SIZE)
    approvals.show()
    settle(app)
    dialog = NewProjectDialog(ctx, approvals)
    dialog.ui.nameEdit.setText("石老人海滨酒店开业项目")
    dialog.ui.enterpriseEdit.setText("青岛石老人海滨酒店有限公司")
    dialog.ui.creditCodeEdit.setText("91370212MA3U8KW28P")
    dialog.ui.contactEdit.setText("李娜")
    dialog.ui.phoneEdit.setText("13864201276")
    dialog.ui.streetCombo.setCurrentIndex(dialog.ui.streetCombo.findText("沙子口街道"))
    dialog.select_template("hotel_opening")
    _save(app, dialog, "project-new", shots, (1280, 800))
    dialog.close()
    projects = approvals_svc.list_projects(ctx.db, ctx.actor, today=now.date())
    live = next((p for p in projects if p.name == "金家岭海景餐厅开业项目"), projects[0] if projects else None)
    if live is not None:
        approvals.select_project(live.id)
        _save(app, approvals, "project-page", shots)
        notice = approvals_svc.notice_pdf(ctx.db, ctx.actor, live.id, today=now.date())
        _pdf_page(app, notice, "project-notice", shots)
    approvals.close()

    # 审查一件保全申请: the three steps of one case.
    preservation = PreservationTab(ctx)
    preservation.resize(*SIZE)
    preservation.show()
    settle(app)
    cases = preservation_svc.list_cases(ctx.db, ctx.actor, now=now, limit=300)
    pending = next((r for r in cases if r.status == "received"), cases[0] if cases else None)
    if pending is not None:
        preservation.open_case(pending.id)
        for step, name in enumerate(["case-review", "case-plan"]):
            preservation.case_page.tabs.setCurrentIndex(step)
            _save(app, preservation, name, shots)
    executed = next((r for r in cases if r.status == "executed"), None)
    if executed is not None:
        preservation.open_case(executed.id)
        preservation.case_page.tabs.setCurrentIndex(2)
        _save(app, preservation, "case-measures", shots)
    preservation.close()

    # The admin's calendar after making the next Saturday a make-up working day (then undone).
    from laoshan_desk.ui.admin.calendar_page import CalendarPage

    saturday = now.date() + dt.timedelta(days=(5 - now.weekday()) % 7 or 7)
    page = CalendarPage(ctx)
    page.resize(*SIZE)
    page.show()
    page.date_edit.setDate(QDate(saturday.year, saturday.month, saturday.day))
    page.kind_combo.setCurrentIndex(0)
    page.note_edit.setText("调休上班（示例）")
    # The service directly, not page.save_override(): an error there opens a modal box, which
    # offscreen would wait for ever; here it stops the script with its message.
    moved = calendar_service.set_override(
        ctx.db, ctx.actor, calendar_service.OverrideForm(saturday, True, "调休上班（示例）"), now=ctx.now()
    )
    page._moved(saturday, moved)
    page.reload()
    _save(app, page, "admin-calendar", shots)
    calendar_service.remove_override(ctx.db, ctx.actor, calendar_service.OverrideRemoval(saturday), now=ctx.now())
    page.close()

    _lights(app, shots)
    _ = appeals_svc
    return shots


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="desk-guide-shots-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    from laoshan_desk.domain.timeutil import TZ
    from laoshan_desk.services import auth, bootstrap
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font

    install_ui_font(app)
    db = bootstrap.open_database(f"sqlite:///{home / 'demo.sqlite3'}")
    now = dt.datetime.now(TZ)
    bootstrap.init(db, demo=True, now=now)
    admin = auth.create_first_admin(db, auth.FirstAdminForm("admin", "系统管理员", "Desk2026secure"), now=now)
    for path in shoot(DeskContext(db=db, actor=admin, clock=lambda: now)):
        print(path.relative_to(ROOT))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
