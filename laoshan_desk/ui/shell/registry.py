"""The tab registry: which tab class each area opens, its title, how a link opens a record in it,
how 刷新 reloads it; the window's default size and the desk's remembered state (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from laoshan_desk.config import data_dir
from laoshan_desk.domain import roles

# area -> (module, class); each tab takes (ctx, parent)
TABS: dict[str, tuple[str, str]] = {
    roles.APPROVALS: ("laoshan_desk.ui.approvals.tab", "ApprovalsTab"),
    roles.APPEALS: ("laoshan_desk.ui.appeals.tab", "AppealsTab"),
    roles.PRESERVATION: ("laoshan_desk.ui.preservation.tab", "PreservationTab"),
    roles.ALLIANCE: ("laoshan_desk.ui.alliance.tab", "AllianceTab"),
    roles.ADMIN: ("laoshan_desk.ui.admin.tab", "AdminTab"),
}
TAB_TITLES = {
    roles.APPROVALS: "审批点菜单",
    roles.APPEALS: "崂先办诉求",
    roles.PRESERVATION: "财产保全审查",
    roles.ALLIANCE: "兴商护航联盟",
    roles.ADMIN: "管理",
}
# How a link from the enterprise file (一企一档) opens a record in its tab: the tab's method.
OPENERS = {
    roles.APPROVALS: "open_project",
    roles.APPEALS: "open_appeal",
    roles.PRESERVATION: "open_case",
    roles.ALLIANCE: "open_member_of",
}
# 刷新 (F5): the action bus reaches the tabs that listen to it (appeals, alliance); these reload
# through their own method.
RELOADERS = {  # tabs that do not reload on the action bus (approvals does)
    roles.PRESERVATION: "reload",
    roles.ADMIN: "reload",
}
DEFAULT_SIZE = (1280, 800)
PLACEHOLDER = "tabPlaceholder"


def desk_settings() -> QSettings:
    return QSettings(str(data_dir() / "desk.ini"), QSettings.Format.IniFormat)


def desk_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("laoshan-desk")
    except metadata.PackageNotFoundError:
        return "未安装（源代码运行）"
