"""One appeal's detail dialog: :mod:`.dialog` shows the appeal, :mod:`.acting` runs its actions."""

from __future__ import annotations

from .acting import INPUTS, NO_DATE, DetailActionsBase
from .dialog import AppealDetailDialog, timeline_columns

__all__ = ["INPUTS", "NO_DATE", "AppealDetailDialog", "DetailActionsBase", "timeline_columns"]
