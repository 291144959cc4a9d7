"""审批点菜单 papers: the one-time notice, licences with a QR code, the reverse-schedule table
(PDF and Excel), the daily dispatch list and the weekly bulletin (Excel with chart, PDF).

Plain data in, bytes or files out: the arguments are the services' dataclasses, read by
attribute only (``ProjectView``, ``CertificateInfo``, ``DispatchReport``, ``Bulletin``), so this
module knows nothing of the database or of Qt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill

from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet, style_sheet
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table, render
from laoshan_desk.domain.approvals import format_verification_code
from laoshan_desk.domain.lights import Light

ISSUER = "青岛市崂山区行政审批服务局"
LIGHT_FILLS = {Light.RED: "F8CBAD", Light.YELLOW: "FFE699", Light.GREEN: "C6EFCE", Light.GREY: None}


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _cn(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


# -- one-time notice ---------------------------------------------------------------------------
def one_time_notice(project: Any, *, issuer: str = ISSUER, today: dt.date | None = None) -> bytes:
    """一次告知书: every must-do item with its materials, department, responsible person and node
    date, then what the enterprise handles itself and what is not needed, each with its reason."""
    must = [i for i in project.items if i.must_do]
    own = [i for i in project.items if i.classification == "self_handled"]
    none = [i for i in project.items if i.classification == "not_needed"]
    body: list[Any] = [
        f"贵单位申报的“{project.name}”所涉审批事项共 {len(project.items)} 项，经审批服务专班逐项梳理，"
        f"确定必办事项 {len(must)} 项、企业自办事项 {len(own)} 项、无需办理事项 {len(none)} 项。"
        f"依据《中华人民共和国行政许可法》第三十二条，现将办理所需全部材料、办理部门、责任人和节点日期一次性告知如下。"
        f"目标开业日期为{_cn(project.target_date)}，各事项按倒排工期节点并联推进。",
        KeyValues(
            [
                ("项目编号", project.number),
                ("企业名称", project.enterprise),
                ("统一社会信用代码", project.credit_code),
                ("所在街道", project.street_name or "—"),
                ("联系人", " ".join(x for x in (project.contact_name, project.contact_phone) if x) or "—"),
                ("开始日期", _cn(project.start_date)),
                ("目标开业日期", _cn(project.target_date)),
            ]
        ),
        Heading(f"一、必办事项（{len(must)} 项）"),
        Table(
            ["序号", "事项", "申请材料", "办理部门", "责任人", "节点日期", "最迟办结"],
            [
                [
                    str(n),
                    f"{i.code} {i.name}",
                    "；".join(i.materials) or "—",
                    i.department or "—",
                    i.responsible or "—",
                    _d(i.node_date),
                    _d(i.latest_finish),
                ]
                for n, i in enumerate(must, start=1)
            ],
            widths=[0.45, 1.9, 2.9, 1.35, 0.95, 1.75, 1.75],
            size=8.5,
        ),
    ]
    if own:
        body.append(Heading(f"二、企业自办事项（{len(own)} 项）"))
        body.append(
            Table(
                ["序号", "事项", "办理部门", "理由"],
                [[str(n), f"{i.code} {i.name}", i.department or "—", i.reason or "—"] for n, i in enumerate(own, 1)],
                widths=[0.5, 3, 1.5, 4],
                size=8.5,
            )
        )
    if none:
        body.append(Heading(f"{'三' if own else '二'}、无需办理事项（{len(none)} 项）"))
        body.append(
            Table(
                ["序号", "事项", "理由"],
                [[str(n), f"{i.code} {i.name}", i.reason or "—"] for n, i in enumerate(none, 1)],
                widths=[0.5, 3.5, 4.5],
                size=8.5,
            )
        )
    body.append(
        "必办事项由各部门责任人提前介入、材料预审，前置事项办结当日即可出证。材料如有变化或节点调整，"
        "专班将及时书面告知。"
    )
    return render(
        Notice(
            title="审批事项一次告知书",
            issuer=issuer,
            doc_number=f"崂审批告〔{project.start_date.year}〕{project.number}",
            recipient=f"{project.enterprise}：",
            body=body,
            signature=issuer,
            date=today or project.menu_issued_on or project.start_date,
            footer="本告知书依据审批点菜单生成；节点日期为倒排工期计划完成日期，最迟办结为不影响开业目标的最晚日期（工作日）。",
            subject=f"一次告知书 {project.number}",
        )
    )


# -- certificate -------------------------------------------------------------------------------
def certificate_pdf(info: Any, *, issuer: str = ISSUER, address: str = "", today: dt.date | None = None) -> bytes:
    """A licence / permit with its number and a QR code holding the verification code."""
    code = format_verification_code(info.verification_code)
    pairs = [("证照编号", info.number), ("持证单位", info.holder), ("信用代码", info.credit_code)]
    if address:
        pairs.append(("经营场所", address))
    pairs += [("许可事项", info.item_name), ("发证日期", _cn(info.issued_on)), ("核验码", code)]
    body: list[Any] = [KeyValues(pairs)]
    if info.revoked:
        body.append(f"注意：本证照已撤销（{info.revoked_reason}），不再有效。")
    return render(
        Notice(
            title=info.title,
            issuer=issuer,
            body=body,
            signature=info.department or issuer,
            date=info.issued_on,
            qr_data=f"LSDESK:{info.verification_code}",
            qr_caption=f"核验码 {code}：扫描二维码或在崂山政务窗口桌面“核验证照”中输入核验码，"
            f"可查验本证照是否真实有效（laoshan-desk verify {code}）。",
            footer=f"项目：{info.project_name}（{info.project_number}）",
            subject=f"证照 {info.number}",
        )
    )


# -- reverse schedule --------------------------------------------------------------------------
SCHEDULE_HEADERS = [
    "序号",
    "编码",
    "事项名称",
    "办理部门",
    "责任人",
    "时限",
    "前置事项",
    "最早开始",
    "计划完成（节点）",
    "最迟开始",
    "最迟完成",
    "机动",
    "状态",
    "亮灯",
]


def _schedule_rows(project: Any) -> list[list[Any]]:
    rows = []
    for n, i in enumerate([i for i in project.items if i.must_do], start=1):
        rows.append(
            [
                n,
                i.code,
                i.name + ("（关键）" if i.critical else "") + ("（已调整节点）" if i.pinned else ""),
                i.department,
                i.responsible,
                i.days,
                "、".join(i.prerequisites) or "—",
                i.earliest_start,
                i.earliest_finish,
                i.latest_start,
                i.latest_finish,
                i.slack_days,
                i.status_label + (f" {i.finished_on.isoformat()}" if i.finished_on else ""),
                i.light.label if i.light is not Light.GREY else "已销号" if i.done else "—",
            ]
        )
    return rows


def schedule_pdf(project: Any) -> bytes:
    """倒排工期表 (landscape): node dates of every must-do item, lights as row colours."""
    must = [i for i in project.items if i.must_do]
    rows = [[str(v) if not isinstance(v, dt.date) else v.isoformat() for v in r] for r in _schedule_rows(project)]
    moves = [
        f"{m.code} {m.name}：{m.from_date.isoformat()} → {m.to_date.isoformat()}（{m.reason}）" for m in project.moves
    ]
    body: list[Any] = [
        f"{project.enterprise} · 开始 {project.start_date.isoformat()} · 目标开业 {project.target_date.isoformat()} · "
        f"必办 {len(must)} 项，已销号 {project.done_count} 项 · 计划全部办结 {_d(project.finish_date)} · "
        f"{'计划可行' if project.feasible else '计划不可行：有事项无法在目标日期前完成'}"
        f" · 关键路径：{' → '.join(project.critical_path) or '—'}",
        Table(
            SCHEDULE_HEADERS,
            rows,
            widths=[0.35, 0.75, 2.8, 1.5, 0.7, 0.45, 1.1, 1.2, 1.25, 1.2, 1.2, 0.45, 1.3, 0.6],
            fills=[LIGHT_FILLS.get(i.light) for i in must],
            size=7.5,
        ),
    ]
    if moves:
        body.append(Heading("节点调整记录"))
        body.extend(moves)
    body.append(
        f"制表日期：{project.today.isoformat()}。时限、机动均为工作日；亮灯：红＝超期或不可行，黄＝距最迟完成不足2个工作日，绿＝正常。"
    )
    return render(
        Notice(title=f"{project.name} 倒排工期表", body=body, landscape=True, subject=f"倒排工期表 {project.number}")
    )


def schedule_excel(project: Any, path: Path) -> Path:
    """倒排工期表 as a workbook: the table, lights as fills, and a day-by-day bar chart sheet."""
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    must = [i for i in project.items if i.must_do]
    kinds = [
        "int",
        "text",
        "text",
        "text",
        "text",
        "int",
        "text",
        "date",
        "date",
        "date",
        "date",
        "int",
        "text",
        "text",
    ]
    widths = [6, 8, 40, 20, 10, 6, 16, 12, 14, 12, 12, 6, 18, 8]
    ws = add_table_sheet(
        wb,
        Sheet(
            "倒排工期表",
            [Column(h, w, k) for h, w, k in zip(SCHEDULE_HEADERS, widths, kinds, strict=False)],
            _schedule_rows(project),
            [LIGHT_FILLS.get(i.light) for i in must],
        ),
    )
    ws.insert_rows(1)
    ws["A1"] = (
        f"{project.name}（{project.number}）开始 {project.start_date.isoformat()}"
        f" 目标开业 {project.target_date.isoformat()}"
    )
    ws["A1"].font = Font(bold=True, size=13)
    style_sheet(
        ws, [Column(h, w, k) for h, w, k in zip(SCHEDULE_HEADERS, widths, kinds, strict=False)], first_data_row=3
    )
    # A wall-chart sheet: one column per calendar day, bars from earliest start to finish.
    chart = wb.create_sheet("挂图")
    starts = [i.earliest_start for i in must if i.earliest_start]
    ends = [i.latest_finish or i.earliest_finish for i in must if i.earliest_finish]
    if starts and ends:
        first, last = min(starts + [project.start_date]), max(ends + [project.target_date])
        days = [(first + dt.timedelta(days=n)) for n in range((last - first).days + 1)]
        chart.cell(row=1, column=1, value="事项")
        chart.column_dimensions["A"].width = 36
        for c, day in enumerate(days, start=2):
            cell = chart.cell(row=1, column=c, value=day.strftime("%m-%d"))
            cell.alignment = Alignment(text_rotation=90)
            chart.column_dimensions[cell.column_letter].width = 3
        for r, i in enumerate(must, start=2):
            chart.cell(row=r, column=1, value=f"{i.code} {i.name}")
            colour = Light.GREY.rgb if i.done else i.light.rgb
            if not (i.earliest_start and i.earliest_finish):
                continue
            for c, day in enumerate(days, start=2):
                if i.earliest_start <= day <= i.earliest_finish:
                    chart.cell(row=r, column=c).fill = PatternFill("solid", fgColor=colour)
                elif i.latest_finish and i.earliest_finish < day <= i.latest_finish:
                    chart.cell(row=r, column=c).fill = PatternFill("solid", fgColor="E7E6E6")
        chart.freeze_panes = "B2"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# -- daily dispatch ----------------------------------------------------------------------------
BUCKET_LABELS = {"late": "已超期", "infeasible": "计划不可行", "today": "今日到期", "soon": "2个工作日内到期"}


def dispatch_pdf(report: Any) -> bytes:
    """日调度单: what is late or due, by department, for the morning call."""
    body: list[Any] = [
        f"调度日期：{_cn(report.today)}。超期 {report.count('late')} 项，"
        f"计划不可行 {report.count('infeasible')} 项，今日到期 {report.count('today')} 项，"
        f"2个工作日内到期 {report.count('soon')} 项，涉及 {len(report.by_department())} 个部门。"
    ]
    if not report.rows:
        body.append("今日没有超期或临期事项。")
    for department, rows in report.by_department().items():
        body.append(Heading(f"{department}（{len(rows)} 项）"))
        body.append(
            Table(
                ["项目", "事项", "责任人", "状态", "节点日期", "最迟完成", "情况"],
                [
                    [
                        r.project_name,
                        f"{r.code} {r.name}",
                        r.responsible or "—",
                        r.status_label,
                        _d(r.node_date),
                        _d(r.latest_finish),
                        BUCKET_LABELS[r.bucket]
                        + (f" {-r.days_left} 个工作日" if r.bucket == "late" and r.days_left < 0 else ""),
                    ]
                    for r in rows
                ],
                widths=[2.2, 3, 0.9, 1, 1.1, 1.1, 1.6],
                size=8,
                fills=[LIGHT_FILLS[r.light] for r in rows],
            )
        )
    return render(
        Notice(title="审批事项日调度单", body=body, landscape=True, subject=f"日调度 {report.today.isoformat()}")
    )


# -- weekly bulletin ---------------------------------------------------------------------------
RATE_GREEN, RATE_YELLOW = 0.9, 0.7


def rate_light(rate: float | None) -> Light:
    """Department ranking colours: green ≥ 90 %, yellow ≥ 70 %, red below; grey with nothing due."""
    if rate is None:
        return Light.GREY
    if rate >= RATE_GREEN:
        return Light.GREEN
    if rate >= RATE_YELLOW:
        return Light.YELLOW
    return Light.RED


PROJECT_COLUMNS = [
    Column("项目编号", 12),
    Column("项目名称", 34),
    Column("企业", 34),
    Column("街道", 12),
    Column("目标开业", 12, "date"),
    Column("必办事项", 9, "int"),
    Column("已销号", 8, "int"),
    Column("本周销号", 9, "int"),
    Column("超期", 6, "int"),
    Column("临期", 6, "int"),
    Column("完成率", 9, "percent"),
    Column("亮灯", 8),
]
LATE_COLUMNS = [
    Column("项目", 34),
    Column("编码", 8),
    Column("事项", 40),
    Column("办理部门", 20),
    Column("责任人", 10),
    Column("节点日期", 12, "date"),
    Column("最迟完成", 12, "date"),
    Column("办结日期", 12, "date"),
    Column("超期工作日", 10, "int"),
    Column("状态", 12),
]
RANK_COLUMNS = [
    Column("排名", 6, "int"),
    Column("部门", 24),
    Column("应办结", 8, "int"),
    Column("按期办结", 9, "int"),
    Column("逾期办结", 9, "int"),
    Column("逾期未办", 9, "int"),
    Column("按期率", 10, "percent"),
    Column("评价", 8),
]


def bulletin_excel(bulletin: Any, path: Path) -> Path:
    """周通报 workbook: one sheet per view (projects, late items, department ranking) with
    red/yellow/green fills, and a bar chart of the on-time rates."""
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    add_table_sheet(
        wb,
        Sheet(
            "项目进度",
            PROJECT_COLUMNS,
            [
                [
                    p.number,
                    p.name,
                    p.enterprise,
                    p.street_name,
                    p.target_date,
                    p.must_do,
                    p.done,
                    p.done_this_week,
                    p.red,
                    p.yellow,
                    p.completion,
                    p.light.label,
                ]
                for p in bulletin.projects
            ],
            [LIGHT_FILLS.get(p.light) for p in bulletin.projects],
        ),
    )
    add_table_sheet(
        wb,
        Sheet(
            "超期事项",
            LATE_COLUMNS,
            [
                [
                    r.project_name,
                    r.code,
                    r.name,
                    r.department,
                    r.responsible,
                    r.node_date,
                    r.latest_finish,
                    r.finished_on,
                    r.late_days,
                    r.status_label,
                ]
                for r in bulletin.late
            ],
            [LIGHT_FILLS[Light.RED]] * len(bulletin.late),
        ),
    )
    ranking = add_table_sheet(
        wb,
        Sheet(
            "部门按期率排名",
            RANK_COLUMNS,
            [
                [
                    r.rank,
                    r.department,
                    r.due,
                    r.on_time,
                    r.late_done,
                    r.late_open,
                    r.rate,
                    rate_light(r.rate).label if r.rate is not None else "无到期事项",
                ]
                for r in bulletin.ranking
            ],
            [LIGHT_FILLS.get(rate_light(r.rate)) for r in bulletin.ranking],
        ),
    )
    rated = sum(1 for r in bulletin.ranking if r.rate is not None)
    if rated:
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"部门按期办结率（{bulletin.week}）"
        chart.y_axis.title = "按期率"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        data = Reference(ranking, min_col=7, min_row=1, max_row=rated + 1)
        cats = Reference(ranking, min_col=2, min_row=2, max_row=rated + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showVal = True
        chart.legend = None
        chart.height, chart.width = max(7.5, 0.9 * rated + 3), 18
        ranking.add_chart(chart, "J2")
    for ws in wb.worksheets:
        ws.sheet_properties.tabColor = "1F4E79"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def bulletin_pdf(bulletin: Any) -> bytes:
    t = bulletin.totals
    body: list[Any] = [
        f"统计周期：{_cn(bulletin.start)}至{_cn(bulletin.end)}（{bulletin.week}，截至{_cn(bulletin.as_of)}）。",
        f"在办重点项目 {t['projects']} 个，必办事项 {t['must_do']} 项，"
        f"累计销号 {t['done']} 项，本周销号 {t['done_this_week']} 项；"
        f"超期未办 {t['late_open']} 项，临期 {t['yellow']} 项；全区按期办结率 {_pct(t['rate'])}。",
        Heading("一、项目进度"),
        Table(
            ["项目", "街道", "目标开业", "必办", "已销号", "本周销号", "超期", "亮灯"],
            [
                [
                    p.name,
                    p.street_name,
                    _d(p.target_date),
                    str(p.must_do),
                    str(p.done),
                    str(p.done_this_week),
                    str(p.red),
                    p.light.label,
                ]
                for p in bulletin.projects
            ],
            widths=[3.2, 1.2, 1.2, 0.6, 0.7, 0.8, 0.6, 0.7],
            size=8,
            fills=[LIGHT_FILLS.get(p.light) for p in bulletin.projects],
        ),
        Heading("二、部门按期办结率排名"),
        Table(
            ["排名", "部门", "应办结", "按期", "逾期办结", "逾期未办", "按期率"],
            [
                [
                    str(r.rank),
                    r.department,
                    str(r.due),
                    str(r.on_time),
                    str(r.late_done),
                    str(r.late_open),
                    _pct(r.rate),
                ]
                for r in bulletin.ranking
            ],
            widths=[0.6, 2.4, 0.8, 0.8, 0.9, 0.9, 0.9],
            size=8,
            fills=[LIGHT_FILLS.get(rate_light(r.rate)) for r in bulletin.ranking],
        ),
        Heading("三、超期事项"),
    ]
    if bulletin.late:
        body.append(
            Table(
                ["项目", "事项", "部门", "责任人", "最迟完成", "超期（工作日）"],
                [
                    [
                        r.project_name,
                        f"{r.code} {r.name}",
                        r.department,
                        r.responsible or "—",
                        _d(r.latest_finish),
                        str(r.late_days),
                    ]
                    for r in bulletin.late[:40]
                ],
                widths=[2.4, 3, 1.6, 0.8, 1.1, 1],
                size=8,
            )
        )
        if len(bulletin.late) > 40:
            body.append(f"另有 {len(bulletin.late) - 40} 项见 Excel 通报。")
    else:
        body.append("本周无超期事项。")
    body.append(
        "亮灯规则：红＝超期或计划不可行，黄＝距最迟完成不足2个工作日，绿＝正常；部门按期率≥90%为绿，≥70%为黄，其余为红。"
    )
    return render(
        Notice(
            title=f"审批点菜单周通报（{bulletin.week}）",
            body=body,
            issuer=ISSUER,
            signature="崂山区审批服务专班",
            date=bulletin.as_of,
            subject=f"周通报 {bulletin.week}",
        )
    )


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.2f}%"
