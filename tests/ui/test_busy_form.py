"""Issue 10: while another desk holds the database's write lock (a long import), a save at the
counter says "数据库正忙（另一台窗口正在导入），请稍后重试" in the form, keeps what was typed, and
goes through once the lock is free — no "出现意外错误", no lost form."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QDialogButtonBox

from laoshan_desk.services import org
from laoshan_desk.store import db as store_db
from laoshan_desk.ui.appeals.tab import AppealsTab


def test_a_save_while_another_desk_imports_says_busy_and_keeps_the_form(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    ctx.db.engine.dispose()  # connections made from here wait 300 ms, not 10 s
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]
    dialog = tab.open_intake()
    ui = dialog.ui
    qtbot.keyClicks(ui.phoneEdit, "13805321234")
    ui.contentEdit.setPlainText("小区门口垃圾桶满溢多日无人清运，异味严重")
    dialog.pick_place(street.name, comm.name, grid_index=0)
    other = sqlite3.connect(ctx.db.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another desk in the middle of a long import
    try:
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
        shown = dialog.errors.fallback.text()  # the line under the form: the refusal names no field
        assert "数据库正忙（另一台窗口正在导入），请稍后重试" in shown, shown
        assert "意外" not in shown
        assert dialog.created is None and dialog.isVisible()
        assert ui.contentEdit.toPlainText() == "小区门口垃圾桶满溢多日无人清运，异味严重"
        assert ui.phoneEdit.text() == "13805321234"
    finally:
        other.execute("ROLLBACK")
        other.close()
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.created is not None and dialog.result() == dialog.DialogCode.Accepted
