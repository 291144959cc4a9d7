"""The admin's organisation page driven as an admin would: rename, add a community, deactivate.

Every dialog is opened with ``open()`` (the page keeps it as ``page.dialog``), a refusal stands
beside its field in the dialog or beside the page's buttons, and nothing changes until it is saved.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from laoshan_desk.services import org
from laoshan_desk.ui.admin.org_page import OrgPage, UnitDialog
from laoshan_desk.ui.admin.tab import AdminTab


@pytest.fixture
def page(qtbot, ctx) -> Iterator[OrgPage]:  # type: ignore[no-untyped-def]
    """The page inside the admin tab, as the desk places it: the tab owns it (and its dialogs)."""
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.pages.setCurrentWidget(tab.org)
    yield tab.org
    qtbot.wait(10)  # the closed dialogs' deferred deletes, while the tab is alive


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_rename_refuses_an_empty_name_beside_the_field_then_saves(page, ctx):
    street = page.tree.topLevelItem(0).child(0)
    page.tree.setCurrentItem(street)
    name = street.text(0)
    page.rename()
    dialog = page.dialog
    assert isinstance(dialog, UnitDialog) and dialog.isVisible() and dialog.name_edit.text() == name
    dialog.name_edit.setText("  ")
    dialog.save()
    assert dialog.errors.message_for("name") == "名称不能为空" and dialog.isVisible()
    assert not _boxes() and org.units(ctx.db, "street")[0].name == name
    dialog.name_edit.setText("沙子口街道（新）")
    dialog.save()
    assert page.dialog is None
    assert org.units(ctx.db, "street")[0].name == "沙子口街道（新）"
    assert page.tree.topLevelItem(0).child(0).text(0) == "沙子口街道（新）"  # the tree reloaded


def test_nothing_selected_or_not_a_street_is_said_under_the_buttons(page, ctx):
    page.rename()
    assert page.error_label.text() == "请先选择一个街道、社区（村）或部门" and page.dialog is None
    community = page.tree.topLevelItem(0).child(0).child(0)
    page.tree.setCurrentItem(community)
    page.add_community()
    assert page.error_label.text() == "新增社区（村）前请先选择它所属的街道" and page.dialog is None
    assert not _boxes()


def test_add_community_refuses_a_used_code_beside_it_and_keeps_the_name(page, ctx):
    street_item = page.tree.topLevelItem(0).child(0)
    street = org.units(ctx.db, "street")[0]
    used = org.units(ctx.db, "community", parent_id=street.id)[0].code
    before = len(org.units(ctx.db, "community", parent_id=street.id))
    page.tree.setCurrentItem(street_item)
    page.add_community()
    dialog = page.dialog
    assert isinstance(dialog, UnitDialog) and dialog.windowTitle() == "新增社区（村）"
    dialog.name_edit.setText("新建社区")
    dialog.code_edit.setText(used)
    dialog.save()
    assert used in dialog.errors.message_for("code") and dialog.name_edit.text() == "新建社区"
    assert len(org.units(ctx.db, "community", parent_id=street.id)) == before
    dialog.code_edit.setText("370212999999")
    dialog.save()
    assert page.dialog is None and dialog.new_id is not None
    added = [u for u in org.units(ctx.db, "community", parent_id=street.id) if u.id == dialog.new_id]
    assert [(u.name, u.code) for u in added] == [("新建社区", "370212999999")]
    names = [page.tree.topLevelItem(0).child(0).child(i).text(0) for i in range(before + 1)]
    assert "新建社区" in names


def test_deactivate_asks_without_a_nested_loop_and_only_yes_deactivates(page, ctx):
    street = org.units(ctx.db, "street")[0]
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.deactivate()  # returns at once: the question is opened, not exec()'d
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and street.name in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert page.dialog is None and org.units(ctx.db, "street")[0].id == street.id
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.deactivate()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    assert street.id not in [u.id for u in org.units(ctx.db, "street")]
    assert [u.active for u in org.units(ctx.db, "street", include_inactive=True) if u.id == street.id] == [False]
    assert page.tree.topLevelItem(0).childCount() == 4 and page.error_label.text() == ""
