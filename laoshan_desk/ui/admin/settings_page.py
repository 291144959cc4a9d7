"""Security and reminder settings, and database backup and restore."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.config import backups_dir, data_dir
from laoshan_desk.services import health, settings
from laoshan_desk.ui.admin.backup_actions import BackupActions
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext


class SettingsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spins: dict[str, QSpinBox] = {}
        self.choices: dict[str, QComboBox] = {}
        box = QGroupBox("安全与提醒")
        form = QFormLayout(box)
        # Spin boxes keep their natural width instead of stretching across the window.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        values = settings.load(ctx.db)
        for item in settings.SPECS:
            if item.choices:
                combo = QComboBox()
                combo.addItems(list(item.choices))
                combo.setCurrentIndex(int(getattr(values, item.name)))
                self.choices[item.name] = combo
                form.addRow(item.label, combo)
                continue
            spin = QSpinBox()
            spin.setRange(item.minimum, item.maximum)
            spin.setSuffix(f" {item.unit}")
            spin.setValue(int(getattr(values, item.name)))
            spin.setMinimumWidth(110)
            self.spins[item.name] = spin
            form.addRow(item.label, spin)
        self.errors = FieldErrors({**self.spins, **self.choices}, QLabel())
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
        self.backups = BackupActions(self, ctx)
        self.backup_button.clicked.connect(self.backup_dialog)
        self.restore_button.clicked.connect(self.restore_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(data_box)
        layout.addStretch(1)

    def save(self) -> None:
        values = settings.Settings(
            **{name: spin.value() for name, spin in self.spins.items()},
            **{name: combo.currentIndex() for name, combo in self.choices.items()},
        )
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
        self.backups.backup()

    def restore_dialog(self) -> None:
        self.backups.restore()
