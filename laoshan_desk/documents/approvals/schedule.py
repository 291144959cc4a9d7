"""倒排工期表: the reverse-schedule table as PDF and as a workbook with a day-by-day wall chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from laoshan_desk.documents.approvals.common import LIGHT_FILLS, ProjectPaper, day_text, statutory_end
from laoshan_desk.documents.excel import Column, Sheet, add_table_sheet, save, style_sheet
from laoshan_desk.documents.pdf import Heading, Notice, Table, render
from laoshan_desk.domain.lights import Light

SCHEDULE_HEADERS = [
    "序号",
    "编码",
    "事项名称",
    "办理部门",
    "责任人",
    "时限",
    "法定时限届满",
    "前置事项",
    "最早开始",
    "计划完成（节点）",
    "最迟开始",
    "最迟完成",
    "机动",
    "状态",
    "亮灯",
]


def _schedule_rows(project: ProjectPaper, *, finish_dates: bool = True) -> list[list[Any]]:
    """The table's rows. ``finish_dates`` False leaves the tick-off date out of 状态: the landscape
    PDF has no room for it beside 计划不可行 on one line, and its 计划完成（节点） column already
    carries the actual finish of a ticked-off item."""
    rows = []
    for n, i in enumerate([i for i in project.items if i.must_do], start=1):
        rows.append(
            [
                n,
                i.code,
                i.name + (" ★" if i.critical else "") + (" 〔调〕" if i.pinned else ""),  # as the screen marks them
                i.department,
                i.responsible,
                i.days,
                statutory_end(i.limit_text, i.statutory_due),
                "、".join(i.prerequisites) or "—",
                i.earliest_start,
                i.earliest_finish,
                i.latest_start,
                i.latest_finish,
                i.slack_days,
                i.status_label + (f" {i.finished_on.isoformat()}" if i.finished_on and finish_dates else ""),
                i.signal.label,  # 超期 only past the latest finish, else 计划不可行
            ]
        )
    return rows


def schedule_pdf(project: ProjectPaper) -> bytes:
    """倒排工期表 (landscape): node dates of every must-do item, lights as row colours."""
    must = [i for i in project.items if i.must_do]
    rows = [
        [str(v) if not isinstance(v, dt.date) else v.isoformat() for v in r]
        for r in _schedule_rows(project, finish_dates=False)
    ]
    moves = [
        f"{m.code} {m.name}：{m.from_date.isoformat()} → {m.to_date.isoformat()}（{m.reason}）" for m in project.moves
    ]
    body: list[Any] = [
        f"{project.enterprise} · 开始 {project.start_date.isoformat()} · 目标开业 {project.target_date.isoformat()} · "
        f"必办 {len(must)} 项，已销号 {project.done_count} 项 · 计划全部办结 {day_text(project.finish_date)} · "
        f"{'计划可行' if project.feasible else '计划不可行：有事项无法在目标日期前完成'}"
        f" · 关键路径：{' → '.join(project.critical_path) or '—'}",
        Table(
            SCHEDULE_HEADERS,
            rows,
            # 亮灯 weighs most so that 计划不可行 stays on one line; 状态 so that 踏勘验收 does
            widths=[0.35, 0.7, 2.5, 1.35, 0.7, 0.45, 1.2, 1.0, 1.2, 1.25, 1.2, 1.2, 0.45, 1.9, 3.0],
            fills=[LIGHT_FILLS.get(i.light) for i in must],
        ),
    ]
    if moves:
        body.append(Heading("节点调整记录"))
        body.extend(moves)
    body.append(
        f"制表日期：{project.today.isoformat()}。★关键路径，〔调〕已调整节点；时限（承诺）、机动均为工作日；法定时限届满按设定依据的计算方式（工作日或自然日，末日为节假日的顺延至其后第一个工作日）；亮灯：红＝超期或计划不可行，黄＝距最迟完成不足2个工作日，绿＝正常。"
    )
    return render(
        Notice(title=f"{project.name} 倒排工期表", body=body, landscape=True, subject=f"倒排工期表 {project.number}")
    )


def schedule_excel(project: ProjectPaper, path: Path) -> Path:
    """倒排工期表 as a workbook: the table, lights as fills, and a day-by-day bar chart sheet."""
    path = Path(path)
    wb = Workbook()
    for sheet in list(wb.worksheets):  # the empty default sheet
        wb.remove(sheet)
    must = [i for i in project.items if i.must_do]
    kinds = [
        "int",
        "text",
        "text",
        "text",
        "text",
        "int",
        "date",
        "text",
        "date",
        "date",
        "date",
        "date",
        "int",
        "text",
        "text",
    ]
    widths = [6, 8, 40, 20, 10, 6, 14, 16, 12, 14, 12, 12, 6, 18, 8]
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
    return save(wb, path)  # the one writer: every cell neutralised, print set-up, atomic
