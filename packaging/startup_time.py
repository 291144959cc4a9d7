"""Time an installed desk's first window: from starting the process to the window's first paint.

    python packaging/startup_time.py EXE MODE [RUNS]        MODE: bare | login

Runs ``EXE`` RUNS times (default 5) with ``LAOSHAN_DESK_SMOKE=MODE`` (see ``smoke.py``: the
bundle's hidden start-up probe), measures the time until it prints its ``SMOKE shown`` line,
and prints the best and every run as JSON. The environment (database, Qt platform) is the
caller's. A figure, not a test: nothing here passes or fails on time.
"""

import json
import os
import subprocess
import sys
import time


def one_run(exe: str, mode: str) -> float:
    env = dict(os.environ, LAOSHAN_DESK_SMOKE=mode)
    started = time.perf_counter()
    process = subprocess.Popen([exe], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    shown = None
    for line in process.stdout:
        if line.startswith("SMOKE shown") and shown is None:
            shown = time.perf_counter() - started
    if process.wait(timeout=120) != 0 or shown is None:
        raise SystemExit(f"{exe} ({mode}) did not show its window (exit status {process.returncode})")
    return shown


def main() -> None:
    exe, mode = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    times = [one_run(exe, mode) for _ in range(runs)]
    print(json.dumps({"mode": mode, "best_s": round(min(times), 3), "runs_s": [round(t, 3) for t in times]}))


if __name__ == "__main__":
    main()
