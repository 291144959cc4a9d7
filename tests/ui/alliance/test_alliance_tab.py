"""The 兴商护航联盟 tab driven as a market-supervision officer would, on the demo data: every model
passes qtmodeltester; members joined through the dialog (a bad code beside its field, the form
kept, a stale screen refused); complaints registered to the member's liaison, decided, lit, their
notice previewed; a repeated sample warned and refused until confirmed; a letter previewed; policies
matched and pushed; the dashboard's charts; roles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialogButtonBox

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import seed
from laoshan_desk.services.alliance import spotchecks as sc
from laoshan_desk.ui.alliance.tab import AllianceTab
from tests.conftest import FIXED_NOW
from tests.ui.alliance.conftest import login


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def _tab(qtbot, ctx) -> AllianceTab:  # type: ignore[no-untyped-def]
    tab = AllianceTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    return tab


def test_every_page_builds_and_every_model_passes_qtmodeltester(qtbot, qtmodeltester, officer_ctx):
    tab = _tab(qtbot, officer_ctx)
    tab.page("dashboard")
    tab.dashboard.year.setCurrentIndex(tab.dashboard.year.findData(2023))
    tab.policies.member.setCurrentIndex(1)
    tab.policies.match_selected()
    tab.requests.select("HH2023-001")
    for model in (
        tab.members.model,
        tab.requests.model,
        tab.requests.steps,
        tab.complaints.model,
        tab.spotchecks.model,
        tab.spotchecks.totals,
        tab.spotchecks.plans,
        tab.policies.library,
        tab.policies.matches,
        tab.policies.awards,
        tab.policies.totals,
        tab.seminars.model,
        tab.dashboard.table,
    ):
        assert model.rowCount() > 0, model
        qtmodeltester.check(model)
    assert tab.members.model.rowCount() == 53
    assert tab.policies.library.rowCount() == 177
    assert len(tab.dashboard.charts) == 4
    total = tab.dashboard.table.row_at(tab.dashboard.table.rowCount() - 1)
    assert total.label == "合计" and total.t.actions == 15 and total.t.batches == 145


def test_joining_through_the_dialog_keeps_the_form_on_a_bad_code_and_refuses_a_stale_edit(qtbot, officer_ctx):
    tab = _tab(qtbot, officer_ctx)
    dialog = tab.members.open_member(None)
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.nameEdit.insert("青岛示例新茶有限公司")
    qtbot.keyClicks(u.usccEdit, "91999999DM00009999")  # wrong check character
    u.liaisonEdit.insert("周示例")
    _save(dialog)
    assert dialog.result_value is None and dialog.isVisible()
    assert "校验位" in dialog.errors.message_for("uscc")
    assert u.nameEdit.text() == "青岛示例新茶有限公司" and u.liaisonEdit.text() == "周示例"
    u.usccEdit.setText(seed.fictitious_uscc(9999))
    _save(dialog)
    assert dialog.result_value is not None
    assert tab.members.model.rowCount() == 54

    row = next(r for r in tab.members.model.rows() if r.name == "青岛示例新茶有限公司")
    stale = tab.members.open_member(row)
    qtbot.addWidget(stale)
    changed = dataclasses.replace(stale.form(), liaison_name="另一人")
    alliance.save_member(officer_ctx.db, officer_ctx.actor, changed, now=FIXED_NOW)
    stale.ui.liaisonEdit.setText("周示例二")
    _save(stale)
    assert stale.result_value is None
    assert "已被他人修改" in stale.ui.errorLabel.text() and stale.ui.liaisonEdit.text() == "周示例二"


def test_a_members_complaint_goes_to_its_officer_is_decided_and_its_notice_previewed(qtbot, officer_ctx, tmp_path):
    tab = _tab(qtbot, officer_ctx)
    page = tab.complaints
    dialog = page.open_register()
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.complainantEdit.insert("钱示例")
    qtbot.keyClicks(u.phoneEdit, "13900009999")
    qtbot.keyClicks(u.usccEdit, seed.fictitious_uscc(1))  # 海尔集团（示例）
    u.contentEdit.setPlainText("冰箱异响，售后三次未修好")
    _save(dialog)
    ref = dialog.result_value
    assert ref is not None and "一对一" in ref.officer_name
    assert "已转联络员" in page.status.text()
    page.search.setText(ref.number)
    page.reload()
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    assert page.buttons["decide"].isEnabled() and not page.buttons["finish"].isEnabled()
    decision = page.open_action("decide")
    qtbot.addWidget(decision)
    _save(decision)
    assert decision.result_value is not None
    page.view.selectRow(0)
    assert page.buttons["finish"].isEnabled() and page.buttons["notice"].isEnabled()
    preview = page.preview_notice()
    assert preview is not None and preview.page_count() >= 1
    preview.save_to(tmp_path / "告知书.pdf")
    assert (tmp_path / "告知书.pdf").read_bytes().startswith(b"%PDF")
    preview.close()


def test_the_light_filter_shows_what_the_service_counts(qtbot, officer_ctx):
    tab = _tab(qtbot, officer_ctx)
    page = tab.complaints
    for light in (Light.RED, Light.YELLOW, Light.GREEN):
        page.light.setCurrentIndex(page.light.findData(light.value))
        expected = alliance.count(officer_ctx.db, officer_ctx.actor, page.current_filter(), now=FIXED_NOW)
        assert page.model.total() == expected
        assert all(page.model.row_at(i).light is light for i in range(page.model.rowCount()))
    assert page.model.total() > 0  # the demo has work due


def test_a_repeated_sample_is_warned_and_refused_until_confirmed(qtbot, officer_ctx):
    ctx = officer_ctx
    tea = seed.fictitious_uscc(6)  # 崂山示例茶业有限公司
    sc.record_batch(
        ctx.db,
        ctx.actor,
        sc.BatchForm(
            "崂山示例茶业有限公司",
            tea,
            "laoshan_tea",
            "崂山绿茶",
            "SD2026-01",
            dt.date(2026, 5, 6),
            "省检院",
            "provincial",
        ),
        now=FIXED_NOW,
    )
    tab = _tab(qtbot, ctx)
    dialog = tab.spotchecks.open_batch()
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.enterpriseEdit.insert("崂山示例茶业有限公司")
    u.usccEdit.setText(tea)
    u.productNameEdit.insert("崂山绿茶（秋茶）")
    qtbot.keyClicks(u.batchNumberEdit, "LS2026-900")
    u.labEdit.insert("区检验所")
    assert "省级" in (dialog.check_repeat() or "") and "省级" in u.warningLabel.text()
    qtbot.keyClicks(u.feeEdit, "200")
    _save(dialog)
    assert "不得" in dialog.errors.message_for("fee")
    u.feeEdit.clear()
    _save(dialog)
    assert dialog.result_value is None and "确认重复抽检" in dialog.errors.message_for("confirm_repeat")
    u.confirmRepeatCheck.setChecked(True)
    _save(dialog)
    assert dialog.result_value is not None
    tab.spotchecks.select("LS2026-900")
    assert "重复已确认" in tab.spotchecks.model.row_at(tab.spotchecks.view.currentIndex().row()).level.label + (
        "（重复已确认）"
    )


def test_the_liuhe_letter_is_previewed_from_its_step(qtbot, officer_ctx):
    tab = _tab(qtbot, officer_ctx)
    page = tab.requests
    page.select("HH2023-001")
    assert page.steps.rowCount() == 6 and not page.step_button.isEnabled()  # closed: no next step
    page.steps_view.selectRow(2)
    assert page.letter_button.isEnabled()
    preview = page.preview_letter()
    assert preview is not None and preview.page_count() >= 1 and "崂市监协〔2023〕1号" in preview.windowTitle()
    preview.close()


def test_policies_matched_and_pushed(qtbot, officer_ctx):
    tab = _tab(qtbot, officer_ctx)
    page = tab.policies
    page.member.setCurrentIndex(page.member.findText("海尔集团（示例）"))
    page.match_selected()
    assert page.result is not None and page.matches.rowCount() > 0
    unpushed = [m for m in page.matches.rows() if m.pushed_at is None]
    assert len(page.matches.checked_rows()) == len(unpushed) > 0
    page.push_checked()
    assert page.status.text() == f"已推送 {len(unpushed)} 条政策"
    assert all(m.pushed_at is not None for m in page.matches.rows())


def test_members_export_runs_and_reads_back(qtbot, officer_ctx, tmp_path):
    tab = _tab(qtbot, officer_ctx)
    out: Path = tmp_path / "成员.xlsx"
    outcome = tab.members.export_file(out)
    assert not outcome.finished  # off the GUI thread
    qtbot.waitUntil(lambda: outcome.finished, timeout=30_000)
    assert outcome.ok and load_workbook(out).active.max_row == 54
    assert str(out) in tab.members.status.text()  # says where it saved


def test_members_import_says_what_it_refused_and_what_it_left_for_a_clerk(qtbot, officer_ctx, tmp_path):
    """The roster exported, one member changed in the file (the demo's members were joined at the
    desk: a conflict, not overwritten), a new member and a bad row added, imported back."""
    from tests.alliance_support import fake_uscc

    tab = _tab(qtbot, officer_ctx)
    out: Path = tmp_path / "成员.xlsx"
    exported = tab.members.export_file(out)
    qtbot.waitUntil(lambda: exported.finished, timeout=30_000)
    wb = load_workbook(out)
    ws = wb.active
    first = ws.cell(row=2, column=1).value
    ws.cell(row=2, column=9).value = "另一位联络员"
    new = [ws.cell(row=2, column=c).value for c in range(1, 14)]
    new[0:3] = ["青岛示例新入盟有限公司", fake_uscc(9002), ""]
    new[12] = ""
    ws.append(new)
    ws.append(["青岛示例坏代码有限公司", "123", *new[2:]])
    wb.save(out)
    outcome = tab.members.import_file(out)
    qtbot.waitUntil(lambda: outcome.finished, timeout=60_000)
    text = tab.members.status.text()
    assert outcome.ok and text.startswith("导入完成：新增 1 条，更新 0 条，冲突 1 条")
    assert "第 2 行" in text and "未覆盖" in text and "第 56 行 [统一社会信用代码]" in text
    assert tab.members.status.wordWrap() and "第 56 行" in tab.members.status.toolTip()  # never cut off
    assert tab.members.model.rowCount() == 54
    kept = next(r for r in tab.members.model.rows() if r.name == first)
    assert kept.liaison_name != "另一位联络员"


def test_an_unnamed_change_reloads_the_member_list(qtbot, officer_ctx):
    """A member saved elsewhere (another desk, the CLI) shows after 刷新, whose change names no area."""
    import datetime as dt

    from laoshan_desk.services import alliance
    from laoshan_desk.ui.common.actions import action_bus
    from tests.alliance_support import fake_uscc

    tab = _tab(qtbot, officer_ctx)
    before = tab.members.model.rowCount()
    form = alliance.MemberForm(
        name="青岛示例刷新测试有限公司",
        uscc=fake_uscc(9001),
        liaison_name="王示例",
        member_since=dt.date(2023, 3, 15),
        stage="operation",
        industry="tea",
    )
    alliance.save_member(officer_ctx.db, officer_ctx.actor, form, now=officer_ctx.now())
    action_bus().changed.emit("appeals")
    assert tab.members.model.rowCount() == before  # another area's change leaves the list alone
    action_bus().changed.emit("")  # 刷新 (F5) or an admin page
    qtbot.waitUntil(lambda: tab.members.model.rowCount() == before + 1, timeout=10_000)


def test_complaints_import_off_the_gui_thread(qtbot, officer_ctx, tmp_path):
    from openpyxl import Workbook

    from laoshan_desk.services.alliance.complaint_excel import COLUMNS

    wb = Workbook()
    wb.active.append(list(COLUMNS))
    wb.active.append(["X-1", "投诉", "2026-11-20 09:00", "吴示例", "", "某店", "", "商品过期", "", "", "", ""])
    wb.active.append(["X-2", "投诉", "明天", "吴示例", "", "某店", "", "商品过期", "", "", "", ""])
    path = tmp_path / "in.xlsx"
    wb.save(path)
    tab = _tab(qtbot, officer_ctx)
    tab.complaints.start_import(path)
    qtbot.waitUntil(lambda: not tab.complaints.busy, timeout=30_000)
    assert "新增 1 条" in tab.complaints.status.text() and "第3行登记时间" in tab.complaints.status.text()


def test_a_leader_reads_and_cannot_write(qtbot, demo_db):
    ctx = login(demo_db, "lingdao")
    tab = _tab(qtbot, ctx)
    assert not tab.members.add_button.isEnabled() and not tab.complaints.buttons["register"].isEnabled()
    assert not tab.requests.new_button.isEnabled() and not tab.spotchecks.batch_button.isEnabled()
    assert not tab.import_complaints_action.isEnabled() and tab.export_complaints_action.isEnabled()
    assert tab.members.model.rowCount() == 53
