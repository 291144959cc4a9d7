"""The respondent picker: two respondents of one name told apart by their numbers, and the picker
in step with the case opened."""

from __future__ import annotations

from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation.seed import uscc
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.builders import _register


def test_the_same_name_twice_is_told_apart_and_follows_the_case(qtbot, ctx):
    now = ctx.now()
    first = _register(ctx.db, ctx.actor, now, case_number="（2026）鲁0212财保51号", respondent_id=uscc("MA3C51111"))
    second = _register(ctx.db, ctx.actor, now, case_number="（2026）鲁0212财保52号", respondent_id=uscc("MA3C52222"))
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(second)
    tab.show_respondent(None)  # the toolbar's 被申请人视图 with a case open
    view = tab.respondent_view
    texts = [view.picker.itemText(i) for i in range(view.picker.count())]
    same_name = [t for t in texts if t.startswith("青岛乙贸易有限公司")]
    assert len(same_name) == 2 and len(set(same_name)) == 2
    assert uscc("MA3C51111") in " ".join(texts) and uscc("MA3C52222") in " ".join(texts)
    shown = svc.case_detail(ctx.db, ctx.actor, second, now=now).respondent_id
    assert view.picker.currentData() == shown and view.exposure is not None and view.exposure.id == shown
    assert uscc("MA3C52222") in view.picker.currentText()
    tab.open_case(first)
    tab.case_page.show_respondent.emit(svc.case_detail(ctx.db, ctx.actor, first, now=now).respondent_id)
    assert uscc("MA3C51111") in view.picker.currentText()
