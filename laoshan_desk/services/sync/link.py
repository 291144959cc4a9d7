"""Linking a street office's desk to the district database, and one sync (push, then pull).

``link`` is done once, by an admin, on a new desk database: the hub registers the desk as a peer
of its street with a fresh signing key; the desk takes the hub's reference data (so units, users
and the calendar have the hub's ids) and the street's appeals, and from then on every registered
service call made on it goes into its outbox. The hub's password is not kept in the desk's
database: :mod:`.credentials` puts it in libpq's password file. ``unlink`` removes that password
and the hub's address; the desk keeps its data and its waiting changes, and ``link`` again (same
street) carries on with the same outbox.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import uuid

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from laoshan_desk.domain.errors import ConflictError, DeskError, ValidationError
from laoshan_desk.services import uow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.sync import credentials, outbox, pull, push, rows
from laoshan_desk.services.sync.transport import DirectHub
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import Unit, User
from laoshan_desk.store.models.appeals import Appeal
from laoshan_desk.store.models.sync import SyncLink, SyncPeer

ADMIN = "admin.edit"
OFFLINE = "离线：无法连接区级数据库（{}），改动已保存在本窗口，连通后再同步"
NOT_NEW = "本窗口数据库中已有诉求或用户，只能用新建的数据库连接区级数据库"
UNLINKED = "本窗口已断开与区级数据库的连接（改动仍保存在本窗口），请重新执行 laoshan-desk link"
OTHER_STREET_LINK = "本窗口原先连接的是{}，只能重新连接同一街道"
OWNER_LOGIN = (
    "连接区级数据库所用的登录“{}”是{}，不受行级安全限制，街道窗口可绕过服务改写全区数据；"
    "请用 laoshan-desk hub add-street-login 建立的街道登录连接（确需如此，加 --allow-owner-login）"
)
# Whether the login is a superuser, may bypass row-level security, or owns the tables (directly
# or through a role it belongs to): row-level security does not hold it (docs/hall.md).
_LOGIN_POWERS = text(
    "SELECT r.rolsuper, r.rolbypassrls, pg_has_role(current_user, c.relowner, 'MEMBER') "
    "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'appeal'::regclass"
)


@dataclasses.dataclass(frozen=True)
class LinkReport:
    street: str
    peer_id: uuid.UUID
    pulled: pull.PullReport
    warning: str = ""  # linked with a login row-level security does not limit (allowed)


def hub_login_problem(hub: Database) -> str:
    """Why the login in the hub's URL must not be a street desk's ("" when it may): a superuser,
    a login that bypasses row-level security, or the owner of the tables."""
    if hub.dialect != "postgresql":
        return ""
    with hub.session() as s:
        row = s.execute(_LOGIN_POWERS).first()
        who = str(s.scalar(text("SELECT current_user")))
    if row is None:
        return ""
    superuser, bypass, owner = row
    what = "超级用户" if superuser else "可绕过行级安全的登录" if bypass else "数据表的所有者" if owner else ""
    return OWNER_LOGIN.format(who, what) if what else ""


def connect(url: str) -> Database:
    """The district database at ``url``, answering; a DeskError (field ``db``) when it is not."""
    try:
        hub = Database(url)
        with hub.session() as s:
            s.execute(text("SELECT 1"))
    except DeskError:
        raise
    except DBAPIError as exc:
        raise ConflictError(OFFLINE.format(" ".join(str(exc.orig).split())[:120])) from None
    return hub


def link(
    desk: Database, actor: Actor, hub: Database, street: str, *, now: dt.datetime, allow_owner: bool = False
) -> LinkReport:
    """``laoshan-desk link URL --street 沙子口街道`` on a new desk database. A hub login that
    row-level security does not limit (the tables' owner, a superuser) is refused unless
    ``allow_owner``; then the report carries the warning."""
    actor.require(ADMIN)
    warning = hub_login_problem(hub)
    if warning and not allow_owner:
        raise ValidationError(warning, field="db")
    with hub.session() as s:
        unit = s.scalars(select(Unit).where(Unit.kind == "street", Unit.name == street.strip())).first()
        if unit is None:
            raise ValidationError(f"区级数据库中没有街道“{street}”", field="street")
        street_id, street_name = unit.id, unit.name
    with desk.session() as s:
        existing = outbox.link_of(s)
        if existing is not None and existing.hub_url:
            raise ValidationError("本窗口已连接区级数据库", field="db")
    if existing is not None:
        return dataclasses.replace(_relink(desk, actor, hub, street_id, now=now), warning=warning)
    with desk.session() as s:
        if (s.scalar(select(func.count()).select_from(Appeal)) or 0) or (
            s.scalar(select(func.count()).select_from(User)) or 0
        ):
            raise ValidationError(NOT_NEW, field="db")
    peer_id, key = uuid.uuid4(), secrets.token_hex(32)
    with uow.unit_of_work(hub, actor, now) as work:
        work.session.add(SyncPeer(id=peer_id, street_id=street_id, key=key, linked_at=now))
        work.audit("create", "sync_peer", peer_id, f"连接{street_name}街道窗口")
    try:
        with uow.unit_of_work(desk, actor, now) as work:
            s = work.session
            if desk.dialect == "sqlite":
                s.execute(text("PRAGMA defer_foreign_keys=ON"))
            # The desk's own reference load made other ids: the hub's replace them.
            for name in reversed(rows.REFERENCE):
                s.execute(rows.table(name).delete())
            s.add(
                SyncLink(
                    id=1,
                    peer_id=peer_id,
                    hub_url=credentials.keep(hub.url),
                    street_id=street_id,
                    street_name=street_name,
                    key=key,
                    watermark=0,
                    linked_at=now,
                    last_error="",
                )
            )
            work.audit("create", "sync_link", peer_id, f"本窗口连接区级数据库（{street_name}）")
    except IntegrityError:
        raise ValidationError(NOT_NEW, field="db") from None
    pulled = pull.pull(desk, DirectHub(hub), now=now)
    return LinkReport(street_name, peer_id, pulled, warning)


def _relink(desk: Database, actor: Actor, hub: Database, street_id: uuid.UUID, *, now: dt.datetime) -> LinkReport:
    """``link`` again after ``unlink``: the same street, the same peer at the hub, the same outbox."""
    with uow.unit_of_work(desk, actor, now) as work:
        row = outbox.link_of(work.session)
        if row is None:
            raise ConflictError(outbox.NOT_LINKED)
        if row.street_id != street_id:
            raise ValidationError(OTHER_STREET_LINK.format(row.street_name), field="street")
        push.peer_of(hub, row.peer_id)  # the hub still knows this desk
        row.hub_url, row.last_error = credentials.keep(hub.url), ""
        work.audit("update", "sync_link", row.peer_id, f"本窗口重新连接区级数据库（{row.street_name}）")
        peer_id, street_name = row.peer_id, row.street_name
    return LinkReport(street_name, peer_id, pull.pull(desk, DirectHub(hub), now=now))


def unlink(desk: Database, actor: Actor, *, now: dt.datetime) -> bool:
    """``laoshan-desk unlink``: forget the hub's address and remove its password from the password
    file; returns whether a password was removed. The desk's data and outbox stay."""
    actor.require(ADMIN)
    with uow.unit_of_work(desk, actor, now) as work:
        row = outbox.link_of(work.session)
        if row is None:
            raise ValidationError(outbox.NOT_LINKED, field="db")
        url, row.hub_url, row.last_error = row.hub_url, "", UNLINKED
        work.audit("update", "sync_link", row.peer_id, f"本窗口断开与区级数据库的连接（{row.street_name}）")
    return credentials.forget(url) if url else False


@dataclasses.dataclass(frozen=True)
class SyncReport:
    pushed: push.PushReport
    pulled: pull.PullReport


def sync_now(desk: Database, actor: Actor, *, now: dt.datetime, hub: Database | None = None) -> SyncReport:
    """``sync``: push the outbox, then pull the street's share. Offline: a ConflictError saying
    so (the outbox keeps everything); the reason is kept for the status bar."""
    with desk.session() as s:
        link_row = outbox.link_of(s)
        if link_row is None:
            raise ConflictError(outbox.NOT_LINKED)
        url = link_row.hub_url
    if not url and hub is None:
        raise ConflictError(UNLINKED)
    opened = hub is None
    try:
        target = connect(url) if hub is None else hub
        try:
            pushed = push.push(desk, DirectHub(target), now=now)
            pulled = pull.pull(desk, DirectHub(target), now=now)
        except DBAPIError as exc:
            raise ConflictError(OFFLINE.format(" ".join(str(exc.orig).split())[:120])) from None
        finally:
            if opened:
                target.dispose()
    except DeskError as exc:
        _remember_error(desk, exc.message)
        raise
    return SyncReport(pushed, pulled)


def _remember_error(desk: Database, message: str) -> None:
    with desk.session(write=True) as s:
        row = outbox.link_of(s)
        if row is not None:
            row.last_error = message[:500]
