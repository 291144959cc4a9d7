"""Screenshots of the 崂先办诉求 tab: queue, one appeal, dashboard, hot spots, intake, outbox, the
leader's list, and the admin's calendar page after a change that moved appeal deadlines.

Called by docs/make_screenshots.py as ``shoot(ctx, out_dir)`` on a database made by
``init --demo``; runs alone too: ``QT_QPA_PLATFORM=offscreen python docs/shots_appeals.py DB OUT``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_helpers import counted, settle, wait_until  # noqa: E402 (the docs folder is not a package)

SIZE = (1280, 800)


def shoot(ctx, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.services import appeals as svc
    from laoshan_desk.services.appeals import queue
    from laoshan_desk.ui.appeals.tab import AppealsTab

    app = QApplication.instance()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    # Late appeals get their supervision records, as the morning job would.
    svc.supervise_overdue(ctx.db, ctx.actor, now=ctx.now())
    tab = AppealsTab(ctx)
    tab.resize(*SIZE)
    tab.show()
    settle(app)

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        wait_until(app, lambda: counted(widget), seconds=20)
        path = out_dir / f"appeals-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    grab(tab, "queue")
    tab.queue.status.setCurrentIndex(tab.queue.status.findData("open"))
    grab(tab, "queue-open")

    rows = queue.page(ctx.db, ctx.actor, queue.QueueFilter(status="in_progress"), now=ctx.now(), limit=20)
    rows = (
        [r for r in rows if r.supervised]
        or rows
        or queue.page(ctx.db, ctx.actor, queue.QueueFilter(), now=ctx.now(), limit=1)
    )
    detail = tab.open_appeal(rows[0].id)
    detail.resize(1180, 740)
    grab(detail, "appeal")
    detail.close()

    tab.tabs.setCurrentWidget(tab.dashboard)
    wait_until(app, lambda: bool(tab.dashboard.ranks))
    grab(tab, "dashboard")
    tab.tabs.setCurrentWidget(tab.hotspots)
    wait_until(app, lambda: tab.hotspots.spots is not None)
    grab(tab, "hotspots")
    tab.tabs.setCurrentWidget(tab.outbox)
    tab.outbox.send_now()  # no carrier's gateway in a demo: recorded, kept queued
    grab(tab, "outbox")
    if tab.approvals is not None:
        tab.tabs.setCurrentWidget(tab.approvals)
        grab(tab, "approvals")
    tab.tabs.setCurrentWidget(tab.queue)
    intake = tab.open_intake()
    intake.ui.appellantEdit.setText("张三")
    intake.ui.phoneEdit.setText("13805321234")
    intake.ui.contentEdit.setPlainText("小区门口垃圾桶满溢多日无人清运，异味严重，希望尽快清理。")
    intake.pick_place("中韩街道", intake.ui.placeTree.topLevelItem(0).child(0).text(0), 0)
    intake.check_duplicates()
    grab(intake, "intake")
    intake.reject()
    tab.close()
    shots.append(_calendar(ctx, out_dir, app))
    return shots


def _calendar(ctx, out_dir: Path, app) -> Path:  # type: ignore[no-untyped-def]
    """The admin's calendar page after making tomorrow a day off (then undone)."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from laoshan_desk.services import calendar as calendar_service
    from laoshan_desk.ui.admin.calendar_page import CalendarPage

    day = ctx.today() + dt.timedelta(days=1)
    page = CalendarPage(ctx)
    page.resize(*SIZE)
    page.show()
    page.date_edit.setDate(QDate(day.year, day.month, day.day))
    page.kind_combo.setCurrentIndex(1)
    page.note_edit.setText("临时停电（示例）")
    page.save_override()
    settle(app)
    path = out_dir / "appeals-calendar-moved.png"
    page.grab().save(str(path))
    calendar_service.remove_override(ctx.db, ctx.actor, calendar_service.OverrideRemoval(day), now=ctx.now())
    page.close()
    return path


def main() -> None:  # pragma: no cover - manual run
    import datetime as dt
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.services.bootstrap import open_database
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font

    app = QApplication.instance() or QApplication([])
    install_ui_font(app)
    db = open_database(f"sqlite:///{sys.argv[1]}")
    actor = system_actor("screenshots")
    from laoshan_desk.domain.timeutil import now

    fixed = now()
    ctx = DeskContext(db=db, actor=actor, clock=lambda: fixed)
    for p in shoot(ctx, Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")):
        print(p)
    _ = dt


if __name__ == "__main__":  # pragma: no cover
    main()
