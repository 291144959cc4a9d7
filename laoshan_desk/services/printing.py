"""Auditing what left the desk on paper or as a file: once, after it happened.

A service builds a paper's bytes (or writes a workbook) and returns them; building is not
printing. The preview dialog calls :func:`record_output` when the clerk has printed the paper or
saved it to a file — never when the clerk only looked and closed the preview — so each printed
notice is one audit record naming the paper, how it left (打印 / 另存 / 导出) and where to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from laoshan_desk.domain.labels import Labelled
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database


class OutputKind(Labelled):
    PRINT = ("print", "打印")
    SAVE = ("save", "另存")
    EXPORT = ("export", "导出")


@dataclasses.dataclass(frozen=True)
class Output:
    """Which paper: the record it belongs to and the title the clerk sees (``督办单 LS…``)."""

    entity: str
    entity_id: str | None
    title: str


@dataclasses.dataclass(frozen=True)
class Paper:
    """A paper ready for the preview: its PDF, the :class:`Output` that names it, a file name."""

    pdf: bytes
    output: Output
    suggested_name: str


def record_output(
    db: Database, actor: Actor, output: Output, *, kind: OutputKind, target: str = "", pages: int = 0, now: dt.datetime
) -> None:
    """One audit record for one paper printed, saved or exported.

    Any logged-in actor records its own output: the permission to make the paper was checked by
    the service that built it, and refusing to record what already left the desk would lose it.
    """
    action = "print" if kind is OutputKind.PRINT else "export"
    summary = f"{kind.label}{output.title}" + (f"：{target}" if target else "")
    with unit_of_work(db, actor, now=now) as work:
        work.audit(
            action,
            output.entity,
            output.entity_id,
            summary,
            after={"how": kind.value, "target": target, "pages": pages},
        )
