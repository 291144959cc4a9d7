"""审批点菜单 services: one function per thing a window clerk does, from ordering the menu to every
must-do item ticked off and its licence printed. Every write is one unit of work with its audit
record.

Callers write ``from laoshan_desk.services import approvals as svc`` and ``svc.create_project(...)``;
every public name of the package's modules is re-exported here. The modules:

    inputs        what a clerk fills in (frozen dataclasses)
    views         what the screens show (frozen rows and views)
    common        scope, loading a project, computing its schedule (shared by the others)
    projects      the project page and the project list
    intake        checking the intake form and the order; creating and editing a project
    ordering      classifying items with a reason, adding and removing them, assigning them
    team          the gold team
    tracking      moving an item through its steps, ticking it off, moving a node
    log           the task-force log: meetings, site visits, problems
    catalog       the catalog (事项库) and menu templates, the admin's edits
    catalog_excel the catalog's Excel export and import
    reports       the daily dispatch and a project's papers
    bulletin      the weekly bulletin
    certificates  licences for finished items, and verifying a printed one
    seed          the reference catalog and menus, and the demo (found by services/demo.py)
    seed_demo     the demo's projects: the seed's hotel case and three in progress
"""

from laoshan_desk.documents.approvals import Bulletin, DispatchReport, DispatchRow  # what dispatch/bulletin return
from laoshan_desk.services.approvals.bulletin import bulletin_pdf, parse_week, week_of, weekly_bulletin, write_bulletin
from laoshan_desk.services.approvals.catalog import (
    CatalogRow,
    TemplateRow,
    catalog_map,
    departments,
    get_item,
    get_template,
    list_catalog,
    list_templates,
    save_item,
    set_active,
)
from laoshan_desk.services.approvals.catalog_excel import EXCEL_COLUMNS, ImportReport, export_excel, import_excel
from laoshan_desk.services.approvals.certificates import (
    ISSUER,
    CertificateInfo,
    Verdict,
    certificate_pdf,
    get_certificate,
    issue_certificate,
    revoke,
    verify,
)
from laoshan_desk.services.approvals.common import NoCertificate
from laoshan_desk.services.approvals.inputs import (
    ActiveForm,
    AddItemsForm,
    AdvanceForm,
    AssignForm,
    CatalogItemForm,
    ClassifyForm,
    IssueForm,
    ItemEditForm,
    LogInput,
    MoveNodeForm,
    NewMemberForm,
    OrderLine,
    ProjectEdit,
    ProjectInput,
    RemoveItemForm,
    RemoveMemberForm,
    RevokeForm,
    SolveForm,
    TeamForm,
    TeamInput,
)
from laoshan_desk.services.approvals.intake import create_project, order_from_template, suggest_street, update_project
from laoshan_desk.services.approvals.list_export import SORT_LABELS, export_projects
from laoshan_desk.services.approvals.log import add_log_entry, log_counts, log_entries, solve_problem
from laoshan_desk.services.approvals.ordering import add_items, assign, classify_item, edit_item, remove_item
from laoshan_desk.services.approvals.projects import count_projects, list_projects, project_detail, project_schedule
from laoshan_desk.services.approvals.reports import (
    dispatch,
    dispatch_pdf,
    notice_pdf,
    project_paper,
    schedule_excel,
    schedule_pdf,
)
from laoshan_desk.services.approvals.team import add_team_member, remove_team_member, set_team
from laoshan_desk.services.approvals.tracking import advance_item, move_node, ready_to_issue
from laoshan_desk.services.approvals.views import (
    AdvanceResult,
    CertificateRow,
    ItemRow,
    LogCounts,
    LogRow,
    MoveResult,
    MoveRow,
    ProjectRow,
    ProjectView,
    ShiftRow,
    StepRow,
    TeamRow,
)

__all__ = [
    "Bulletin",
    "DispatchReport",
    "DispatchRow",
    "ActiveForm",
    "AddItemsForm",
    "AdvanceForm",
    "AdvanceResult",
    "AssignForm",
    "CatalogItemForm",
    "CatalogRow",
    "CertificateInfo",
    "CertificateRow",
    "ClassifyForm",
    "EXCEL_COLUMNS",
    "ISSUER",
    "ImportReport",
    "IssueForm",
    "ItemEditForm",
    "ItemRow",
    "LogCounts",
    "LogInput",
    "LogRow",
    "MoveNodeForm",
    "MoveResult",
    "MoveRow",
    "NewMemberForm",
    "NoCertificate",
    "OrderLine",
    "ProjectEdit",
    "ProjectInput",
    "ProjectRow",
    "ProjectView",
    "RemoveItemForm",
    "RemoveMemberForm",
    "RevokeForm",
    "ShiftRow",
    "SolveForm",
    "StepRow",
    "TeamForm",
    "TeamInput",
    "TeamRow",
    "TemplateRow",
    "Verdict",
    "add_items",
    "add_log_entry",
    "add_team_member",
    "advance_item",
    "assign",
    "bulletin_pdf",
    "catalog_map",
    "certificate_pdf",
    "classify_item",
    "count_projects",
    "create_project",
    "departments",
    "dispatch",
    "dispatch_pdf",
    "edit_item",
    "export_excel",
    "get_certificate",
    "get_item",
    "get_template",
    "import_excel",
    "issue_certificate",
    "list_catalog",
    "list_projects",
    "list_templates",
    "log_counts",
    "log_entries",
    "SORT_LABELS",
    "export_projects",
    "move_node",
    "notice_pdf",
    "order_from_template",
    "parse_week",
    "project_detail",
    "project_paper",
    "project_schedule",
    "ready_to_issue",
    "remove_item",
    "remove_team_member",
    "revoke",
    "save_item",
    "schedule_excel",
    "schedule_pdf",
    "set_active",
    "set_team",
    "solve_problem",
    "suggest_street",
    "update_project",
    "verify",
    "week_of",
    "weekly_bulletin",
    "write_bulletin",
]
