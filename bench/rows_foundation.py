"""The foundation's row for ``bench/ratios.py``: verifying the audit chain of 100,000 keyed records
(管理 → 验证审计链) against a bare sqlite3 read of the same records and a SHA-256 recompute of
the same payloads (``bench/foundation_bench.py`` ``_bare_recompute``; goal ≤ 1.5×).

The chain is built once under the bench workdir (its own home, for the audit key) and reused.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

RECORDS = 100_000
PASSWORD = "Bench2026secure"


def rows(ctx: Any) -> list[Any]:
    from foundation_bench import _bare_recompute, fill_chain
    from ratios import Row  # the runner that loads this module

    from laoshan_desk.services import audit, auth, bootstrap

    home = ctx.workdir / "chain-home"
    home.mkdir(exist_ok=True)
    os.environ["LAOSHAN_DESK_HOME"] = str(home)  # the audit key lives in the home
    path = home / f"chain_{RECORDS}.sqlite3"
    now = dt.datetime.now(dt.UTC)
    fresh = not path.exists()
    db = bootstrap.open_database(f"sqlite:///{path}")
    if fresh:
        bootstrap.init(db, now=now)
        auth.create_first_admin(db, auth.FirstAdminForm("admin", "管理员", PASSWORD), now=now)
        fill_chain(db, RECORDS, now)
    admin = auth.login(db, "admin", PASSWORD, now=now)

    def verify() -> None:
        report = audit.verify_chain(db, admin, now=dt.datetime.now(dt.UTC))
        assert report.ok, report.message

    return [
        Row(
            f"audit chain verify, {RECORDS:,} records",
            desk=verify,
            baseline=lambda: _bare_recompute(path),
            baseline_name="sqlite3 + hashlib recompute",
            max_ratio=1.5,
            rounds=3,
        )
    ]
