"""Text clean-up every identifier check shares: full-width to ASCII, separators dropped."""

from __future__ import annotations

import unicodedata


def _halfwidth(value: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (what an IME types by accident)."""
    return unicodedata.normalize("NFKC", value)


def _compact(value: object, *, keep: str = "") -> str:
    """Half-width, without whitespace or the separators people type between digit groups."""
    if value is None:
        return ""
    text = _halfwidth(str(value))
    drop = {" ", "\t", "\n", "\r", "-", "_", "·", "/", "\u00a0"} - set(keep)
    return "".join(ch for ch in text if ch not in drop)
