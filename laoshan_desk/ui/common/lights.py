"""Warning lights in table cells: a coloured dot before the light's word.

The dot is the cell's decoration (``Qt.DecorationRole``), one cached pixmap per colour, so Qt's
own delegate paints it in C++: a Python delegate painting each light cell cost the queue's first
paint several milliseconds (72 light cells on a 1080p screen).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap

from laoshan_desk.domain.lights import Light

DOT = 12  # the dot's diameter in device-independent pixels, in a 16-pixel icon
_dots: dict[tuple[str, float], QPixmap] = {}


def light_dot(light: Light | str | None) -> QPixmap | None:
    """The dot of ``light`` (a Light, or its value as Qt hands it back); None for no light."""
    try:
        value = Light(light) if light else None  # Light is a str enum: Qt may hand back a str
    except ValueError:
        value = None
    if value is None:
        return None
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    key = (value.rgb, ratio)
    dot = _dots.get(key)
    if dot is None:
        dot = QPixmap(round(16 * ratio), round(16 * ratio))
        dot.setDevicePixelRatio(ratio)
        dot.fill(Qt.GlobalColor.transparent)
        painter = QPainter(dot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#" + value.rgb))
        painter.drawEllipse(QRectF((16 - DOT) / 2, (16 - DOT) / 2, DOT, DOT))
        painter.end()
        _dots[key] = dot
    return dot
