"""The demo's projects, replayed through the services as the window recorded them: the seed's
hotel case, and three projects in progress around 25 Nov 2026 (found by :mod:`.seed`)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from laoshan_desk.config import RESOURCES
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

HOTEL_FILE = RESOURCES / "data" / "demo_hotel_project.json"
D = dt.date.fromisoformat


def _at(day: dt.date) -> dt.datetime:
    from laoshan_desk.domain.timeutil import TZ

    return dt.datetime.combine(day, dt.time(17, 0), tzinfo=TZ)


def load_hotel(db: Database, actor: Actor, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Replay the hotel case through the services, day by day, as the window recorded it."""
    from laoshan_desk.services import approvals as svc
    from laoshan_desk.services.approvals import certificates as certs

    data = data or json.loads(HOTEL_FILE.read_text(encoding="utf-8"))
    start = D(data["start_date"])
    lines = [
        svc.OrderLine(
            code=row["code"],
            classification=row["class"],
            reason=row["reason"],
            name=row.get("name"),
            department=row.get("department"),
            responsible=row.get("responsible", ""),
            extra_after=tuple(row.get("after", ())),
            fixed_finish=D(row["fixed_finish"]) if row.get("fixed_finish") else None,
            note=row.get("note", ""),
        )
        for row in data["items"]
    ]
    contact = data.get("contact") or {}
    project_id = svc.create_project(
        db,
        actor,
        svc.ProjectInput(
            name=data["project"],
            enterprise=data["enterprise"],
            credit_code=data["credit_code"],
            street=data["street"],
            start_date=start,
            target_date=D(data["target_date"]),
            contact_name=contact.get("name", ""),
            contact_title=contact.get("title", ""),
            contact_phone=contact.get("phone", ""),
            address=data.get("address", ""),
            project_type=data.get("project_type", ""),
            description=data.get("description", ""),
            menu_issued_on=D(data["menu_issued_on"]) if data.get("menu_issued_on") else None,
            items=lines,
        ),
        now=_at(D(data.get("menu_issued_on") or data["start_date"])),
    )
    team = data["gold_team"]
    members = [svc.TeamInput("commander", **team["commander"]), svc.TeamInput("deputy", **team["deputy"])]
    members += [svc.TeamInput("leader", **m) for m in team["team_leaders"]]
    members += [svc.TeamInput("member", **m) for m in team["members"]]
    svc.set_team(db, actor, project_id, members)
    # Events in date order: every status step, and the node move on the day it was decided.
    events: list[tuple[dt.date, int, Any]] = []
    for n, entry in enumerate(data["progress"]):
        for k, step in enumerate(entry["steps"]):
            events.append((D(step["on"]), 1, (entry["code"], step, n * 10 + k)))
    for move in data.get("node_moves", []):
        events.append((D(move["decided_on"]), 0, move))
    ids = {row.code: row.id for row in svc.project_detail(db, actor, project_id, today=start).items}
    certificates = 0
    for day, kind, payload in sorted(events, key=lambda e: (e[0], e[1], e[2][2] if e[1] == 1 else 0)):
        if kind == 0:
            svc.move_node(
                db,
                actor,
                ids[payload["code"]],
                D(payload["to"]),
                payload["reason"],
                decided_on=day,
                decided_by=payload.get("by", ""),
                today=day,
                now=_at(day),
            )
        else:
            code, step, _order = payload
            svc.advance_item(db, actor, ids[code], step["status"], day, by=step.get("by", ""), today=day, now=_at(day))
            if step["status"] == "done":
                try:
                    certs.issue_certificate(db, actor, ids[code], issued_on=day, now=_at(day))
                    certificates += 1
                except svc.NoCertificate:
                    pass
    for m in data["meetings"]:
        svc.add_log_entry(
            db, actor, project_id, svc.LogInput("meeting", D(m["date"]), m["title"], m.get("summary", ""))
        )
    for v in data["site_visits"]:
        svc.add_log_entry(
            db,
            actor,
            project_id,
            svc.LogInput(
                "visit", D(v["date"]), v["place"], v.get("purpose", ""), departments=tuple(v.get("departments", ()))
            ),
        )
    for p in data["problems"]:
        svc.add_log_entry(
            db,
            actor,
            project_id,
            svc.LogInput(
                "problem",
                D(p["raised_on"]),
                p["description"],
                "",
                departments=(p["department"],),
                owner=p["owner"],
                solved_on=D(p["solved_on"]) if p.get("solved_on") else None,
            ),
        )
    # Every must-do item was ticked off by 29 May; the hotel opened in early June.
    version = svc.project_detail(db, actor, project_id, today=D(data["target_date"])).version
    svc.update_project(db, actor, project_id, version, status="opened")
    return {
        "project_id": str(project_id),
        "items": len(lines),
        "certificates": certificates,
        "meetings": len(data["meetings"]),
        "visits": len(data["site_visits"]),
        "problems": len(data["problems"]),
    }


# Two projects in progress around "today" of the demo (25 Nov 2026, a Wednesday), so the morning
# call has something to run from: one late item (red), items due within two working days
# (yellow), the rest on track (green), and one item whose prerequisite just cleared (ready).
IN_PROGRESS: list[dict[str, Any]] = [
    {
        "project": "金家岭海景餐厅开业项目",
        "enterprise": "青岛金岭海景餐饮管理有限公司",
        "credit_code": "91370212MA7K2Q1X3L",
        "street": "金家岭街道",
        "contact": ("王丽", "店长", "13963921075"),
        "template": "restaurant_opening",
        "start_date": "2026-11-02",
        "target_date": "2026-12-03",
        "steps": {
            "SP001": [("pre_review", "2026-11-02"), ("accepted", "2026-11-03"), ("done", "2026-11-03")],
            "SP022": [("pre_review", "2026-11-03"), ("accepted", "2026-11-04"), ("done", "2026-11-10")],
            "SP009": [("pre_review", "2026-11-10"), ("accepted", "2026-11-11"), ("done", "2026-11-12")],
            "SP023": [("pre_review", "2026-11-09"), ("accepted", "2026-11-16"), ("inspection", "2026-11-24")],
            "SP032": [("pre_review", "2026-11-18")],
            "SP034": [("pre_review", "2026-11-09"), ("accepted", "2026-11-16"), ("inspection", "2026-11-20")],
            "SP067": [("pre_review", "2026-11-12"), ("accepted", "2026-11-17")],
            "SP068": [("pre_review", "2026-11-19")],
        },
        "moves": [],
        "meetings": [
            ("2026-11-02", "项目专班对接会", "梳理餐厅开业审批事项，出具点菜单、倒排工期表和一次告知书"),
            ("2026-11-18", "食品经营许可现场核查协调会", "后厨布局整改方案确认"),
        ],
        "visits": [
            ("2026-11-10", "餐厅后厨及就餐区", "食品经营许可预踏勘", ("区市场监督管理局",)),
            ("2026-11-24", "餐厅消防设施", "消防验收现场评定", ("区住房和城乡建设局",)),
        ],
        "problems": [
            ("区市场监督管理局", "后厨粗加工区与烹饪区未分隔", "2026-11-10", "蒋涛", "2026-11-17"),
            ("区住房和城乡建设局", "厨房排烟管道防火阀未按图安装", "2026-11-24", "宋佳", None),
            ("区城市管理局", "门头招牌尺寸超出规范", "2026-11-19", "彭亮", None),
        ],
    },
    {
        "project": "王哥庄海滨健身游泳馆开业项目",
        "enterprise": "青岛王哥庄海滨体育发展有限公司",
        "credit_code": "91370212MA94XH6T1U",
        "street": "王哥庄街道",
        "contact": ("刘洋", "筹建负责人", "13805329876"),
        "template": "gym_pool",
        "start_date": "2026-11-09",
        "target_date": "2026-12-31",
        "steps": {
            "SP001": [("pre_review", "2026-11-09"), ("accepted", "2026-11-10"), ("done", "2026-11-10")],
            "SP022": [("pre_review", "2026-11-10"), ("accepted", "2026-11-11"), ("done", "2026-11-17")],
            "SP009": [("pre_review", "2026-11-17"), ("accepted", "2026-11-18")],
            "SP077": [("pre_review", "2026-11-16"), ("accepted", "2026-11-23")],
            "SP044": [("pre_review", "2026-11-18"), ("accepted", "2026-11-20")],
        },
        "moves": [
            (
                "SP077",
                "2027-01-06",
                "2026-11-24",
                "池水水质须经第三方检测机构连续检测合格，检测机构排期至12月下旬，游泳项目许可节点顺延；"
                "专班协调远程复核，争取提前",
            )
        ],
        "meetings": [
            ("2026-11-09", "项目专班启动会", "确定游泳馆开业节点和必办事项"),
            ("2026-11-24", "游泳项目许可节点调整会", "第三方水质检测排期延后，研究远程复核方案"),
        ],
        "visits": [("2026-11-19", "室内游泳池", "高危险性体育项目（游泳）现场踏勘", ("区教育和体育局",))],
        "problems": [
            ("区教育和体育局", "救生员持证人数不足", "2026-11-19", "袁帅", None),
            ("区教育和体育局", "池水水质第三方检测排期延后", "2026-11-23", "袁帅", None),
            ("区卫生健康局", "池水循环净化设备检测报告待出具", "2026-11-20", "沈洁", "2026-11-24"),
        ],
    },
    {
        "project": "中韩便利超市开业项目",
        "enterprise": "青岛中韩邻里商贸有限公司",
        "credit_code": "91370212MA3R5N8D28",
        "street": "中韩街道",
        "contact": ("赵强", "负责人", "15866217730"),
        "template": "retail_shop",
        "start_date": "2026-10-19",
        "target_date": "2026-11-20",
        "steps": {
            "SP001": [("pre_review", "2026-10-19"), ("accepted", "2026-10-20"), ("done", "2026-10-20")],
            "SP068": [
                ("pre_review", "2026-11-02"),
                ("accepted", "2026-11-09"),
                ("inspection", "2026-11-13"),
                ("done", "2026-11-18"),
            ],
            "SP035": [("accepted", "2026-11-20"), ("done", "2026-11-24")],
            "SP032": [("pre_review", "2026-11-02"), ("accepted", "2026-11-16"), ("inspection", "2026-11-19")],
        },
        "moves": [],
        "meetings": [("2026-10-19", "项目对接会", "零售店开业事项梳理")],
        "visits": [("2026-11-19", "超市营业场所", "营业前消防安全检查", ("区消防救援大队",))],
        "problems": [("区消防救援大队", "疏散通道被货架占用，需整改后复查", "2026-11-19", "吕鹏", None)],
    },
]


def _load_in_progress(db: Database, actor: Actor, spec: dict[str, Any]) -> dict[str, Any]:
    from laoshan_desk.services import approvals as svc
    from laoshan_desk.services.approvals import catalog

    start = D(spec["start_date"])
    template = catalog.get_template(db, spec["template"])
    lines = svc.order_from_template(db, template.code)
    name, title, phone = spec["contact"]
    project_id = svc.create_project(
        db,
        actor,
        svc.ProjectInput(
            name=spec["project"],
            enterprise=spec["enterprise"],
            credit_code=spec["credit_code"],
            street=spec["street"],
            start_date=start,
            target_date=D(spec["target_date"]),
            contact_name=name,
            contact_title=title,
            contact_phone=phone,
            project_type=template.code,
            menu_issued_on=start,
            items=lines,
        ),
        now=_at(start),
    )
    detail = svc.project_detail(db, actor, project_id, today=start)
    ids = {row.code: row.id for row in detail.items}
    people = _responsible_people()
    for row in detail.items:
        if row.classification == "must_do" and row.department in people:
            svc.assign(db, actor, row.id, responsible=people[row.department])
    depts = sorted({r.department for r in detail.items if r.classification == "must_do"})
    team = [
        svc.TeamInput("commander", "刘志远", "区长", "崂山区人民政府"),
        svc.TeamInput("deputy", "陈海燕", "副区长", "崂山区人民政府"),
    ]
    team += [svc.TeamInput("member", people[d], "", d) for d in depts if d in people]
    svc.set_team(db, actor, project_id, team)
    events = sorted(
        (D(on), n, code, status) for code, steps in spec["steps"].items() for n, (status, on) in enumerate(steps)
    )
    for day, _n, code, status in events:
        svc.advance_item(
            db, actor, ids[code], status, day, by=people.get(_dept(detail, code), ""), today=day, now=_at(day)
        )
    for code, to, decided, reason in spec.get("moves", []):
        svc.move_node(
            db,
            actor,
            ids[code],
            D(to),
            reason,
            decided_on=D(decided),
            decided_by="刘志远",
            today=D(decided),
            now=_at(D(decided)),
        )
    for on, title, summary in spec.get("meetings", []):
        svc.add_log_entry(db, actor, project_id, svc.LogInput("meeting", D(on), title, summary))
    for on, place, purpose, depts_v in spec.get("visits", []):
        svc.add_log_entry(db, actor, project_id, svc.LogInput("visit", D(on), place, purpose, departments=depts_v))
    for dept, text, raised, owner, solved in spec.get("problems", []):
        svc.add_log_entry(
            db,
            actor,
            project_id,
            svc.LogInput(
                "problem",
                D(raised),
                text,
                "",
                departments=(dept,),
                owner=owner,
                solved_on=D(solved) if solved else None,
            ),
        )
    return {"project_id": str(project_id), "name": spec["project"]}


def _dept(detail: Any, code: str) -> str:
    return next((r.department for r in detail.items if r.code == code), "")


def _responsible_people() -> dict[str, str]:
    """Section heads of the hotel case's gold team, by department (the demo's staff)."""
    data = json.loads(HOTEL_FILE.read_text(encoding="utf-8"))
    people: dict[str, str] = {}
    for m in data["gold_team"]["members"]:
        people.setdefault(m["department"], m["name"])
    people.setdefault("区文化和旅游局", "钱文静")
    people.setdefault("区生态环境分局", "郭涛")
    people.setdefault("区人力资源和社会保障局", "黄丽")
    people.setdefault("区应急管理局", "谢军")
    people.setdefault("区水务局", "罗斌")
    return people
