"""兴商护航联盟: one function per thing a market-supervision officer does in the alliance tab.

Callers write ``from laoshan_desk.services import alliance`` and ``alliance.register(...)``. The
modules: :mod:`.members` (members and honours), :mod:`.requests` (anti-counterfeiting),
:mod:`.complaints` and :mod:`.complaint_queue` (complaints and reports), :mod:`.complaint_excel`
and :mod:`.member_excel` (workbooks), :mod:`.spotchecks`, :mod:`.policies` (policies, pushes,
awards), :mod:`.seminars`, :mod:`.stats` (quarter totals and the quarterly report), :mod:`.papers`
(the letters and notices), :mod:`.seed` (demo data). Rules: docs/rules/alliance.md.
"""

from laoshan_desk.services.alliance.common import EDIT, VIEW, AllianceSettings, settings
from laoshan_desk.services.alliance.complaint_queue import (
    ComplaintDetail,
    ComplaintFilter,
    ComplaintRow,
    PauseRow,
    count,
    detail,
    page,
    tab_counts,
)
from laoshan_desk.services.alliance.complaints import (
    ComplaintForm,
    ComplaintRef,
    DecisionForm,
    EndPauseForm,
    ExtendForm,
    FinishForm,
    NotifyForm,
    PauseForm,
    decide,
    end_pause,
    extend_verification,
    finish,
    notify,
    register,
    start_pause,
)
from laoshan_desk.services.alliance.members import (
    HonourForm,
    HonourRow,
    MemberForm,
    MemberRef,
    MemberRow,
    add_honour,
    list_members,
    member,
    remove_honour,
    save_member,
)

__all__ = [
    "EDIT",
    "VIEW",
    "AllianceSettings",
    "ComplaintDetail",
    "ComplaintFilter",
    "ComplaintForm",
    "ComplaintRef",
    "ComplaintRow",
    "DecisionForm",
    "EndPauseForm",
    "ExtendForm",
    "FinishForm",
    "HonourForm",
    "HonourRow",
    "MemberForm",
    "MemberRef",
    "MemberRow",
    "NotifyForm",
    "PauseForm",
    "PauseRow",
    "add_honour",
    "count",
    "decide",
    "detail",
    "end_pause",
    "extend_verification",
    "finish",
    "list_members",
    "member",
    "notify",
    "page",
    "register",
    "remove_honour",
    "save_member",
    "settings",
    "start_pause",
    "tab_counts",
]
