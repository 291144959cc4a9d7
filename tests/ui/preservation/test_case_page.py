"""The case page as the convention wants it: a stale page gets the stale-record message and keeps
what was typed, a paper is audited once after it was printed or saved, the reminder setting is
what the screens say, and every table is a column-spec model that passes qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from laoshan_desk.services import audit, settings
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.table_model import ListTableModel
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.builders import _assets, _register, decide, ref, shown


def _granted_case(ctx):  # type: ignore[no-untyped-def]
    now = ctx.now()
    case_id = _register(ctx.db, ctx.actor, now)
    _assets(ctx.db, ctx.actor, case_id, now)
    svc.propose(ctx.db, ctx.actor, ref(ctx.db, ctx.actor, case_id), now=now)
    decide(ctx.db, ctx.actor, case_id, "grant", "准予", now)
    return case_id


def test_a_stale_page_is_told_and_keeps_what_was_typed(qtbot, ctx):
    case_id = _register(ctx.db, ctx.actor, ctx.now())
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    review = tab.case_page.review
    # Someone else saves the review form while this page is open.
    form = svc.ReviewForm(case_id, shown(ctx.db, ctx.actor, case_id), transfer_risk=True)
    svc.save_review(ctx.db, ctx.actor, form, now=ctx.now())
    review.purpose.setText("防止转移财产")
    qtbot.mouseClick(review.save_review_button, Qt.MouseButton.LeftButton)
    assert review.review_error.text() == "该记录已被他人修改，请刷新后重试"
    assert review.purpose.text() == "防止转移财产"
    assert svc.case_detail(ctx.db, ctx.actor, case_id, now=ctx.now()).review.purpose == ""
    tab.case_page.refresh()  # after a refresh the save goes through
    review.purpose.setText("防止转移财产")
    qtbot.mouseClick(review.save_review_button, Qt.MouseButton.LeftButton)
    assert review.review_error.text() == ""
    assert svc.case_detail(ctx.db, ctx.actor, case_id, now=ctx.now()).review.purpose == "防止转移财产"


def test_the_ruling_is_audited_once_when_printed_or_saved_never_when_only_looked_at(qtbot, ctx, tmp_path):
    case_id = _granted_case(ctx)
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    page = tab.case_page

    def outputs() -> list:  # type: ignore[type-arg]
        records, _ = audit.page(ctx.db, ctx.actor)
        return [r for r in records if r.entity == "pres_case" and r.action in ("print", "export")]

    qtbot.mouseClick(page.ruling_button, Qt.MouseButton.LeftButton)
    page.preview.reject()
    assert outputs() == []
    qtbot.mouseClick(page.ruling_button, Qt.MouseButton.LeftButton)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.preview.print_to(printer) >= 1
    page.preview.save_to(tmp_path / "民事裁定书.pdf")
    records = outputs()
    assert [r.action for r in records] == ["export", "print"]  # newest first
    assert all(r.entity_id == str(case_id) and "民事裁定书" in r.summary for r in records)
    page.preview.close()


def test_the_screens_follow_the_reminder_setting(qtbot, ctx):
    settings.update(ctx.db, ctx.actor, settings.Settings(renewal_reminder_days=14), now=ctx.now())
    case_id = _granted_case(ctx)
    svc.record_measures(
        ctx.db, ctx.actor, svc.MeasuresForm(case_id, shown(ctx.db, ctx.actor, case_id), ctx.today()), now=ctx.now()
    )
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    assert tab.attention.itemText(1) == "需关注（未结时限、14日内到期）"
    tab.open_case(case_id)
    assert "期限届满前14日提醒续行" in tab.case_page.measures.measures_caption.text()
    job = tab.show_statistics()
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert job.ok and tab.stats_dialog is not None
    assert any("14日内待续行" in card.text() for card in tab.stats_dialog.cards)
    tab.stats_dialog.close()


def test_every_table_of_the_case_page_is_a_column_spec_model(qtbot, qtmodeltester, ctx):
    case_id = _granted_case(ctx)
    svc.record_measures(
        ctx.db, ctx.actor, svc.MeasuresForm(case_id, shown(ctx.db, ctx.actor, case_id), ctx.today()), now=ctx.now()
    )
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    page = tab.case_page
    views = [
        page.plan.assets_view,
        page.measures.clocks_view,
        page.measures.measures_view,
        page.release.guarantees_view,
        page.release.releases_view,
    ]
    for view in views:
        assert isinstance(view.model(), ListTableModel)
        qtmodeltester.check(view.model())
    assert page.measures.measures_view.model().rowCount() == 2
    tab.show_respondent(None)
    for view in (tab.respondent_view.accounts_view, tab.respondent_view.cases_view):
        assert isinstance(view.model(), ListTableModel)
        qtmodeltester.check(view.model())
