"""The policy library (177 in the seed), matching it to an enterprise, and the pushes.

Matching is the domain's (:func:`laoshan_desk.domain.alliance.policies.match_policies`) over the
member's lifecycle stage, industry and honours (docs/rules/alliance.md §alliance-policies). Awards applied
for and paid are in :mod:`.awards`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.policies import EnterpriseProfile, PolicyFacts, match_policies
from laoshan_desk.domain.alliance.vocabulary import (
    HonourLevel,
    Industry,
    LifecycleStage,
    PolicyLine,
)
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.identifiers import normalize_uscc
from laoshan_desk.services.alliance.common import (
    EDIT,
    VIEW,
    check_day,
    check_version,
    get_or_404,
    pick,
    picks,
    text,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import (
    AllianceHonour,
    AllianceMember,
    AlliancePolicy,
    AlliancePolicyPush,
)
from laoshan_desk.store.models.enterprises import Enterprise

MAX_AMOUNT = Decimal("99999999999999.99")


@dataclasses.dataclass(frozen=True)
class PolicyForm:
    code: str
    title: str
    issuer: str
    issued_on: dt.date | None
    stages: tuple[str, ...]
    industries: tuple[str, ...] = ()
    honours: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    conditions: str = ""
    amount: Decimal | None = None
    active: bool = True
    policy_id: uuid.UUID | None = None
    version: int | None = None


@dataclasses.dataclass(frozen=True)
class PolicyRow:
    id: uuid.UUID
    code: str
    title: str
    issuer: str
    issued_on: dt.date
    stages: tuple[LifecycleStage, ...]
    industries: tuple[Industry, ...]
    honours: tuple[HonourLevel, ...]
    lines: tuple[PolicyLine, ...]
    conditions: str
    amount: Decimal | None
    active: bool
    pushes: int
    version: int

    @property
    def stages_text(self) -> str:
        return "、".join(s.label for s in self.stages)

    @property
    def lines_text(self) -> str:
        return "、".join(x.label for x in self.lines)


@dataclasses.dataclass(frozen=True)
class MatchRow:
    policy: PolicyRow
    reasons: tuple[str, ...]
    pushed_at: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class MatchResult:
    enterprise_id: uuid.UUID
    uscc: str
    name: str
    stage: LifecycleStage
    industry: Industry
    honours: tuple[HonourLevel, ...]
    matches: tuple[MatchRow, ...]


@dataclasses.dataclass(frozen=True)
class PushForm:
    enterprise_id: uuid.UUID
    policy_ids: tuple[uuid.UUID, ...]


def parse_amount(value: Decimal | str | None, field: str = "amount", *, required: bool = True) -> Decimal | None:
    """Yuan with at most two decimals, above zero: Decimal, never float."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("请填写金额", field=field)
        return None
    try:
        amount = Decimal(str(value).replace(",", "").replace("，", "").strip())
    except InvalidOperation:
        raise ValidationError(f"金额格式错误：{value}", field=field) from None
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        raise ValidationError("金额应大于 0 且小于一百万亿元", field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("金额最多两位小数", field=field)
    return amount.quantize(Decimal("0.01"))


def _policy_row(p: AlliancePolicy, pushes: int) -> PolicyRow:
    return PolicyRow(
        id=p.id,
        code=p.code,
        title=p.title,
        issuer=p.issuer,
        issued_on=p.issued_on,
        stages=tuple(LifecycleStage(x) for x in p.stages),
        industries=tuple(Industry(x) for x in p.industries),
        honours=tuple(HonourLevel(x) for x in p.honours),
        lines=tuple(PolicyLine(x) for x in p.lines),
        conditions=p.conditions,
        amount=p.amount,
        active=p.active,
        pushes=pushes,
        version=p.version,
    )


def validate_policy(form: PolicyForm, *, today: dt.date) -> dict[str, object]:
    code = text(form.code, "code", "政策编号", required=True, limit=20)
    stages = picks(LifecycleStage, form.stages, "stages")
    if not stages:
        raise ValidationError("请至少选择一个生命周期阶段", field="stages")
    check_day(form.issued_on, "issued_on", "发布日期", today=today)
    return {
        "code": code,
        "title": text(form.title, "title", "政策名称", required=True, limit=300),
        "issuer": text(form.issuer, "issuer", "发布单位", required=True, limit=100),
        "issued_on": form.issued_on,
        "stages": [s.value for s in stages],
        "industries": [x.value for x in picks(Industry, form.industries, "industries")],
        "honours": [x.value for x in picks(HonourLevel, form.honours, "honours")],
        "lines": [x.value for x in picks(PolicyLine, form.lines, "lines")],
        "conditions": text(form.conditions, "conditions", "申报条件"),
        "amount": parse_amount(form.amount, required=False),
        "active": form.active,
    }


def store_policy(session: Session, form: PolicyForm, *, now: dt.datetime) -> tuple[AlliancePolicy, bool]:
    values = validate_policy(form, today=local_date(now))
    if form.policy_id is None:
        if session.scalars(select(AlliancePolicy.id).where(AlliancePolicy.code == values["code"])).first():
            raise ValidationError(f"政策编号 {values['code']} 已存在", field="code")
        policy = AlliancePolicy(id=uuid.uuid4(), created_at=now, updated_at=now, **values)
        session.add(policy)
        return policy, True
    policy = get_or_404(session, AlliancePolicy, form.policy_id, "政策")
    check_version(policy, form.version)
    for key, value in values.items():
        setattr(policy, key, value)
    policy.updated_at = now
    return policy, False


def save_policy(db: Database, actor: Actor, form: PolicyForm, *, now: dt.datetime) -> uuid.UUID:
    actor.require(EDIT)
    with unit_of_work(db, actor, now=now) as work:
        policy, created = store_policy(work.session, form, now=now)
        work.session.flush()
        work.audit(
            "create" if created else "update", "alliance_policy", policy.id, f"政策：{policy.code} {policy.title}"
        )
        return policy.id


def list_policies(
    db: Database, actor: Actor, *, stage: str | None = None, line: str | None = None, search: str = ""
) -> list[PolicyRow]:
    """The library in code order; JSON lists are filtered in Python (177 rows)."""
    actor.require(VIEW)
    wanted_stage = pick(LifecycleStage, stage, "stage").value if stage else None
    wanted_line = pick(PolicyLine, line, "line").value if line else None
    with db.session() as s:
        counts = dict(
            s.execute(select(AlliancePolicyPush.policy_id, func.count()).group_by(AlliancePolicyPush.policy_id))
            .tuples()
            .all()
        )
        q = select(AlliancePolicy).order_by(AlliancePolicy.code)
        if search.strip():
            q = q.where(AlliancePolicy.title.contains(search.strip()) | (AlliancePolicy.code == search.strip()))
        out = []
        for p in s.scalars(q):
            if wanted_stage and wanted_stage not in p.stages:
                continue
            if wanted_line and wanted_line not in p.lines:
                continue
            out.append(_policy_row(p, counts.get(p.id, 0)))
        return out


def _enterprise_by_uscc(session: Session, uscc: str) -> Enterprise:
    code = normalize_uscc(uscc, field="uscc")
    e = session.scalars(select(Enterprise).where(Enterprise.uscc == code)).first()
    if e is None:
        raise NotFound(f"未找到统一社会信用代码为 {code} 的企业", field="uscc")
    return e


def match(db: Database, actor: Actor, *, uscc: str = "", enterprise_id: uuid.UUID | None = None) -> MatchResult:
    """The policies that fit a member, most specific first, with the day each was pushed to it."""
    actor.require(VIEW)
    with db.session() as s:
        if enterprise_id is not None:
            e = get_or_404(s, Enterprise, enterprise_id, "企业")
        else:
            e = _enterprise_by_uscc(s, uscc)
        member = s.scalars(select(AllianceMember).where(AllianceMember.enterprise_id == e.id)).first()
        if member is None:
            raise ValidationError(f"{e.name}不是联盟成员，没有生命周期阶段和行业，无法匹配政策", field="uscc")
        honours = frozenset(
            HonourLevel(h) for h in s.scalars(select(AllianceHonour.level).where(AllianceHonour.enterprise_id == e.id))
        )
        profile = EnterpriseProfile(LifecycleStage(member.stage), Industry(member.industry), honours)
        policies = {p.code: p for p in s.scalars(select(AlliancePolicy))}
        facts = [
            PolicyFacts(
                p.code,
                p.title,
                p.issued_on,
                frozenset(LifecycleStage(x) for x in p.stages),
                frozenset(Industry(x) for x in p.industries),
                frozenset(HonourLevel(x) for x in p.honours),
                frozenset(PolicyLine(x) for x in p.lines),
                p.amount,
                p.active,
            )
            for p in policies.values()
        ]
        pushed = dict(
            s.execute(
                select(AlliancePolicyPush.policy_id, AlliancePolicyPush.pushed_at).where(
                    AlliancePolicyPush.enterprise_id == e.id
                )
            )
            .tuples()
            .all()
        )
        rows = []
        for m in match_policies(profile, facts):
            p = policies[m.code]
            rows.append(MatchRow(_policy_row(p, 0), m.reasons, pushed.get(p.id)))
        return MatchResult(
            e.id,
            e.uscc or "",
            e.name,
            profile.stage,
            profile.industry,
            tuple(sorted(honours, key=lambda h: h.rank)),
            tuple(rows),
        )


def push(db: Database, actor: Actor, form: PushForm, *, now: dt.datetime) -> int:
    """Record policies pushed to an enterprise (each once); returns how many were new."""
    actor.require(EDIT)
    if not form.policy_ids:
        raise ValidationError("请选择要推送的政策", field="policies")
    with unit_of_work(db, actor, now=now) as work:
        s = work.session
        e = get_or_404(s, Enterprise, form.enterprise_id, "企业")
        already = set(
            s.scalars(select(AlliancePolicyPush.policy_id).where(AlliancePolicyPush.enterprise_id == e.id)).all()
        )
        new = 0
        for pid in dict.fromkeys(form.policy_ids):
            get_or_404(s, AlliancePolicy, pid, "政策")
            if pid in already:
                continue
            s.add(
                AlliancePolicyPush(
                    id=uuid.uuid4(), policy_id=pid, enterprise_id=e.id, pushed_at=now, by=actor.full_name
                )
            )
            new += 1
        work.audit("create", "alliance_policy_push", e.id, f"向{e.name}推送政策 {new} 条", after={"new": new})
        return new
