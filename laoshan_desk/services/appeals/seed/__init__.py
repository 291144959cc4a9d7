"""Appeals' reference data (the 43 proxy services) and demo data (appeals across every street and
unit over a year; ``init --demo --appeals N`` for N of them, bulk-inserted so that a million is
practical: see bench/appeals_bench.py).
"""

from __future__ import annotations

from .demo import DEFAULT_DEMO_APPEALS, GIVEN, SURNAMES, YEARLY_VOLUME, load_demo
from .reference import PROXY_FILE, fill_missing_terms, load_reference

__all__ = [
    "DEFAULT_DEMO_APPEALS",
    "GIVEN",
    "PROXY_FILE",
    "SURNAMES",
    "YEARLY_VOLUME",
    "fill_missing_terms",
    "load_demo",
    "load_reference",
]
