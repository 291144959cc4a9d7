"""The appeals tab driven as a clerk would: intake → dispatch → respond → finish → return visit."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue
from laoshan_desk.ui.appeals.tab import AppealsTab
from laoshan_desk.ui.context import DeskContext
from tests.ui.counts import counted


def v(db, appeal_id):  # type: ignore[no-untyped-def]
    """The version the detail screen shows (what a screen passes with every write)."""
    from laoshan_desk.services.context import system_actor
    from tests.conftest import FIXED_NOW

    return svc.detail(db, system_actor("test"), appeal_id, now=FIXED_NOW).version


def test_intake_to_return_visit(qtbot, qtmodeltester, ctx, tmp_path):
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    assert counted(qtbot, tab.queue.model) == 0
    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]

    dialog = tab.open_intake()
    ui = dialog.ui
    ui.appellantEdit.setText("张三")  # QTest cannot type CJK: an IME would
    qtbot.keyClicks(ui.phoneEdit, "12345")
    ui.contentEdit.setPlainText("小区门口垃圾桶满溢多日无人清运，异味严重")
    dialog.pick_place(street.name, comm.name, grid_index=0)
    assert comm.name in ui.placeChosenLabel.text()
    picture = tmp_path / "photo.png"
    from PySide6.QtGui import QColor, QPixmap

    pix = QPixmap(40, 30)
    pix.fill(QColor("red"))
    pix.save(str(picture))
    dialog.add_attachment(picture)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    # Bad phone: the message sits next to the field, the typing stays.
    assert "手机号码" in dialog.errors.message_for("phone")
    assert ui.contentEdit.toPlainText().startswith("小区门口")
    ui.phoneEdit.clear()
    qtbot.keyClicks(ui.phoneEdit, "13805321234")
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.created is not None and dialog.result() == dialog.DialogCode.Accepted
    detail = tab.dialog
    assert detail.d.number == dialog.created.number and detail.d.status == "received"
    # Every list reloads on the action bus, once the event loop is free again.
    qtbot.waitUntil(lambda: tab.queue.model.total() == 1 and "未办结 1" in tab.tabs.tabText(0))
    qtmodeltester.check(tab.queue.model)

    # Picture attachment previews.
    detail.attachments.setCurrentRow(0)
    assert not detail.preview.pixmap().isNull()

    # Dispatch through the dispatch dialog (suggested level preselected; pick the community).
    detail.action_buttons["dispatch"].click()
    dd = detail.sub_dialog
    dd.ui.levelCombo.setCurrentIndex(dd.ui.levelCombo.findData("community"))
    dd.ui.unitCombo.setCurrentIndex(dd.ui.unitCombo.findText(comm.name))
    dd.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert detail.d.status == "dispatched" and detail.d.unit_name == comm.name

    detail.action_buttons["respond"].click()
    assert detail.d.status == "responded"
    # 转帮代办: pick a catalog service; the task shows on the appeal.
    detail.proxy_service.setCurrentIndex(1)
    detail.action_buttons["proxy"].click()
    assert "帮代办：" in detail.extra.text() and detail.error.text() == ""
    # Finishing needs a result text.
    detail.action_buttons["finish"].click()
    assert "办理结果" in detail.error.text() and detail.d.status == "responded"
    detail.note.setText("已协调物业清运")
    detail.action_buttons["finish"].click()
    assert detail.d.status == "finished" and detail.d.result == "已协调物业清运"

    detail.visit_result.setCurrentIndex(detail.visit_result.findData("satisfied"))
    detail.action_buttons["visit"].click()
    assert detail.d.status == "visited" and detail.d.satisfaction_label == "满意"
    assert [e.action for e in detail.d.events][-1] == "visit"
    assert detail.timeline.rowCount() == len(detail.d.events) >= 5
    qtmodeltester.check(detail.timeline)

    # The outbox shows the SMS queued at finishing; sending marks it sent.
    tab.tabs.setCurrentWidget(tab.outbox)
    tab.outbox.model.reload()
    assert tab.outbox.model.total() == 1
    qtmodeltester.check(tab.outbox.model)

    class Gateway:
        def send(self, phone, text):  # type: ignore[no-untyped-def]
            return "ok"

    report = tab.outbox.send_now(Gateway())
    assert report.sent == 1
    assert tab.outbox.model.data(tab.outbox.model.index(0, 3)) == "已发送"
    # 重发所选 on a sent message: refused in one Chinese sentence, nothing re-queued.
    tab.outbox.view.setCurrentIndex(tab.outbox.model.index(0, 0))
    tab.outbox.retry_button.click()
    boxes = [b for b in tab.findChildren(QMessageBox, "deskMessage") if b.isVisible()]
    assert [b.text() for b in boxes] == ["该短信已发送，不能重发"]
    tab.outbox.model.reload()
    assert tab.outbox.model.data(tab.outbox.model.index(0, 3)) == "已发送"


def test_queue_filters_and_dashboard(qtbot, qtmodeltester, db, admin, tmp_path):
    from laoshan_desk.services.appeals import seed as seed_appeals
    from tests.conftest import FIXED_NOW

    seed_appeals.load_demo(db, admin, appeals=400, now=FIXED_NOW)
    ctx = DeskContext(db=db, actor=admin, clock=lambda: FIXED_NOW)
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    q = tab.queue
    # The first page is what a maximized view shows; then pages of 200 as the view scrolls.
    assert counted(qtbot, q.model) == 400 and q.model.rowCount() == queue.FIRST_PAGE
    assert q.model.canFetchMore()
    q.model.fetchMore()
    assert q.model.rowCount() == queue.FIRST_PAGE + queue.PAGE_SIZE
    q.model.fetchMore()
    assert q.model.rowCount() == 400 and not q.model.canFetchMore()
    newest_first = [q.model.row_at(i).received_at for i in range(400)]
    assert newest_first == sorted(newest_first, reverse=True)
    q.status.setCurrentIndex(q.status.findData("open"))
    assert q.count_label.text() == "正在计数…"  # the first page is shown; a worker counts
    open_count = counted(qtbot, q.model)
    assert 0 < open_count < 400 and f"共 {open_count:,} 件" == q.count_label.text()
    q.street.setCurrentIndex(1)
    assert counted(qtbot, q.model) <= open_count
    q.search.setText("路灯")
    q.reload()
    assert all("路灯" in q.model.row_at(i).content for i in range(q.model.rowCount()))
    q.view.sortByColumn([c.header for c in q.columns].index("办结时限"), Qt.SortOrder.AscendingOrder)
    limits = [q.model.row_at(i).completion_limit for i in range(q.model.rowCount())]
    assert limits == sorted(limits)
    qtmodeltester.check(q.model)

    tab.tabs.setCurrentWidget(tab.dashboard)  # counted off the GUI thread
    qtbot.waitUntil(lambda: bool(tab.dashboard.ranks), timeout=20_000)
    assert tab.dashboard.ranks and tab.dashboard.ranking_model.rowCount() == len(tab.dashboard.ranks)
    qtmodeltester.check(tab.dashboard.ranking_model)
    assert "结案率" in tab.dashboard.summary.text()
    tab.tabs.setCurrentWidget(tab.hotspots)  # counted off the GUI thread
    qtbot.waitUntil(lambda: tab.hotspots.spots is not None, timeout=20_000)
    assert "热点词" in tab.hotspots.text.toPlainText()
    q.search.setText("")
    q.reload()
    out = tab.export_file(tmp_path / "ledger.xlsx")  # the queue's filter: open, the first street
    ws = load_workbook(tmp_path / "ledger.xlsx", read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    # The title row, the header, the rows.
    assert out == counted(qtbot, q.model) > 0 and len(rows) == out + 2 and rows[1][0] == "诉求编号"
    # The toolbar's export runs off the GUI thread and reports in the status line.
    tab.start_export(tmp_path / "ledger2.xlsx")
    assert tab.busy and "正在导出" in tab.status.text()
    qtbot.waitUntil(lambda: not tab.busy, timeout=20_000)
    assert tab.status.text() == f"已导出 {out:,} 件到 {tmp_path / 'ledger2.xlsx'}"  # says where


def test_dept_handler_sees_only_own_unit(qtbot, db, admin, make_user, fixed_now):
    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    dept, other = org.units(db, "department")[2:4]
    ref = svc.intake(
        db,
        admin,
        svc.IntakeForm(
            kind="livelihood", channel="phone", content="路灯不亮已有一周了", street_id=street.id, community_id=comm.id
        ),
        now=fixed_now,
    )
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "department", dept.id), now=fixed_now)
    svc.intake(
        db,
        admin,
        svc.IntakeForm(kind="livelihood", channel="phone", content="噪音扰民很严重啊", street_id=street.id),
        now=fixed_now,
    )
    for unit, expected in ((dept, 1), (other, 0)):
        user = make_user(Role.DEPT_HANDLER, unit_id=unit.id)
        tab = AppealsTab(DeskContext(db=db, actor=user, clock=lambda: fixed_now))
        qtbot.addWidget(tab)
        assert counted(qtbot, tab.queue.model) == expected
    _ = dt


def test_leader_decides_extension_and_suspension_requests(qtbot, db, admin, make_user, fixed_now):
    """待审批: a unit asks for more time and to stop the clock; the leader decides in one list."""
    import datetime as dt

    from laoshan_desk.domain.roles import Role
    from laoshan_desk.ui.appeals.tab import AppealsTab
    from laoshan_desk.ui.context import DeskContext

    street = org.units(db, "street")[0]
    comm = org.units(db, "community", parent_id=street.id)[0]
    ref = svc.intake(
        db,
        admin,
        svc.IntakeForm(
            kind="livelihood",
            channel="phone",
            content="楼道灯坏了很久没人修",
            street_id=street.id,
            community_id=comm.id,
        ),
        now=fixed_now,
    )
    svc.dispatch(db, admin, svc.DispatchForm(ref.id, v(db, ref.id), "community", comm.id), now=fixed_now)
    svc.request_extension(
        db,
        admin,
        svc.ExtensionRequestForm(ref.id, v(db, ref.id), dt.date(2026, 12, 10), "需要等待物业配合更换线路"),
        now=fixed_now,
    )
    leader = make_user(Role.LEADER)
    tab = AppealsTab(DeskContext(db=db, actor=leader, clock=lambda: fixed_now))
    qtbot.addWidget(tab)
    panel = tab.approvals
    assert panel is not None and panel.model.rowCount() == 0  # loaded when its tab is opened
    tab.tabs.setCurrentWidget(panel)
    assert panel.model.rowCount() == 1
    assert panel.model.cell_text(0, 0) == "延期申请" and panel.model.cell_text(0, 2) == "admin"
    assert "2026-12-10" in panel.model.cell_text(0, 3)
    panel.table.selectRow(0)
    panel.decide(False)
    assert "写明理由" in panel.summary.text() and panel.model.rowCount() == 1  # nothing decided yet
    panel.decide(True)
    assert panel.model.rowCount() == 0
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    clerk_tab = AppealsTab(DeskContext(db=db, actor=clerk, clock=lambda: fixed_now))
    qtbot.addWidget(clerk_tab)
    assert clerk_tab.approvals is None


def test_an_intake_refusal_stands_once_right_under_its_field(qtbot, ctx):
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]
    dialog = tab.open_intake()
    ui = dialog.ui
    qtbot.keyClicks(ui.phoneEdit, "12345")
    ui.contentEdit.setPlainText("小区门口垃圾桶满溢多日无人清运，异味严重")
    dialog.pick_place(street.name, comm.name, grid_index=0)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    message = dialog.errors.message_for("phone")
    assert "手机号码" in message and ui.errorLabel.text() == ""  # not repeated at the bottom
    label = dialog.findChild(QLabel, "error_phone")
    phone = ui.phoneEdit.mapTo(dialog, QPoint(0, 0)).y()
    below = label.mapTo(dialog, QPoint(0, 0)).y()
    assert phone < below < ui.enterpriseEdit.mapTo(dialog, QPoint(0, 0)).y()  # between its field and the next
    dialog.reject()


def test_the_timeline_needs_no_horizontal_scroll_bar_at_the_default_size(qtbot, ctx):
    from laoshan_desk.ui.appeals.detail import AppealDetailDialog
    from tests.conftest import FIXED_NOW

    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]
    form = svc.IntakeForm(
        kind="livelihood", channel="counter", content="楼道灯坏了很久没人修", street_id=street.id, community_id=comm.id
    )
    ref = svc.intake(ctx.db, ctx.actor, form, now=FIXED_NOW)
    detail = AppealDetailDialog(ctx, ref.id)
    qtbot.addWidget(detail)
    detail.show()
    view = detail.timeline_view
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    assert detail.timeline.rowCount() == 1
    assert view.horizontalScrollBar().maximum() == 0 and not view.horizontalScrollBar().isVisible()
    assert view.horizontalHeader().length() <= view.viewport().width()  # the last column fills, not overflows


def test_the_ledger_exports_what_the_queue_shows(qtbot, db, admin, tmp_path, fixed_now):
    """The street filter and the clicked sort reach the workbook: same rows, same order."""
    streets = org.units(db, "street")
    contents = ["小区路灯不亮已有一周", "楼道堆放杂物无人清理", "夜间施工噪音扰民", "别的街道的井盖松动"]
    for n, content in enumerate(contents):
        street = streets[0] if n < 3 else streets[1]
        svc.intake(
            db,
            admin,
            svc.IntakeForm(kind="livelihood", channel="phone", content=content, street_id=street.id),
            now=fixed_now - dt.timedelta(hours=n),
        )
    tab = AppealsTab(DeskContext(db=db, actor=admin, clock=lambda: fixed_now))
    qtbot.addWidget(tab)
    q = tab.queue
    q.street.setCurrentIndex(q.street.findText(streets[0].name))
    assert q.street.currentData() == streets[0].id
    column = next(i for i, c in enumerate(q.columns) if c.sort_key == "number")
    q.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    shown = [q.model.row_at(i).number for i in range(q.model.rowCount())]
    assert len(shown) == 3 and shown == sorted(shown)
    n = tab.export_file(tmp_path / "street.xlsx")
    ws = load_workbook(tmp_path / "street.xlsx").active
    assert n == 3 and [r[0] for r in ws.iter_rows(min_row=3, values_only=True)] == shown
    assert f"街道：{streets[0].name}" in ws["A1"].value and "排序：诉求编号（升序）" in ws["A1"].value


def test_an_empty_outbox_shows_no_horizontal_scroll_bar(qtbot, db, admin):
    """The outbox is built on the one table idiom (prepare_view): empty, it has no scroll bar."""
    from PySide6.QtCore import Qt

    from laoshan_desk.ui.appeals.outbox import OutboxWidget
    from laoshan_desk.ui.context import DeskContext
    from tests.conftest import FIXED_NOW

    widget = OutboxWidget(DeskContext(db=db, actor=admin, clock=lambda: FIXED_NOW))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.model.rowCount() == 0
    assert widget.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not widget.view.horizontalScrollBar().isVisible()


def test_the_inner_pages_are_built_when_first_opened(qtbot, ctx):
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab._pages == {}  # opening the tab built the queue alone
    titles = [tab.tabs.tabText(i) for i in range(tab.tabs.count())]
    tab.tabs.setCurrentIndex(titles.index("统计分析"))
    # The page takes its holder's place, stays current, and starts counting its figures.
    assert set(tab._pages) == {"dashboard"} and tab.tabs.currentWidget() is tab.dashboard
    assert tab.dashboard.job is not None
    qtbot.waitUntil(lambda: tab.dashboard.job.finished, timeout=20_000)
    assert [tab.tabs.tabText(i) for i in range(tab.tabs.count())][1:] == titles[1:]
    # Asking for a page builds it without opening it.
    outbox = tab.outbox
    assert tab.tabs.indexOf(outbox) == titles.index("短信发件箱") and tab.tabs.currentWidget() is tab.dashboard
