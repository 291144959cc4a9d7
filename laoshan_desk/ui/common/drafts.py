"""Keeps a dialog's typing as a draft in the database, so a crash or a lock loses nothing.

    keeper = DraftKeeper(ctx, "appeal.intake", {"content": ui.contentEdit, ...}, parent=self)
    keeper.restore()      # on open: put back what was typed last time
    keeper.discard()      # after a successful save

Saving is debounced (one write per pause in typing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from laoshan_desk.services import drafts
from laoshan_desk.ui.context import DeskContext


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if type(widget) is QDateEdit:
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString("yyyy-MM-dd HH:mm")
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise TypeError(f"no draft support for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value: Any) -> None:
    if value is None:
        return
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(str(value))
        elif isinstance(value, int) and 0 <= value < widget.count():
            widget.setCurrentIndex(value)
    elif type(widget) is QDateEdit:
        widget.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(QDateTime.fromString(str(value), "yyyy-MM-dd HH:mm"))
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))


def _changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    raise TypeError(type(widget).__name__)


class DraftKeeper(QObject):
    def __init__(
        self,
        ctx: DeskContext,
        form_key: str,
        fields: dict[str, QWidget],
        parent: QObject | None = None,
        delay_ms: int = 700,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._key = form_key
        self._fields = fields
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        for widget in fields.values():
            _changed_signal(widget).connect(self._changed)

    def _changed(self, *_: Any) -> None:
        if not self._restoring:
            self._timer.start()

    def values(self) -> dict[str, Any]:
        return {name: widget_value(w) for name, w in self._fields.items()}

    def save_now(self) -> None:
        self._timer.stop()
        drafts.save(self._ctx.db, self._ctx.actor, self._key, self.values(), now=self._ctx.now())

    def restore(self) -> bool:
        data = drafts.load(self._ctx.db, self._ctx.actor, self._key)
        if not data:
            return False
        self._restoring = True
        try:
            for name, widget in self._fields.items():
                set_widget_value(widget, data.get(name))
        finally:
            self._restoring = False
        return True

    def discard(self) -> None:
        self._timer.stop()
        drafts.discard(self._ctx.db, self._ctx.actor, self._key)
