"""The pieces every small dialog and the page that opens it share.

    self.error_label = error_line()                      # where a refusal without a field goes
    buttons = save_cancel(self.save, self.reject)        # 保存 / 取消
    open_dialog(self, UnitDialog(...), accepted=self.reload)

:func:`open_dialog` opens with ``open()``, never a nested ``exec()``: the event loop keeps running
(timers, other windows, tests) and the page keeps the dialog as ``page.dialog`` while it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


def error_line(parent: QWidget | None = None) -> QLabel:
    """The line under a form or a page's buttons where :class:`FieldErrors` says a refusal."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    return label


def save_cancel(save: Callable[[], None], cancel: Callable[[], None], *, save_text: str = "保存") -> QDialogButtonBox:
    """保存 and 取消; 保存 runs ``save`` (which closes the dialog only when the service took it)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(save)
    buttons.rejected.connect(cancel)
    return buttons


class HoldsDialog(Protocol):
    """A page that keeps the dialog open over it (None when none is)."""

    dialog: QDialog | None


def open_dialog(owner: HoldsDialog, dialog: QDialog, *, accepted: Callable[[], None] | None = None) -> QDialog:
    """Open ``dialog`` over ``owner`` without a nested event loop, kept as ``owner.dialog`` until
    it closes (then deleted); ``accepted`` runs when it is accepted (e.g. the list reloads)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if accepted is not None:
        dialog.accepted.connect(accepted)

    def closed(_result: int) -> None:
        owner.dialog = None

    dialog.finished.connect(closed)
    owner.dialog = dialog
    dialog.open()
    return dialog
