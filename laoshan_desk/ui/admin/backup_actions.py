"""The admin's backup and restore, from 管理 → 设置与备份 and from the 文件 menu.

Both run off the GUI thread (``run_action(background=True)``). Backup asks where to write (the
save dialog asks before replacing a file; only then is ``overwrite`` passed). Restore first
checks the chosen file on a copy and shows what it found — what would be lost, every warning —
and replaces the database only after the admin said yes; afterwards the desk must be restarted.

``choose_target`` and ``choose_source`` ask for a file (tests replace them to drive the whole flow
without native file dialogs); the restore's question is a box opened with ``open()``, kept as
``dialog``, whose 是 starts the restore (否, the default, changes nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from laoshan_desk.services import backup as backup_service
from laoshan_desk.ui.common.actions import Outcome, message, run_action
from laoshan_desk.ui.common.dialogs import ask
from laoshan_desk.ui.context import DeskContext

BACKUP_FILTER = "崂山桌面备份 (*.ldbak)"
RESTORE_FILTER = "备份文件 (*.ldbak *.sqlite3 *.db);;所有文件 (*)"


class BackupActions:
    """Backup and restore for one window; ``last`` is the outcome of the latest step (tests)."""

    def __init__(self, widget: QWidget, ctx: DeskContext) -> None:
        self.widget = widget
        self.ctx = ctx
        self.last: Outcome[Any] | None = None
        self.dialog: QDialog | None = None  # the restore's question while it is open

    # -- the questions --------------------------------------------------------------------------
    def choose_target(self) -> Path | None:
        suggested = Path.home() / f"崂山桌面备份-{self.ctx.today():%Y%m%d}.ldbak"
        name, _ = QFileDialog.getSaveFileName(self.widget, "备份数据库到", str(suggested), BACKUP_FILTER)
        return Path(name) if name else None

    def choose_source(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.widget, "选择备份文件", str(Path.home()), RESTORE_FILTER)
        return Path(name) if name else None

    # -- backup ---------------------------------------------------------------------------------
    def backup(self) -> None:
        target = self.choose_target()
        if target is None:
            return
        db, actor, now = self.ctx.db, self.ctx.actor, self.ctx.now()
        # The save dialog has already asked before replacing an existing file.
        self.last = run_action(
            self.widget,
            lambda: backup_service.backup(db, actor, target, overwrite=True, now=now),
            done=self._backed_up,
            background=True,
            progress="正在备份数据库和附件…",
            title="无法备份",
        )

    def _backed_up(self, result: backup_service.BackupResult) -> None:
        missing = (
            f"\n注意：{result.missing_attachments} 个附件文件在本机已缺失，未能备份。"
            if result.missing_attachments
            else ""
        )
        message(
            self.widget,
            "备份完成",
            f"已备份到：\n{result.path}\n审计记录 {result.records} 条，附件 {result.attachments} 个。{missing}",
        ).setIcon(QMessageBox.Icon.Information)

    # -- restore --------------------------------------------------------------------------------
    def restore(self) -> None:
        source = self.choose_source()
        if source is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.last = run_action(
            self.widget,
            lambda: backup_service.check_restore(db, actor, source),
            done=self._checked,
            background=True,
            progress="正在检查备份文件…",
            title="不能用此文件恢复",
        )

    def _checked(self, check: backup_service.RestoreCheck) -> None:
        lines = [f"将用 {check.source.name} 替换当前数据库（当前数据库会另存一份）。", *check.summary]
        if check.warnings:
            lines.append("")
            lines.append("请注意：")
            lines += [f"· {w}" for w in check.warnings]
        lines += ["", "恢复后请重新启动桌面。继续恢复？"]
        ask(self, "确认恢复", "\n".join(lines), lambda: self._restore(check), parent=self.widget)

    def _restore(self, check: backup_service.RestoreCheck) -> None:
        db, actor, now = self.ctx.db, self.ctx.actor, self.ctx.now()
        self.last = run_action(
            self.widget,
            lambda: backup_service.restore(db, actor, check.source, accept_warnings=True, now=now),
            done=self._restored,
            background=True,
            progress="正在恢复…",
            title="无法恢复",
        )

    def _restored(self, result: backup_service.RestoreResult) -> None:
        message(
            self.widget,
            "恢复完成",
            f"已恢复（审计记录 {result.records} 条，附件 {result.attachments_restored} 个）。\n"
            f"原数据库保存在：\n{result.kept}\n请重新启动桌面。",
        ).setIcon(QMessageBox.Icon.Information)
