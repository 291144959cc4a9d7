"""The UI font: a CJK font the system has (Microsoft YaHei on Windows), else the bundled one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from laoshan_desk.config import RESOURCES

PREFERRED = ["Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]
BUNDLED = RESOURCES / "fonts" / "wqy-microhei.ttc"


def install_ui_font(app: QApplication, point_size: int = 10) -> str:
    families = set(QFontDatabase.families())
    family = next((f for f in PREFERRED if f in families), None)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(BUNDLED))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = loaded[0] if loaded else app.font().family()
    app.setFont(QFont(family, point_size))
    return family
