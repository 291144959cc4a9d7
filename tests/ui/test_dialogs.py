"""The dialog helpers (ui/common/dialogs.py): a dialog, a question and a message box all open with
``open()`` and are kept as ``page.dialog``; a box opened when a dialog is accepted stays kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from laoshan_desk.ui.common.dialogs import ask, open_dialog, tell


class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.dialog: QDialog | None = None


@pytest.fixture
def page(qtbot) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """A shown page for the dialogs to open over."""
    shown = Page()
    qtbot.addWidget(shown)
    shown.show()
    yield shown


def _click(qtbot, box: QMessageBox, which: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def test_a_box_told_when_a_dialog_is_accepted_is_the_one_kept(qtbot, page):
    dialog = QDialog(page)
    open_dialog(page, dialog, accepted=lambda: tell(page, "已导出", "已写入：\n/tmp/x.xlsx"))
    assert page.dialog is dialog and dialog.isVisible()
    dialog.accept()  # accepted (opens the box), then finished: the box must stay page.dialog
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "deskMessage"
    assert box.windowTitle() == "已导出" and box.icon() is QMessageBox.Icon.Information
    _click(qtbot, box, QMessageBox.StandardButton.Ok)
    assert page.dialog is None


def test_a_question_runs_its_action_on_yes_only_and_defaults_to_no(qtbot, page):
    ran: list[int] = []
    box = ask(page, "确认", "停用“中韩街道”？", lambda: ran.append(1))
    assert page.dialog is box and box.isVisible()  # returned at once: open(), not exec()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    _click(qtbot, box, QMessageBox.StandardButton.No)
    assert ran == [] and page.dialog is None
    box = ask(page, "确认", "停用“中韩街道”？", lambda: ran.append(1), default_yes=True)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Yes)
    _click(qtbot, box, QMessageBox.StandardButton.Yes)
    assert ran == [1] and page.dialog is None


def test_a_warning_goes_over_the_parent_given_and_is_kept_by_its_owner(qtbot, page):
    class Owner:  # not a widget: e.g. the backup actions of a window
        dialog: QDialog | None = None

    owner = Owner()
    box = tell(owner, "无法保存", "无法写入", warning=True, parent=page)
    assert owner.dialog is box and box.parentWidget() is page and box.icon() is QMessageBox.Icon.Warning
    box.close()
    assert owner.dialog is None
