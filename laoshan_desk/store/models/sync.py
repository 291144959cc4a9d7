"""Street offices that work offline and synchronise with the district database (docs/hall.md).

On a street desk: its link to the hub (:class:`SyncLink`, one row), the outbox of service calls
made here and not yet accepted by the hub (:class:`OutboxEntry`), and the conflicts the hub
reported (:class:`SyncConflict`, both versions kept until a clerk resolves them).

On the hub: the street desks it knows and the key their files are signed with
(:class:`SyncPeer`), and every change it applied or refused, by change id
(:class:`AppliedChange`), so that replaying a change twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, Session, mapped_column

from laoshan_desk.store.base import Base


class SyncLink(Base):
    """This desk is a street office's: the hub it syncs with, its street, the pull watermark."""

    __tablename__ = "sync_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    peer_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # this desk, as the hub knows it
    hub_url: Mapped[str] = mapped_column(String(500), default="")
    street_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    street_name: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(128))  # HMAC-SHA256 key of the file route (hex)
    watermark: Mapped[int] = mapped_column(BigInteger, default=0)  # the hub's audit sequence pulled up to
    linked_at: Mapped[dt.datetime]
    last_sync_at: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")


def street_link(session: Session) -> SyncLink | None:
    """This desk's link when it is a street office's desk (None on the hub and on a plain desk)."""
    return session.get(SyncLink, 1)


class OutboxEntry(Base):
    """One service call made on this desk, recorded in the same transaction as its write."""

    __tablename__ = "sync_outbox"

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, unique=True)  # the order the changes were made in
    service: Mapped[str] = mapped_column(String(64))
    form: Mapped[dict[str, Any]] = mapped_column(JSON)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    username: Mapped[str] = mapped_column(String(50))
    base: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"appeal:<id>": version started from}
    at: Mapped[dt.datetime]
    # pending | applied | refused | conflict | resolved
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    # True once the rows the change touched were taken back from the hub (applied or not).
    refreshed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The files the change attached, [{"sha256", "name"}], in the form's order: sent by hash.
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class SyncConflict(Base):
    """A change the hub could not apply because its row had changed there: both versions."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    service: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    label: Mapped[str] = mapped_column(String(100), default="")  # the record's number, for the list
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)  # this desk's row as the change left it
    theirs: Mapped[dict[str, Any]] = mapped_column(JSON)  # the hub's row when it refused
    message: Mapped[str] = mapped_column(Text, default="")
    found_at: Mapped[dt.datetime]
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | resolved
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine | theirs | fields
    resolved_by: Mapped[str] = mapped_column(String(50), default="")
    resolved_at: Mapped[dt.datetime | None]


class SyncPeer(Base):
    """On the hub: a street desk linked to it, and the key of its signed files."""

    __tablename__ = "sync_peer"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)  # the desk's id, made at link time
    street_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    key: Mapped[str] = mapped_column(String(128))
    linked_at: Mapped[dt.datetime]


class AppliedChange(Base):
    """On the hub: a street desk's change it has taken (applied or refused), by change id."""

    __tablename__ = "sync_applied"

    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    peer_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    service: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))  # applied | refused
    message: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime]


class SyncFile(Base):
    """On the hub: a file a street desk attached, by content hash, sent once (docs/hall.md)."""

    __tablename__ = "sync_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    peer_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # the desk that sent it first
    received_at: Mapped[dt.datetime]


class StreetLogin(Base):
    """On the hub (PostgreSQL): a street desk's database login and the street it may change; the
    row-level security policies of migration 0032 read it (docs/hall.md, "A street's login")."""

    __tablename__ = "street_login"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    street_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    created_at: Mapped[dt.datetime]
