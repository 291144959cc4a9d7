"""Paints warning lights (a coloured dot and its word) in table cells."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from laoshan_desk.domain.lights import Light
from laoshan_desk.ui.common.roles import LightRole


class LightDelegate(QStyledItemDelegate):
    """Draws the light of ``LightRole`` (a Light, or its value as Qt hands it back) before the text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        raw: Any = index.data(LightRole)
        try:
            # Light is a str enum: Qt hands it back as a plain str.
            light = Light(raw) if raw else None
        except ValueError:
            light = None
        if light is None:
            super().paint(painter, option, index)
            return
        painter.save()
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:
            option.text = ""
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect
        d = min(12, rect.height() - 6)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#" + light.rgb))
        painter.drawEllipse(QRectF(rect.x() + 6, rect.y() + (rect.height() - d) / 2, d, d))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else option.palette.text().color())
        text = index.data(Qt.ItemDataRole.DisplayRole) or light.label
        painter.drawText(rect.adjusted(6 + d + 6, 0, -2, 0), int(Qt.AlignmentFlag.AlignVCenter), str(text))
        painter.restore()
