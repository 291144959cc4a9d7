"""Security and reminder settings, and database backup and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.config import backups_dir, data_dir
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import backup, health, settings
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors, show_error
from laoshan_desk.ui.context import DeskContext


class SettingsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spins: dict[str, QSpinBox] = {}
        box = QGroupBox("安全与提醒")
        form = QFormLayout(box)
        # Spin boxes keep their natural width instead of stretching across the window.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        values = settings.load(ctx.db)
        for item in settings.SPECS:
            spin = QSpinBox()
            spin.setRange(item.minimum, item.maximum)
            spin.setSuffix(f" {item.unit}")
            spin.setValue(int(getattr(values, item.name)))
            spin.setMinimumWidth(110)
            self.spins[item.name] = spin
            form.addRow(item.label, spin)
        self.errors = FieldErrors(dict(self.spins), QLabel())
        form.addRow("", self.errors.fallback)
        self.save_button = QPushButton("保存设置")
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        data_box = QGroupBox("数据")
        data_layout = QVBoxLayout(data_box)
        self.where = QLabel(f"数据库：{health.describe(ctx.db)}\n数据目录：{data_dir()}\n自动备份目录：{backups_dir()}")
        self.where.setWordWrap(True)
        row = QHBoxLayout()
        self.backup_button = QPushButton("备份数据库…")
        self.restore_button = QPushButton("从备份恢复…")
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        data_layout.addWidget(self.where)
        data_layout.addLayout(row)
        embedded = health.is_embedded(ctx.db)
        self.backup_button.setEnabled(embedded)
        self.restore_button.setEnabled(embedded)
        self.backup_button.clicked.connect(self.backup_dialog)
        self.restore_button.clicked.connect(self.restore_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(data_box)
        layout.addStretch(1)

    def save(self) -> None:
        values = settings.Settings(**{name: spin.value() for name, spin in self.spins.items()})
        run_action(
            self,
            lambda: settings.update(self.ctx.db, self.ctx.actor, values, now=self.ctx.now()),
            errors=self.errors,
            done=self._saved,
            area="admin",
        )

    def _saved(self, changed: list[str]) -> None:
        text = "设置已保存（锁屏时长在下次登录后生效）。" if changed else "设置没有改动。"
        self.errors.fallback.setStyleSheet("color: #2E9D46;")
        self.errors.fallback.setText(text)

    def backup_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "备份数据库到", str(Path.home() / "崂山桌面备份.sqlite3"), "SQLite 数据库 (*.sqlite3)"
        )
        if name:
            try:
                target = backup.backup(self.ctx.db, self.ctx.actor, Path(name))
            except DeskError as exc:
                show_error(self, exc)
                return
            QMessageBox.information(self, "备份完成", f"已备份到：\n{target}")

    def restore_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(Path.home()), "SQLite 数据库 (*.sqlite3 *.db)")
        if not name:
            return
        if (
            QMessageBox.question(
                self, "确认恢复", "恢复会用备份替换当前数据（当前数据库会另存一份）。恢复后请重新登录。继续？"
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            kept = backup.restore(self.ctx.db, self.ctx.actor, Path(name))
        except DeskError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, "恢复完成", f"已恢复。原数据库保存在：\n{kept}\n请重新启动桌面。")
