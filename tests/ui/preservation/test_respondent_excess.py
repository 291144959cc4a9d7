"""The respondent view says which rule releases each part of an excess: beyond the ruled amount
itself is 超标的额, released under the seizure provisions (2020) art. 19 (applied to preservation
by art. 29), not on a guarantee; what a guarantee covers is released on it (CPL art. 107,
《财产保全规定》第二十二条)."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.builders import _register, add_asset, add_guarantee, decide, ref, shown
from tests.services.preservation.test_renewals import _executed

ART_19 = "《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第十九条"


def _warning(qtbot, ctx, case_id) -> str:  # type: ignore[no-untyped-def]
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    tab.show_respondent(None)
    return tab.respondent_view.warning.text()


def test_a_seizure_beyond_the_ruled_amount_is_released_under_article_19_not_on_a_guarantee(qtbot, ctx):
    # An indivisible house worth 2,000,000 sealed whole for a ruling of 1,200,000 (no guarantee).
    now = ctx.now()
    case_id = _register(ctx.db, ctx.actor, now)
    add_asset(ctx.db, ctx.actor, case_id, now, code="H", type="real_estate", value="2000000", indivisible=True)
    svc.propose(ctx.db, ctx.actor, ref(ctx.db, ctx.actor, case_id), now=now)
    decide(ctx.db, ctx.actor, case_id, "grant", "申请符合法律规定", now)
    svc.record_measures(
        ctx.db, ctx.actor, svc.MeasuresForm(case_id, shown(ctx.db, ctx.actor, case_id), now.date()), now=now
    )
    text = _warning(qtbot, ctx, case_id)
    assert "超出800,000.00元" in text and "超出裁定保全金额800,000.00元" in text and ART_19 in text
    assert "超标的额" in text and "不可分物" in text
    assert "担保" not in text.split("元：", 1)[1].replace("已扣除担保", "")
    assert "第二十二条" not in text and "第一百零七条" not in text


def test_what_a_guarantee_covers_is_released_on_the_guarantee(qtbot, ctx):
    # 1,200,000 frozen for a ruling of 1,200,000; a bond of 500,000 leaves 700,000 to preserve.
    now = ctx.now()
    case_id = _executed(ctx.db, ctx.actor, now)
    add_guarantee(
        ctx.db,
        ctx.actor,
        case_id,
        now,
        type="performance_bond",
        amount="500000",
        issuer="青岛银行",
        valid_until=dt.date(2031, 12, 31),
    )
    text = _warning(qtbot, ctx, case_id)
    assert "超出500,000.00元" in text and "担保覆盖的500,000.00元" in text
    assert "第二十二条" in text and "第一百零七条" in text and "争议标的物须经申请保全人同意" in text
    assert "第十九条" not in text and "超标的额" not in text
