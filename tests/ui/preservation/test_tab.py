"""The preservation tab driven as a clerk and a judge would: application → review → plan → ruling →
measures → guarantee → release, with the papers previewed."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import seed as seed_preservation
from laoshan_desk.services.preservation.seed import uscc
from laoshan_desk.ui.preservation.dialogs import CaseDialog, GuaranteeDialog
from laoshan_desk.ui.preservation.tab import PreservationTab

GOOD = uscc("MA3C51111")


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def answer(qtbot, step, reply: QMessageBox.StandardButton) -> str:  # type: ignore[no-untyped-def]
    """The question open over ``step`` (opened with open(), 否 its default): clicks ``reply``;
    returns the title and text asked."""
    box = step.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "deskQuestion"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    asked = box.windowTitle() + "|" + box.text()
    qtbot.mouseClick(box.button(reply), Qt.MouseButton.LeftButton)
    assert step.dialog is None
    return asked


def _workbook(tmp_path):  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.append(list(svc.IMPORT_COLUMNS))
    ws.append(["基本户", "青岛银行崂山支行", "380201", 3000000, "基本户", "否"])
    ws.append(["一般户", "农业银行崂山支行", "380202", 500000, "一般户", "否"])
    ws.append(["工资专户", "工商银行崂山支行", "380203", 900000, "农民工工资专户", "否"])
    ws.append(["崂山区松岭路1号房产", "青岛市不动产登记中心崂山分中心", "鲁(2021)001", 800000, "不动产", "否"])
    ws.append(["坏行", "某行", "x", "很多", "一般户", "否"])
    path = tmp_path / "查控结果.xlsx"
    wb.save(path)
    return path


def test_application_to_ruling_to_release(qtbot, qtmodeltester, ctx, tmp_path):
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    qtmodeltester.check(tab.model)

    # The application: a wrong USCC is shown next to its field, what was typed stays.
    dialog = CaseDialog(ctx, tab)
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.caseNumberEdit.insert("(2026)鲁0212财保88号")
    u.kindCombo.setCurrentIndex(1)  # in-suit
    u.applicantEdit.insert("青岛甲建设有限公司")
    u.respondentEdit.insert("青岛乙贸易有限公司")
    qtbot.keyClicks(u.respondentIdEdit, GOOD[:-1] + ("0" if GOOD[-1] != "0" else "1"))
    qtbot.keyClicks(u.claimEdit, "1200000")
    _save(dialog)
    assert dialog.case_id is None
    assert "校验" in dialog.errors.message_for("respondent_id")
    assert u.applicantEdit.text() == "青岛甲建设有限公司"
    u.respondentIdEdit.setText(GOOD)
    _save(dialog)
    assert dialog.case_id is not None
    case_id = dialog.case_id

    tab.reload()
    assert tab.model.total() == 1
    qtmodeltester.check(tab.model)
    row = tab.model.row_at(0)
    assert row.case_number == "（2026）鲁0212财保88号" and row.light is Light.GREEN
    tab.open_case(case_id)
    page = tab.case_page
    assert tab.stack.currentWidget() is page

    # Step 1: the review form; solvency strong → the desk flags the claim as safe.
    page.review.preconditions.setCurrentIndex(1)
    page.review.transfer_risk.setCurrentIndex(2)
    page.review.going_concern.setCurrentIndex(1)
    page.review.dishonest.setCurrentIndex(2)
    qtbot.keyClicks(page.review.net_assets, "abc")
    qtbot.mouseClick(page.review.save_review_button, Qt.MouseButton.LeftButton)
    assert "金额格式错误" in page.review.review_error.text()
    page.review.net_assets.setText("10000000")
    page.review.taxes.setText("300000")
    page.review.employees.setValue(50)
    qtbot.mouseClick(page.review.save_review_button, Qt.MouseButton.LeftButton)
    assert "不保全亦可实现" in page.review.safe_flag.text()
    # …but there is a transfer risk after all.
    page.review.transfer_risk.setCurrentIndex(1)
    qtbot.mouseClick(page.review.save_review_button, Qt.MouseButton.LeftButton)
    assert "存在保全必要" in page.review.safe_flag.text()

    # Step 2: import the asset inquiry, propose, the judge adjusts and the desk re-checks.
    outcome = page.plan.import_assets(_workbook(tmp_path))  # off the GUI thread
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    report = outcome.result
    assert report.imported == 4 and len(report.rejected) == 1
    assert "未导入 1 行" in page.plan.plan_notes.text() and "余额或价值" in page.plan.violations.text()
    qtbot.mouseClick(page.plan.propose_button, Qt.MouseButton.LeftButton)
    plan = page.detail.plan
    assert {s.label: s.amount for s in plan.selected} == {"崂山区松岭路1号房产": 800000, "一般户": 400000}
    assert "农民工" in page.plan.plan_notes.text()
    page.plan.set_selection("A1", True, "1200000")  # the basic account
    page.plan.set_selection("A2", False)
    page.plan.set_selection("A4", False)
    qtbot.mouseClick(page.plan.adjust_button, Qt.MouseButton.LeftButton)
    assert "基本账户" in page.plan.violations.text() and "院领导审批" in page.plan.violations.text()
    assert page.detail.plan.violations
    page.plan.set_selection("A1", False)
    page.plan.set_selection("A2", True, "400000")
    page.plan.set_selection("A4", True, "800000")
    qtbot.mouseClick(page.plan.adjust_button, Qt.MouseButton.LeftButton)
    assert page.plan.violations.text() == "" and page.detail.plan.stage == "adjusted"

    # The ruling: no default decision; a complete one is confirmed, naming the case and the amount.
    assert page.review.decision.currentData() is None
    qtbot.mouseClick(page.review.decide_button, Qt.MouseButton.LeftButton)
    assert "请选择" in page.review.decision_error.text()
    page.review.decision.setCurrentIndex(page.review.decision.findData("grant"))
    qtbot.mouseClick(page.review.decide_button, Qt.MouseButton.LeftButton)
    assert "理由" in page.review.decision_error.text()
    page.review.reasons.insertPlainText("申请符合法律规定，被申请人存在转移财产风险")
    qtbot.mouseClick(page.review.decide_button, Qt.MouseButton.LeftButton)
    asked = answer(qtbot, page.review, QMessageBox.StandardButton.No)  # 否 (the default) decides nothing
    assert page.detail.status == "received" and page.review.reasons.toPlainText()
    assert asked.startswith("确认审查决定|")
    assert "（2026）鲁0212财保88号" in asked and "准予保全" in asked and "1,200,000.00" in asked
    qtbot.mouseClick(page.review.decide_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page.review, QMessageBox.StandardButton.Yes)
    assert page.detail.status == "granted"
    qtbot.mouseClick(page.ruling_button, Qt.MouseButton.LeftButton)
    assert page.preview is not None and page.preview.page_count() >= 1
    page.preview.close()

    # Step 3: measures taken; terms and clocks shown with lights.
    qtbot.mouseClick(page.measures.record_button, Qt.MouseButton.LeftButton)
    assert page.detail.status == "executed"
    assert page.measures.measures_view.model().rowCount() == 2
    assert page.measures.clocks_view.model().rowCount() >= 3
    page.measures.measures_view.selectRow(0)
    qtbot.mouseClick(page.measures.notice_button, Qt.MouseButton.LeftButton)
    assert page.measures.preview.page_count() >= 1
    page.measures.preview.close()

    # A performance bond replaces the freeze; the judge releases and the funds freed are counted.
    g = GuaranteeDialog(ctx, case_id, page.detail.version, page)
    qtbot.addWidget(g)
    g.ui.typeCombo.setCurrentIndex(0)
    g.ui.issuerEdit.insert("青岛银行崂山支行")
    qtbot.keyClicks(g.ui.numberEdit, "LYBH-2026-01")
    qtbot.keyClicks(g.ui.amountEdit, "1200000")
    _save(g)
    page.refresh()
    assert "1,200,000.00" in page.release.release_preview.text()
    # The bond ends in a year, the house's seizure in three: not "sufficient and effective"
    # (第二十二条). The preview says so; the judge is asked, naming the case, and first says no.
    assert "有效期不足" in page.release.release_preview.text()
    qtbot.mouseClick(page.release.release_button, Qt.MouseButton.LeftButton)
    asked = answer(qtbot, page.release, QMessageBox.StandardButton.No)
    assert page.detail.status == "executed" and "（2026）鲁0212财保88号" in asked and "有效期" in asked
    qtbot.mouseClick(page.release.release_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page.release, QMessageBox.StandardButton.Yes)
    assert page.detail.status == "released"
    assert page.detail.freed_total == 1200000
    qtbot.mouseClick(page.release.release_print_button, Qt.MouseButton.LeftButton)
    assert page.release.preview.page_count() >= 1
    page.release.preview.close()

    # Back to the list: the case is grey now; the respondent view counts it.
    page.back.emit()
    tab.reload()
    assert tab.model.row_at(0).light is Light.GREY
    tab.show_respondent(None)
    assert tab.respondent_view.exposure.freed_total == 1200000
    outcome = tab.export(tmp_path / "清单.xlsx")  # off the GUI thread
    qtbot.waitUntil(lambda: outcome.finished, timeout=10_000)
    out = outcome.result
    assert out is not None and out.exists()


def test_respondent_view_company_a(qtbot, qtmodeltester, ctx, fixed_now):
    seed_preservation.load_demo(ctx.db, ctx.actor, now=fixed_now)
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.model)
    tab.show_respondent(None)
    view = tab.respondent_view
    assert view.exposure.name == seed_preservation.COMPANY_A
    texts = [view.grid.itemAt(i).widget().text() for i in range(view.grid.count())]
    assert any("185件" in t for t in texts) and any("133份" in t for t in texts)
    assert any("60,800.00万元" in t for t in texts) and any("29个" in t for t in texts)
    # Company A's two accounts frozen beyond their balance by other creditors: waiting freezes.
    assert "超额保全" in view.warning.text() and "轮候冻结" in view.warning.text()
    assert view.cases_view.model().rowCount() == 185


def test_new_case_form_is_kept_as_a_draft(qtbot, ctx):
    first = CaseDialog(ctx)
    qtbot.addWidget(first)
    first.ui.caseNumberEdit.insert("（2026）鲁0212财保99号")
    first.ui.claimEdit.insert("5000")
    first.drafts.save_now()
    first.reject()
    again = CaseDialog(ctx)
    qtbot.addWidget(again)
    assert again.ui.caseNumberEdit.text() == "（2026）鲁0212财保99号"
    assert again.ui.claimEdit.text() == "5000"


def test_statistics_dialog(qtbot, ctx, fixed_now):
    seed_preservation.load_demo(ctx.db, ctx.actor, now=fixed_now)
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    job = tab.show_statistics()
    qtbot.waitUntil(lambda: job.finished, timeout=20_000)
    assert job.ok and tab.stats_dialog is not None
    texts = [c.text() for c in tab.stats_dialog.cards]
    assert any("221件" in t for t in texts) and any("担保替代释放资金" in t for t in texts)
    tab.stats_dialog.close()
