"""The desk shell's rows for ``bench/ratios.py``: start-up, and the GUI thread's longest stall.

    .venv/bin/python bench/ratios.py --only shell [--quick]

- start-up to the login dialog's first paint (``bench/shell_probe.py login``, a fresh process
  through ``laoshan_desk.__main__``) against a bare PySide6 QMainWindow started the same way
  (``shell_probe.py bare``), each timed from the process start to its line, interleaved, best
  of N (goal ≤ 2×);
- the accepted password to the main window's first paint, the clerk having typed while the
  worker opened the database and loaded ahead (goal < 400 ms); the note gives the time when the
  password is given at once, and the module counts;
- the GUI thread's longest stall during each tab's heavy actions (``tests/ui/latency.py``) on
  the appeals bench database of the run's size (goal < 100 ms each).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PROBE = HERE / "shell_probe.py"
USER, PASSWORD = "benchadmin", "Bench2026pass"


def _probe(workdir: Path, *args: str) -> tuple[float, dict[str, Any]]:
    """Run the probe; (ms from the process start to its line, its JSON)."""
    env = dict(os.environ, LAOSHAN_DESK_HOME=str(workdir / "shell-home"), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    process.wait(timeout=120)
    figures = json.loads(line) if line.strip() else {"error": "no output"}
    return elapsed, figures


def shell_database(workdir: Path) -> str:
    """A demo database with an admin the probe logs in as (built once)."""
    from laoshan_desk.services import auth, bootstrap
    from laoshan_desk.services.context import system_actor

    path = workdir / "shell_demo.sqlite3"
    os.environ["LAOSHAN_DESK_HOME"] = str(workdir / "shell-home")
    url = f"sqlite:///{path}"
    if not path.exists():
        db = bootstrap.open_database(url)
        now = dt.datetime.now(dt.timezone(dt.timedelta(hours=8)))
        bootstrap.init(db, system_actor("bench"), demo=True, now=now, appeals=2000)
        if auth.needs_first_admin(db):
            auth.create_first_admin(db, auth.FirstAdminForm(USER, "基准测试管理员", PASSWORD), now=now)
        db.dispose()
    return url


def startup_rows(ctx: Any, row: Any) -> list[Any]:
    url = shell_database(ctx.workdir)
    at_once: dict[str, Any] = {}

    def window_ms() -> float:
        _elapsed, figures = _probe(ctx.workdir, "window", url, USER, PASSWORD)
        at_once["typed"] = figures
        return float(figures.get("accepted_to_window_ms", float("inf")))

    def note() -> str:
        window_ms()  # one typed run first, for its module counts and password check
        _e, quick = _probe(ctx.workdir, "window", url, USER, PASSWORD, "--at-once")
        typed = at_once.get("typed", {})
        return (
            f"modules at the login dialog {typed.get('modules_at_login')}, at the main window "
            f"{typed.get('modules_at_window')}; password check {typed.get('password_check_ms')} ms; "
            f"password given at once (before the worker finished): accepted → window "
            f"{quick.get('accepted_to_window_ms')} ms"
        )

    return [
        row(
            "start-up to the login dialog",
            desk=lambda: _probe(ctx.workdir, "login")[0],
            baseline=lambda: _probe(ctx.workdir, "bare")[0],
            baseline_name="bare QMainWindow",
            max_ratio=2.0,
            reports_ms=True,
        ),
        row(
            "password accepted → main window painted",
            desk=window_ms,
            max_ms=400.0,
            reports_ms=True,
            note=note(),
        ),
    ]


def stall_rows(ctx: Any, row: Any) -> list[Any]:
    """Each tab's heavy actions on the appeals bench database; one row per action."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from PySide6.QtWidgets import QApplication
    from rows_appeals import database

    from laoshan_desk.services.context import system_actor
    from laoshan_desk.ui.common.collector import collect_on_gui_thread
    from laoshan_desk.ui.context import DeskContext
    from laoshan_desk.ui.fonts import install_ui_font
    from laoshan_desk.ui.main_window import MainWindow
    from tests.ui.latency import LatencyWatcher, scenarios

    app = QApplication.instance() or QApplication([])
    install_ui_font(app)  # type: ignore[arg-type]
    collect_on_gui_thread(app)  # as make_application does
    db = database(ctx.size, ctx.workdir)
    window = MainWindow(DeskContext(db=db, actor=system_actor("bench")), idle_lock=False)
    window.show()
    # As the desk does once the main window shows (app.py DeskStart.show_main): start-up's objects
    # frozen out of the collector's way; each tab does the same when it is first built.
    gc.collect()
    gc.freeze()
    watcher = LatencyWatcher()
    out = ctx.workdir / "stall-files"
    out.mkdir(exist_ok=True)
    rows = []
    found = scenarios(window, out)  # builds each tab the window's user sees
    # The window's first paint (its fonts' glyphs, each tab's first layout) is start-up, timed by
    # the row "password accepted → main window painted": the clerk's first action comes after it.
    settle = time.perf_counter() + 1.0
    watcher.during(lambda: None, lambda: time.perf_counter() > settle)
    for name, action, done in found:

        def stall(action: Any = action, done: Any = done, name: str = name) -> float:
            started = time.perf_counter()
            longest = watcher.during(action, done)
            # How long the action ran beside the watcher (an export's wall time: the hand-overs of
            # laoshan_desk/pacing.py are paid for there) and how busy the machine was.
            load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
            print(
                f"   {name}: {time.perf_counter() - started:.1f} s, longest stall {longest:.1f} ms, load {load}",
                file=sys.stderr,
                flush=True,
            )
            return longest

        rows.append(row(f"max GUI stall: {name}", desk=stall, max_ms=100.0, reports_ms=True, rounds=1))
    return rows


def rows(ctx: Any) -> list[Any]:
    from ratios import Row  # the runner that loads this module

    return [*startup_rows(ctx, Row), *stall_rows(ctx, Row)]
