"""Screenshots of the preservation tab: the list, the step-1 review, the plan, the respondent view.

Called by docs/make_screenshots.py with an admin ctx on a database made by ``init --demo``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from laoshan_desk.services import preservation as svc
from laoshan_desk.services.bootstrap import open_database
from laoshan_desk.services.context import system_actor
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.fonts import install_ui_font
from laoshan_desk.ui.preservation.tab import PreservationTab

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_helpers import render_pdf_pages  # noqa: E402 (the docs folder is not a package)


def shoot(ctx: DeskContext, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    tab = PreservationTab(ctx)
    tab.resize(1280, 800)
    tab.show()
    shots: list[Path] = []

    def grab(name: str) -> None:
        QApplication.processEvents()
        path = out_dir / f"preservation-{name}.png"
        tab.grab().save(str(path))
        shots.append(path)

    grab("list")
    rows = svc.list_cases(ctx.db, ctx.actor, now=ctx.now(), limit=300)
    # The review: a case still waiting for its decision; the plan: one with a proposed plan.
    pending = next((r for r in rows if r.status == "received"), rows[0])
    tab.open_case(pending.id)
    tab.case_page.tabs.setCurrentIndex(0)
    grab("review")
    tab.case_page.tabs.setCurrentIndex(1)
    grab("plan")
    executed = next((r for r in rows if r.status == "executed" and r.light.value == "yellow"), None)
    if executed is not None:
        tab.open_case(executed.id)
        tab.case_page.tabs.setCurrentIndex(2)
        grab("terms")
    tab.show_respondent(None)
    grab("respondent")
    tab.close()
    return shots + papers(ctx, rows, out_dir)


def papers(ctx: DeskContext, rows: list[svc.CaseRow], out_dir: Path) -> list[Path]:
    """The area's own court papers of a demo case, rendered with Qt's PDF renderer at 60 dpi to look at:
    preservation-paper-ruling-N.png, preservation-paper-release-N.png."""
    from laoshan_desk.services.preservation import papers as docs

    made: list[Path] = []
    released = next((r for r in rows if r.status == "released"), None)
    granted = released or next((r for r in rows if r.status in ("granted", "executed")), None)
    jobs: list[tuple[str, bytes]] = []
    if granted is not None:
        jobs.append(("ruling", docs.ruling_pdf(ctx.db, ctx.actor, granted.id, now=ctx.now())))
    if released is not None:
        detail = svc.case_detail(ctx.db, ctx.actor, released.id, now=ctx.now())
        if detail.releases:
            pdf = docs.release_pdf(ctx.db, ctx.actor, detail.releases[-1].id, now=ctx.now())
            jobs.append(("release", pdf))
    for name, data in jobs:
        made += render_pdf_pages(data, out_dir / f"preservation-paper-{name}", dpi=60)
    return made


if __name__ == "__main__":  # QT_QPA_PLATFORM=offscreen python docs/shots_preservation.py DB_URL
    app = QApplication(sys.argv)
    install_ui_font(app)
    db = open_database(sys.argv[1])
    print(shoot(DeskContext(db=db, actor=system_actor("shots")), Path(__file__).parent / "screenshots"))
