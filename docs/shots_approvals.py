"""Screenshots of the 审批点菜单 tab for docs/screenshots (run: ``python docs/shots_approvals.py``).

Builds a throw-away demo database (the hotel case and the projects in progress), opens the tab
on 25 Nov 2026 10:00 as a window clerk would see it, and saves:

* approvals-menu.png — ordering from the hotel menu (58 items, 18 must-do) in the intake dialog;
* approvals-project.png — a restaurant in progress: items with lights, node dates, "ready to issue";
* approvals-wallchart.png — its wall chart (today line, lights, prerequisite arrows, slack);
* approvals-project-hotel.png, approvals-wallchart-hotel.png, approvals-log-hotel.png — the
  seed's hotel case: 18 must-do items ticked off, the moved fire-acceptance node, 13 meetings,
  8 visits, 62 problems;
* approvals-catalog.png, approvals-catalog-item.png — the catalog with each limit's kind and the
  未核验 citations, and an item without a statutory limit in its dialog;
* approvals-dispatch.png — the morning dispatch across projects.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shot_helpers import render_pdf_pages  # noqa: E402 (the docs folder is not a package)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LAOSHAN_DESK_BUNDLED_FONT_ONLY", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"


def _papers(db: Any, actor: Any, project_id: Any, now: dt.datetime) -> None:
    """The papers a clerk hands across, from the same demo: the one-time notice, a certificate and
    the weekly bulletin, page by page with Qt's PDF renderer (approvals-paper-<kind>-<page>.png)."""

    from sqlalchemy import select

    from laoshan_desk.services import approvals as svc
    from laoshan_desk.store.models.approvals import Certificate

    with db.session() as session:
        certificate_id = session.scalars(select(Certificate.id).order_by(Certificate.issued_on)).first()
    week = f"{now.isocalendar().year}-W{now.isocalendar().week:02d}"
    papers = {
        "notice": svc.notice_pdf(db, actor, project_id, today=now.date()),
        "bulletin": svc.bulletin_pdf(db, actor, week, today=now.date()),
    }
    if certificate_id is not None:
        papers["certificate"] = svc.certificate_pdf(db, actor, certificate_id)
    for kind, data in papers.items():
        render_pdf_pages(data, OUT / f"approvals-paper-{kind}", dpi=60, last=2)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="shots-approvals-"))
    os.environ["LAOSHAN_DESK_HOME"] = str(tmp)
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.domain.timeutil import TZ
    from laoshan_desk.services import approvals as svc
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.approvals import seed as seed_approvals
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.ui.approvals.catalog import CatalogDialog, CatalogItemDialog
    from laoshan_desk.ui.approvals.intake import NewProjectDialog
    from laoshan_desk.ui.approvals.reports import DispatchDialog
    from laoshan_desk.ui.approvals.tab import ApprovalsTab
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font

    app = QApplication.instance() or QApplication(sys.argv)
    install_ui_font(app)
    db = bootstrap.open_database(f"sqlite:///{tmp / 'shots.sqlite3'}")
    actor = system_actor("shots")
    bootstrap.init(db, actor, now=dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ))
    seed_approvals.load_demo(db, actor)
    now = dt.datetime(2026, 11, 25, 10, 0, tzinfo=TZ)
    ctx = DeskContext(db=db, actor=actor, clock=lambda: now)
    OUT.mkdir(parents=True, exist_ok=True)

    tab = ApprovalsTab(ctx)
    tab.resize(1600, 900)
    tab.show()
    rows = {tab.model.row_at(r).name: tab.model.row_at(r) for r in range(tab.model.rowCount())}
    live = rows["金家岭海景餐厅开业项目"]
    hotel = rows["崂山湾国际度假酒店开业项目"]
    tab.select_project(live.id)
    tab.page.select_item("SP023")
    app.processEvents()
    tab.grab().save(str(OUT / "approvals-project.png"))
    tab.page.tabs.setCurrentIndex(2)
    app.processEvents()
    tab.grab().save(str(OUT / "approvals-wallchart.png"))
    tab.select_project(hotel.id)
    tab.page.tabs.setCurrentIndex(0)
    tab.page.select_item("SP023")
    app.processEvents()
    tab.grab().save(str(OUT / "approvals-project-hotel.png"))
    tab.page.tabs.setCurrentIndex(2)
    app.processEvents()
    tab.grab().save(str(OUT / "approvals-wallchart-hotel.png"))
    tab.page.tabs.setCurrentIndex(3)
    app.processEvents()
    tab.grab().save(str(OUT / "approvals-log-hotel.png"))

    dialog = NewProjectDialog(ctx, tab)
    dialog.resize(1400, 860)
    dialog.ui.nameEdit.setText("石老人海滨酒店开业项目")
    dialog.ui.enterpriseEdit.setText("青岛石老人海滨酒店有限公司")
    dialog.ui.creditCodeEdit.setText("91999999MA0LKC005G")
    dialog.ui.contactEdit.setText("李娜")
    dialog.ui.phoneEdit.setText("0532-5550121")
    dialog.ui.addressEdit.setText("青岛市崂山区石老人社区海口路（示例地址）")  # suggests 金家岭街道
    dialog.select_template("hotel_opening")
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "approvals-menu.png"))
    dialog.close()

    catalog = CatalogDialog(ctx, tab)
    catalog.resize(1500, 700)
    catalog.show()
    app.processEvents()
    catalog.grab().save(str(OUT / "approvals-catalog.png"))
    item = CatalogItemDialog(ctx, svc.get_item(db, actor, "SP006"), catalog)
    item.show()
    app.processEvents()
    item.grab().save(str(OUT / "approvals-catalog-item.png"))
    item.close()
    catalog.close()

    dispatch = DispatchDialog(ctx, tab)
    dispatch.resize(1400, 420)
    dispatch.show()
    app.processEvents()
    dispatch.grab().save(str(OUT / "approvals-dispatch.png"))
    dispatch.close()
    tab.close()
    _papers(db, actor, live.id, now)
    db.dispose()
    for name in sorted(OUT.glob("approvals-*.png")):
        print(name.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
