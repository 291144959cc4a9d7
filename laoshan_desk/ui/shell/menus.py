"""The menus: 文件 (备份, 锁定, 注销 / 切换用户, 退出), 视图 → 刷新 (F5), 企业 → 一企一档, 帮助
(用户指南 on F1 at the current tab's page, 关于 with the version and the data directory)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QVBoxLayout

from laoshan_desk.config import data_dir
from laoshan_desk.services import health
from laoshan_desk.ui.common.actions import action_bus
from laoshan_desk.ui.help import show_guide
from laoshan_desk.ui.shell.base import ShellBase
from laoshan_desk.ui.shell.registry import RELOADERS, desk_version


class MenusMixin(ShellBase):
    """The menu bar and what its actions do."""

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.backup_action = QAction("备份数据库…", self)
        self.backup_action.triggered.connect(self.backup_dialog)
        file_menu.addAction(self.backup_action)
        self.backup_action.setEnabled(self.ctx.actor.may("admin.edit") and health.is_embedded(self.ctx.db))
        self.lock_action = QAction("锁定桌面", self)
        self.lock_action.setShortcut("Ctrl+L")
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        self.switch_action = QAction("注销 / 切换用户…", self)
        self.switch_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("视图(&V)")
        self.refresh_action = QAction("刷新", self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh_all)
        view_menu.addAction(self.refresh_action)
        self.addAction(self.refresh_action)  # F5 anywhere in the window, menu open or not
        enterprise_menu = self.menuBar().addMenu("企业(&E)")
        self.enterprise_action = QAction("一企一档…", self)
        self.enterprise_action.setShortcut("Ctrl+E")
        self.enterprise_action.triggered.connect(self.open_enterprise_file)
        enterprise_menu.addAction(self.enterprise_action)
        self.help_menu = self._build_help_menu()

    def _build_help_menu(self) -> QMenu:
        """帮助: 用户指南 (F1 opens the page of the current tab) and 关于 (the version, the data directory)."""
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.guide_action = QAction("用户指南", self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        self.about_action = QAction("关于", self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        return help_menu

    def about_text(self) -> str:
        return (
            f"崂山政务窗口桌面 {desk_version()}\n"
            "审批点菜单 · 崂先办诉求 · 财产保全审查 · 兴商护航联盟\n\n"
            f"数据目录：{data_dir()}\n数据库：{health.describe(self.ctx.db)}\n"
            f"日志：{data_dir() / 'logs' / 'desk.log'}"
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, "关于", self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def refresh_all(self) -> None:
        """刷新 (F5): every list reloads from the database (another desk, ``make demo``, the CLI)."""
        for area in list(self.built) or [""]:
            action_bus().changed.emit(area)
        for area, widget in self.built.items():
            reload = getattr(widget, RELOADERS.get(area, ""), None)
            if reload is not None:
                reload()
        self.refresh_status()

    def open_enterprise_file(self) -> QDialog:
        """一企一档 for every role: the sections follow what the role may see."""
        from laoshan_desk.ui.enterprise.page import EnterprisePage

        dialog = QDialog(self)
        dialog.setWindowTitle("一企一档")
        dialog.resize(1200, 760)
        page = EnterprisePage(self.ctx, dialog)
        page.openArea.connect(self.open_in_area)
        layout = QVBoxLayout(dialog)
        layout.addWidget(page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.enterprise_dialog = dialog
        dialog.open()
        return dialog

    def open_guide(self) -> QDialog:
        """The user's guide at the page of the tab in front (the index when no tab is shown)."""
        index = self.tabs.currentIndex()
        return show_guide(self, self.areas[index] if 0 <= index < len(self.areas) else None)

    def backup_dialog(self) -> None:
        from laoshan_desk.ui.admin.backup_actions import BackupActions

        BackupActions(self, self.ctx).backup()
