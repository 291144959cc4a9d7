"""The user's guide (用户指南) rendered inside the desk: no browser, no network.

The pages are Markdown files in ``resources/guide/`` (shipped with the installed bundle, as every
file under resources/ is). Qt's own Markdown reader renders them in a QTextBrowser; links between
pages, back and forward work as in a browser. The table of contents on the left is read from the
index page's lists of links, so the index and the contents never disagree. Pictures are scaled
down to the reading width (a 1280-pixel screenshot would otherwise need a horizontal scroll bar).

``show_guide(parent, page)`` opens (or brings forward) the parent's one viewer at ``page``: a tab
key of the main window (``"appeals"``), a file name (``"lights.md"``) or None for the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.config import RESOURCES

INDEX = "index.md"
PAGE_ROLE = Qt.ItemDataRole.UserRole  # a contents entry's file name
IMAGE_WIDTH = 860  # pixels at most: the reading column of the default 1200-pixel viewer
_LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)\)")
_HEADING = re.compile(r"^##\s+(.+?)\s*$")


def guide_dir() -> Path:
    """The guide's folder: ``resources/guide`` of the source tree or of the installed bundle."""
    return RESOURCES / "guide"


def page_path(page: str | None) -> Path:
    """The file of ``page`` (a tab key, a file name, or None for the index); the index when the
    guide has no such page."""
    if not page:
        return guide_dir() / INDEX
    name = page if page.endswith(".md") else f"{page}.md"
    path = guide_dir() / name
    return path if path.is_file() else guide_dir() / INDEX


@dataclass(frozen=True)
class Section:
    """One heading of the index with the pages listed under it: (title, file name)."""

    title: str
    pages: tuple[tuple[str, str], ...]


def table_of_contents(index: Path | None = None) -> list[Section]:
    """The index page's ``##`` headings with the page links listed under each."""
    text = (index or guide_dir() / INDEX).read_text(encoding="utf-8")
    sections: list[Section] = []
    title, pages = "", list[tuple[str, str]]()
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            if pages:
                sections.append(Section(title, tuple(pages)))
            title, pages = heading.group(1), []
            continue
        if line.lstrip().startswith(("-", "*")):
            pages += [(m.group(1), m.group(2)) for m in _LINK.finditer(line)][:1]
    if pages:
        sections.append(Section(title, tuple(pages)))
    return sections


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that finds pictures beside the page and fits them to the reading width."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt API
        if kind == QTextDocument.ResourceType.ImageResource.value:
            url = QUrl(name) if isinstance(name, str) else name
            url = url if url.isLocalFile() else self.source().resolved(url)
            image = QImage(url.toLocalFile())
            if not image.isNull():
                width = max(360, min(IMAGE_WIDTH, self.viewport().width() - 48))
                if image.width() > width:
                    image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                return image
        return super().loadResource(kind, name)


class GuideViewer(QDialog):
    """The guide's window: contents on the left, the page on the right, back and forward above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideViewer")
        self.setWindowTitle("用户指南 — 崂山政务窗口桌面")
        self.resize(1200, 800)
        self.back_button = QPushButton("← 后退")
        self.forward_button = QPushButton("前进 →")
        self.home_button = QPushButton("目录首页")
        self.back_button.setShortcut(QKeySequence.StandardKey.Back)
        self.forward_button.setShortcut(QKeySequence.StandardKey.Forward)
        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setMinimumWidth(220)
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_dir()), str(guide_dir() / "images")])
        self.browser.document().setDocumentMargin(16)
        self.browser.setStyleSheet("QTextBrowser { font-size: 11pt; }")
        buttons = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.home_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 940])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._fill_contents()
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.open_page(None))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._select_current)
        self.contents.itemClicked.connect(self._contents_clicked)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

    def _fill_contents(self) -> None:
        self.contents.clear()
        home = QTreeWidgetItem(["首页"])
        home.setData(0, PAGE_ROLE, INDEX)
        self.contents.addTopLevelItem(home)
        for section in table_of_contents():
            top = QTreeWidgetItem([section.title])
            for title, name in section.pages:
                child = QTreeWidgetItem([title])
                child.setData(0, PAGE_ROLE, name)
                top.addChild(child)
            self.contents.addTopLevelItem(top)
        self.contents.expandAll()

    def _contents_clicked(self, item: QTreeWidgetItem) -> None:
        name = item.data(0, PAGE_ROLE)
        if name:
            self.open_page(str(name))

    def _select_current(self, url: QUrl) -> None:
        name = Path(url.toLocalFile()).name
        for item in self._items():
            if item.data(0, PAGE_ROLE) == name:
                self.contents.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.contents.topLevelItemCount()):
            top = self.contents.topLevelItem(i)
            if top is None:
                continue
            items.append(top)
            children = (top.child(j) for j in range(top.childCount()))
            items += [child for child in children if child is not None]
        return items

    def open_page(self, page: str | None) -> None:
        """Show ``page`` (a tab key, a file name or None for the index)."""
        self.browser.setSource(QUrl.fromLocalFile(str(page_path(page))), QTextDocument.ResourceType.MarkdownResource)

    def current_page(self) -> str:
        """The file name of the page shown (``"appeals.md"``)."""
        return Path(self.browser.source().toLocalFile()).name


def show_guide(parent: QWidget | None, page: str | None = None) -> GuideViewer:
    """Open the guide at ``page`` (non-modal); a parent's viewer already open is reused."""
    viewer = parent.findChild(GuideViewer, "guideViewer") if parent is not None else None
    if viewer is None:
        viewer = GuideViewer(parent)
    viewer.open_page(page)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer
