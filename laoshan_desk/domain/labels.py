"""Enums whose value is the code stored in the database and whose ``label`` is the screen word.

    class Channel(Labelled):
        PHONE = ("phone", "电话")

``Channel.PHONE == "phone"``, ``Channel.PHONE.label == "电话"``, ``Channel.from_label("电话")``.
"""

from __future__ import annotations

import enum

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
        return self.value

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
