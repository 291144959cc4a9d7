"""The pieces every small dialog and the page that opens it share.

    self.error_label = error_line()                      # where a refusal without a field goes
    buttons = save_cancel(self.save, self.reject)        # 保存 / 取消
    open_dialog(self, UnitDialog(...), accepted=self.reload)
    ask(self, "停用", f"停用“{name}”？", lambda: self._deactivate(unit_id))   # 是 runs it; 否 nothing
    tell(self, "已导出", f"项目列表已写入：\n{target}")                    # a result, read and closed

:func:`open_dialog` opens with ``open()``, never a nested ``exec()``: the event loop keeps running
(timers, other windows, tests) and the page keeps the dialog as ``page.dialog`` while it is open.
:func:`ask` and :func:`tell` are the question and the message box opened the same way, so a flow
that used to continue after ``exec()`` returned continues from the 是 button instead.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget


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

    # Weakly: the connection lives until Qt deletes the dialog, and must not be what keeps a
    # parentless owner alive then (its last reference going would delete it, and the dialog being
    # deleted with it, a second time).
    held = weakref.ref(owner)

    def closed(_result: int) -> None:
        # A box opened from this dialog's ``accepted`` (a result to read) has already taken its
        # place: ``finished`` comes after ``accepted``, and must not forget the newer one.
        current = held()
        if current is not None and current.dialog is dialog:
            current.dialog = None

    dialog.finished.connect(closed)
    owner.dialog = dialog
    dialog.open()
    return dialog


def _parent(owner: HoldsDialog, parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent
    return owner if isinstance(owner, QWidget) else None


def tell(
    owner: HoldsDialog, title: str, text: str, *, warning: bool = False, parent: QWidget | None = None
) -> QMessageBox:
    """A result or a refusal the clerk reads and closes (确定), opened with ``open()`` over
    ``parent`` (the owner itself when it is a widget) and kept as ``owner.dialog``; an information
    box, or a warning one with ``warning=True``. Found as ``objectName == "deskMessage"``."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, _parent(owner, parent))
    box.setObjectName("deskMessage")
    open_dialog(owner, box)
    return box


def ask(
    owner: HoldsDialog,
    title: str,
    text: str,
    yes: Callable[[], None],
    *,
    default_yes: bool = False,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A question with 是 and 否, opened with ``open()`` and kept as ``owner.dialog``: 是 runs
    ``yes``, 否 (or closing the box) does nothing. 否 is the default button unless
    ``default_yes`` (a question before a destructive or binding step defaults to 否)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        _parent(owner, parent),
    )
    box.setObjectName("deskQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).clicked.connect(yes)
    open_dialog(owner, box)
    return box
