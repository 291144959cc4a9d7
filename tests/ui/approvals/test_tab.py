"""The 审批点菜单 tab driven as a clerk would: intake from the menu to a ticked-off item, the wall
chart, the dialogs (each opened with ``open()`` and found as the page's ``.dialog``, filled and
clicked); every table model passes qtmodeltester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.ui.approvals.catalog import CatalogDialog
from laoshan_desk.ui.approvals.intake import NewProjectDialog
from laoshan_desk.ui.approvals.item_dialogs import AdvanceDialog, MoveNodeDialog
from laoshan_desk.ui.approvals.models import ITEM_COLUMNS
from laoshan_desk.ui.approvals.reports import DispatchDialog
from laoshan_desk.ui.approvals.tab import ApprovalsTab
from laoshan_desk.ui.approvals.verify import VerifyDialog
from laoshan_desk.ui.common.table_model import LightRole, ListTableModel
from tests.conftest import FIXED_NOW


def click_ok(qtbot, box: QDialogButtonBox) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def read_box(qtbot, owner) -> str:  # type: ignore[no-untyped-def]
    """The message box open over ``owner`` (opened with open(), not exec()): its text, after 确定."""
    box = owner.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "deskMessage"
    text = box.windowTitle() + "|" + box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert owner.dialog is None
    return text


def test_intake_to_a_ticked_off_item(qtbot, ctx):
    tab = ApprovalsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.stack.currentWidget() is tab.empty

    dialog = tab.new_project()  # returns at once: open(), not exec()
    assert isinstance(dialog, NewProjectDialog) and tab.dialog is dialog and dialog.isVisible()
    ui = dialog.ui
    # QTest types ASCII only: Chinese arrives through the input method, i.e. as set text
    ui.nameEdit.setText("金家岭咖啡店开业项目")
    ui.enterpriseEdit.setText("青岛金岭咖啡有限公司")
    qtbot.keyClicks(ui.creditCodeEdit, "91999999MA0LKC0015")  # a typo in the check character
    ui.contactEdit.setText("王丽")
    qtbot.keyClicks(ui.phoneEdit, "0532-5550111")
    ui.streetCombo.setCurrentIndex(ui.streetCombo.findText("金家岭街道"))
    dialog.select_template("restaurant_opening")
    assert "必办 8 项" in ui.summaryLabel.text()
    # order one more dish, classify it with a reason, take one off
    dialog.add_item("SP036")
    dialog.add_item("SP036")  # already ordered: said in a box over the menu, ordered once
    assert read_box(qtbot, dialog) == "已在点菜单中|事项 SP036 已在点菜单中"
    assert dialog.codes().count("SP036") == 1
    dialog.set_class("SP036", "not_needed", "以公司形式经营，不办小餐饮登记")
    dialog.ui.itemsTable.selectRow(dialog.codes().index("SP072"))
    dialog.remove_selected()
    assert "SP072" not in dialog.codes()
    click_ok(qtbot, ui.buttonBox)
    assert tab.dialog is dialog and dialog.isVisible()  # refused: the menu stays open as typed
    assert "校验位" in ui.errorLabel.text()
    assert dialog.errors.message_for("credit_code")
    ui.creditCodeEdit.setText("91999999MA0LKC0014")
    click_ok(qtbot, ui.buttonBox)
    assert tab.dialog is None and dialog.project_id is not None
    # the flow that followed exec() now follows the dialog's accepted signal
    assert tab.stack.currentWidget() is tab.page
    view = tab.page.view
    assert view is not None and view.name == "金家岭咖啡店开业项目" and view.id == dialog.project_id
    assert view.item("SP036").classification == "not_needed"
    assert tab.model.rowCount() == 1 and tab.model.data(tab.model.index(0, 0), LightRole) is not None
    first_rows = tab.page.items_model.rows()
    assert [r.must_do for r in first_rows] == sorted((r.must_do for r in first_rows), reverse=True)

    # pre-review, accept, tick off the business licence, through the dialog
    for status in ("pre_review", "accepted", "done"):
        tab.page.select_item("SP001")
        advance = tab.page.advance()
        assert isinstance(advance, AdvanceDialog) and tab.page.dialog is advance
        advance.choose(status)
        advance.ui.dateEdit.setDate(FIXED_NOW.date())
        click_ok(qtbot, advance.ui.buttonBox)
        assert tab.page.dialog is None  # nothing became ready to issue: no box follows
    item = tab.page.view.item("SP001")
    assert item.done and item.finished_on == FIXED_NOW.date() and item.light is Light.GREY
    assert [s.status for s in item.steps] == ["pre_review", "accepted", "done"]
    row = [r.code for r in tab.page.items_model.rows()].index("SP001")
    assert tab.page.items_model.data(tab.page.items_model.index(row, 0)) == "已销号"
    assert "1/8" in tab.page.header.text()
    assert tab.model.row_at(0).done == 1  # the list followed
    with ctx.db.session() as session:
        q = select(AuditRecord.summary).where(
            AuditRecord.entity == "approval_project_item", AuditRecord.entity_id == str(item.id)
        )
        summaries = list(session.scalars(q))
    assert any("销号" in s for s in summaries)
    # a ticked-off item is not moved on again: said in a box, no dialog
    tab.page.select_item("SP001")
    assert tab.page.advance() is None
    assert read_box(qtbot, tab.page) == f"已销号|“{item.name}”已于 {FIXED_NOW.date()} 销号"
    # the licence for the ticked-off item, previewed
    tab.page.select_item("SP001")
    preview = tab.page.certificate()
    assert preview is not None and preview.page_count() == 1
    preview.close()


def test_project_page_tabs_and_wall_chart(qtbot, demo_ctx):
    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.resize(1500, 900)
    rows = {tab.model.row_at(r).name: tab.model.row_at(r) for r in range(tab.model.rowCount())}
    assert rows["崂山湾国际度假酒店开业项目"].progress == "18/18"
    assert rows["中韩便利超市开业项目"].light is Light.RED
    assert rows["金家岭海景餐厅开业项目"].light is Light.YELLOW
    tab.select_project(rows["崂山湾国际度假酒店开业项目"].id)
    page = tab.page
    assert "专题会议 <b>13</b>" in page.counts_label.text() and "现场踏勘 <b>8</b>" in page.counts_label.text()
    assert "问题 <b>62</b>" in page.counts_label.text()
    assert page.team_model.rowCount() == 26
    assert page.log_model.rowCount() == 13 + 8 + 62
    gantt = page.gantt
    assert set(gantt.bars) == {i.code for i in page.view.must_items}
    edges = {
        (p, i.code)
        for i in page.view.must_items
        for p in i.prerequisites
        if p in {m.code for m in page.view.must_items}
    }
    assert set(gantt.arrows) == edges
    assert "〔调〕" not in gantt.node_labels["SP023"]  # done: the pin no longer shows
    # a project in progress: today's line, lights as bar colours, the moved node marked
    tab.select_project(rows["王哥庄海滨健身游泳馆开业项目"].id)
    gantt = tab.page.gantt
    assert gantt.today_x is not None and gantt.target_x is not None and gantt.today_x < gantt.target_x
    assert gantt.bars["SP077"].brush().color().name().upper() == "#" + Light.RED.rgb
    assert "〔调〕" in gantt.node_labels["SP077"]
    assert gantt.bars["SP001"].rect().right() <= gantt.bars["SP077"].rect().left()


def test_move_node_from_the_page(qtbot, demo_ctx):
    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    shop = next(tab.model.row_at(r) for r in range(tab.model.rowCount()) if "餐厅" in tab.model.row_at(r).name)
    tab.select_project(shop.id)
    tab.page.items_view.clearSelection()
    tab.page.items_view.setCurrentIndex(QModelIndex())
    assert tab.page.move_node() is None  # nothing chosen: said in a box, no dialog
    assert read_box(qtbot, tab.page) == "请选择事项|请先在列表中选择一个事项"
    tab.page.select_item("SP023")
    dialog = tab.page.move_node()
    assert isinstance(dialog, MoveNodeDialog) and tab.page.dialog is dialog
    dialog.ui.dateEdit.setDate(dt.date(2026, 11, 27))
    click_ok(qtbot, dialog.ui.buttonBox)
    assert "原因" in dialog.ui.errorLabel.text() and tab.page.dialog is dialog  # a reason is required
    dialog.ui.reasonEdit.setPlainText("排烟管道防火阀整改后复验")
    click_ok(qtbot, dialog.ui.buttonBox)
    # the page reloaded, then said what moved (from the accepted signal, in a box opened with open())
    said = read_box(qtbot, tab.page)
    assert said.startswith("节点已调整|SP023：") and "→ 2026-11-27" in said and "联动调整" in said
    view = tab.page.view
    assert view.item("SP023").node_date == dt.date(2026, 11, 27)
    assert view.item("SP032").earliest_start == dt.date(2026, 11, 30)
    assert view.moves[-1].reason == "排烟管道防火阀整改后复验"


def test_dialogs_catalog_dispatch_verify(qtbot, demo_ctx):
    catalog_dialog = CatalogDialog(demo_ctx)
    qtbot.addWidget(catalog_dialog)
    assert catalog_dialog.model.rowCount() == 84
    catalog_dialog.search.setText("消防")
    assert 0 < catalog_dialog.model.rowCount() < 10

    dispatch = DispatchDialog(demo_ctx)
    qtbot.addWidget(dispatch)
    buckets = {(r.code, r.bucket) for r in dispatch.model.rows()}
    assert {("SP032", "late"), ("SP023", "today"), ("SP077", "infeasible")} <= buckets
    assert "今日到期 1 项" in dispatch.summary.text()
    preview = dispatch.print_preview()
    assert preview.page_count() >= 1
    preview.close()

    hotel = next(r for r in svc.list_projects(demo_ctx.db, demo_ctx.actor, today=FIXED_NOW.date()) if "酒店" in r.name)
    cert = svc.project_detail(demo_ctx.db, demo_ctx.actor, hotel.id, today=FIXED_NOW.date()).certificates[0]
    verify = VerifyDialog(demo_ctx)
    qtbot.addWidget(verify)
    qtbot.keyClicks(verify.ui.codeEdit, "LSDESK:" + cert.verification_code)
    qtbot.mouseClick(verify.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert "真实有效" in verify.ui.verdictLabel.text() and cert.number in verify.ui.detailLabel.text()
    verify.ui.codeEdit.setText("ABCD-EFGH-JKMN")
    verify.check()
    assert "查无此证" in verify.ui.verdictLabel.text()


def test_models_pass_the_model_tester(qtmodeltester, demo_ctx):
    tab = ApprovalsTab(demo_ctx)
    qtmodeltester.check(tab.model)
    hotel = next(r for r in svc.list_projects(demo_ctx.db, demo_ctx.actor, today=FIXED_NOW.date()) if "酒店" in r.name)
    view = svc.project_detail(demo_ctx.db, demo_ctx.actor, hotel.id, today=FIXED_NOW.date())
    model = ListTableModel(ITEM_COLUMNS, view.items)
    qtmodeltester.check(model)
    tab.select_project(hotel.id)
    for m in (tab.page.team_model, tab.page.log_model):
        qtmodeltester.check(m)
    tab.deleteLater()


def test_the_order_needs_a_reason_for_every_item(qtbot, ctx, qtmodeltester):
    """The menu's table is a model (qtmodeltester); a reason wiped from one item is refused by
    the service and shown beside the order, with everything typed kept."""
    dialog = NewProjectDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("金家岭咖啡店开业项目")
    dialog.ui.enterpriseEdit.setText("青岛金岭咖啡有限公司")
    dialog.ui.creditCodeEdit.setText("91999999MA0LKC0014")
    dialog.ui.contactEdit.setText("王丽")
    dialog.ui.phoneEdit.setText("0532-5550111")
    dialog.ui.addressEdit.setText("青岛市崂山区石老人社区海口路（示例地址）")  # suggests 金家岭街道
    assert dialog.ui.streetCombo.currentText() == "金家岭街道"
    dialog.select_template("restaurant_opening")
    qtmodeltester.check(dialog.model)
    assert "必办 8 项" in dialog.ui.summaryLabel.text()
    dialog.set_class("SP001", "self_handled", "  ")
    assert "必办 7 项" in dialog.ui.summaryLabel.text()
    assert not dialog.save()
    assert "SP001" in dialog.errors.message_for("items") and "分类理由" in dialog.errors.message_for("items")
    assert dialog.ui.nameEdit.text() == "金家岭咖啡店开业项目"
    assert dialog.rows()[dialog.codes().index("SP001")].classification.label == "企业自办"
    dialog.set_class("SP001", "must_do", "企业首次开业，须办理设立登记")
    assert dialog.save() and dialog.project_id is not None


def test_a_new_project_has_no_default_street(qtbot, ctx):
    """docs/rules.md §approvals-street: the combo starts on no street; saving without one is
    refused beside the street with everything typed kept; the address suggests the street it
    names; an address naming two streets suggests none; the clerk's own pick is not moved."""
    dialog = NewProjectDialog(ctx)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.streetCombo.currentData() is None
    for edit in (ui.startEdit, ui.targetEdit):  # dates bounded as every date on the way in
        assert (edit.minimumDate().year(), edit.maximumDate().toString("yyyy-MM-dd")) == (1949, "2100-12-31")
    ui.nameEdit.setText("沙子口渔家宴开业项目")
    ui.enterpriseEdit.setText("青岛沙子口渔家宴餐饮有限公司")
    ui.creditCodeEdit.setText("91999999MA0LKC0014")
    ui.contactEdit.setText("王丽")
    ui.phoneEdit.setText("0532-5550111")
    dialog.select_template("restaurant_opening")
    assert not dialog.save()
    assert "街道" in dialog.errors.message_for("street")
    assert ui.nameEdit.text() == "沙子口渔家宴开业项目" and "必办 8 项" in ui.summaryLabel.text()
    ui.addressEdit.setText("青岛市崂山区沙子口街道南姜社区（示例地址）")
    assert ui.streetCombo.currentText() == "沙子口街道"
    ui.addressEdit.setText("中韩社区与北宅社区之间（示例地址）")
    assert ui.streetCombo.currentData() is None
    ui.streetCombo.setCurrentIndex(ui.streetCombo.findText("沙子口街道"))
    ui.addressEdit.setText("青岛市崂山区金家岭街道（示例地址）")
    assert ui.streetCombo.currentText() == "沙子口街道"  # the clerk's pick stays
    assert dialog.save() and dialog.project_id is not None
    detail = svc.project_detail(ctx.db, ctx.actor, dialog.project_id, today=FIXED_NOW.date())
    assert detail.street_name == "沙子口街道"


def test_a_step_from_a_stale_page_says_so(qtbot, demo_ctx):
    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    shop = next(tab.model.row_at(r) for r in range(tab.model.rowCount()) if "餐厅" in tab.model.row_at(r).name)
    tab.select_project(shop.id)
    tab.page.select_item("SP032")
    item = tab.page.current_item()
    dialog = AdvanceDialog(demo_ctx, item, tab)
    qtbot.addWidget(dialog)
    # another counter assigns the same item to someone else while this dialog is open
    form = svc.AssignForm(item.id, item.version, responsible="另一位责任人")
    svc.assign(demo_ctx.db, demo_ctx.actor, form, now=FIXED_NOW)
    dialog.ui.noteEdit.setText("材料齐全")
    assert not dialog.save()
    assert "该记录已被他人修改，请刷新后重试" in dialog.ui.errorLabel.text()
    assert dialog.ui.noteEdit.text() == "材料齐全"


def test_exports_run_off_the_gui_thread_and_are_recorded_once(qtbot, demo_ctx, tmp_path):
    """The schedule, catalog and bulletin workbooks are written in the background (the call
    returns at once; the result comes back through the event loop) and audited once each."""
    from laoshan_desk.ui.approvals.catalog import CatalogDialog
    from laoshan_desk.ui.approvals.reports import BulletinDialog

    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    shop = next(tab.model.row_at(r) for r in range(tab.model.rowCount()) if "餐厅" in tab.model.row_at(r).name)
    tab.select_project(shop.id)
    catalog = CatalogDialog(demo_ctx, tab)
    bulletin = BulletinDialog(demo_ctx, tab)
    qtbot.addWidget(catalog)
    qtbot.addWidget(bulletin)
    outcomes = [
        tab.page.export_schedule(tmp_path / "schedule.xlsx"),
        catalog.export_to(tmp_path / "catalog.xlsx"),
        bulletin.export_to(tmp_path / "bulletin.xlsx"),
    ]
    assert not any(o.finished for o in outcomes)
    qtbot.waitUntil(lambda: all(o.finished for o in outcomes), timeout=30000)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    for name in ("schedule.xlsx", "catalog.xlsx", "bulletin.xlsx"):
        assert (tmp_path / name).stat().st_size > 0
    with demo_ctx.db.session() as session:
        exports = list(session.scalars(select(AuditRecord.summary).where(AuditRecord.action == "export")))
    assert len(exports) == 3 and "2026-W48" in bulletin.summary.text()
    # each says where it went in a box opened with open() over the screen that wrote it
    assert read_box(qtbot, tab.page) == f"已导出|倒排工期表已写入：\n{tmp_path / 'schedule.xlsx'}"
    assert read_box(qtbot, catalog) == f"已导出|事项库已写入：\n{tmp_path / 'catalog.xlsx'}"
    assert read_box(qtbot, bulletin) == f"已导出|周通报已写入：\n{tmp_path / 'bulletin.xlsx'}"
    imported = catalog.import_file(tmp_path / "catalog.xlsx")
    qtbot.waitUntil(lambda: imported.finished, timeout=30000)
    assert imported.ok and imported.result.updated == 84 and not imported.result.rejected
    assert read_box(qtbot, catalog).startswith("导入完成|导入结果：" + imported.result.summary())
    bulletin.weekEdit.setText("2026-48")
    bad = bulletin.export_to(tmp_path / "bad.xlsx")
    qtbot.waitUntil(lambda: bad.finished, timeout=30000)
    assert not bad.ok and "周次格式" in bulletin.errors.message_for("week")


def test_the_list_loads_once_and_reloads_on_the_action_bus(qtbot, demo_ctx, monkeypatch):
    """Built with load=False, the list makes one load when the tab opens; a change announced on
    the action bus (another tab, 刷新/F5 naming no area) reloads it once; other areas' changes do not."""
    from laoshan_desk.ui.common.actions import action_bus

    calls: list[int] = []
    real = svc.list_projects

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(svc, "list_projects", counting)
    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    assert len(calls) == 1
    before = tab.model.rowCount()
    from tests.services.approvals.helpers import example_lines, plan_input

    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    svc.create_project(demo_ctx.db, demo_ctx.actor, plan_input(example_lines()), now=FIXED_NOW)
    action_bus().changed.emit("appeals")
    assert tab.model.rowCount() == before and not resets
    action_bus().changed.emit("")
    assert tab.model.rowCount() == before + 1 and len(resets) == 1
    assert tab.count_label.text() == f"共 {before + 1} 个项目"


def test_the_list_exports_what_it_shows(qtbot, demo_ctx, tmp_path):
    """The workbook holds the rows the list shows, in its order (search text and sort), the title
    row names the filter and the sort, and the target date is a real date."""
    from openpyxl import load_workbook

    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.search.setText("开业")
    header = tab.list_view.horizontalHeader()
    name_column = [c.header for c in tab.model.columns()].index("项目")
    tab.list_view.sortByColumn(name_column, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == name_column
    shown = [tab.model.row_at(r).number for r in range(tab.model.rowCount())]
    assert 1 < len(shown) < 5
    outcome = tab.export_to(tmp_path / "list.xlsx")
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    ws = load_workbook(tmp_path / "list.xlsx").active
    title = ws["A1"].value
    assert "查找“开业”" in title and "项目名称（升序）" in title and f"共 {len(shown)} 个项目" in title
    assert [c.value for c in ws[2]][:3] == ["亮灯", "编号", "项目"]
    assert [ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)] == shown
    assert isinstance(ws.cell(row=3, column=6).value, dt.datetime)  # 目标开业: a real date
    assert ws.print_title_rows and (ws.page_setup.fitToWidth or 1) == 1  # 1 is OOXML's default


def test_catalog_shows_the_kind_of_limit_and_unverified_citations(qtbot, demo_ctx):
    """法定时限 in words (never 0 for an item with none), 未核验 beside unverified citations, a
    footer that does not claim every limit is in working days; the item dialog keeps an item
    without a limit at none when it is saved unchanged."""
    from laoshan_desk.ui.approvals.catalog import CatalogItemDialog

    dialog = CatalogDialog(demo_ctx)
    qtbot.addWidget(dialog)
    rows = {r.code: n for n, r in enumerate(dialog.model.rows())}
    headers = [c.header for c in dialog.model.columns()]
    limit, basis = headers.index("法定时限"), headers.index("设定依据")
    assert dialog.model.cell_text(rows["SP006"], limit) == "无法定时限"
    assert dialog.model.cell_text(rows["SP008"], limit) == "7日（自然日）"
    assert dialog.model.cell_text(rows["SP001"], limit) == "3个工作日"
    unverified = next(r for r in dialog.model.rows() if r.unverified)
    assert "（未核验）" in dialog.model.cell_text(rows[unverified.code], basis)
    assert "（未核验）" not in dialog.model.cell_text(rows["SP001"], basis)
    assert "时限为工作日" not in dialog.info.text() and "未核验" in dialog.info.text()
    row = svc.get_item(demo_ctx.db, demo_ctx.actor, "SP006")
    edit = CatalogItemDialog(demo_ctx, row)
    qtbot.addWidget(edit)
    assert edit.ui.statutorySpin.value() == 0 and edit.ui.statutorySpin.text() == "无法定时限"
    assert not edit.ui.statutorySpin.isEnabled()
    assert edit.save()
    after = svc.get_item(demo_ctx.db, demo_ctx.actor, "SP006")
    assert (after.statutory_days, after.limit_kind, after.unverified) == (0, row.limit_kind, row.unverified)


def test_the_catalog_adds_and_edits_an_item_through_its_dialog(qtbot, demo_ctx):
    """事项库 from the toolbar opens with ``open()``; 修改 opens the item's dialog over it, a refusal
    stays in the dialog as typed, 保存 closes it and the list shows the change; 取消 changes nothing."""
    tab = ApprovalsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.actions_["catalog"].trigger()  # returns at once: open(), not exec()
    catalog = tab.dialog
    assert isinstance(catalog, CatalogDialog) and catalog.isVisible()
    code = catalog.model.rows()[0].code
    catalog.view.selectRow(0)
    qtbot.mouseClick(catalog.buttons["edit"], Qt.MouseButton.LeftButton)
    edit = catalog.dialog
    assert edit is not None and edit.isVisible() and edit.windowTitle() == f"修改事项 {code}"
    edit.ui.nameEdit.setText("")
    click_ok(qtbot, edit.ui.buttonBox)
    assert catalog.dialog is edit and edit.isVisible() and edit.errors.message_for("name")
    edit.ui.nameEdit.setText("营业执照（测试改名）")
    click_ok(qtbot, edit.ui.buttonBox)
    assert catalog.dialog is None
    assert svc.get_item(demo_ctx.db, demo_ctx.actor, code).name == "营业执照（测试改名）"
    assert catalog.model.rows()[0].name == "营业执照（测试改名）"  # the list reloaded on accepted
    before = catalog.model.rowCount()
    qtbot.mouseClick(catalog.buttons["add"], Qt.MouseButton.LeftButton)
    add = catalog.dialog
    assert add is not None and add.windowTitle() != edit.windowTitle()
    add.ui.codeEdit.setText("SP999")
    qtbot.mouseClick(add.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert catalog.dialog is None and catalog.model.rowCount() == before
    catalog.close()
    assert tab.dialog is None
