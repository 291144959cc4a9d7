"""Showing refusals where the clerk is looking, and keeping the window alive on a bug.

:class:`FieldErrors` puts a service's Chinese message next to the field it names (red frame and
a line of red text under it) and keeps everything typed. :func:`install_excepthook` shows an
uncaught exception the one way an action's failure is shown (``run_action``'s ``show_failure``,
handed in by the start-up: actions.py imports this module, so this one cannot import it): logged
to the data directory, and said in a box opened with ``open()`` instead of a traceback.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QApplication, QBoxLayout, QFormLayout, QLabel, QLayout, QMessageBox, QWidget

from laoshan_desk.domain.errors import DeskError

log = logging.getLogger("laoshan_desk")

_ERROR_STYLE = "border: 1px solid #D6322F;"


class FieldErrors:
    """Maps a service's field names to widgets; shows a message under the right one."""

    def __init__(self, fields: dict[str, QWidget], fallback: QLabel, *, repeat_below: bool = True) -> None:
        """``fallback``: the line under the form for a refusal that names no field of this form.
        ``repeat_below=False``: a field's message stands once, under its field only (a tall form
        whose bottom line sits right under the field's own would show it twice)."""
        self._fields = fields
        self._repeat_below = repeat_below
        self._fallback = fallback
        self.fallback = fallback  # the line under the form that repeats the message
        self._labels: dict[str, QLabel] = {}
        self._styles: dict[str, str] = {}

    def clear(self) -> None:
        for name, label in self._labels.items():
            label.hide()
            self._fields[name].setStyleSheet(self._styles.get(name, ""))
        self._fallback.setText("")
        self._fallback.setStyleSheet("color: #D6322F;")

    def show(self, error: DeskError) -> None:
        self.clear()
        widget = self._fields.get(error.field or "")
        if widget is None:
            self._fallback.setText(error.message)
            self._fallback.show()
            return
        name = error.field or ""
        label = self._labels.get(name)
        if label is None:
            label = QLabel(widget.parentWidget())
            label.setObjectName(f"error_{name}")
            label.setStyleSheet("color: #D6322F;")
            label.setWordWrap(True)
            self._insert_below(widget, label)
            self._labels[name] = label
            self._styles[name] = widget.styleSheet()
        label.setText(error.message)
        label.show()
        widget.setStyleSheet(_ERROR_STYLE)
        widget.setFocus()
        # The fallback line repeats it, so a clerk scanning the bottom of the form sees it too.
        if self._repeat_below:
            self._fallback.setText(error.message)

    def message_for(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    @staticmethod
    def _insert_below(widget: QWidget, label: QLabel) -> None:
        """The message's line right under its field, however deep the field's layout is nested
        (a form row of its own, or the next place in a row or column of widgets)."""
        parent = widget.parentWidget()
        layout = parent.layout() if parent else None
        if layout is None:
            return
        holder = _layout_holding(layout, widget)
        if isinstance(holder, QFormLayout):
            position: tuple[int, Any] = holder.getWidgetPosition(widget)  # type: ignore[assignment]  # stub: object
            holder.insertRow(position[0] + 1, "", label)
        elif isinstance(holder, QBoxLayout):
            holder.insertWidget(holder.indexOf(widget) + 1, label)
        else:
            layout.addWidget(label)


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    """The layout (``layout`` or one nested in it) that holds ``widget`` itself."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is widget:
            return layout
        inner = item.layout()
        if inner is not None:
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None


# How a failure is shown: ``show_failure(widget, error, errors, title)`` in ui/common/actions.py.
ShowFailure = Callable[[QWidget | None, BaseException, FieldErrors | None, str], None]

_TITLE = "无法完成"  # the title of the box for a refusal nobody caught
_UNCAUGHT = "deskUncaught"  # the property marking a box this hook opened


def install_excepthook(show: ShowFailure) -> None:
    """An uncaught exception (a bug in a slot, a refusal nobody caught) is shown with ``show``
    over the active window in a box opened with ``open()``, never a nested event loop inside the
    hook, and logged (``logs/desk.log``: :mod:`laoshan_desk.desk_log`, set up by the start-up).
    While such a box is still open a further one is only logged: an error repeated on every
    repaint or timer tick must not stack boxes. With no window to show it over, it is logged and
    written to stderr."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        window = _window()
        if window is None or _already_showing():
            if isinstance(value, DeskError):
                log.info("refused, not shown: %s (%s)", value.message, value.code)
            else:
                log.error("uncaught: %s", "".join(traceback.format_exception(kind, value, tb)))
            if window is None:
                sys.__excepthook__(kind, value, tb)
            return
        try:
            before = _desk_boxes()
            show(window, value, None, _TITLE)  # logs it: a refusal as info, anything else with its traceback
            for box in _desk_boxes():
                if not any(box is old for old in before):
                    box.setProperty(_UNCAUGHT, True)
        except Exception:  # noqa: BLE001 - never let the hook itself kill the desk
            log.error("uncaught: %s", "".join(traceback.format_exception(kind, value, tb)))
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook


def _window() -> QWidget | None:
    """The window the clerk is working in: the active one, else the first visible one."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    active = app.activeWindow()
    if active is not None:
        return active
    return next((w for w in app.topLevelWidgets() if w.isVisible() and not isinstance(w, QMessageBox)), None)


def _desk_boxes() -> list[QMessageBox]:
    """The message boxes open now (show_failure's are named deskMessage)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "deskMessage" and w.isVisible()
    ]


def _already_showing() -> bool:
    """A box this hook opened is still open (a refusal box of some action's does not count)."""
    return any(box.property(_UNCAUGHT) for box in _desk_boxes())
