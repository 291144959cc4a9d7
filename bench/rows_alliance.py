"""The alliance's rows for bench/ratios.py: the complaint queue and the enterprise search at
100,000 complaints and 50,000 enterprises (built and measured by bench/alliance_bench.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from alliance_bench import make_rows  # noqa: E402


def rows(ctx: Any) -> list[Any]:
    return make_rows(ctx)
