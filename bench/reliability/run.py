"""``make reliability``: every harness in turn, then the figures docs/reliability.md quotes.

    python bench/reliability/run.py [--kills 200] [--processes 8] [--operations 100]
                                    [--examples 20000] [--sheets 2000]

Minutes, not seconds: not part of ``make test`` (the suite keeps small versions of each).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--operations", type=int, default=100)
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--sheets", type=int, default=2_000)
    args = parser.parse_args()
    steps = [
        ("kill -9", ["kill9.py", "--kills", str(args.kills)]),
        (
            "concurrent writers",
            ["concurrency.py", "--processes", str(args.processes), "--operations", str(args.operations)],
        ),
        ("fuzz", ["fuzz.py", "--examples", str(args.examples), "--sheets", str(args.sheets)]),
        ("permissions, tampering, odd restore files", ["probes.py"]),
    ]
    status = 0
    for title, command in steps:
        print(f"== {title}", flush=True)
        started = time.perf_counter()
        status |= subprocess.call([sys.executable, str(HERE / command[0]), *command[1:]])
        print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    print("== all held" if status == 0 else "== SOMETHING DID NOT HOLD (see above)")
    return status


if __name__ == "__main__":
    sys.exit(main())
