"""Exchange with the city platform (青诉即办): Excel import of appeals (:mod:`.platform_import`) and
the ledger (诉求台账) export (:mod:`.ledger`). An import reports in the desk's one
:class:`~laoshan_desk.services.imports.ImportReport`, re-exported here."""

from __future__ import annotations

from laoshan_desk.services.imports import ImportReport, Rejected

from .ledger import LEDGER_COLUMNS, export_ledger
from .platform_import import OPTIONAL, REQUIRED, import_appeals

__all__ = [
    "ImportReport",
    "LEDGER_COLUMNS",
    "OPTIONAL",
    "REQUIRED",
    "Rejected",
    "export_ledger",
    "import_appeals",
]
