"""Small helpers the alliance screens share: dates between Qt and Python, combo boxes filled from
Labelled vocabularies, checkable lists, the selected row of a view, and the form dialog base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QWidget,
)

from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import RowRole
from laoshan_desk.ui.context import DeskContext

AREA = "alliance"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def optional_date(check: QCheckBox, edit: QDateEdit, day: dt.date, *, ticked: bool = False) -> None:
    """A date that counts only when its box is ticked (a pledge signed, a result notified, a
    testing period over): the edit shows ``day`` and stays greyed until the box is ticked."""
    edit.setDate(qdate(day))
    check.setChecked(ticked)
    edit.setEnabled(ticked)
    check.toggled.connect(edit.setEnabled)


def optional_day(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
    """What :func:`optional_date`'s pair says: the date when ticked, else None."""
    return pydate(edit) if check.isChecked() else None


def set_moment(edit: QDateTimeEdit, moment: dt.datetime) -> None:
    local = moment.astimezone(TZ)
    edit.setDateTime(QDateTime(qdate(local.date()), QTime(local.hour, local.minute)))


def moment(edit: QDateTimeEdit) -> dt.datetime:
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=TZ)


def fill(combo: QComboBox, choices: Sequence[tuple[Any, str]], first: str | None = None) -> None:
    """(code, label) pairs into a combo box; ``first`` adds an empty choice on top."""
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for code, label in choices:
        combo.addItem(label, code)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def fill_checks(widget: QListWidget, choices: Sequence[tuple[Any, str]], checked: Sequence[Any] = ()) -> None:
    widget.clear()
    for code, label in choices:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: QListWidget, codes: Sequence[Any]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes else Qt.CheckState.Unchecked
        item.setCheckState(state)


def selected_row(view: QTableView) -> Any:
    """The row object of the view's current row, or None."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    return view.model().data(index.siblingAtColumn(0), RowRole)


def pick_files(parent: QWidget, title: str) -> list[Path]:  # pragma: no cover - native file dialog
    names, _ = QFileDialog.getOpenFileNames(parent, title)
    return [Path(n) for n in names]


class FormDialog(QDialog):
    """A Designer form whose Save runs one service call through ``run_action``.

    Subclasses set ``self.ui`` and ``self.errors`` and implement :meth:`call`; :attr:`result_value`
    holds what the service returned once saved; the dialog stays open with the message beside the
    field (and everything typed) when the service refuses.
    """

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.outcome: Outcome[Any] | None = None

    def wire(self, buttons: QDialogButtonBox, errors: FieldErrors, save_text: str = "保存") -> None:
        self.errors = errors
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setText(save_text)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def call(self) -> Any:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def save(self) -> Outcome[Any]:
        self.outcome = run_action(self, self.call, errors=self.errors, done=self._saved, area=AREA)
        return self.outcome

    def _saved(self, value: Any) -> None:
        self.result_value = value
        self.accept()


def status_errors(label: QLabel) -> FieldErrors:
    """Refusals of a page's toolbar actions go to its status line."""
    return FieldErrors({}, label)


def run_page_action(
    page: QWidget, status: QLabel, call: Callable[[], Any], done: Callable[[Any], None]
) -> Outcome[Any]:
    return run_action(page, call, errors=status_errors(status), done=done, area=AREA)
