"""Kept while the areas move to :mod:`laoshan_desk.ui.common.table_model` (the one table idiom)."""

from laoshan_desk.ui.common.table_model import ColumnSpec, LightRole, PagedTableModel, RowRole

__all__ = ["ColumnSpec", "LightRole", "PagedTableModel", "RowRole"]
