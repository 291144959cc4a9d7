"""一企一档: everything the desk knows about one enterprise, on one page, for the roles that may see it.

A foundation composition over the four areas: it finds the enterprise in the shared table
(:mod:`laoshan_desk.services.enterprise_registry`) and asks each area for its part — through the
area's own service where one exists (approval lights, the respondent's exposure), so that lights
and amounts are the ones that area's tab shows, and read-only by USCC and name where the area
stores enterprise names of its own today (docs/rules/alliance.md §alliance-enterprises). A section is
present only when the actor's role may see that area (``domain/roles.py``), and each row carries
the id its tab opens it by.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func, or_, select

from laoshan_desk.documents import enterprise as summary_doc
from laoshan_desk.domain.appeals import AppealStatus
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import ALLIANCE, APPEALS, APPROVALS, PRESERVATION
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import approvals, enterprise_registry, preservation
from laoshan_desk.services.alliance.summary import MemberSummary, member_summary
from laoshan_desk.services.context import Actor
from laoshan_desk.services.printing import Output, Paper
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.models.preservation import PresCase, PresParty
from laoshan_desk.store.queries import appeals as appeal_queries

ZERO = Decimal("0.00")
RECENT = 20


@dataclasses.dataclass(frozen=True)
class ProjectLine:
    id: uuid.UUID
    number: str
    name: str
    status: str
    target_date: dt.date
    light: Light


@dataclasses.dataclass(frozen=True)
class AppealLine:
    id: uuid.UUID
    number: str
    received_at: dt.datetime
    status: str
    content: str


@dataclasses.dataclass(frozen=True)
class AppealsSection:
    total: int
    recent: tuple[AppealLine, ...]


@dataclasses.dataclass(frozen=True)
class PreservationSection:
    party_id: uuid.UUID | None
    as_respondent: int
    as_applicant: int
    rulings: int
    amount_ruled: Decimal
    accounts_frozen: int
    frozen_amount: Decimal
    cases: tuple[preservation.ExposureCase, ...]


@dataclasses.dataclass(frozen=True)
class EnterpriseFile:
    enterprise: enterprise_registry.EnterpriseRef
    approvals: tuple[ProjectLine, ...] | None
    appeals: AppealsSection | None
    preservation: PreservationSection | None
    alliance: MemberSummary | None
    areas: tuple[str, ...]  # the sections present, in tab order

    def as_json(self) -> dict[str, object]:
        """The shape ``laoshan-desk enterprise show USCC --json`` prints (amounts as strings)."""
        out: dict[str, object] = {"uscc": self.enterprise.uscc, "name": self.enterprise.name}
        if self.approvals is not None:
            out["approvals"] = [{"number": p.number, "light": p.light.value} for p in self.approvals]
        if self.appeals is not None:
            out["appeals"] = self.appeals.total
        if self.preservation is not None:
            p = self.preservation
            out["preservation"] = {
                "as_respondent": p.as_respondent,
                "rulings": p.rulings,
                "amount_ruled": str(p.amount_ruled),
                "accounts_frozen": p.accounts_frozen,
            }
        if self.alliance is not None:
            a = self.alliance
            out["alliance"] = {
                "member": a.member,
                "honours": [
                    {"level": h.level.value, "label": h.level.label, "title": h.title, "year": h.year}
                    for h in a.honours
                ],
                "complaints": a.complaints,
                "spot_checks": a.spot_checks,
                "nonconforming": a.nonconforming,
            }
            out["policies_pushed"] = a.policies_pushed
        return out


def _approvals(
    db: Database, actor: Actor, e: enterprise_registry.EnterpriseRef, today: dt.date
) -> tuple[ProjectLine, ...]:
    found: dict[uuid.UUID, ProjectLine] = {}
    for text in [t for t in (e.uscc, e.name) if t]:
        for p in approvals.list_projects(db, actor, today=today, text=text, limit=500):
            # The name is searched as a part of names; keep only the enterprise's own projects.
            if text == e.uscc or p.enterprise == e.name:
                found[p.id] = ProjectLine(p.id, p.number, p.name, p.status_label, p.target_date, p.light)
    return tuple(sorted(found.values(), key=lambda p: p.number))


def _appeals(db: Database, actor: Actor, e: enterprise_registry.EnterpriseRef) -> AppealsSection:
    names = [Appeal.enterprise == e.name]
    if e.uscc:
        names.append(Appeal.uscc == e.uscc)
    conds = [or_(*names)]
    scope = appeal_queries.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    if scope is not None:
        conds.append(scope)
    with db.session() as s:
        total = s.scalar(select(func.count()).select_from(Appeal).where(*conds)) or 0
        rows = s.scalars(select(Appeal).where(*conds).order_by(Appeal.received_at.desc()).limit(RECENT)).all()
        recent = tuple(
            AppealLine(a.id, a.number, a.received_at, AppealStatus(a.status).label, a.content[:80]) for a in rows
        )
    return AppealsSection(int(total), recent)


def _preservation(
    db: Database, actor: Actor, e: enterprise_registry.EnterpriseRef, now: dt.datetime
) -> PreservationSection:
    with db.session() as s:
        keys = [PresParty.name == e.name]
        if e.uscc:
            keys = [PresParty.id_number == e.uscc]
        party_id = s.scalars(select(PresParty.id).where(*keys).order_by(PresParty.created_at)).first()
        applicant = [PresCase.applicant == e.name]
        if e.uscc:
            applicant.append(PresCase.applicant_id_number == e.uscc)
        as_applicant = 0
        if actor.scope == "all":  # preservation cases are the court's: only all-scope roles see them
            as_applicant = int(s.scalar(select(func.count()).select_from(PresCase).where(or_(*applicant))) or 0)
    if party_id is None:
        return PreservationSection(None, 0, as_applicant, 0, ZERO, 0, ZERO, ())
    x = preservation.respondent_exposure(db, actor, party_id, now=now)
    return PreservationSection(
        party_id, x.cases, as_applicant, x.rulings, x.ruled_total, x.accounts_frozen, x.frozen_total, x.case_rows
    )


def enterprise_file(
    db: Database,
    actor: Actor,
    *,
    now: dt.datetime,
    uscc: str = "",
    enterprise_id: uuid.UUID | None = None,
) -> EnterpriseFile:
    """The enterprise's file, by USCC or id; each section only for a role that may see its area."""
    enterprise_registry.require_any_area(actor)
    if enterprise_id is not None:
        e = enterprise_registry.get(db, actor, enterprise_id)
    else:
        e = enterprise_registry.find(db, actor, uscc)
    today = now.astimezone(TZ).date()
    areas = []
    proj = app = pres = ally = None
    if actor.may(f"{APPROVALS}.view"):
        proj = _approvals(db, actor, e, today)
        areas.append(APPROVALS)
    if actor.may(f"{APPEALS}.view"):
        app = _appeals(db, actor, e)
        areas.append(APPEALS)
    if actor.may(f"{PRESERVATION}.view"):
        pres = _preservation(db, actor, e, now)
        areas.append(PRESERVATION)
    if actor.may(f"{ALLIANCE}.view"):
        ally = member_summary(db, actor, e.id, now=now)
        areas.append(ALLIANCE)
    return EnterpriseFile(e, proj, app, pres, ally, tuple(areas))


def enterprise_summary(db: Database, actor: Actor, enterprise_id: uuid.UUID, *, now: dt.datetime) -> Paper:
    """The one-page summary of an enterprise's file, with the sections the actor may see."""
    f = enterprise_file(db, actor, now=now, enterprise_id=enterprise_id)
    e = f.enterprise
    sections: list[summary_doc.SummarySection] = []
    if f.approvals is not None:
        sections.append(
            summary_doc.SummarySection(
                f"审批项目（{len(f.approvals)} 个）",
                (),
                ("项目编号", "项目名称", "目标日期", "状态", "亮灯"),
                tuple(
                    (p.number, p.name, f"{p.target_date:%Y-%m-%d}", p.status, p.light.label) for p in f.approvals[:4]
                ),
                (2, 4, 2, 1.5, 1),
            )
        )
    if f.appeals is not None:
        sections.append(
            summary_doc.SummarySection(
                f"涉企诉求（{f.appeals.total} 件）",
                (),
                ("诉求编号", "受理时间", "状态", "内容"),
                tuple((a.number, f"{a.received_at:%Y-%m-%d}", a.status, a.content[:40]) for a in f.appeals.recent[:3]),
                (2.2, 1.6, 1.2, 5),
            )
        )
    if f.preservation is not None:
        p = f.preservation
        sections.append(
            summary_doc.SummarySection(
                "财产保全",
                (
                    ("作为被申请人", f"{p.as_respondent} 件，保全裁定 {p.rulings} 件"),
                    ("裁定保全金额", f"{p.amount_ruled:,.2f} 元"),
                    ("仍冻结账户", f"{p.accounts_frozen} 个，冻结 {p.frozen_amount:,.2f} 元"),
                    ("作为申请人", f"{p.as_applicant} 件"),
                ),
            )
        )
    if f.alliance is not None:
        a = f.alliance
        sections.append(
            summary_doc.SummarySection(
                "兴商护航联盟",
                (
                    (
                        "联盟成员",
                        f"是（{a.member_since:%Y-%m-%d} 入盟，联络员 {a.liaison_name}）"
                        if a.member and a.member_since
                        else "否",
                    ),
                    ("荣誉", "、".join(f"{h.level.label}{h.year}" for h in a.honours) or "—"),
                    ("投诉举报", f"{a.complaints} 件（未办结 {a.open_complaints} 件）"),
                    ("监督抽检", f"{a.spot_checks} 批次，不合格 {a.nonconforming} 批次"),
                    ("打假协助", f"{a.requests} 次"),
                    ("推送政策", f"{a.policies_pushed} 条；兑现奖励 {a.awards_paid:,.2f} 元"),
                ),
            )
        )
    place = " ".join(x for x in (e.street, e.community, e.address) if x)
    data = summary_doc.SummaryData(
        e.name, e.uscc or "", place, tuple(sections), now.astimezone(TZ).date(), actor.full_name
    )
    title = f"企业档案摘要 {e.name}"
    return Paper(summary_doc.enterprise_summary(data), Output("enterprise", str(e.id), title), f"{title}.pdf")
