"""The excepthook (ui/common/errors.py): an uncaught error is shown the way an action's failure is
(run_action's show_failure), in a box opened with ``open()`` over the window — the hook returns at
once, nothing waits in a nested event loop — and logged with its traceback."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.ui.common.actions import show_failure
from laoshan_desk.ui.common.errors import install_excepthook


@pytest.fixture
def window(qtbot, monkeypatch) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(show_failure)
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()  # the hook shows over the active window: this one, not another test's
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown, timeout=5000)
    yield shown
    for box in _boxes(shown):
        box.close()


def _boxes(window: QWidget) -> list[QMessageBox]:
    """The message boxes open over ``window`` (boxes left open by other tests do not count)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox)
        and w.objectName() == "deskMessage"
        and w.isVisible()
        and w.parentWidget() is window
    ]


def _raise_uncaught() -> None:
    try:
        raise RuntimeError("磁盘已满 (bug in a slot)")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)  # what Qt does with an exception in a slot


def test_an_uncaught_error_is_logged_and_said_in_a_box_opened_with_open(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="laoshan_desk")
    _raise_uncaught()  # returns: the box is open, not exec()'d
    boxes = _boxes(window)
    assert len(boxes) == 1
    box = boxes[0]
    assert box.windowTitle() == "出现意外错误" and box.icon() is QMessageBox.Icon.Critical
    assert "已记录到日志" in box.text() and "磁盘已满" in box.text()
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None and "_raise_uncaught" in caplog.text
    # the same bug again while the clerk has not closed the box: logged, not a second box
    _raise_uncaught()
    assert _boxes(window) == [box]
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 2 and "uncaught" in caplog.text
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert _boxes(window) == []
    _raise_uncaught()  # closed: the next one is shown again
    assert len(_boxes(window)) == 1


def test_a_refusal_box_left_open_by_an_action_does_not_silence_the_hook(qtbot, window):
    show_failure(window, ValidationError("该记录已被他人修改，请刷新后重试"), None, "无法完成")
    assert len(_boxes(window)) == 1
    _raise_uncaught()
    assert sorted(b.windowTitle() for b in _boxes(window)) == sorted(["无法完成", "出现意外错误"])  # any order


def test_an_uncaught_refusal_is_said_as_its_message(qtbot, window, caplog):
    caplog.set_level(logging.INFO, logger="laoshan_desk")
    error = ValidationError("请先选择街道", field="street")
    sys.excepthook(ValidationError, error, None)
    (box,) = _boxes(window)
    assert (box.windowTitle(), box.text()) == ("无法完成", "请先选择街道")
    assert "请先选择街道" in caplog.text
    box.close()
