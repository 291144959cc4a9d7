"""The parties of a preservation case: an enterprise by its USCC, a person by a resident ID."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import mask_id_card, normalize_uscc, parse_resident_id
from laoshan_desk.domain.preservation.vocabulary import PartyKind

_ENTERPRISE_WORDS = ("公司", "企业", "厂", "合作社", "中心", "事务所", "集团", "商行", "店")


def looks_like_enterprise(name: str) -> bool:
    """Whether a party's name reads as an enterprise's (公司, 合作社, 事务所 …)."""
    return any(word in name for word in _ENTERPRISE_WORDS)


def check_party_number(
    number: object, name: str = "", *, field: str = "respondent_id", today: dt.date
) -> tuple[PartyKind, str]:
    """(kind, normalised number): a resident ID makes a person, a USCC an enterprise.

    Eighteen characters can be either; a name that reads as an enterprise's tries the USCC
    first, and the first attempt's message is the one shown when both fail.
    """
    text = "" if number is None else str(number).strip()
    if not text:
        raise ValidationError("请填写被申请人的统一社会信用代码或公民身份号码", field=field)
    compact = text.replace(" ", "").upper()
    person_first = compact[:17].isdigit() and not looks_like_enterprise(name)
    attempts = (PartyKind.PERSON, PartyKind.ENTERPRISE) if person_first else (PartyKind.ENTERPRISE, PartyKind.PERSON)
    first_error: ValidationError | None = None
    for kind in attempts:
        try:
            if kind is PartyKind.PERSON:
                return kind, parse_resident_id(compact, field=field, today=today).number
            return kind, normalize_uscc(compact, field=field)
        except ValidationError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


def shown_number(kind: PartyKind | str, number: str) -> str:
    """A USCC is public and shown as is; a person's ID is masked on every screen and paper."""
    if PartyKind(kind) is PartyKind.ENTERPRISE:
        return number
    return mask_id_card(number)
