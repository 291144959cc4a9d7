"""一次告知书: the one-time notice of every ordered item, told to the applicant once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from laoshan_desk.documents.approvals.common import ISSUER, ProjectPaper, cn_day, day_text
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table, render
from laoshan_desk.domain.approvals import Classification


def one_time_notice(
    project: ProjectPaper,
    *,
    issuer: str = ISSUER,
    today: dt.date | None = None,
    citations: Mapping[str, tuple[str, ...]] | None = None,
    unverified: int = 0,
) -> bytes:
    """一次告知书: every must-do item with its materials, department, responsible person and node
    date, then what the enterprise handles itself and what is not needed, each with its reason,
    then the legal basis of the must-do items: ``citations`` holds only the verified ones (code →
    texts); ``unverified`` counts those left out, which the notice says (docs/rules.md
    §approvals-catalog)."""
    must = [i for i in project.items if i.must_do]
    own = [i for i in project.items if i.classification is Classification.SELF_HANDLED]
    none = [i for i in project.items if i.classification is Classification.NOT_NEEDED]
    body: list[Any] = [
        f"贵单位申报的“{project.name}”所涉审批事项共 {len(project.items)} 项，经审批服务专班逐项梳理，"
        f"确定必办事项 {len(must)} 项、企业自办事项 {len(own)} 项、无需办理事项 {len(none)} 项。"
        f"依据《中华人民共和国行政许可法》第三十二条，现将办理所需全部材料、办理部门、责任人和节点日期一次性告知如下。"
        f"目标开业日期为{cn_day(project.target_date)}，各事项按倒排工期节点并联推进。",
        KeyValues(
            [
                ("项目编号", project.number),
                ("企业名称", project.enterprise),
                ("统一社会信用代码", project.credit_code),
                ("所在街道", project.street_name or "—"),
                ("联系人", " ".join(x for x in (project.contact_name, project.contact_phone) if x) or "—"),
                ("开始日期", cn_day(project.start_date)),
                ("目标开业日期", cn_day(project.target_date)),
            ]
        ),
        Heading(f"一、必办事项（{len(must)} 项）"),
        Table(
            ["序号", "事项", "申请材料", "办理部门", "责任人", "节点日期", "最迟办结"],
            [
                [
                    str(n),
                    # docs/rules.md §approvals-time-limits: the limit as its text counts it.
                    f"{i.code} {i.name}" + (f"（{i.limit_text}）" if i.limit_text else ""),
                    "；".join(i.materials) or "—",
                    i.department or "—",
                    i.responsible or "—",
                    day_text(i.node_date),
                    day_text(i.latest_finish),
                ]
                for n, i in enumerate(must, start=1)
            ],
            widths=[0.45, 1.9, 2.9, 1.35, 0.95, 1.75, 1.75],
        ),
    ]
    if own:
        body.append(Heading(f"二、企业自办事项（{len(own)} 项）"))
        body.append(
            Table(
                ["序号", "事项", "办理部门", "理由"],
                [[str(n), f"{i.code} {i.name}", i.department or "—", i.reason or "—"] for n, i in enumerate(own, 1)],
                widths=[0.5, 3, 1.5, 4],
            )
        )
    if none:
        body.append(Heading(f"{'三' if own else '二'}、无需办理事项（{len(none)} 项）"))
        body.append(
            Table(
                ["序号", "事项", "理由"],
                [[str(n), f"{i.code} {i.name}", i.reason or "—"] for n, i in enumerate(none, 1)],
                widths=[0.5, 3.5, 4.5],
            )
        )
    cited = [(i, (citations or {}).get(i.code, ())) for i in must]
    cited = [(i, texts) for i, texts in cited if texts]
    if cited or unverified:
        sections = 1 + bool(own) + bool(none)
        body.append(Heading(f"{'二三四'[sections - 1]}、必办事项的设定依据"))
        if cited:
            body.append(
                Table(
                    ["事项", "设定依据"],
                    [[f"{i.code} {i.name}", "；".join(texts)] for i, texts in cited],
                    widths=[3, 5.5],
                )
            )
        if unverified:
            body.append(f"另有 {unverified} 条依据尚未与法律法规原文核对，未列入本告知书，可向窗口咨询。")
    body.append(
        "必办事项由各部门责任人提前介入、材料预审，前置事项办结当日即可出证。材料如有变化或节点调整，"
        "专班将及时书面告知。"
    )
    return render(
        Notice(
            title="审批事项一次告知书",
            issuer=issuer,
            doc_number=project.notice_number,
            recipient=f"{project.enterprise}：",
            body=body,
            signature=issuer,
            date=today or project.menu_issued_on or project.start_date,
            footer="本告知书依据审批点菜单生成；节点日期为倒排工期计划完成日期，最迟办结为不影响开业目标的最晚日期（工作日）。",
            subject=f"一次告知书 {project.number}",
        )
    )
