"""All models. Every module of this package is imported here so that ``Base.metadata`` knows
every table (Alembic and the tests need it); an area adds its tables by adding a module.
"""

import importlib
import pkgutil

from laoshan_desk.store.models.audit import AuditRecord
from laoshan_desk.store.models.calendar import CalendarOverride, CalendarYear
from laoshan_desk.store.models.drafts import Draft
from laoshan_desk.store.models.org import Grid, Unit
from laoshan_desk.store.models.settings import Setting
from laoshan_desk.store.models.users import User

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["AuditRecord", "CalendarOverride", "CalendarYear", "Draft", "Grid", "Setting", "Unit", "User"]
