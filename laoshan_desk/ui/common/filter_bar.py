"""A list's filter row: its choosers left to right, then a search box that takes the rest.

The appeal queue and the alliance's complaint list both open with one; an area builds its own
choosers and hands them here, so the row looks and behaves the same on every tab.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget


def filter_bar(choosers: Sequence[QWidget], placeholder: str) -> tuple[QHBoxLayout, QLineEdit]:
    """The row and its search box (with a clear button; ``placeholder`` says what it searches)."""
    row = QHBoxLayout()
    search = QLineEdit()
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    for widget in choosers:
        row.addWidget(widget)
    row.addWidget(search, 1)
    return row, search
