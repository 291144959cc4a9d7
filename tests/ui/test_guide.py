"""The user's guide: every tab and role has its page, every link and picture resolves, every
quoted message still exists in the code, and F1 opens the viewer at the page of the tab in front."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QTextDocument

from laoshan_desk import config
from laoshan_desk.domain.roles import Role
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.help import GuideViewer, guide_dir, page_path, show_guide, table_of_contents
from laoshan_desk.ui.help.viewer import IMAGE_WIDTH
from laoshan_desk.ui.main_window import TAB_TITLES, TABS, MainWindow
from tests.conftest import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "laoshan_desk"
DOCS_GUIDE = ROOT / "docs" / "guide"
SHOTS = ROOT / "docs" / "shots_guide.py"
# [text](target) and ![alt](target); the target ends at the first space or ")".
_TARGET = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
_QUOTED = re.compile(r"「([^」]+)」")


def _pages() -> list[Path]:
    return sorted(guide_dir().glob("*.md"))


def _targets(page: Path) -> list[str]:
    return [t for t in _TARGET.findall(page.read_text(encoding="utf-8")) if not re.match(r"[a-z]+:", t)]


def _role_page(role: Role) -> Path:
    return guide_dir() / f"role-{role.value.replace('_', '-')}.md"


# -- the pages ------------------------------------------------------------------------------------
def test_the_guide_is_package_data_under_resources() -> None:
    assert guide_dir() == config.RESOURCES / "guide"
    assert (guide_dir() / "index.md").is_file()
    # The bundle collects the whole resources/ folder (packaging/laoshan-desk.spec).
    spec = (ROOT / "packaging" / "laoshan-desk.spec").read_text(encoding="utf-8")
    assert '("resources", "forms", "reports")' in spec


def test_every_tab_has_its_page_named_for_it() -> None:
    for area, title in TAB_TITLES.items():
        path = page_path(area)
        assert path.name == f"{area}.md", area
        assert path.read_text(encoding="utf-8").startswith(f"# {title}\n")
    assert set(TABS) == set(TAB_TITLES)


def test_every_role_has_a_page_with_its_name_and_its_tabs() -> None:
    from laoshan_desk.domain import roles

    for role in Role:
        text = _role_page(role).read_text(encoding="utf-8")
        assert text.startswith(f"# {role.label}\n"), role
        for area in roles.visible_areas(role):
            assert f"({area}.md)" in text, (role, area)  # the page links every tab the role sees


def test_an_unknown_page_falls_back_to_the_index() -> None:
    assert page_path(None).name == "index.md"
    assert page_path("no-such-page").name == "index.md"
    assert page_path("lights.md").name == "lights.md"


def test_every_link_and_picture_resolves() -> None:
    pages = _pages() + sorted(DOCS_GUIDE.glob("*.md"))
    checked = 0
    for page in pages:
        for target in _targets(page):
            path = (page.parent / target.split("#", 1)[0]).resolve()
            assert path.exists(), f"{page.name}: {target}"
            checked += 1
    assert checked > 100


def test_every_page_is_in_the_contents_and_every_picture_is_shown_and_made_by_the_script() -> None:
    listed = {name for section in table_of_contents() for _, name in section.pages}
    assert listed | {"index.md"} == {p.name for p in _pages()}
    shown = {Path(t).name for page in _pages() for t in _targets(page) if t.startswith("images/")}
    assert shown == {p.name for p in (guide_dir() / "images").glob("*.png")}
    script = SHOTS.read_text(encoding="utf-8")
    for name in shown:
        stem = Path(name).stem
        if stem.startswith("tab-"):  # one per tab of the admin's window: f"tab-{area}"
            assert stem.removeprefix("tab-") in TABS and 'f"tab-{area}"' in script
        else:
            assert f'"{stem}"' in script, f"{name} is not made by docs/shots_guide.py"


def _string_constants() -> list[str]:
    """Every string literal of the package (the constant parts of f-strings included)."""
    out: list[str] = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        out += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return out


def test_every_message_the_guide_quotes_still_exists_in_the_code() -> None:
    strings = _string_constants()
    quoted = {m for page in _pages() for m in _QUOTED.findall(page.read_text(encoding="utf-8"))}
    errors_page = set(_QUOTED.findall((guide_dir() / "errors.md").read_text(encoding="utf-8")))
    assert len(errors_page) >= 25
    for message in quoted:
        for fragment in (f.strip() for f in message.split("…")):
            if fragment:
                assert any(fragment in s for s in strings), f"「{message}」: {fragment!r} is not in the code"


def test_a_message_that_is_not_in_the_code_would_be_caught() -> None:
    strings = _string_constants()
    assert any("该记录已被他人修改，请刷新后重试" in s for s in strings)
    assert not any("该记录已被他人修改，请立即重启电脑" in s for s in strings)


# -- the viewer -----------------------------------------------------------------------------------
def _hrefs(document: QTextDocument) -> list[str]:
    hrefs: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                hrefs.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return hrefs


def _images(document: QTextDocument) -> list[str]:
    names: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_the_viewer_follows_links_goes_back_and_forward_and_shows_pictures(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.open_page(None)
    assert viewer.current_page() == "index.md"
    links = [h for h in _hrefs(viewer.browser.document()) if h.endswith(".md")]
    assert "appeals.md" in links and "errors.md" in links
    # What QTextBrowser does when a link is clicked: the href resolved against the page shown.
    viewer.browser.setSource(viewer.browser.source().resolved(QUrl("task-appeal.md")))
    assert viewer.current_page() == "task-appeal.md"
    assert viewer.browser.toPlainText().startswith("受理一件诉求")
    assert viewer.back_button.isEnabled() and not viewer.forward_button.isEnabled()
    # Links inside a page (here in a table and in running text) are links of the rendered page.
    assert "lights.md" in _hrefs(viewer.browser.document())
    images = _images(viewer.browser.document())
    assert "images/appeal-intake.png" in images
    for name in images:
        image = viewer.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert isinstance(image, QImage) and not image.isNull(), name
        assert image.width() <= IMAGE_WIDTH
    viewer.back_button.click()
    assert viewer.current_page() == "index.md"
    assert viewer.forward_button.isEnabled()
    viewer.forward_button.click()
    assert viewer.current_page() == "task-appeal.md"
    current = viewer.contents.currentItem()
    assert current is not None and current.text(0) == "受理一件诉求：从窗口到回访"


def test_the_contents_open_their_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    viewer.open_page(None)
    top = viewer.contents.topLevelItem(1)  # 标签页
    assert top is not None and top.text(0) == "标签页"
    item = top.child(3)
    assert item is not None and item.text(0) == "兴商护航联盟"
    viewer.contents.itemClicked.emit(item, 0)
    assert viewer.current_page() == "alliance.md"
    assert "兴商护航联盟" in viewer.browser.toPlainText()


def test_every_page_renders_with_its_tables(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = GuideViewer()
    qtbot.addWidget(viewer)
    for page in _pages():
        viewer.open_page(page.name)
        text = viewer.browser.toPlainText()
        title = page.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        assert text.startswith(title), page.name
        assert "|---|" not in text, f"{page.name}: a table was not rendered as a table"


# -- F1 -------------------------------------------------------------------------------------------
def _window(qtbot, db, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(DeskContext(db=db, actor=actor, clock=lambda: FIXED_NOW), idle_lock=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _press_f1(qtbot, window: MainWindow) -> GuideViewer:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.tabs, Qt.Key.Key_F1)
    viewer = window.findChild(GuideViewer, "guideViewer")
    assert viewer is not None and viewer.isVisible()
    return viewer


def test_f1_opens_the_page_of_each_tab(qtbot, db, admin) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db, admin)
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.guide_action in window.help_menu.actions()
    assert window.areas == list(TABS)
    for index, area in enumerate(window.areas):
        window.tabs.setCurrentIndex(index)
        viewer = _press_f1(qtbot, window)
        assert viewer.current_page() == f"{area}.md"
        assert viewer.browser.toPlainText().startswith(TAB_TITLES[area])
        viewer.hide()
    # One viewer, reused.
    assert len(window.findChildren(GuideViewer)) == 1


@pytest.mark.parametrize("role", [Role.COURT_CLERK, Role.MARKET_OFFICER])
def test_f1_follows_the_tabs_of_the_role(qtbot, db, make_user, role) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, db, make_user(role))
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    viewer = _press_f1(qtbot, window)
    assert viewer.current_page() == f"{window.areas[-1]}.md"


def test_show_guide_without_a_parent_opens_the_index(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = show_guide(None, None)
    qtbot.addWidget(viewer)
    assert viewer.current_page() == "index.md"
    assert viewer.browser.toPlainText().startswith("崂山政务窗口桌面 用户指南")
