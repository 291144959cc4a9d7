"""The admin tab driven as an admin would: users, calendar, audit chain check."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy import text

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import auth
from laoshan_desk.services import calendar as calendar_service
from laoshan_desk.ui.admin.tab import AdminTab
from laoshan_desk.ui.admin.users_page import UserDialog
from tests.ui.counts import counted


def test_new_user_dialog_shows_field_messages_and_creates(qtbot, ctx):
    dialog = UserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ui.usernameEdit.setText("chuangkou1")
    dialog.ui.fullNameEdit.setText("王晓燕")
    dialog.ui.roleCombo.setCurrentIndex(list(Role).index(Role.STREET_CLERK))
    dialog.ui.passwordEdit.setText("Window2026ok")
    dialog.save()
    assert "所属单位" in dialog.errors.message_for("unit")
    assert dialog.ui.fullNameEdit.text() == "王晓燕"
    dialog.ui.unitCombo.setCurrentIndex(1)
    dialog.save()
    assert dialog.user_id is not None
    assert any(u.username == "chuangkou1" for u in auth.list_users(ctx.db, ctx.actor, now=ctx.now()))


def test_calendar_page_saves_an_override(qtbot, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.calendar
    page.date_edit.setDate(QDate(2027, 2, 20))
    page.kind_combo.setCurrentIndex(0)
    page.note_edit.setText("春节调休上班")
    page.save_override()
    assert calendar_service.work_calendar(ctx.db).is_workday(dt.date(2027, 2, 20))
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "春节调休上班"


def test_calendar_page_adds_and_removes_overrides_on_the_column_model(qtbot, qtmodeltester, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.calendar
    for day, note in ((QDate(2027, 2, 20), "春节调休上班"), (QDate(2027, 1, 9), "元旦调休上班")):
        page.date_edit.setDate(day)
        page.kind_combo.setCurrentIndex(0)
        page.note_edit.setText(note)
        page.save_override()
    qtmodeltester.check(page.model)
    assert [page.model.index(r, 0).data() for r in range(2)] == ["2027-01-09", "2027-02-20"]
    assert page.model.index(0, 1).data() == "调休上班"
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 0).data() == "2027-02-20"
    page.table.clearSelection()
    page.table.setCurrentIndex(QModelIndex())
    page.remove_override()  # nothing selected: said on the page, nothing removed, no box
    assert page.error_label.text() == "请先在右侧列表中选择一条调整" and not _desk_messages(tab)
    assert page.model.rowCount() == 2
    page.table.selectRow(0)  # 2027-02-20, sorted first
    page.remove_override()
    assert page.error_label.text() == ""
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["2027-01-09"]
    assert not calendar_service.work_calendar(ctx.db).is_workday(dt.date(2027, 2, 20))  # a Saturday again
    assert "2027-02-20" in page.moved_info.text()


def test_calendar_page_refuses_a_date_beside_the_field_and_keeps_the_form(qtbot, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.calendar
    page.date_edit.setDate(QDate(2101, 1, 1))
    page.kind_combo.setCurrentIndex(1)
    page.note_edit.setText("太远的一天")
    page.save_override()
    assert "2100" in page.errors.message_for("day") and not _desk_messages(tab)
    assert page.note_edit.text() == "太远的一天" and page.kind_combo.currentIndex() == 1
    assert page.date_edit.date() == QDate(2101, 1, 1)
    assert page.model.rowCount() == 0


def test_audit_page_lists_and_verifies(qtbot, qtmodeltester, ctx):
    calendar_service.set_override(
        ctx.db, ctx.actor, calendar_service.OverrideForm(dt.date(2027, 1, 2), True, "x"), now=ctx.now()
    )
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.audit
    qtmodeltester.check(page.model)
    assert counted(qtbot, page.model) >= 2 and "共" in page.count_label.text()
    assert page.model.index(0, 4).data() == "工作日调整" and page.model.index(0, 3).data() == "新建"
    page.verify()
    qtbot.waitUntil(lambda: page.verify_outcome.finished, timeout=10_000)
    assert page.result.text().startswith("✔")
    with ctx.db.engine.begin() as c:
        c.execute(text("UPDATE audit_record SET username = 'mallory' WHERE seq = 1"))
        c.execute(text("DELETE FROM audit_record WHERE seq = 3"))
    page.verify()
    qtbot.waitUntil(lambda: page.verify_outcome.finished, timeout=10_000)
    lines = page.result.text().splitlines()
    assert lines[0].startswith("✘") and "发现 2 处问题" in lines[0]
    assert lines[1:] == ["  · 第 1 条审计记录被篡改（密钥校验不符）", "  · 第 3 条审计记录缺失（已被删除）"]


def test_org_page_shows_the_district(qtbot, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    assert "街道 5 个" in tab.org.summary.text() and "网格 863 个" in tab.org.summary.text()
    streets = tab.org.tree.topLevelItem(0)
    assert streets.childCount() == 5
    community = streets.child(0).child(0)
    community.setExpanded(True)
    assert community.childCount() > 1 and community.child(0).text(1) == "网格"


def test_calendar_page_has_a_legend_and_reads_the_month_in_chinese(qtbot, ctx):
    from laoshan_desk.ui.admin.calendar_page import DAY_STYLES, CalendarPage

    calendar_service.set_override(
        ctx.db, ctx.actor, calendar_service.OverrideForm(dt.date(2026, 11, 28), True, "调休上班"), now=ctx.now()
    )
    page = CalendarPage(ctx)
    qtbot.addWidget(page)
    assert list(page.legend_labels) == ["休息日", "调休上班日", "节假日", "管理员调整"]
    assert page.month_label.text() == "2026年11月" and not page.calendar.isNavigationBarVisible()
    page.next_month.click()
    assert page.month_label.text() == "2026年12月"
    page.today_button.click()
    page.previous_month.click()
    assert page.month_label.text() == "2026年10月"
    # 国庆 (a weekday off), an ordinary Sunday, the make-up Saturday the admin entered.
    assert page.day_kind(False, dt.date(2026, 10, 1)) == "节假日"
    assert page.day_kind(False, dt.date(2026, 10, 11)) == "休息日"
    assert page.day_kind(True, dt.date(2026, 11, 28)) == "调休上班日"
    page.today_button.click()
    holiday_fmt = page.calendar.dateTextFormat(QDate(2026, 11, 28))
    assert holiday_fmt.background().color().name().upper() == DAY_STYLES["调休上班日"][1]
    assert holiday_fmt.fontUnderline()  # an admin's adjustment is marked as such
    sunday = page.calendar.dateTextFormat(QDate(2026, 11, 29))
    assert sunday.foreground().color().name().upper() == DAY_STYLES["休息日"][0]


def test_settings_spin_boxes_keep_their_natural_width(qtbot, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.pages.setCurrentWidget(tab.settings)
    for spin in tab.settings.spins.values():
        assert spin.width() <= max(spin.sizeHint().width(), 160)


def test_the_audit_page_is_current_when_shown_again(qtbot, ctx, monkeypatch):
    from laoshan_desk.ui.admin import audit_page

    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.pages.setCurrentWidget(tab.audit)
    before, model = counted(qtbot, tab.audit.model), tab.audit.model
    calendar_service.set_override(
        ctx.db, ctx.actor, calendar_service.OverrideForm(dt.date(2027, 1, 3), True, "y"), now=ctx.now()
    )
    monkeypatch.setattr(audit_page, "FRESH_SECONDS", 0.0)
    tab.pages.setCurrentWidget(tab.users)
    tab.pages.setCurrentWidget(tab.audit)
    assert counted(qtbot, tab.audit.model) == before + 1
    # The same model started over, not a new one each time (they were never freed before).
    assert tab.audit.model is model and tab.audit.view.model() is model
    tab.audit.user_edit.setText("nobody-at-all")
    tab.audit.reload()
    assert tab.audit.model is model and counted(qtbot, model) == 0 and tab.audit.count_label.text() == "共 0 条记录"


def _desk_messages(over: QWidget | None = None) -> list[str]:
    """The desk's message boxes open (``over``: only those opened over that widget)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    def opened_over(box: QWidget) -> bool:
        parent = box.parentWidget()
        while parent is not None and parent is not over:
            parent = parent.parentWidget()
        return over is None or parent is over

    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "deskMessage" and opened_over(w)
    ]


def test_calendar_import_writes_its_result_and_refusals_on_the_page(qtbot, ctx, tmp_path):
    from openpyxl import Workbook

    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.calendar
    broken = tmp_path / "broken.xlsx"
    broken.write_text("hello")
    assert page.import_file(broken) is None
    assert page.error_label.text() and not _desk_messages()  # said on the page, no box to click away
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "类型", "说明"])
    ws.append([dt.date(2027, 2, 20), "上班", "春节调休"])
    ws.append(["2027-02-12", "加班", "错误类型"])
    path = tmp_path / "cal.xlsx"
    wb.save(path)
    report = page.import_file(path)  # a modal result box would block here until the test timed out
    assert report is not None and report.imported == 1
    assert page.error_label.text() == ""
    assert page.moved_info.text().startswith("导入结果：新增 1 条") and "第 3 行 [类型]" in page.moved_info.text()
    assert page.model.rowCount() == 1 and not _desk_messages()


def test_a_refused_account_change_is_said_on_the_page_not_a_traceback(qtbot, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.users
    page.table.selectRow(0)  # the only account: the admin itself
    page.toggle_active()
    assert page.error_label.text() and not _desk_messages(tab)
    assert auth.list_users(ctx.db, ctx.actor, now=ctx.now())[0].active


def test_users_page_adds_a_user_through_a_dialog_opened_without_a_nested_loop(qtbot, qtmodeltester, ctx):
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.users
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 1 and page.model.index(0, 4).data() == "正常"
    page.edit_user()  # nothing selected yet
    assert page.error_label.text() == "请先在列表中选择一个用户" and page.dialog is None
    page.new_user()  # returns at once: open(), not exec()
    dialog = page.dialog
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    dialog.ui.usernameEdit.setText("jiedao2")
    dialog.ui.fullNameEdit.setText("李建国")
    dialog.ui.roleCombo.setCurrentIndex(list(Role).index(Role.STREET_CLERK))
    dialog.ui.passwordEdit.setText("Street2026ok")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()  # no unit: refused
    assert "所属单位" in dialog.errors.message_for("unit") and dialog.isVisible()
    assert dialog.ui.usernameEdit.text() == "jiedao2" and dialog.ui.passwordEdit.text() == "Street2026ok"
    assert page.model.rowCount() == 1
    dialog.ui.unitCombo.setCurrentIndex(1)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5_000)
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert sorted(names) == ["admin", "jiedao2"]
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "jiedao2")
    assert page.model.index(row, 2).data() == Role.STREET_CLERK.label


def test_users_page_password_reset_refuses_a_weak_password_beside_the_field(qtbot, ctx):
    from laoshan_desk.ui.admin.users_page import PasswordDialog

    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    page = tab.users
    page.table.selectRow(0)
    page.reset_password()
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog) and dialog.isVisible()
    dialog.password_edit.setText("short")
    dialog.save()
    assert "至少" in dialog.errors.message_for("password") and dialog.isVisible()
    assert dialog.password_edit.text() == "short" and not _desk_messages(tab)
    dialog.password_edit.setText("Reset2026secure")
    dialog.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5_000)
    assert auth.login(ctx.db, "admin", "Reset2026secure", now=ctx.now()).username == "admin"
