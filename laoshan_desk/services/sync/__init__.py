"""Street offices that work offline: the outbox, push, pull, conflicts and the transports
(docs/hall.md). Importing this package registers the commit hooks (the desk's outbox, the hub's
applied changes) with :mod:`laoshan_desk.services.uow`.

    outbox     the commit hook recording each registered service call; the status bar's status
    codec      forms and rows as JSON
    rows       reading and writing the rows a pull carries
    push       the hub replays changes through the same services; the desk records the answers
    files      attached files by content hash, sent once; pruning what nothing names
    pull       the street's share since the watermark; applied in one transaction per batch
    conflicts  同步冲突: list and resolve (keep mine / keep theirs / field by field)
    transport  the link (DirectHub) and the signed file route
    link       linking a new desk; one sync (push, then pull); unlink
    credentials  the hub's password in libpq's password file, never in the database
    street_login  a street's PostgreSQL login, limited by row-level security
"""

from __future__ import annotations

from laoshan_desk.services.sync import conflicts, credentials, files, link, outbox, pull, push, street_login, transport
from laoshan_desk.services.sync.link import LinkReport, SyncReport, connect, sync_now
from laoshan_desk.services.sync.outbox import SyncStatus, status

__all__ = [
    "LinkReport",
    "SyncReport",
    "SyncStatus",
    "conflicts",
    "connect",
    "credentials",
    "files",
    "link",
    "outbox",
    "pull",
    "push",
    "status",
    "street_login",
    "sync_now",
    "transport",
]
