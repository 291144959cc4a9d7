"""The alliance's letters: the cross-region coordination letter (协查函) to another region's
market-supervision bureau, the complaint papers 受理告知书, 不予受理告知书 and 调解终止书, and
an enterprise's policy push list (政策推送清单).

All are GB/T 9704 letters with the bureau's red header (documents/pdf.py). Rules behind the
wording: docs/rules/alliance.md §alliance-requests and §alliance-complaints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from typing import Any, cast

from laoshan_desk.config import REPORTS
from laoshan_desk.documents.pdf import KeyValues, Notice, Table, render


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads((REPORTS / "alliance" / "papers.json").read_text(encoding="utf-8")))


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclasses.dataclass(frozen=True)
class CoordinationLetterData:
    letter_number: str
    recipient: str  # 成都市市场监督管理局
    member: str
    brand: str
    products: str
    places: str
    clues: str
    officers: str
    contact: str
    date: dt.date
    request_number: str


def coordination_letter(d: CoordinationLetterData) -> bytes:
    w = wording()
    lt = w["letter"]
    return render(
        Notice(
            title=lt["title"].format(brand=d.brand),
            issuer=w["issuer"],
            doc_number=d.letter_number,
            recipient=f"{d.recipient}：",
            body=[
                lt["intro"].format(member=d.member, brand=d.brand),
                KeyValues(
                    [
                        ("品牌", d.brand),
                        ("涉嫌假冒商品", d.products),
                        ("涉嫌地点", d.places),
                        ("已掌握线索", d.clues or "详见附件"),
                        ("我局请求编号", d.request_number),
                    ]
                ),
                lt["request"].format(officers=d.officers or "（另行告知）"),
                lt["contact"].format(contact=d.contact or "—"),
                lt["closing"],
            ],
            signature=w["issuer"],
            date=d.date,
            subject=f"协查函 {d.letter_number}",
        )
    )


@dataclasses.dataclass(frozen=True)
class NoticeData:
    number: str
    complainant: str
    respondent: str
    received_at: dt.datetime
    date: dt.date
    reason: str = ""  # the refusal or termination reason
    accepted_on: dt.date | None = None


def _notice(title: str, body: list[str], d: NoticeData, recipient: str) -> bytes:
    w = wording()
    return render(
        Notice(
            title=title,
            issuer=w["issuer"],
            recipient=f"{recipient}：",
            body=list(body),
            signature=w["issuer"],
            date=d.date,
            subject=f"{title} {d.number}",
        )
    )


def acceptance_notice(d: NoticeData) -> bytes:
    t = wording()["acceptance"]
    body = t["body"].format(received=cn_date(d.received_at.date()), respondent=d.respondent, number=d.number)
    return _notice(t["title"], [body], d, d.complainant)


def rejection_notice(d: NoticeData) -> bytes:
    t = wording()["rejection"]
    body = t["body"].format(
        received=cn_date(d.received_at.date()), respondent=d.respondent, number=d.number, reason=d.reason
    )
    return _notice(t["title"], [body], d, d.complainant)


def termination_notice(d: NoticeData) -> bytes:
    t = wording()["termination"]
    accepted = cn_date(d.accepted_on) if d.accepted_on else "—"
    body = t["body"].format(
        complainant=d.complainant,
        respondent=d.respondent,
        number=d.number,
        accepted=accepted,
        reason=d.reason or t["overrun"],
    )
    return _notice(t["title"], [body, t["advice"]], d, f"{d.complainant}、{d.respondent}")


@dataclasses.dataclass(frozen=True)
class PushLine:
    code: str
    title: str
    issuer: str
    stages: str
    amount: str
    reasons: str
    pushed: str  # the day pushed, or 未推送


@dataclasses.dataclass(frozen=True)
class PushListData:
    enterprise: str
    uscc: str
    profile: str  # 生产经营 · 茶叶 · 中国驰名商标
    lines: tuple[PushLine, ...]
    date: dt.date


def push_list(d: PushListData) -> bytes:
    """The policies matched to one enterprise (政策推送清单), with why and when each was pushed."""
    w = wording()
    rows = [[x.code, x.title, x.issuer, x.stages, x.amount, x.reasons, x.pushed] for x in d.lines]
    return render(
        Notice(
            title="惠企政策推送清单",
            issuer=w["issuer"],
            recipient=f"{d.enterprise}：",
            body=[
                f"根据贵单位所处生命周期阶段、所属行业和已获荣誉（{d.profile}），"
                f"现将适用的惠企政策 {len(d.lines)} 条推送如下，请对照申报条件及时申报。",
                Table(
                    ["编号", "政策名称", "发布单位", "阶段", "金额上限（元）", "匹配理由", "推送日期"],
                    rows or [["—"] * 7],
                    widths=[1.4, 3.2, 1.8, 1.2, 1.5, 2.6, 1.5],
                    size=9,
                ),
            ],
            signature=w["issuer"],
            date=d.date,
            landscape=True,
            subject=f"政策推送清单 {d.enterprise}",
            footer=f"统一社会信用代码：{d.uscc or '—'}",
        )
    )
