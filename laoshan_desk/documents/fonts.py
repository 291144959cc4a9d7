"""CJK TrueType fonts for the PDFs, found on the system or taken from resources/fonts.

Official documents want 仿宋 (body), 小标宋/宋体 (title) and 黑体 (headings); Windows has them
in C:\\Windows\\Fonts. On a machine without them (a fresh Linux box, CI) the bundled
WenQuanYi Micro Hei is used for all three, so Chinese always renders and is always embedded.
reportlab embeds TrueType (.ttf/.ttc) but not CFF (.otf) outlines, so only those are looked for.
"""

from __future__ import annotations

import dataclasses
import os
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from laoshan_desk.config import RESOURCES

BUNDLED = RESOURCES / "fonts" / "wqy-microhei.ttc"

_SYSTEM_DIRS = [
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
    Path("/usr/share/fonts/truetype"),
    Path("/usr/share/fonts"),
    Path.home() / ".fonts",
]

# role -> candidate files (first found wins)
_CANDIDATES = {
    "body": ["simfang.ttf", "STFANGSO.TTF", "FangSong.ttf"],
    "title": ["FZXBSJW.TTF", "simsun.ttc", "STSONG.TTF", "SimSun.ttf"],
    "heading": ["simhei.ttf", "STHeiti.ttf", "SimHei.ttf"],
}


@dataclasses.dataclass(frozen=True)
class FontSet:
    body: str
    title: str
    heading: str
    files: dict[str, str]


def _find(name: str) -> Path | None:
    for folder in _SYSTEM_DIRS:
        if not folder.is_dir():
            continue
        direct = folder / name
        if direct.is_file():
            return direct
        for found in folder.rglob(name):
            return found
    return None


def _register(alias: str, path: Path) -> str:
    if alias not in pdfmetrics.getRegisteredFontNames():
        kwargs = {"subfontIndex": 0} if path.suffix.lower() == ".ttc" else {}
        pdfmetrics.registerFont(TTFont(alias, str(path), **kwargs))
    return alias


@lru_cache(maxsize=1)
def font_set() -> FontSet:
    """Register and return the fonts; honours LAOSHAN_DESK_BUNDLED_FONT_ONLY=1 (tests, CI)."""
    only_bundled = os.environ.get("LAOSHAN_DESK_BUNDLED_FONT_ONLY") == "1"
    names: dict[str, str] = {}
    files: dict[str, str] = {}
    for role, candidates in _CANDIDATES.items():
        path = None if only_bundled else next((p for p in map(_find, candidates) if p), None)
        if path is None:
            path = BUNDLED
        alias = f"Desk-{role}-{path.stem}"
        try:
            names[role] = _register(alias, path)
        except Exception:  # noqa: BLE001 - a broken system font must not stop printing
            names[role] = _register("Desk-bundled", BUNDLED)
            path = BUNDLED
        files[role] = str(path)
    return FontSet(body=names["body"], title=names["title"], heading=names["heading"], files=files)
