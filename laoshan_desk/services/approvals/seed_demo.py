"""The demo's projects, replayed through the services as the window recorded them: the seed's
hotel case, and three projects in progress around 25 Nov 2026 (found by :mod:`.seed`)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from laoshan_desk.config import RESOURCES
from laoshan_desk.domain.approvals import Classification, ItemStatus, LogKind, ProjectStatus, TeamRole
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

HOTEL_FILE = RESOURCES / "data" / "demo_hotel_project.json"
D = dt.date.fromisoformat


def _at(day: dt.date) -> dt.datetime:
    """The moment a replayed day's work is recorded: 17:00 that day."""
    return dt.datetime.combine(day, dt.time(17, 0), tzinfo=TZ)


class _Replay:
    """One project's items as the replay moves them: each write carries the item's version."""

    def __init__(self, db: Database, actor: Actor, project_id: uuid.UUID, day: dt.date) -> None:
        self.db, self.actor = db, actor
        self.detail = svc.project_detail(db, actor, project_id, today=day)
        self.ids = {row.code: row.id for row in self.detail.items}
        self.versions = {row.code: row.version for row in self.detail.items}

    def advance(self, code: str, status: str, day: dt.date, by: str = "") -> None:
        form = svc.AdvanceForm(self.ids[code], self.versions[code], ItemStatus(status), day, by)
        self.versions[code] = svc.advance_item(self.db, self.actor, form, now=_at(day)).version

    def move(self, code: str, to: dt.date, reason: str, day: dt.date, by: str) -> None:
        form = svc.MoveNodeForm(self.ids[code], self.versions[code], to, reason, decided_on=day, decided_by=by)
        self.versions[code] = svc.move_node(self.db, self.actor, form, now=_at(day)).version

    def assign(self, code: str, responsible: str, day: dt.date) -> None:
        form = svc.AssignForm(self.ids[code], self.versions[code], responsible=responsible)
        self.versions[code] = svc.assign(self.db, self.actor, form, now=_at(day))

    def department(self, code: str) -> str:
        return next((r.department for r in self.detail.items if r.code == code), "")


def load_hotel(db: Database, actor: Actor, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Replay the hotel case through the services, day by day, as the window recorded it."""
    data = data or json.loads(HOTEL_FILE.read_text(encoding="utf-8"))
    start = D(data["start_date"])
    lines = [
        svc.OrderLine(
            code=row["code"],
            classification=Classification(row["class"]),
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
    issued = D(data.get("menu_issued_on") or data["start_date"])
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
        now=_at(issued),
    )
    team = data["gold_team"]
    members = [
        svc.TeamInput(TeamRole.COMMANDER, **team["commander"]),
        svc.TeamInput(TeamRole.DEPUTY, **team["deputy"]),
    ]
    members += [svc.TeamInput(TeamRole.LEADER, **m) for m in team["team_leaders"]]
    members += [svc.TeamInput(TeamRole.MEMBER, **m) for m in team["members"]]
    svc.set_team(db, actor, svc.TeamForm(project_id, members), now=_at(issued))
    # Events in date order: every status step, and the node move on the day it was decided.
    events: list[tuple[dt.date, int, Any]] = []
    for n, entry in enumerate(data["progress"]):
        for k, step in enumerate(entry["steps"]):
            events.append((D(step["on"]), 1, (entry["code"], step, n * 10 + k)))
    for move in data.get("node_moves", []):
        events.append((D(move["decided_on"]), 0, move))
    replay = _Replay(db, actor, project_id, start)
    certificates = 0
    for day, kind, payload in sorted(events, key=lambda e: (e[0], e[1], e[2][2] if e[1] == 1 else 0)):
        if kind == 0:
            replay.move(payload["code"], D(payload["to"]), payload["reason"], day, payload.get("by", ""))
            continue
        code, step, _order = payload
        replay.advance(code, step["status"], day, step.get("by", ""))
        if step["status"] == ItemStatus.DONE.value:
            try:
                svc.issue_certificate(db, actor, svc.IssueForm(replay.ids[code], issued_on=day), now=_at(day))
                certificates += 1
            except svc.NoCertificate:
                pass
    _log(
        db,
        actor,
        project_id,
        meetings=[(m["date"], m["title"], m.get("summary", "")) for m in data["meetings"]],
        visits=[
            (v["date"], v["place"], v.get("purpose", ""), tuple(v.get("departments", ()))) for v in data["site_visits"]
        ],
        problems=[
            (p["department"], p["description"], p["raised_on"], p["owner"], p.get("solved_on"))
            for p in data["problems"]
        ],
    )
    # Every must-do item was ticked off by 29 May; the hotel opened in early June.
    opened = D(data["target_date"])
    version = svc.project_detail(db, actor, project_id, today=opened).version
    svc.update_project(db, actor, svc.ProjectEdit(project_id, version, status=ProjectStatus.OPENED), now=_at(opened))
    return {
        "project_id": str(project_id),
        "items": len(lines),
        "certificates": certificates,
        "meetings": len(data["meetings"]),
        "visits": len(data["site_visits"]),
        "problems": len(data["problems"]),
    }


# Three projects in progress around "today" of the demo (25 Nov 2026, a Wednesday), so the morning
# call has something to run from: one late item (red), items due within two working days
# (yellow), the rest on track (green), and one item whose prerequisite just cleared (ready).
IN_PROGRESS: list[dict[str, Any]] = [
    {
        "project": "金家岭海景餐厅开业项目",
        "enterprise": "青岛金岭海景餐饮管理有限公司（示例）",
        "credit_code": "91999999MA0LKC0027",
        "street": "金家岭街道",
        "contact": ("王丽", "店长", "0532-5550111"),
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
        "enterprise": "青岛王哥庄海滨体育发展有限公司（示例）",
        "credit_code": "91999999MA0LKC003A",
        "street": "王哥庄街道",
        "contact": ("刘洋", "筹建负责人", "0532-5550112"),
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
        "enterprise": "青岛中韩邻里商贸有限公司（示例）",
        "credit_code": "91999999MA0LKC004D",
        "street": "中韩街道",
        "contact": ("赵强", "负责人", "0532-5550113"),
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
    start = D(spec["start_date"])
    template = svc.get_template(db, actor, spec["template"])
    lines = svc.order_from_template(db, actor, template.code)
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
    replay = _Replay(db, actor, project_id, start)
    people = _responsible_people()
    must = [row for row in replay.detail.items if row.must_do]
    for row in must:
        if row.department in people:
            replay.assign(row.code, people[row.department], start)
    depts = sorted({r.department for r in must})
    team = [
        svc.TeamInput(TeamRole.COMMANDER, "刘志远", "区长", "崂山区人民政府"),
        svc.TeamInput(TeamRole.DEPUTY, "陈海燕", "副区长", "崂山区人民政府"),
    ]
    team += [svc.TeamInput(TeamRole.MEMBER, people[d], "", d) for d in depts if d in people]
    svc.set_team(db, actor, svc.TeamForm(project_id, team), now=_at(start))
    events = sorted(
        (D(on), n, code, status) for code, steps in spec["steps"].items() for n, (status, on) in enumerate(steps)
    )
    for day, _n, code, status in events:
        replay.advance(code, status, day, people.get(replay.department(code), ""))
    for code, to, decided, reason in spec.get("moves", []):
        replay.move(code, D(to), reason, D(decided), "刘志远")
    _log(db, actor, project_id, spec.get("meetings", []), spec.get("visits", []), spec.get("problems", []))
    return {"project_id": str(project_id), "name": spec["project"]}


Meeting = tuple[str, str, str]  # on, title, summary
Visit = tuple[str, str, str, tuple[str, ...]]  # on, place, purpose, departments
Problem = tuple[str, str, str, str, str | None]  # department, text, raised on, owner, solved on


def _log(
    db: Database,
    actor: Actor,
    project_id: uuid.UUID,
    meetings: list[Meeting],
    visits: list[Visit],
    problems: list[Problem],
) -> None:
    """The task-force log of a replayed project, each entry recorded on its own day."""
    entries = [svc.LogInput(project_id, LogKind.MEETING, D(on), title, summary) for on, title, summary in meetings]
    entries += [
        svc.LogInput(project_id, LogKind.VISIT, D(on), place, purpose, departments=tuple(depts))
        for on, place, purpose, depts in visits
    ]
    entries += [
        svc.LogInput(
            project_id,
            LogKind.PROBLEM,
            D(raised),
            text,
            "",
            departments=(dept,),
            owner=owner,
            solved_on=D(solved) if solved else None,
        )
        for dept, text, raised, owner, solved in problems
    ]
    for entry in entries:
        svc.add_log_entry(db, actor, entry, now=_at(entry.on))


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
