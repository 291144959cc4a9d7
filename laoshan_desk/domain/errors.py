"""The error every layer raises for a person to read.

``DeskError`` carries a Chinese message for the clerk, a stable ``code`` for tests and logs, and
optional ``field`` naming the form field the message belongs next to.
"""

from __future__ import annotations


class DeskError(Exception):
    """A refusal the clerk should read: bad input, no permission, a rule broken."""

    code = "desk_error"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code


class ValidationError(DeskError):
    code = "invalid"


class PermissionDenied(DeskError):
    code = "forbidden"


class NotFound(DeskError):
    code = "not_found"


class ConflictError(DeskError):
    """Somebody else changed the row since it was read (no lost updates)."""

    code = "conflict"


class BusyError(DeskError):
    """The database is busy (another desk holds the write lock, or an admin is restoring it).

    Nothing was saved; the form keeps what was typed and the clerk tries again.
    """

    code = "busy"


BUSY_MESSAGE = "数据库正忙（另一台窗口正在导入），请稍后重试"
