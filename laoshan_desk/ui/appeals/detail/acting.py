"""The acting half of an appeal's detail dialog: the inputs each offered action reads, one
button per action, and the service call behind each button (with what the clerk typed and the
version the screen showed). The showing half is :mod:`.dialog`, which builds the widgets named here."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from laoshan_desk.domain.appeals.actions import DetailAction
from laoshan_desk.domain.appeals.steps import ExtensionState
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.printing import Output
from laoshan_desk.ui.appeals.dispatch import DispatchDialog
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dates import pydate
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.pdf_preview import preview_document
from laoshan_desk.ui.context import DeskContext

A = DetailAction
NO_DATE = QDate(2000, 1, 1)  # the date box's "nothing chosen" (shown as 请选择日期)
# The inputs each action reads, shown only when one of those actions is offered.
INPUTS: dict[str, tuple[DetailAction, ...]] = {
    "note": (
        A.RESPOND,
        A.PROGRESS,
        A.RETURN,
        A.SUSPEND,
        A.RESUME,
        A.EXTEND,
        A.FINISH,
        A.VISIT,
        A.CLOSE,
        A.SUPERVISE,
        A.MERGE,
        A.PROXY,
        A.APPROVE_EXTENSION,
        A.APPROVE_SUSPENSION,
    ),
    "visit": (A.VISIT,),
    "suspend": (A.SUSPEND,),
    "extend": (A.EXTEND,),
    "proxy": (A.PROXY,),
}


class DetailActionsBase(QDialog):
    """What the dialog does when a button is pressed; the widgets are made by ``AppealDetailDialog``."""

    changed = Signal()

    ctx: DeskContext
    appeal_id: uuid.UUID
    d: svc.AppealDetail
    sub_dialog: QDialog | None
    note: QLineEdit
    visit_result: QComboBox
    reopen: QCheckBox
    suspend_kind: QComboBox
    until: QDateEdit
    proxy_service: QComboBox
    input_labels: dict[str, QLabel]
    buttons_row: QHBoxLayout
    action_buttons: dict[str, QPushButton]
    errors: FieldErrors

    def refresh(self) -> None:
        """Show the appeal afresh after an action (the dialog's own, in :mod:`.dialog`)."""
        raise NotImplementedError

    def _inputs(self, actions: tuple[DetailAction, ...]) -> None:
        """Only the inputs of the offered actions, each empty until the clerk chooses."""
        offered = set(actions)
        widgets: dict[str, tuple[QWidget, ...]] = {
            "note": (self.note,),
            "visit": (self.visit_result, self.reopen),
            "suspend": (self.suspend_kind,),
            "extend": (self.until,),
            "proxy": (self.proxy_service,),
        }
        for key, needed in INPUTS.items():
            shown = bool(offered.intersection(needed))
            self.input_labels[key].setVisible(shown)
            for widget in widgets[key]:
                widget.setVisible(shown)
        for combo in (self.visit_result, self.suspend_kind, self.proxy_service):
            combo.setCurrentIndex(0)
        self.reopen.setChecked(False)
        self.until.setDate(NO_DATE)

    def _chosen_until(self) -> dt.date | None:
        return None if self.until.date() == NO_DATE else pydate(self.until.date())

    def _buttons(self, actions: tuple[DetailAction, ...]) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = {}
        for action in actions:
            button = QPushButton(action.label)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _c=False, a=action: self.run(a))
            self.buttons_row.addWidget(button)
            self.action_buttons[action.value] = button
        self.buttons_row.addStretch(1)

    # -- acting --------------------------------------------------------------------------------
    def _call(self, action: DetailAction) -> Callable[[], object]:
        """The service call of one button, with what the clerk typed and the version shown."""
        db, actor, note, ident, version = (
            self.ctx.db,
            self.ctx.actor,
            self.note.text().strip(),
            self.appeal_id,
            self.d.version,
        )
        now = self.ctx.now
        calls: dict[DetailAction, Callable[[], object]] = {
            A.RESPOND: lambda: svc.respond(db, actor, svc.NoteForm(ident, version, note), now=now()),
            A.PROGRESS: lambda: svc.progress(db, actor, svc.NoteForm(ident, version, note), now=now()),
            A.RETURN: lambda: svc.return_appeal(db, actor, svc.ReturnForm(ident, version, note), now=now()),
            A.SUSPEND: lambda: svc.request_suspension(
                db,
                actor,
                svc.SuspensionRequestForm(ident, version, self.suspend_kind.currentData() or "", note),
                now=now(),
            ),
            A.RESUME: lambda: svc.resume(db, actor, svc.NoteForm(ident, version, note), now=now()),
            A.EXTEND: lambda: svc.request_extension(
                db, actor, svc.ExtensionRequestForm(ident, version, self._chosen_until(), note), now=now()
            ),
            A.APPROVE_EXTENSION: lambda: svc.decide_extension(
                db, actor, svc.DecisionForm(self._pending(self.d.extensions), version, True, note), now=now()
            ),
            A.APPROVE_SUSPENSION: lambda: svc.decide_suspension(
                db, actor, svc.DecisionForm(self._pending(self.d.suspensions), version, True, note), now=now()
            ),
            A.FINISH: lambda: svc.finish(db, actor, svc.FinishForm(ident, version, note), now=now()),
            A.VISIT: lambda: svc.visit(
                db,
                actor,
                svc.VisitForm(
                    ident, version, self.visit_result.currentData() or "", note, reopen=self.reopen.isChecked()
                ),
                now=now(),
            ),
            A.CLOSE: lambda: svc.close(db, actor, svc.NoteForm(ident, version, note), now=now()),
            A.SUPERVISE: lambda: svc.supervise(db, actor, svc.SuperviseForm(ident, version, reason=note), now=now()),
            A.MERGE: lambda: svc.merge(db, actor, svc.MergeForm(ident, version, self._merge_target(note)), now=now()),
            A.PROXY: lambda: svc.make_proxy_task(
                db, actor, svc.ProxyTaskForm(ident, version, self.proxy_service.currentData(), note), now=now()
            ),
        }
        return calls[action]

    @staticmethod
    def _pending(requests: tuple[svc.ExtensionRow, ...] | tuple[svc.SuspensionRow, ...]) -> uuid.UUID:
        # Both request kinds share the code of "waiting for a decision".
        waiting = [r.id for r in requests if r.state == ExtensionState.REQUESTED]
        if not waiting:
            raise DeskError("没有待审批的申请", field="note")
        return waiting[0]

    def _merge_target(self, number: str) -> uuid.UUID:
        """The appeal to merge into, found by the number typed in the note."""
        if not number:
            raise DeskError("请在“说明”中填写要并入的诉求编号", field="note")
        rows = queue.page(self.ctx.db, self.ctx.actor, queue.QueueFilter(text=number), now=self.ctx.now(), limit=1)
        if not rows:
            raise DeskError(f"找不到诉求 {number}", field="note")
        return rows[0].id

    def run(self, action: DetailAction | str) -> None:
        action = DetailAction(action)
        if action in (A.DISPATCH, A.REASSIGN, A.CO_HANDLE):
            self.sub_dialog = DispatchDialog(self.ctx, self.appeal_id, self.d.version, action.value, self)
            self.sub_dialog.accepted.connect(self._done)
            self.sub_dialog.open()
        elif action is A.PRINT_SUPERVISION:
            self._print_supervision()
        elif action is A.ATTACH:
            self._attach()
        else:
            run_action(
                self,
                self._call(action),
                errors=self.errors,
                done=lambda _r: self.note.clear(),
                refresh=self._done,
                area="appeals",
            )

    def _print_supervision(self) -> None:
        last = self.d.supervisions[-1]

        def preview(pdf: bytes) -> None:
            output = Output("appeal_supervision", str(last.id), f"督办单 {last.notice_number}")
            self.sub_dialog = preview_document(self, self.ctx, pdf, output, f"督办单-{self.d.number}.pdf")
            self.sub_dialog.open()

        run_action(self, lambda: svc.supervision_notice(self.ctx.db, self.ctx.actor, last.id), done=preview)

    def _attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "上传附件")
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """上传附件 (what the file dialog leads to; tests call it directly)."""
        form = svc.AttachForm(self.appeal_id, self.d.version, path)
        run_action(
            self,
            lambda: svc.attach(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            refresh=self._done,
            area="appeals",
        )

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()
