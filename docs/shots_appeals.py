"""Screenshots of the 崂先办诉求 tab: queue, one appeal, dashboard, hot spots, intake, outbox.

Called by docs/make_screenshots.py as ``shoot(ctx, out_dir)`` on a database made by
``init --demo``; runs alone too: ``QT_QPA_PLATFORM=offscreen python docs/shots_appeals.py DB OUT``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZE = (1280, 800)


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        app.processEvents()


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
    _settle(app)

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle(app)
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
    grab(tab, "dashboard")
    tab.tabs.setCurrentWidget(tab.hotspots)
    grab(tab, "hotspots")
    tab.tabs.setCurrentWidget(tab.outbox)
    grab(tab, "outbox")
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
    return shots


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
