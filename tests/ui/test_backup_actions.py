"""The admin's backup and restore driven as the admin does it (the file choice stubbed; the
restore's question is the real box, answered with its 否 and 是 buttons)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from laoshan_desk.services import calendar
from laoshan_desk.ui.admin.backup_actions import BackupActions
from laoshan_desk.ui.admin.tab import AdminTab


def _boxes(widget: QWidget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.objectName() == "deskMessage"]


def _question(actions: BackupActions) -> QMessageBox:
    box = actions.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.windowTitle() == "确认恢复"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # replacing data: 否
    assert box.parentWidget() is actions.widget
    return box


def test_backup_then_restore_after_a_confirmation_that_lists_what_is_lost(qtbot, ctx, tmp_path):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.settings
    actions: BackupActions = page.backups
    target = tmp_path / "备份.ldbak"
    actions.choose_target = lambda: target  # type: ignore[method-assign]
    calendar.set_override(ctx.db, ctx.actor, calendar.OverrideForm(dt.date(2031, 5, 5), True, "备份前"), now=ctx.now())
    page.backup_dialog()
    qtbot.waitUntil(lambda: actions.last is not None and actions.last.finished, timeout=20_000)
    assert actions.last.ok and target.is_file()
    assert "已备份到" in _boxes(page)[-1].text()
    calendar.set_override(ctx.db, ctx.actor, calendar.OverrideForm(dt.date(2031, 6, 6), True, "备份后"), now=ctx.now())
    actions.choose_source = lambda: target  # type: ignore[method-assign]
    page.restore_dialog()
    qtbot.waitUntil(lambda: actions.dialog is not None, timeout=30_000)  # checked off the GUI thread
    box = _question(actions)
    assert "将用 备份.ldbak 替换当前数据库" in box.text() and "备份之后的" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert actions.dialog is None and len(_boxes(page)) == 1  # 否: nothing replaced
    assert [o.day for o in calendar.list_overrides(ctx.db, 2031)] == [dt.date(2031, 5, 5), dt.date(2031, 6, 6)]
    page.restore_dialog()
    qtbot.waitUntil(lambda: actions.dialog is not None, timeout=30_000)
    qtbot.mouseClick(_question(actions).button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_boxes(page)) == 2, timeout=30_000)
    assert "已恢复" in _boxes(page)[-1].text()
    assert [o.day for o in calendar.list_overrides(ctx.db, 2031)] == [dt.date(2031, 5, 5)]


def test_a_refused_file_is_a_message_and_nothing_is_replaced(qtbot, ctx, tmp_path):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    actions: BackupActions = tab.settings.backups
    bad = tmp_path / "bad.ldbak"
    bad.write_text("not a backup")
    actions.choose_source = lambda: bad  # type: ignore[method-assign]
    calendar.set_override(ctx.db, ctx.actor, calendar.OverrideForm(dt.date(2031, 5, 5), True, "现有"), now=ctx.now())
    actions.restore()
    qtbot.waitUntil(lambda: actions.last is not None and actions.last.finished, timeout=20_000)
    assert not actions.last.ok and "不是本系统的备份文件" in _boxes(tab.settings)[-1].text()
    assert actions.dialog is None  # refused before anything was asked
    assert [o.note for o in calendar.list_overrides(ctx.db, 2031)] == ["现有"]
