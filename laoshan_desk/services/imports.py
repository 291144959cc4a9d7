"""One report for every import, and the batches a long import commits in.

An import reads rows with :func:`laoshan_desk.documents.excel_read.read_sheet`, checks each with
the same validator its counter form uses, and answers with an :class:`ImportReport`:

    report = ImportBuilder(columns={"day": "日期", "kind": "类型"})
    sheet = read_sheet(path, ["日期", "类型", "说明"], required=["日期", "类型"])
    good = report.check_rows(sheet, validate,        # raises ValidationError(field="day", ...)
                             unique=lambda form: form.day.isoformat(), unique_column="日期")
    commit_in_batches(db, actor, good, apply, now=now, report=report)
    return report.build()

:meth:`ImportBuilder.check_rows` is the one reading loop: an unreadable row (a cut cell, a formula
without a result), a refusal of the validator (against the column its ``field`` names), a second
row with the same key and whatever lies past the row cap are rejected; the good rows come back.

- **Rejected** rows (``Rejected(row, column, message)``) were not stored; the clerk fixes them
  and imports the file again (an import is idempotent: a rerun updates, it never duplicates).
- **Conflicts** (``Conflict(row, key, message)``) are rows that would have overwritten work done
  at the desk; nothing of theirs was stored, a clerk decides.
- ``imported`` counts new records, ``updated`` records changed from the file.

:func:`commit_in_batches` writes the good rows in units of work of :data:`BATCH_SIZE` rows, so
that the counters' saves never wait behind one long transaction; each batch commits with its
audit records or not at all, and the report still speaks per row. The CLI prints
``report.as_json()``; the desk shows ``report.summary()`` and ``report.lines()``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypeVar

from laoshan_desk.documents.excel_read import SheetReader, unreadable
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.pacing import pace
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database

BATCH_SIZE = 300
Outcome = Literal["imported", "updated", "unchanged"]
T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Rejected:
    """A row that was not stored: its number in the sheet, the column at fault, why."""

    row: int
    column: str
    message: str


@dataclasses.dataclass(frozen=True)
class Conflict:
    """A row that would have overwritten the desk's own work: which record, and what differs."""

    row: int
    key: str
    message: str


@dataclasses.dataclass(frozen=True)
class ImportReport:
    imported: int
    updated: int
    conflicts: tuple[Conflict, ...] = ()
    rejected: tuple[Rejected, ...] = ()

    def as_json(self, limit: int | None = None) -> dict[str, Any]:
        """``{"imported", "updated", "conflicts": [...], "rejected": [{"row", "column", "message"}]}``;
        ``limit`` keeps the first so many of each list (an audit record's size), all by default."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "conflicts": [dataclasses.asdict(c) for c in self.conflicts[:limit]],
            "rejected": [dataclasses.asdict(r) for r in self.rejected[:limit]],
        }

    def summary(self) -> str:
        """One Chinese sentence: 新增 3 条，更新 1 条，冲突 1 条（未覆盖，待人工处理），未导入 2 行
        (the conflicts only when there are some: most imports cannot have any)."""
        conflicts = f"冲突 {len(self.conflicts)} 条（未覆盖，待人工处理），" if self.conflicts else ""
        return f"新增 {self.imported} 条，更新 {self.updated} 条，{conflicts}未导入 {len(self.rejected)} 行"

    def lines(self, limit: int = 20) -> list[str]:
        """The first conflicts and rejected rows as lines for a message box or the terminal."""
        out = [f"第 {c.row} 行（{c.key}）：{c.message}" for c in self.conflicts[:limit]]
        out += [f"第 {r.row} 行 [{r.column}]：{r.message}" for r in self.rejected[: max(0, limit - len(out))]]
        hidden = len(self.conflicts) + len(self.rejected) - len(out)
        if hidden > 0:
            out.append(f"……另有 {hidden} 行，见导出的完整报告")
        return out


class ImportBuilder:
    """Collects an import's outcome row by row; :meth:`build` makes the frozen report.

    ``columns`` maps a validator's field names to the sheet's column headers, so that a
    ValidationError raised for ``field="day"`` is reported against column ``日期``.
    """

    def __init__(self, columns: Mapping[str, str] | None = None) -> None:
        self.columns = dict(columns or {})
        self.imported = 0
        self.updated = 0
        self.conflicts: list[Conflict] = []
        self.rejected: list[Rejected] = []

    def reject(self, row: int, column: str, message: str) -> None:
        self.rejected.append(Rejected(row, column, message))

    def reject_error(self, row: int, error: DeskError, column: str | None = None) -> None:
        """A validator's refusal, against the column its ``field`` names."""
        name = column or self.columns.get(error.field or "", error.field or "")
        self.reject(row, name, error.message)

    def reject_unreadable(self, row: int, values: Mapping[str, Any]) -> bool:
        """Reject the row when the reader cut a cell or met a formula without a result
        (:func:`~laoshan_desk.documents.excel_read.unreadable`); True when it did."""
        found = unreadable(values)
        if found is None:
            return False
        self.reject(row, *found)
        return True

    def check_rows(
        self,
        sheet: SheetReader,
        check: Callable[[dict[str, Any]], T],
        *,
        refuses: type[DeskError] = DeskError,
        unique: Callable[[T], str] | None = None,
        unique_column: str = "",
    ) -> list[tuple[int, T]]:
        """Every row of ``sheet`` through ``check`` (the counter's validator), the way every import
        reads its file before it writes anything: an unreadable row, a ``refuses`` error (against
        its field's column) and a row whose ``unique`` text an earlier row had (``… 与第 N 行重复``,
        against ``unique_column``) are rejected, and so is what lies past the reader's row cap.
        Returns the good rows as ``(row_number, item)``."""
        good: list[tuple[int, T]] = []
        first_row: dict[str, int] = {}
        for number, values in sheet:
            if self.reject_unreadable(number, values):  # a cut cell, a formula without a result
                continue
            try:
                item = check(values)
            except refuses as exc:
                self.reject_error(number, exc)
                continue
            if unique is not None:
                key = unique(item)
                if key in first_row:
                    self.reject(number, unique_column, f"{key} 与第 {first_row[key]} 行重复")
                    continue
                first_row[key] = number
            good.append((number, item))
        if sheet.more_rows:
            self.reject(sheet.header_row + sheet.max_rows + 1, "", f"超过 {sheet.max_rows} 行的部分未读取")
        return good

    def conflict(self, row: int, key: str, message: str) -> None:
        self.conflicts.append(Conflict(row, key, message))

    def count(self, outcome: Outcome) -> None:
        if outcome == "imported":
            self.imported += 1
        elif outcome == "updated":
            self.updated += 1

    def build(self) -> ImportReport:
        return ImportReport(
            self.imported,
            self.updated,
            tuple(self.conflicts),
            tuple(sorted(self.rejected, key=lambda r: r.row)),
        )


def batches(items: Sequence[T], size: int = BATCH_SIZE) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def commit_in_batches(
    db: Database,
    actor: Actor,
    rows: Sequence[tuple[int, T]],
    apply: Callable[[Work, int, T], Outcome],
    *,
    now: dt.datetime,
    report: ImportBuilder,
    size: int = BATCH_SIZE,
    after_batch: Callable[[], None] | None = None,
    finish_batch: Callable[[Work], None] | None = None,
) -> None:
    """Write ``rows`` (``(row_number, item)``) with ``apply`` in units of work of ``size`` rows.

    ``apply(work, row_number, item)`` writes one row and its audit records and says what it
    did. A DeskError it raises rejects that row alone: each row runs in a savepoint, so nothing
    of a rejected row is stored while the rest of its batch commits. The counts reach ``report``
    only once their batch has committed; a batch the database refuses (``BusyError``) raises,
    leaving the earlier batches stored and the report saying what they held. ``after_batch``
    runs after each commit (e.g. to clear a cache); ``finish_batch(work)`` runs inside each
    batch's unit of work after its rows (e.g. to move what the batch's rows change).
    """
    for batch in batches(rows, size):
        outcomes: list[Outcome] = []
        with unit_of_work(db, actor, now=now) as work:
            for number, item in batch:
                pace()  # a worker lets the GUI thread in (laoshan_desk/pacing.py)
                try:
                    with work.session.begin_nested():
                        outcome = apply(work, number, item)
                except DeskError as exc:
                    report.reject_error(number, exc)
                    continue
                outcomes.append(outcome)
            if finish_batch is not None:
                finish_batch(work)
        for outcome in outcomes:
            report.count(outcome)
        if after_batch is not None:
            after_batch()
