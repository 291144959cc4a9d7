"""兴商护航联盟: the market-supervision alliance's rules, pure Python (no database, no Qt, no clock).

- :mod:`.vocabulary` — every closed set of values as a Labelled enum;
- :mod:`.clocks` — complaint and report limits, request age, re-inspection and follow-up, lights;
- :mod:`.spotchecks` — no fee, the repeated-sampling warning, conformity rate;
- :mod:`.policies` — matching policies to an enterprise by stage, industry and honours;
- :mod:`.requests` — the order of an anti-counterfeiting request's steps, and numbers;
- :mod:`.stats` — totals per quarter.

The rules and their sources are in docs/rules/alliance.md.
"""

from laoshan_desk.domain.alliance.clocks import (
    ComplaintClock,
    ComplaintFacts,
    Pause,
    RequestThresholds,
    complaint_clock,
    countdown,
    deadline_light,
    followup_due,
    light_horizon,
    reinspection_deadline,
    reinspection_open,
    request_age,
    request_light,
)
from laoshan_desk.domain.alliance.policies import EnterpriseProfile, PolicyFacts, PolicyMatch, match_policies
from laoshan_desk.domain.alliance.requests import (
    StepFact,
    check_step,
    complaint_number,
    letter_number,
    request_number,
)
from laoshan_desk.domain.alliance.spotchecks import (
    PriorBatch,
    check_no_fee,
    conformity_rate,
    repeat_sampling_warning,
)
from laoshan_desk.domain.alliance.stats import (
    Quarter,
    QuarterFacts,
    QuarterTotals,
    format_percent,
    quarter_of,
    quarter_totals,
    quarters,
)
from laoshan_desk.domain.alliance.vocabulary import (
    AwardKind,
    AwardStatus,
    ComplaintDecision,
    ComplaintKind,
    ComplaintOutcome,
    ComplaintStatus,
    FollowUpStep,
    HonourLevel,
    Industry,
    LifecycleStage,
    PolicyLine,
    RejectReason,
    RequestOutcome,
    RequestStep,
    SamplingLevel,
    Season,
    SeminarFormat,
    SeminarTopic,
    SpotProduct,
    SpotResult,
)

__all__ = [
    "AwardKind",
    "AwardStatus",
    "ComplaintClock",
    "ComplaintDecision",
    "ComplaintFacts",
    "ComplaintKind",
    "ComplaintOutcome",
    "ComplaintStatus",
    "EnterpriseProfile",
    "FollowUpStep",
    "HonourLevel",
    "Industry",
    "LifecycleStage",
    "Pause",
    "PolicyFacts",
    "PolicyLine",
    "PolicyMatch",
    "PriorBatch",
    "Quarter",
    "QuarterFacts",
    "QuarterTotals",
    "RejectReason",
    "RequestOutcome",
    "RequestStep",
    "RequestThresholds",
    "SamplingLevel",
    "Season",
    "SeminarFormat",
    "SeminarTopic",
    "SpotProduct",
    "SpotResult",
    "StepFact",
    "check_no_fee",
    "check_step",
    "complaint_clock",
    "complaint_number",
    "conformity_rate",
    "countdown",
    "deadline_light",
    "followup_due",
    "format_percent",
    "letter_number",
    "light_horizon",
    "match_policies",
    "quarter_of",
    "quarter_totals",
    "quarters",
    "reinspection_deadline",
    "reinspection_open",
    "repeat_sampling_warning",
    "request_age",
    "request_light",
    "request_number",
]
