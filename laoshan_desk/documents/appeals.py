"""The appeal tab's papers: the supervision notice (督办单) and the work brief (工作简报).

Plain data in, PDF bytes out (laoshan_desk.documents.pdf); fixed wording in
reports/appeals/papers.json.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from laoshan_desk.config import REPORTS
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table, render
from laoshan_desk.domain.appeals import format_rate
from laoshan_desk.domain.timeutil import TZ


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    """The papers' fixed wording (reports/appeals/papers.json)."""
    data: dict[str, Any] = json.loads((REPORTS / "appeals" / "papers.json").read_text(encoding="utf-8"))
    return data


@dataclasses.dataclass(frozen=True)
class SupervisionData:
    notice_number: str
    date: dt.date
    unit: str
    appeal_number: str
    received_at: dt.datetime
    kind: str
    content: str
    completion_limit: dt.date
    overdue_workdays: int
    status: str
    reason: str
    demand: str
    place: str = ""


def supervision_notice(d: SupervisionData) -> bytes:
    """督办单: one page with the appeal's facts, the reason and the demand, and a QR code."""
    w = wording()["supervision"]
    return render(
        Notice(
            title=w["title"],
            issuer=w["issuer"],
            doc_number=d.notice_number,
            recipient=f"{d.unit}：",
            body=[
                w["intro"],
                KeyValues(
                    [
                        ("诉求编号", d.appeal_number),
                        ("受理时间", d.received_at.astimezone(TZ).strftime("%Y-%m-%d %H:%M")),
                        ("诉求类型", d.kind),
                        ("发生地点", d.place or "—"),
                        ("办结时限", d.completion_limit.strftime("%Y-%m-%d")),
                        ("超期工作日", str(d.overdue_workdays)),
                        ("当前状态", d.status),
                        ("诉求内容", d.content),
                    ]
                ),
                "督办事由：" + d.reason,
                "督办要求：" + d.demand,
            ],
            signature=w["signature"],
            date=d.date,
            footer=w["footer"],
            qr_data=f"LSDESK:APPEAL:{d.appeal_number}:{d.notice_number}",
            qr_caption="扫码查看诉求",
            subject=f"督办单 {d.notice_number}",
        )
    )


@dataclasses.dataclass(frozen=True)
class BriefFigures:
    """The figures of a period or of one unit, as the brief prints them."""

    received: int
    finished: int
    overdue: int
    closure_rate: Decimal | None
    satisfaction_rate: Decimal | None
    response_rate: Decimal | None


@dataclasses.dataclass(frozen=True)
class BriefSpots:
    """未诉先办: what the brief says of the hot spots."""

    topics: Sequence[tuple[str, int]]
    by_community: Sequence[tuple[str, Sequence[tuple[str, int]]]]
    surges: Sequence[str]
    repeat_places: Sequence[tuple[str, int]]
    repeat_phones: Sequence[tuple[str, int]]


@dataclasses.dataclass(frozen=True)
class BriefData:
    date: dt.date
    date_from: dt.date
    date_to: dt.date
    stats: BriefFigures
    ranking: Sequence[tuple[str, BriefFigures]]
    spots: BriefSpots


def work_brief(d: BriefData) -> bytes:
    """工作简报: figures, the unit ranking (top 15) and the hot spots."""
    w = wording()["brief"]
    st = d.stats
    intro = w["intro"].format(
        date_from=f"{d.date_from.month}月{d.date_from.day}日",
        date_to=f"{d.date_to.month}月{d.date_to.day}日",
        received=st.received,
        finished=st.finished,
        closure_rate=format_rate(st.closure_rate),
        satisfaction_rate=format_rate(st.satisfaction_rate),
        response_rate=format_rate(st.response_rate),
        overdue=st.overdue,
    )
    body: list[Any] = [Heading("一、总体情况"), intro, Heading("二、承办单位排名（一诉一考）")]
    rows = [
        [
            str(i),
            name,
            str(s.received),
            str(s.finished),
            format_rate(s.closure_rate),
            format_rate(s.satisfaction_rate),
            str(s.overdue),
        ]
        for i, (name, s) in enumerate(d.ranking[:15], 1)
    ]
    body.append(
        Table(
            ["名次", "承办单位", "受理", "办结", "结案率", "满意率", "超期"],
            rows or [["—"] * 7],
            widths=[1.4, 5, 1.5, 1.5, 2, 2, 1.5],
            size=10,
        )
    )
    sp = d.spots
    body.append(Heading("三、热点诉求（未诉先办）"))
    if sp.topics:
        body.append("高频词：" + "、".join(f"{k}（{n}件）" for k, n in sp.topics[:10]) + "。")
    else:
        body.append("本期未发现集中反映的热点。")
    if sp.surges:
        body.append("本周激增：" + "；".join(sp.surges[:5]) + "。")
    if sp.by_community:
        body.append(
            Table(
                ["社区（村）", "主要问题"],
                [[c, "、".join(f"{k}{n}件" for k, n in top)] for c, top in sp.by_community[:8]],
                widths=[3, 7],
                size=10,
            )
        )
    if sp.repeat_places:
        body.append("重复诉求地点：" + "；".join(f"{p}（{n}件）" for p, n in sp.repeat_places[:5]) + "。")
    if sp.repeat_phones:
        body.append("重复来电：" + "；".join(f"{p}（{n}次）" for p, n in sp.repeat_phones[:5]) + "。")
    body.append(Heading("四、下步工作"))
    body.append("请各承办单位对照排名查找差距；对热点问题所在社区（村）提前排查、主动解决，做到未诉先办。")
    return render(
        Notice(
            title=w["title"],
            issuer=w["issuer"],
            body=body,
            signature=w["signature"],
            date=d.date,
            subject="崂先办诉求工作简报",
        )
    )
