"""All models, imported here so that ``Base.metadata`` knows every table (Alembic needs it)."""

from laoshan_desk.store.models.audit import AuditRecord
from laoshan_desk.store.models.calendar import CalendarOverride, CalendarYear
from laoshan_desk.store.models.drafts import Draft
from laoshan_desk.store.models.org import Grid, Unit
from laoshan_desk.store.models.settings import Setting
from laoshan_desk.store.models.users import User

__all__ = [
    "AuditRecord",
    "CalendarOverride",
    "CalendarYear",
    "Draft",
    "Grid",
    "Setting",
    "Unit",
    "User",
]
