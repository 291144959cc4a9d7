"""The item-data roles the desk's table models answer beyond Qt's own."""

from __future__ import annotations

from PySide6.QtCore import Qt

# The raw row object (views ask for it to open the record).
RowRole = Qt.ItemDataRole.UserRole + 1
# The row's Light, painted by the light delegate.
LightRole = Qt.ItemDataRole.UserRole + 2
