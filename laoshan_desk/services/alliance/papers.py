"""The alliance's papers built from the database: each returns the PDF bytes (or writes the
workbook) and the :class:`~laoshan_desk.services.printing.Output` that names it; printing or saving
is audited once by the preview (services/printing.py), an export here after it was written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import select

from laoshan_desk.documents import alliance as docs
from laoshan_desk.domain.alliance.clocks import local_date
from laoshan_desk.domain.alliance.stats import QuarterTotals, format_percent
from laoshan_desk.domain.alliance.vocabulary import (
    ComplaintDecision,
    ComplaintOutcome,
    RejectReason,
    RequestStep,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.alliance.common import VIEW, get_or_404
from laoshan_desk.services.alliance.policies import match
from laoshan_desk.services.alliance.stats import quarterly
from laoshan_desk.services.context import Actor
from laoshan_desk.services.printing import Output, OutputKind, Paper, record_output
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceComplaint, AllianceMember, AllianceRequest, AllianceRequestStep
from laoshan_desk.store.models.enterprises import Enterprise


def coordination_letter(db: Database, actor: Actor, step_id: uuid.UUID, *, now: dt.datetime) -> Paper:
    """The 协查函 of one 发出协查函 step, to the bureau the step names."""
    actor.require(VIEW)
    with db.session() as s:
        step = get_or_404(s, AllianceRequestStep, step_id, "协查函")
        if step.step != RequestStep.LETTER.value or not step.letter_number:
            raise ValidationError("该步骤不是协查函", field="step")
        req = s.get(AllianceRequest, step.request_id)
        assert req is not None
        member = s.get(AllianceMember, req.member_id)
        assert member is not None
        enterprise = s.get(Enterprise, member.enterprise_id)
        assert enterprise is not None
        clues = [
            st.note
            for st in s.scalars(
                select(AllianceRequestStep)
                .where(AllianceRequestStep.request_id == req.id, AllianceRequestStep.n < step.n)
                .order_by(AllianceRequestStep.n)
            )
            if st.note
        ]
        data = docs.CoordinationLetterData(
            letter_number=step.letter_number,
            recipient=step.recipient or "",
            member=enterprise.name,
            brand=req.brand,
            products=req.products,
            places=req.places,
            clues="；".join(clues + [f"证据材料 {len(req.evidence)} 份"] if req.evidence else clues),
            officers=req.officers,
            contact=f"{member.liaison_name} {member.liaison_phone}".strip(),
            date=step.on,
            request_number=req.number,
        )
    title = f"协查函 {data.letter_number}"
    return Paper(docs.coordination_letter(data), Output("alliance_request", str(req.id), title), f"{title}.pdf")


def complaint_notice(db: Database, actor: Actor, complaint_id: uuid.UUID, *, now: dt.datetime) -> Paper:
    """受理告知书 or 不予受理告知书 after the decision; 调解终止书 once mediation ended or overran."""
    actor.require(VIEW)
    today = local_date(now)
    with db.session() as s:
        c = get_or_404(s, AllianceComplaint, complaint_id, "投诉")
        if c.decision not in (ComplaintDecision.ACCEPT.value, ComplaintDecision.REJECT.value):
            raise ValidationError("投诉作出受理或不予受理决定后才能打印告知书", field="decision")
        data = docs.NoticeData(
            number=c.number,
            complainant=c.complainant,
            respondent=c.enterprise_name or "被投诉人",
            received_at=c.received_at,
            date=today,
            reason=RejectReason(c.reject_reason).label if c.reject_reason else "",
            accepted_on=local_date(c.decided_at) if c.decided_at else None,
        )
        if c.decision == ComplaintDecision.REJECT.value:
            pdf, title = docs.rejection_notice(data), "投诉不予受理告知书"
        elif c.outcome == ComplaintOutcome.MEDIATION_ENDED.value or (
            c.finished_at is None and c.due_on is not None and today > c.due_on and not c.paused
        ):
            pdf, title = docs.termination_notice(dataclasses.replace(data, reason="")), "调解终止书"
        else:
            pdf, title = docs.acceptance_notice(data), "投诉受理告知书"
    full = f"{title} {c.number}"
    return Paper(pdf, Output("alliance_complaint", str(c.id), full), f"{full}.pdf")


def _line(t: QuarterTotals, label: str) -> docs.QuarterLine:
    by = dict(t.by_outcome)
    return docs.QuarterLine(
        label=label,
        actions=t.actions,
        batches=t.batches,
        tested=t.tested,
        conforming=t.conforming,
        conformity=format_percent(t.conformity_rate),
        complaints=t.complaints,
        on_time=format_percent(t.on_time_rate),
        agreements=by.get(ComplaintOutcome.AGREEMENT, 0),
        filed=by.get(ComplaintOutcome.FILED, 0),
        pushes=t.pushes,
        awards_paid=t.awards_paid,
    )


def _quarterly_data(db: Database, actor: Actor, first: dt.date, last: dt.date, now: dt.datetime) -> docs.QuarterlyData:
    report = quarterly(db, actor, first=first, last=last)
    return docs.QuarterlyData(
        first=report.first.label,
        last=report.last.label,
        lines=tuple(_line(r, r.quarter.label) for r in report.rows),
        total=_line(report.total, "合计"),
        date=local_date(now),
    )


def quarterly_pdf(db: Database, actor: Actor, *, first: dt.date, last: dt.date, now: dt.datetime) -> Paper:
    data = _quarterly_data(db, actor, first, last, now)
    title = f"兴商护航联盟季度报告（{data.first}至{data.last}）"
    return Paper(docs.quarterly_pdf(data), Output("alliance_report", None, title), f"{title}.pdf")


def quarterly_workbook(
    db: Database, actor: Actor, path: Path, *, first: dt.date, last: dt.date, now: dt.datetime
) -> Path:
    """Write the quarterly report workbook and audit the export."""
    actor.require(VIEW)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("文件应以 .xlsx 结尾", field="file")
    data = _quarterly_data(db, actor, first, last, now)
    docs.quarterly_workbook(data, path)
    record_output(
        db,
        actor,
        Output("alliance_report", None, f"兴商护航联盟季度报告（{data.first}至{data.last}）"),
        kind=OutputKind.EXPORT,
        target=path.name,
        now=now,
    )
    return path


def push_list(db: Database, actor: Actor, enterprise_id: uuid.UUID, *, now: dt.datetime) -> Paper:
    """The enterprise's policy push list: every policy that fits it, and when each was pushed."""
    result = match(db, actor, enterprise_id=enterprise_id)
    profile = " · ".join([result.stage.label, result.industry.label] + [h.label for h in result.honours[:3]])
    lines = tuple(
        docs.PushLine(
            m.policy.code,
            m.policy.title,
            m.policy.issuer,
            m.policy.stages_text,
            "—" if m.policy.amount is None else f"{m.policy.amount:,.2f}",
            "；".join(m.reasons),
            f"{local_date(m.pushed_at):%Y-%m-%d}" if m.pushed_at else "未推送",
        )
        for m in result.matches
    )
    data = docs.PushListData(result.name, result.uscc, profile, lines, local_date(now))
    title = f"政策推送清单 {result.name}"
    return Paper(docs.push_list(data), Output("enterprise", str(enterprise_id), title), f"{title}.pdf")
