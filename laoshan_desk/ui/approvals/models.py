"""The columns of every 审批点菜单 table (items, team, log, dispatch, catalog, project list), for
the desk's one table idiom (:mod:`laoshan_desk.ui.common.table_model`): a ``ListTableModel`` for
the small lists, a ``PagedTableModel`` for the project list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from laoshan_desk.domain.approvals import LogKind
from laoshan_desk.ui.common.table_model import ColumnSpec

CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def d(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


ITEM_COLUMNS = [
    ColumnSpec(
        "亮灯",
        lambda r: r.signal.label if r.must_do else "",  # 超期 only past the latest finish
        light=lambda r: r.light if r.must_do else None,
        width=96,
    ),
    ColumnSpec("编码", lambda r: r.code, width=62),
    ColumnSpec("事项", lambda r: r.name + (" ★" if r.critical else ""), width=260),
    ColumnSpec("分类", lambda r: r.class_label, width=66, foreground=lambda r: None if r.must_do else "888888"),
    ColumnSpec("办理部门", lambda r: r.department, width=130),
    ColumnSpec("责任人", lambda r: r.responsible or "—", width=64),
    ColumnSpec("状态", lambda r: r.status_label if r.must_do else "—", width=70),
    ColumnSpec("节点日期", lambda r: d(r.node_date) + (" 〔调〕" if r.pinned else ""), width=110),
    ColumnSpec("最迟完成", lambda r: d(r.latest_finish), width=90),
    ColumnSpec("机动", lambda r: "" if r.slack_days is None else str(r.slack_days), align=RIGHT, width=44),
    ColumnSpec("办结", lambda r: d(r.finished_on) if r.finished_on else "", width=90),
    ColumnSpec(
        "可发证", lambda r: "可发证" if r.ready else "", width=60, foreground=lambda r: "2E9D46" if r.ready else None
    ),
    ColumnSpec("理由", lambda r: r.reason, width=300),
]

TEAM_COLUMNS = [
    ColumnSpec("角色", lambda r: r.role_label, width=80),
    ColumnSpec("姓名", lambda r: r.name, width=80),
    ColumnSpec("职务", lambda r: r.title, width=180),
    ColumnSpec("部门", lambda r: r.department, width=160),
    ColumnSpec("电话", lambda r: r.phone, width=120),
]

LOG_COLUMNS = [
    ColumnSpec("类型", lambda r: r.kind_label, width=70),
    ColumnSpec("日期", lambda r: d(r.on), width=90),
    ColumnSpec("名称 / 地点 / 问题", lambda r: r.title, width=320),
    ColumnSpec("内容", lambda r: r.detail, width=240),
    ColumnSpec("部门", lambda r: "、".join(r.departments), width=150),
    ColumnSpec("责任人", lambda r: r.owner, width=70),
    ColumnSpec(
        "解决",
        lambda r: (d(r.solved_on) if r.solved_on else "未解决") if r.kind is LogKind.PROBLEM else "",
        width=90,
        foreground=lambda r: "D6322F" if r.kind is LogKind.PROBLEM and not r.solved_on else None,
    ),
]

DISPATCH_COLUMNS = [
    ColumnSpec("情况", lambda r: r.bucket_label, light=lambda r: r.light, width=120),
    ColumnSpec("办理部门", lambda r: r.department, width=140),
    ColumnSpec("项目", lambda r: r.project_name, width=200),
    ColumnSpec("事项", lambda r: f"{r.code} {r.name}", width=280),
    ColumnSpec("责任人", lambda r: r.responsible or "—", width=70),
    ColumnSpec("状态", lambda r: r.status_label, width=80),
    ColumnSpec("节点日期", lambda r: d(r.node_date), width=90),
    ColumnSpec("最迟完成", lambda r: d(r.latest_finish), width=90),
    ColumnSpec("剩余工作日", lambda r: str(r.days_left), align=RIGHT, width=80),
]

CATALOG_COLUMNS = [
    ColumnSpec("编码", lambda r: r.code, width=62),
    ColumnSpec("事项名称", lambda r: r.name, width=280),
    ColumnSpec("实施部门", lambda r: r.department, width=140),
    ColumnSpec("法定时限", lambda r: r.statutory_text, align=RIGHT, width=96),
    ColumnSpec("承诺", lambda r: str(r.committed_days), align=RIGHT, width=44),
    ColumnSpec("前置事项", lambda r: "、".join(r.prerequisites), width=140),
    ColumnSpec("预审", lambda r: "是" if r.pre_review else "否", width=44),
    ColumnSpec("踏勘", lambda r: "是" if r.site_inspection else "否", width=44),
    ColumnSpec("证照", lambda r: r.certificate or "", width=160),
    ColumnSpec("设定依据", lambda r: "；".join(r.basis_lines), width=260),  # 未核验 marked
    ColumnSpec(
        "启用", lambda r: "是" if r.active else "停用", width=44, foreground=lambda r: None if r.active else "D6322F"
    ),
]

PROJECT_COLUMNS = [
    ColumnSpec("亮灯", lambda r: r.light_text, light=lambda r: r.light, width=96),
    ColumnSpec("编号", lambda r: r.number, sort_key="number", width=96),
    ColumnSpec("项目", lambda r: r.name, sort_key="name", width=220),
    ColumnSpec("企业", lambda r: r.enterprise, sort_key="enterprise", width=200),
    ColumnSpec("街道", lambda r: r.street_name, sort_key="street", width=80),
    ColumnSpec("目标开业", lambda r: d(r.target_date), sort_key="target", width=90),
    ColumnSpec("销号", lambda r: r.progress, align=CENTER, width=56),
    ColumnSpec("超期/不可行/临期", lambda r: r.counts_text, align=CENTER, width=110),
    ColumnSpec("状态", lambda r: r.status_label, width=64),
]
