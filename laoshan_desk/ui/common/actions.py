"""Running a clerk's action from a widget: the one helper every screen uses.

    run_action(self, lambda: svc.reassign(ctx.db, ctx.actor, form, now=ctx.now()),
               errors=self.errors, done=self._reassigned, refresh=self.reload)

In the spirit of Anki's CollectionOp: call the service; a ``DeskError`` goes beside its field
(:class:`FieldErrors`) or into a message box, and the form keeps what was typed; any other
exception is logged and shown as "出现意外错误" (never a traceback); on success ``done(result)``
runs, then ``refresh()``, then :func:`action_bus` announces the change so every open list can
reload itself. With ``background=True`` the call runs off the GUI thread with a progress dialog
(exports, imports, statistics, chain checks); the service opens its own session in that thread.

The returned :class:`Outcome` tells a caller (or a test) whether the action finished and how.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.pacing import pace
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.worker import Relay, paint_hold, start

log = logging.getLogger("laoshan_desk")

T = TypeVar("T")
SLOW_SECONDS = 1.0  # an action slower than this is written to the log with where it ran
PROGRESS_MS = 250  # the progress dialog shows the latest report four times a second


class ActionBus(QObject):
    """One signal after every successful action: ``changed(area)``; lists reload on it."""

    changed = Signal(str)


_bus: ActionBus | None = None


def action_bus() -> ActionBus:
    global _bus
    if _bus is None:
        _bus = ActionBus()
    return _bus


class Progress:
    """Handed to a background call that reports its progress: ``progress(done, total, text)``,
    as often as it likes (every row). The call only keeps the latest report; the progress
    dialog reads it every :data:`PROGRESS_MS` on the GUI thread. (A signal per report would
    have the GUI thread take the interpreter for each, and a modal QProgressDialog's
    ``setValue`` runs the event loop.) Each report also paces the worker
    (:func:`laoshan_desk.pacing.pace`), so a long import or export lets the GUI thread in."""

    def __init__(self) -> None:
        self.latest: tuple[int, int, str] | None = None

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        self.latest = (int(done), int(total), text)  # one assignment: read whole by the GUI thread
        pace()


@dataclasses.dataclass
class Outcome(Generic[T]):
    """How an action ended: ``finished`` (always true for a foreground call), ``ok``, the
    ``result`` or the ``error`` the clerk was shown."""

    finished: bool = False
    ok: bool = False
    result: T | None = None
    error: BaseException | None = None


def message(widget: QWidget | None, title: str, text: str, *, critical: bool = False) -> QMessageBox:
    """A message box opened with ``open()``, not a nested ``exec()``: the clerk reads it, the
    event loop keeps running (timers, other windows, tests). Found as ``objectName == "deskMessage"``."""
    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, widget)
    box.setObjectName("deskMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_failure(widget: QWidget | None, error: BaseException, errors: FieldErrors | None, title: str) -> None:
    """A refusal beside its field (or in a box); anything else logged and shown in one sentence."""
    if isinstance(error, DeskError):
        log.info("refused (%s): %s [%s]", title, error.message, error.code)
        if errors is not None:
            errors.show(error)
        else:
            message(widget, title, error.message)
        return
    log.error("unexpected error in an action", exc_info=error)
    message(
        widget,
        "出现意外错误",
        "出现意外错误，已记录到日志。已保存的工作不受影响。\n" + str(error)[:300],
        critical=True,
    )


def run_action(
    widget: QWidget,
    call: Callable[..., T],
    *,
    errors: FieldErrors | None = None,
    done: Callable[[T], None] | None = None,
    refresh: Callable[[], None] | None = None,
    area: str = "",
    title: str = "无法完成",
    background: bool = False,
    progress: str = "正在处理，请稍候…",
    reports_progress: bool = False,
) -> Outcome[T]:
    """Run ``call`` for the clerk; see the module docstring. ``reports_progress=True`` hands the
    background call a :class:`Progress` to report rows done."""
    outcome: Outcome[T] = Outcome()
    if errors is not None:
        errors.clear()
    started = time.perf_counter()

    def note_if_slow() -> None:
        seconds = time.perf_counter() - started
        if seconds > SLOW_SECONDS:
            where = getattr(call, "__qualname__", type(widget).__name__)
            log.warning("slow action (%s, %s): %.1f s", where, "background" if background else "GUI thread", seconds)

    def succeed(result: T) -> None:
        note_if_slow()
        outcome.finished, outcome.ok, outcome.result = True, True, result
        if done is not None:
            done(result)
        if refresh is not None:
            refresh()
        action_bus().changed.emit(area)

    def fail(error: BaseException) -> None:
        note_if_slow()
        outcome.finished, outcome.error = True, error
        show_failure(widget, error, errors, title)

    if not background:
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - every failure reaches the clerk as a sentence
            fail(exc)
        else:
            succeed(result)
        return outcome

    dialog = QProgressDialog(progress, "", 0, 0, widget)
    dialog.setWindowTitle("请稍候")
    dialog.setCancelButton(None)  # no cancel: a half-run import or export is not offered
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # a quick job finishes before the dialog would appear
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)  # the job's last row is not its end (the file is still being written)
    # setValue(0) starts the 300 ms: without it the constructor's default of 4 s stood, and for 4 s
    # the window was neither blocked nor saying that anything was running.
    dialog.setValue(0)
    dialog.installEventFilter(paint_hold(repaints=False))  # the window behind it repaints
    relay = Relay(widget)
    reports = Progress()
    shown: tuple[int, int, str] | None = None

    def show_progress() -> None:
        nonlocal shown
        latest = reports.latest
        if latest is None or latest == shown:
            return
        shown = count, total, text = latest
        if total:
            dialog.setMaximum(total)
        dialog.setValue(min(count, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    poll = QTimer(dialog)
    poll.setInterval(PROGRESS_MS)
    poll.timeout.connect(show_progress)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        poll.stop()
        dialog.reset()
        dialog.deleteLater()
        handler(value)

    job_call: Callable[[], T] = functools.partial(call, reports) if reports_progress else call
    if reports_progress:
        poll.start()
    start(relay, job_call, lambda value: finish(succeed, value), lambda exc: finish(fail, exc))
    return outcome
