"""Certificates (证照) printed for finished items, and checking a printed one by its code.

The verification code is an HMAC of the certificate number, item code and the holder's USCC
keyed with the desk's secret (:func:`laoshan_desk.domain.approvals.verification_code`); the
secret is made once per database and kept in the settings table. A code is checked by looking
it up *and* recomputing it from the stored fields, so a row edited behind the desk's back no
longer verifies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.approvals import (
    ItemStatus,
    check_verification_code,
    format_verification_code,
    normalise_verification_code,
    verification_code,
)
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services.approvals.common import NoCertificate, _item, _project
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Setting
from laoshan_desk.store.models.approvals import ApprovalProject, Certificate, ProjectItem

SECRET_KEY = "approvals.certificate_secret"
ISSUER = "青岛市崂山区行政审批服务局"

GENUINE, REVOKED, UNKNOWN = "genuine", "revoked", "unknown"
VERDICT_LABELS = {
    GENUINE: "真实有效：证照由本系统出具且现行有效",
    REVOKED: "已撤销：证照曾由本系统出具，但已被撤销或注销，不再有效",
    UNKNOWN: "查无此证：本系统没有出具过该核验码对应的证照，请警惕伪造",
}


def _secret(session: Session, *, create: bool) -> str | None:
    row = session.get(Setting, SECRET_KEY)
    if row is not None:
        return str(row.value)
    if not create:
        return None
    value = secrets.token_hex(32)
    session.add(Setting(key=SECRET_KEY, value=value))
    session.flush()
    return value


@dataclasses.dataclass(frozen=True)
class CertificateInfo:
    id: uuid.UUID
    number: str
    verification_code: str
    title: str
    holder: str
    credit_code: str
    item_code: str
    item_name: str
    department: str
    project_name: str
    project_number: str
    issued_on: dt.date
    issued_by: str
    revoked: bool
    revoked_reason: str

    @property
    def code_display(self) -> str:
        return format_verification_code(self.verification_code)


@dataclasses.dataclass(frozen=True)
class Verdict:
    status: str  # genuine | revoked | unknown
    code: str
    certificate: CertificateInfo | None = None

    @property
    def message(self) -> str:
        return VERDICT_LABELS[self.status]

    @property
    def genuine(self) -> bool:
        return self.status == GENUINE


def _info(session: Session, c: Certificate) -> CertificateInfo:
    item = session.get(ProjectItem, c.item_id)
    project = session.get(ApprovalProject, c.project_id)
    return CertificateInfo(
        id=c.id,
        number=c.number,
        verification_code=c.verification_code,
        title=c.title,
        holder=c.holder,
        credit_code=c.credit_code,
        item_code=c.item_code,
        item_name=item.name if item else c.item_code,
        department=c.department,
        project_name=project.name if project else "",
        project_number=project.number if project else "",
        issued_on=c.issued_on,
        issued_by=c.issued_by,
        revoked=c.revoked_at is not None,
        revoked_reason=c.revoked_reason,
    )


def issue_certificate(
    db: Database, actor: Actor, item_id: uuid.UUID, *, issued_on: dt.date | None = None, now: dt.datetime | None = None
) -> CertificateInfo:
    """Issue the licence of a ticked-off item: number, verification code, audit. One current
    certificate per item: issuing again returns the one already issued."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor, now) as work:
        s = work.session
        item, project = _item(s, actor, item_id, own_department=True)
        if item.status != ItemStatus.DONE.value:
            raise ValidationError(f"事项“{item.name}”尚未销号，不能出具证照")
        if not item.certificate:
            raise NoCertificate(f"事项“{item.name}”不颁发证照（办结即可）")
        current = s.scalar(select(Certificate).where(Certificate.item_id == item.id, Certificate.revoked_at.is_(None)))
        if current is not None:
            return _info(s, current)
        day = issued_on or work.now.date()
        serial = (s.scalar(select(func.count()).select_from(Certificate)) or 0) + 1
        number = f"崂审证〔{day.year}〕{serial:05d}号"
        secret = _secret(s, create=True)
        assert secret is not None
        code = verification_code(secret, number, item.code, project.credit_code)
        cert = Certificate(
            id=uuid.uuid4(),
            number=number,
            verification_code=code,
            project_id=project.id,
            item_id=item.id,
            item_code=item.code,
            title=item.certificate,
            holder=project.enterprise,
            credit_code=project.credit_code,
            department=item.department,
            issued_on=day,
            issued_at=work.now,
            issued_by=actor.full_name or actor.username,
        )
        s.add(cert)
        s.flush()
        work.audit(
            "create",
            "approval_certificate",
            cert.id,
            f"{project.number} 出具证照 {number}：{item.certificate}（{project.enterprise}）"[:300],
            after={"number": number, "item": item.code, "holder": project.enterprise},
        )
        return _info(s, cert)


def get_certificate(db: Database, actor: Actor, certificate_id: uuid.UUID) -> CertificateInfo:
    with db.session() as session:
        c = session.get(Certificate, certificate_id)
        if c is None:
            raise NotFound("证照不存在")
        _project(session, actor, c.project_id)
        return _info(session, c)


def revoke(db: Database, actor: Actor, certificate_id: uuid.UUID, reason: str) -> None:
    actor.require("approvals.edit")
    text = (reason or "").strip()
    if not text:
        raise ValidationError("请填写撤销原因", field="reason")
    with unit_of_work(db, actor) as work:
        c = work.session.get(Certificate, certificate_id)
        if c is None:
            raise NotFound("证照不存在")
        _project(work.session, actor, c.project_id)
        if c.revoked_at is not None:
            raise ValidationError(f"证照 {c.number} 已于 {c.revoked_at:%Y-%m-%d} 撤销")
        c.revoked_at, c.revoked_by, c.revoked_reason = work.now, actor.username, text[:300]
        work.audit(
            "update",
            "approval_certificate",
            c.id,
            f"撤销证照 {c.number}：{text}"[:300],
            after={"revoked": True, "reason": text},
        )


def verify(db: Database, code: str) -> Verdict:
    """Is a printed certificate genuine and current? Anyone may ask (it is what the QR is for).

    Raises ValidationError when ``code`` cannot be a verification code at all (wrong length or
    characters), so a typing slip is told apart from an unknown certificate.
    """
    compact = normalise_verification_code(code)
    with db.session() as session:
        c = session.scalar(select(Certificate).where(Certificate.verification_code == compact))
        secret = _secret(session, create=False)
        if (
            c is None
            or secret is None
            or not check_verification_code(compact, secret, c.number, c.item_code, c.credit_code)
        ):
            return Verdict(UNKNOWN, compact)
        info = _info(session, c)
        return Verdict(REVOKED if info.revoked else GENUINE, compact, info)


def certificate_pdf(db: Database, actor: Actor, certificate_id: uuid.UUID, *, record: bool = True) -> bytes:
    """The licence PDF with the QR code; printing it is audited."""
    from laoshan_desk.documents import approvals as docs
    from laoshan_desk.services import audit

    info = get_certificate(db, actor, certificate_id)
    with db.session() as session:
        item = session.get(Certificate, certificate_id)
        project = session.get(ApprovalProject, item.project_id) if item else None
        address = project.address if project else ""
    data = docs.certificate_pdf(info, issuer=ISSUER, address=address, today=clock_now().date())
    if record:
        audit.record(db, actor, "print", "approval_certificate", certificate_id, f"打印证照 {info.number}")
    return data
