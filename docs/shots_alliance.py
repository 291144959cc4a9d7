"""Screenshots of the 兴商护航联盟 tab and the enterprise page (一企一档).

Called by docs/make_screenshots.py as ``shoot(ctx, out_dir)`` on a database made by
``init --demo``; runs alone too: ``QT_QPA_PLATFORM=offscreen python docs/shots_alliance.py DB OUT``
(DB is made with every tab's demo data when it does not exist).

The demo's enterprises live in each area's own tables; for the enterprise page to show all four
areas on one page, the preservation demo's Company A is made an alliance member here (with an
approval project and an appeal naming it), through the services, as a clerk would.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

SIZE = (1280, 800)


def _company_a_everywhere(ctx) -> str | None:  # type: ignore[no-untyped-def]
    from laoshan_desk.services import alliance, approvals, org, preservation
    from laoshan_desk.services.alliance import spotchecks
    from laoshan_desk.services.appeals import IntakeForm, intake

    respondents = preservation.list_respondents(ctx.db, ctx.actor)
    if not respondents:
        return None
    company = max(respondents, key=lambda r: r.cases)
    if alliance.list_members(ctx.db, ctx.actor, search=company.number):
        return str(company.number)  # already done on this database
    streets = org.units(ctx.db, "street")
    now = ctx.now()
    ref = alliance.save_member(
        ctx.db,
        ctx.actor,
        alliance.MemberForm(
            company.name,
            company.number,
            "张立新",
            dt.date(2023, 3, 15),
            "operation",
            "manufacturing",
            street_id=streets[0].id,
            liaison_phone="13900000099",
        ),
        now=now,
    )
    alliance.add_honour(ctx.db, ctx.actor, alliance.HonourForm(ref.enterprise_id, "崂山质量奖", 2021), now=now)
    approvals.create_project(
        ctx.db,
        ctx.actor,
        approvals.ProjectInput(
            name="崂信示例科创中心",
            enterprise=company.name,
            credit_code=company.number,
            street=streets[0].id,
            start_date=now.date() - dt.timedelta(days=20),
            target_date=now.date() + dt.timedelta(days=120),
            items=(
                approvals.OrderLine("SP001", reason="新设项目公司须办理营业执照"),
                approvals.OrderLine("SP002", reason="公司名称自主申报"),
            ),
        ),
        now=now,
    )
    intake(
        ctx.db,
        ctx.actor,
        IntakeForm(
            "development",
            "phone",
            "企业反映项目施工许可材料多次补正",
            street_id=streets[0].id,
            enterprise=company.name,
            uscc=company.number,
        ),
        now=now,
    )
    alliance.register(
        ctx.db,
        ctx.actor,
        alliance.ComplaintForm(
            "complaint", now - dt.timedelta(days=3), "施工噪声夜间扰民", "周示例", uscc=company.number
        ),
        now=now,
    )
    spotchecks.record_batch(
        ctx.db,
        ctx.actor,
        spotchecks.BatchForm(company.name, company.number, "other", "预拌混凝土", "LS-SHOT-1", now.date(), "区检验所"),
        now=now,
    )
    return company.number


def shoot(ctx, out_dir: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.ui.alliance.tab import AllianceTab

    app = QApplication.instance()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    company = _company_a_everywhere(ctx)
    tab = AllianceTab(ctx)
    tab.resize(*SIZE)
    tab.show()

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(6):
            app.processEvents()
        path = out_dir / f"alliance-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    tab.page("members")
    grab(tab, "members")
    tab.page("requests")
    tab.requests.select("HH2023-001")
    tab.requests.steps_view.selectRow(2)
    grab(tab, "requests")
    letter = tab.requests.preview_letter()
    if letter is not None:
        letter.resize(820, 960)
        grab(letter, "letter")
        letter.close()
    tab.page("complaints")
    grab(tab, "complaints")
    tab.page("spotchecks")
    grab(tab, "spotchecks")
    batch = tab.spotchecks.open_batch()
    batch.ui.enterpriseEdit.setText("崂山示例茶业有限公司")
    batch.ui.usccEdit.setText("91999999DM00000062")
    batch.ui.productNameEdit.setText("崂山绿茶（秋茶）")
    batch.ui.feeEdit.setText("200")
    batch.save()
    grab(batch, "batch-dialog")
    batch.reject()
    tab.page("policies")
    tab.policies.member.setCurrentIndex(tab.policies.member.findText("海尔集团（示例）"))
    tab.policies.match_selected()
    grab(tab, "policies")
    tab.page("seminars")
    grab(tab, "seminars")
    tab.page("dashboard")
    tab.dashboard.year.setCurrentIndex(max(tab.dashboard.year.findData(2023), 0))
    tab.dashboard.refresh()
    grab(tab, "dashboard")
    page = tab.page("enterprise")
    page.search.setText(company or "hejt")
    page.find_enterprises()
    tab.resize(1280, 1000)  # the whole file, four areas, without scrolling
    grab(tab, "enterprise")
    tab.resize(*SIZE)
    summary = page.preview_summary()
    if summary is not None:
        summary.resize(820, 960)
        grab(summary, "summary")
        summary.close()
    tab.close()
    return shots


def main() -> None:  # pragma: no cover - manual run
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("LAOSHAN_DESK_HOME", tempfile.mkdtemp(prefix="desk-shots-"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtWidgets import QApplication

    from laoshan_desk.domain.timeutil import now
    from laoshan_desk.services import bootstrap
    from laoshan_desk.services.context import system_actor
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font

    app = QApplication.instance() or QApplication([])
    install_ui_font(app)
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "demo.sqlite3"
    fresh = not path.exists()
    db = bootstrap.open_database(f"sqlite:///{path}")
    actor = system_actor("screenshots")
    fixed = now()
    if fresh:
        bootstrap.init(db, actor, demo=True, now=fixed, appeals=800)
    ctx = DeskContext(db=db, actor=actor, clock=lambda: fixed)
    for p in shoot(ctx, Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")):
        print(p)


if __name__ == "__main__":  # pragma: no cover
    main()
