"""The one-page summary of an enterprise's file (一企一档), from plain data; sections as the
printing role may see them (docs/rules/alliance.md §alliance-enterprises).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from laoshan_desk.documents.alliance.letters import wording
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table, render


@dataclasses.dataclass(frozen=True)
class SummarySection:
    title: str  # 审批项目, 涉企诉求, 财产保全, 兴商护航联盟
    facts: tuple[tuple[str, str], ...]
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()


@dataclasses.dataclass(frozen=True)
class SummaryData:
    name: str
    uscc: str
    place: str
    sections: tuple[SummarySection, ...]
    date: dt.date
    printed_by: str


def enterprise_summary(d: SummaryData) -> bytes:
    w = wording()["summary"]
    # Facts as small two-column tables and lists as small tables: the file fits on one page.
    body: list[str | Heading | Table | KeyValues] = [
        Table(
            ["企业名称", "统一社会信用代码", "地址"],
            [[d.name, d.uscc or "（无）", d.place or "—"]],
            widths=[4, 3, 4],
            size=10,
        )
    ]
    for i, section in enumerate(d.sections, 1):
        body.append(Heading(f"{'一二三四五六'[i - 1]}、{section.title}"))
        if section.facts:
            # Two facts to a line keeps the page short.
            cells = [x for fact in section.facts for x in fact]
            cells += [""] * (-len(cells) % 4)
            lines = [cells[i : i + 4] for i in range(0, len(cells), 4)]
            body.append(Table(["项目", "情况", "项目", "情况"], lines, widths=[1.6, 2.4, 1.6, 2.4], size=10))
        if section.headers:
            rows = [list(r) for r in section.rows] or [["—"] * len(section.headers)]
            body.append(Table(list(section.headers), rows, widths=list(section.widths) or None, size=9))
    if not d.sections:
        body.append("当前角色无权查看任何业务部分。")
    return render(
        Notice(
            title=w["title"],
            body=body,
            footer=f"{w['footer']}打印人：{d.printed_by}；打印日期：{d.date:%Y-%m-%d}。",
            subject=f"企业档案摘要 {d.name}",
        )
    )
