"""Enums whose value is the code stored in the database and whose ``label`` is the screen word.

    class Channel(Labelled):
        PHONE = ("phone", "电话")

``Channel.PHONE == "phone"``, ``Channel.PHONE.label == "电话"``, ``Channel.from_label("电话")``;
``chosen(Channel, form.channel, "请选择诉求渠道", field="channel")`` for a code picked from a list,
``label_of(Channel, row.channel)`` for a stored code shown on a screen or a paper.
"""

from __future__ import annotations

import enum
import functools
from typing import TypeVar

from laoshan_desk.domain.errors import ValidationError


class Labelled(str, enum.Enum):
    """An enum whose value is the stored code and whose ``label`` is the Chinese screen word."""

    label: str

    # ``label`` has a default only for the type checker: ``Channel("phone")`` looks a member up
    # (EnumMeta.__call__) and never reaches __new__, which only builds the members, label given.
    def __new__(cls, value: str, label: str = "") -> Labelled:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:  # f-strings and logs show the code, as the database does
        return str(self.value)

    @classmethod
    def from_label(cls, label: str) -> Labelled:
        """The member whose Chinese label (or code) is ``label``; raises ValidationError."""
        text = (label or "").strip()
        for member in cls:
            if text in (member.label, member.value):
                return member
        choices = "、".join(m.label for m in cls)
        raise ValidationError(f"“{text}”不是有效的取值，应为：{choices}")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, label) pairs in declaration order, for combo boxes."""
        return [(m.value, m.label) for m in cls]


L = TypeVar("L", bound=Labelled)


def chosen(cls: type[L], value: str, message: str, *, field: str) -> L:
    """The member whose code is ``value`` (a code picked from a list); else ``message`` beside
    ``field`` (``请选择…``), never a bare ValueError."""
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(message, field=field) from None


def label_of(cls: type[Labelled], code: str | None) -> str:
    """The Chinese label of a stored code; the code itself when the enum does not know it (a row
    written by an older desk), "" for none."""
    if not code:
        return ""
    return _labels(cls).get(code, code)


@functools.cache
def _labels(cls: type[Labelled]) -> dict[str, str]:
    # A dict per enum: label_of runs for every cell of a listed row (five per queue row).
    return {member.value: member.label for member in cls}
