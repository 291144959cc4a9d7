"""The hall's concurrency check at full length: eight counters on the same 100 appeals for a minute.

Runs tests/hall/test_hall_concurrency.py with ``LAOSHAN_HALL_SECONDS`` (60 by default) on a
throwaway PostgreSQL server (tests/pg_server.py); the same assertions as ``make test``'s 15 s.

    python bench/hall_bench.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    env = {**os.environ, "LAOSHAN_HALL_SECONDS": str(args.seconds), "QT_QPA_PLATFORM": "offscreen"}
    test = "tests/hall/test_hall_concurrency.py"
    return subprocess.call([sys.executable, "-m", "pytest", test, "-q", "-o", "timeout=900"], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
