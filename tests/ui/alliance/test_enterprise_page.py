"""一企一档 on screen: found by pinyin initials or USCC, one section per area the role may see,
each section opening its record in its own tab through the main window."""

from __future__ import annotations

from laoshan_desk.services import org
from laoshan_desk.services.alliance import seed
from laoshan_desk.services.appeals import IntakeForm, intake
from laoshan_desk.ui.enterprise.page import EnterprisePage
from laoshan_desk.ui.main_window import MainWindow
from tests.conftest import FIXED_NOW
from tests.ui.alliance.conftest import login

HAIER = seed.fictitious_uscc(1)


def _window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, idle_lock=False)
    qtbot.addWidget(window)
    return window


def _visible(page) -> set[str]:  # type: ignore[no-untyped-def]
    return {area for area, section in page.sections.items() if not section.isHidden()}


def test_a_window_clerk_sees_approvals_and_appeals_only(qtbot, demo_db):
    ctx = login(demo_db, "chuangkou")
    window = _window(qtbot, ctx)
    assert "alliance" not in window.areas
    dialog = window.open_enterprise_file()
    page = dialog.findChild(EnterprisePage)
    page.search.setText("hejt")
    found = page.find_enterprises()
    assert [e.name for e in found] == ["海尔集团（示例）"]
    assert page.file is not None and _visible(page) == {"approvals", "appeals"}
    assert page.file.alliance is None and page.file.preservation is None
    dialog.close()


def test_the_alliance_tab_file_links_back_to_the_member(qtbot, demo_db):
    ctx = login(demo_db, "shichang")
    window = _window(qtbot, ctx)
    tab = window.select_area("alliance")
    page = tab.page("enterprise")
    page.search.setText(HAIER)
    page.find_enterprises()
    assert _visible(page) == {"appeals", "alliance"}
    assert (
        "专人一对一" in page.sections["alliance"].facts.text() and "世界500强" in page.sections["alliance"].facts.text()
    )
    page.sections["alliance"].open_button.click()
    assert tab.tabs.currentWidget() is tab.members
    row = tab.members.model.row_at(tab.members.view.currentIndex().row())
    assert row.name == "海尔集团（示例）"


def test_a_leaders_appeal_link_opens_the_appeal_in_its_tab(qtbot, demo_db):
    ctx = login(demo_db, "lingdao")
    admin_ctx = login(demo_db, "chuangkou")
    street = org.units(demo_db, "street")[0]
    intake(
        demo_db,
        admin_ctx.actor,
        IntakeForm(
            "development", "phone", "企业反映用电报装慢", street_id=street.id, enterprise="海尔集团（示例）", uscc=HAIER
        ),
        now=FIXED_NOW,
    )
    window = _window(qtbot, ctx)
    dialog = window.open_enterprise_file()
    page = dialog.findChild(EnterprisePage)
    page.search.setText("海尔")
    page.find_enterprises()
    assert _visible(page) == {"approvals", "appeals", "preservation", "alliance"}
    section = page.sections["appeals"]
    assert section.model is not None and section.model.rowCount() == 1
    section.open_button.click()
    appeals_tab = window.tabs.currentWidget()
    assert window.areas[window.tabs.currentIndex()] == "appeals"
    assert appeals_tab.dialog is not None and appeals_tab.dialog.isVisible()
    appeals_tab.dialog.close()
    dialog.close()


def test_the_summary_is_previewed(qtbot, demo_db):
    ctx = login(demo_db, "lingdao")
    window = _window(qtbot, ctx)
    dialog = window.open_enterprise_file()
    page = dialog.findChild(EnterprisePage)
    page.search.setText("hejt")
    page.find_enterprises()
    preview = page.preview_summary()
    assert preview is not None and preview.page_count() == 1
    preview.close()
    page.search.setText("91999999DM00000000")
    page.find_enterprises()
    assert page.error.text() == "未找到企业"
    dialog.close()
