"""Reading and checking the audit log (admins only), and auditing what is only read.

Prints, exports and showing a personal number in full change nothing in the database but are
still recorded here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select

from laoshan_desk.services import audit_chain
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import AuditRecord

ACTION_LABELS = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "print": "打印",
    "export": "导出",
    "import": "导入",
    "login": "登录",
    "login_failed": "登录失败",
    "password_failed": "修改密码失败",
    "view_full": "查看完整号码",
    "backup": "备份",
    "restore": "恢复",
    "migrate": "升级数据库",
    "logout": "退出",
    "lock": "锁屏",
}


# What the viewer shows in the 对象 column; an entity not listed shows its code.
ENTITY_LABELS = {
    "user": "用户",
    "unit": "单位",
    "organisation": "组织机构",
    "setting": "设置",
    "calendar_override": "工作日调整",
    "calendar_year": "年度调休",
    "database": "数据库",
    "session": "会话",
    "approval_item": "审批事项",
    "approval_project": "审批项目",
    "approval_project_item": "项目事项",
    "approval_log_entry": "专班台账",
    "approval_certificate": "证照",
    "approval_bulletin": "周通报",
    "approval_dispatch": "日调度",
    "appeal": "诉求",
    "appeal_supervision": "督办",
    "appeal_brief": "工作简报",
    "attachment": "附件",
    "sms_message": "短信",
    "sms_outbox": "短信发件箱",
    "proxy_service": "帮代办事项",
    "proxy_task": "帮代办任务",
    "pres_case": "保全案件",
    "pres_party": "被申请人",
    "pres_asset": "被申请人财产",
    "pres_guarantee": "担保",
    "pres_measure": "保全措施",
    "pres_release": "解除保全",
    "enterprise": "企业档案",
    "alliance_member": "联盟成员",
    "alliance_honour": "企业荣誉",
    "alliance_request": "打假协助请求",
    "alliance_complaint": "投诉举报",
    "alliance_spot_plan": "抽检计划",
    "alliance_spot_batch": "抽检批次",
    "alliance_policy": "惠企政策",
    "alliance_policy_push": "政策推送",
    "alliance_award": "奖励兑现",
    "alliance_seminar": "专题研讨",
    "alliance_report": "联盟季度报告",
}


def record(
    db: Database,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: Any = None,
    summary: str = "",
    after: dict[str, Any] | None = None,
    *,
    now: dt.datetime,
) -> None:
    """A record on its own: printing a notice, exporting a ledger, showing a full number."""
    with unit_of_work(db, actor, now) as work:
        work.audit(action, entity, entity_id, summary, after=after)


@dataclasses.dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str | None
    summary: str
    before: Any
    after: Any

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)


def page(
    db: Database,
    actor: Actor,
    *,
    offset: int = 0,
    limit: int = 200,
    action: str | None = None,
    username: str | None = None,
    text: str | None = None,
) -> tuple[list[AuditRow], int]:
    """Newest first, filtered in SQL; returns one page and the total count."""
    actor.require("audit.view")
    with db.session() as session:
        q = select(AuditRecord)
        if action:
            q = q.where(AuditRecord.action == action)
        if username:
            q = q.where(AuditRecord.username.contains(username))
        if text:
            q = q.where(AuditRecord.summary.contains(text))
        total = session.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = session.scalars(q.order_by(AuditRecord.seq.desc()).offset(offset).limit(limit)).all()
        return [
            AuditRow(r.seq, r.at, r.username, r.action, r.entity, r.entity_id, r.summary, r.before, r.after)
            for r in rows
        ], total


def verify_chain(db: Database, actor: Actor, *, now: dt.datetime) -> audit_chain.ChainReport:
    """Check the whole chain; a whole chain's head is anchored outside the database as well."""
    actor.require("audit.view")
    with db.session() as session:
        report = audit_chain.verify(session)
        if report.ok:
            audit_chain.anchor_head(session, why="verify", now=now)
        return report


def records_for(db: Database, actor: Actor, entity: str, entity_id: uuid.UUID | str) -> list[AuditRow]:
    """The history of one record, oldest first (admins only: the audit log is theirs to read)."""
    actor.require("audit.view")
    with db.session() as session:
        q = select(AuditRecord).where(AuditRecord.entity == entity, AuditRecord.entity_id == str(entity_id))
        return [
            AuditRow(r.seq, r.at, r.username, r.action, r.entity, r.entity_id, r.summary, r.before, r.after)
            for r in session.scalars(q.order_by(AuditRecord.seq))
        ]
