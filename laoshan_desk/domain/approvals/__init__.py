"""The approval "order menu" (审批点菜单) rules, all pure Python (no Qt, no database, no clock).

    vocabulary        the Labelled enums: classification, item and project status, team roles, …
    lifecycle         the reason of a classification; not started → pre-review → accepted →
                      inspection → done, the moves allowed
    catalog           catalog items and menu templates as read from resources/data or Excel
    verification      the code printed (and in the QR code) on a certificate
    limits            when an item's statutory limit ends, in working or calendar days
    reverse_schedule  the reverse schedule (倒排工期表) of the must-do items
    cascade           moving a node and what moves with it
    tracking          the light of an item, on-time, overdue, the dispatch buckets, the ranking
                      colours, "ready to issue"
    address           the street an address names, through the organisation tree

Callers write ``from laoshan_desk.domain import approvals as rules`` and ``rules.schedule(...)``.
"""

from laoshan_desk.domain.approvals.address import street_for_address
from laoshan_desk.domain.approvals.cascade import NodeMove, Shift, move_node
from laoshan_desk.domain.approvals.catalog import (
    CatalogItem,
    MenuTemplate,
    TemplateEntry,
    check_graph,
    load_catalog,
    load_menu_templates,
    parse_catalog,
    parse_catalog_item,
    parse_menu_templates,
    validate_catalog,
)
from laoshan_desk.domain.approvals.lifecycle import (
    ItemProgress,
    StatusStep,
    advance,
    applicable_steps,
    can_transition,
    check_prerequisites_done,
    check_reclassification,
    check_transition,
    classification_reason,
    next_statuses,
)
from laoshan_desk.domain.approvals.limits import limit_text, statutory_due
from laoshan_desk.domain.approvals.reverse_schedule import PlanItem, ScheduledItem, ScheduleResult, schedule
from laoshan_desk.domain.approvals.tracking import (
    RATE_GREEN,
    RATE_YELLOW,
    YELLOW_WINDOW,
    ItemSignal,
    ItemState,
    dispatch_bucket,
    feasible_today,
    finished_on_time,
    is_overdue,
    item_light,
    item_signal,
    open_item_light,
    rate_light,
    ready_to_issue,
    worst_signal,
)
from laoshan_desk.domain.approvals.verification import (
    VERIFICATION_CODE_LENGTH,
    check_verification_code,
    format_verification_code,
    normalise_verification_code,
    verification_code,
)
from laoshan_desk.domain.approvals.vocabulary import (
    STATUS_FLOW,
    CertificateStatus,
    Classification,
    DispatchBucket,
    ItemStatus,
    LimitKind,
    LogKind,
    ProjectStatus,
    TeamRole,
)
from laoshan_desk.domain.graph import cycle_message, find_cycle

__all__ = [
    "CatalogItem",
    "CertificateStatus",
    "LimitKind",
    "Classification",
    "DispatchBucket",
    "ItemProgress",
    "ItemSignal",
    "ItemState",
    "ItemStatus",
    "LogKind",
    "MenuTemplate",
    "NodeMove",
    "PlanItem",
    "ProjectStatus",
    "RATE_GREEN",
    "RATE_YELLOW",
    "STATUS_FLOW",
    "ScheduleResult",
    "ScheduledItem",
    "Shift",
    "StatusStep",
    "TeamRole",
    "TemplateEntry",
    "VERIFICATION_CODE_LENGTH",
    "YELLOW_WINDOW",
    "advance",
    "applicable_steps",
    "can_transition",
    "check_graph",
    "check_prerequisites_done",
    "check_reclassification",
    "check_transition",
    "check_verification_code",
    "classification_reason",
    "cycle_message",
    "dispatch_bucket",
    "find_cycle",
    "feasible_today",
    "finished_on_time",
    "is_overdue",
    "format_verification_code",
    "item_light",
    "item_signal",
    "load_catalog",
    "load_menu_templates",
    "move_node",
    "next_statuses",
    "normalise_verification_code",
    "open_item_light",
    "parse_catalog",
    "parse_catalog_item",
    "parse_menu_templates",
    "rate_light",
    "ready_to_issue",
    "schedule",
    "statutory_due",
    "limit_text",
    "street_for_address",
    "validate_catalog",
    "worst_signal",
    "verification_code",
]
