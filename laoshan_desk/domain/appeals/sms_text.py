"""The SMS text queued for the appellant when an appeal is finished."""

from __future__ import annotations

import datetime as dt

# Kept to one 70-character SMS segment for the usual unit names; the signature in 【】 is what
# carriers require of government senders.
SMS_FINISHED_TEMPLATE = (
    "【崂山区崂先办】{salutation}您好，您{received}反映的诉求（编号{number}）已由{unit}办结。"
    "我们将进行回访，请您对办理结果作出评价。感谢您对崂山区工作的支持！"
)


def finished_sms_text(
    number: str,
    received_at: dt.date | dt.datetime,
    unit_name: str | None = None,
    appellant: str | None = None,
) -> str:
    """The SMS queued in the outbox when an appeal is finished.

    ``appellant`` is the name as entered (the desk records no sex, so no 先生/女士); anonymous
    appeals get a plain greeting. Nothing else personal goes into the message.
    """
    day = received_at.date() if isinstance(received_at, dt.datetime) else received_at
    salutation = (appellant or "").strip()
    if salutation in ("匿名", "无"):
        salutation = ""
    return SMS_FINISHED_TEMPLATE.format(
        salutation=salutation,
        received=f"{day.month}月{day.day}日",
        number=number,
        unit=(unit_name or "").strip() or "承办单位",
    )
