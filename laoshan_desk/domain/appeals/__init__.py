"""The 崂先办 appeal (诉求) domain, all pure Python (no Qt, no database, no clock).

* :mod:`.vocabulary` — kind (民生/发展/执法), channel, handling level, status, satisfaction, and
  which status moves are allowed;
* :mod:`.rates` — closure rate and satisfaction rate, shown with two decimals;
* :mod:`.numbering` — the appeal number (LS + date + 4-digit serial);
* :mod:`.sms_text` — the SMS sent when an appeal is finished;
* :mod:`.dispatch` — a dispatch suggestion from the category, content and place;
* :mod:`.duplicates` — the same phone or place with similar content within 7 days;
* :mod:`.clocks` — the 4-hour response and 2/3/4 working-day completion clocks and their lights;
* :mod:`.hotspots` — 未诉先办: hot topics, surges and repeat places.

The names of the first six are re-exported here: ``from laoshan_desk.domain.appeals import
AppealStatus``. The clocks and hot spots are imported as modules: ``from laoshan_desk.domain.appeals
import clocks``.
"""

from __future__ import annotations

from laoshan_desk.domain.appeals.dispatch import (
    DEFAULT_STREET_KEYWORDS,
    DispatchSuggestion,
    Place,
    suggest_dispatch,
)
from laoshan_desk.domain.appeals.duplicates import (
    DEFAULT_SIMILARITY_THRESHOLD,
    DUPLICATE_WINDOW,
    AppealSnapshot,
    DuplicateMatch,
    content_similarity,
    find_duplicates,
    normalise_phone,
    normalise_text,
)
from laoshan_desk.domain.appeals.numbering import (
    APPEAL_NUMBER_PREFIX,
    format_appeal_number,
    is_appeal_number,
    parse_appeal_number,
)
from laoshan_desk.domain.appeals.rates import (
    closure_rate,
    format_rate,
    quantize_rate,
    rate,
    satisfaction_rate,
    satisfaction_rate_of,
)
from laoshan_desk.domain.appeals.sms_text import SMS_FINISHED_TEMPLATE, finished_sms_text
from laoshan_desk.domain.appeals.vocabulary import (
    ALLOWED_TRANSITIONS,
    AppealKind,
    AppealStatus,
    Channel,
    HandlingLevel,
    Satisfaction,
    can_transition,
    check_transition,
)

__all__ = [
    "AppealKind",
    "Channel",
    "HandlingLevel",
    "AppealStatus",
    "Satisfaction",
    "ALLOWED_TRANSITIONS",
    "can_transition",
    "check_transition",
    "rate",
    "closure_rate",
    "satisfaction_rate",
    "satisfaction_rate_of",
    "quantize_rate",
    "format_rate",
    "APPEAL_NUMBER_PREFIX",
    "format_appeal_number",
    "parse_appeal_number",
    "is_appeal_number",
    "SMS_FINISHED_TEMPLATE",
    "finished_sms_text",
    "Place",
    "DispatchSuggestion",
    "DEFAULT_STREET_KEYWORDS",
    "suggest_dispatch",
    "AppealSnapshot",
    "DuplicateMatch",
    "DUPLICATE_WINDOW",
    "DEFAULT_SIMILARITY_THRESHOLD",
    "normalise_text",
    "normalise_phone",
    "content_similarity",
    "find_duplicates",
]
