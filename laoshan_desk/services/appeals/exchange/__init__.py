"""Exchange with the city platform (青诉即办): Excel import of appeals (:mod:`.platform_import`) and
the ledger (诉求台账) export (:mod:`.ledger`)."""

from __future__ import annotations

from .ledger import LEDGER_COLUMNS, export_ledger
from .platform_import import OPTIONAL, REQUIRED, ImportReport, Rejected, import_appeals

__all__ = [
    "ImportReport",
    "LEDGER_COLUMNS",
    "OPTIONAL",
    "REQUIRED",
    "Rejected",
    "export_ledger",
    "import_appeals",
]
