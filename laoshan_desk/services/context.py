"""Who is acting: the logged-in user as plain data, passed to every service function."""

from __future__ import annotations

import dataclasses
import getpass
import uuid

from laoshan_desk.domain.errors import PermissionDenied
from laoshan_desk.domain.roles import SCOPE, Role, can


@dataclasses.dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID | None
    username: str
    full_name: str
    role: Role
    unit_id: uuid.UUID | None = None
    street_id: uuid.UUID | None = None
    unit_name: str = ""

    @property
    def scope(self) -> str:
        return SCOPE[self.role]

    def may(self, permission: str) -> bool:
        return can(self.role, permission)

    def require(self, permission: str) -> None:
        """Refuse in the service layer what the UI would not have offered."""
        if not can(self.role, permission):
            raise PermissionDenied(f"当前角色“{self.role.label}”无权执行此操作（{permission}）")


def system_actor(job: str = "cli") -> Actor:
    """The actor of the command line and scheduled jobs: admin rights, named in the audit log."""
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service accounts
        who = "unknown"
    return Actor(user_id=None, username=f"{job}:{who}", full_name="命令行", role=Role.ADMIN)
