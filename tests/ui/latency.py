"""The GUI thread's longest stall while a clerk's action runs.

    watcher = LatencyWatcher()
    stall_ms = watcher.during(lambda: tab.dashboard.refresh(), done=lambda: tab.dashboard.job.finished)

A QTimer fires every 10 ms; each gap between two firings beyond the interval is time the event
loop could not run (the GUI thread was busy). ``during`` starts the action from the event loop,
waits (running the loop) until ``done()`` says it has finished, and returns the longest gap in
milliseconds, the action's own synchronous part included. A figure, never an assertion: the
test records it, ``bench/rows_shell.py`` compares it with the 100 ms goal.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

INTERVAL_MS = 10


class LatencyWatcher:
    def __init__(self, *, answer_boxes: bool = True) -> None:
        self.answer_boxes = answer_boxes
        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now
        if self.answer_boxes:
            # Some screens answer with a modal QMessageBox.exec() (the bulletin's 已导出): the
            # clerk would click OK; the watcher closes it so the action can finish.
            from PySide6.QtWidgets import QApplication, QMessageBox

            for box in QApplication.topLevelWidgets():
                if isinstance(box, QMessageBox) and box.isVisible():
                    box.close()

    def during(self, action: Callable[[], object], done: Callable[[], bool], timeout_s: float = 300.0) -> float:
        """Run ``action`` from the event loop; the longest stall (ms) until ``done()``.

        The loop is a real ``QEventLoop.exec()``, as the desk's ``app.exec()``: it sleeps in Qt
        between events. (A Python loop around ``processEvents(…, 50)`` does not: with a time
        limit Qt drops ``WaitForMoreEvents``, the loop spun 200,000 times a second and kept
        the interpreter from the worker it was timing half of the time.)"""
        self.gaps = []
        loop = QEventLoop()
        started = time.perf_counter()
        timed_out = False

        def check() -> None:
            nonlocal timed_out
            elapsed = time.perf_counter() - started
            if done() and elapsed > INTERVAL_MS * 3 / 1000:
                loop.quit()
            elif elapsed > timeout_s:
                timed_out = True
                loop.quit()

        self._last = started
        self.timer.timeout.connect(check)
        self.timer.start()
        # The action is started from the loop, so its synchronous part shows as a gap too.
        QTimer.singleShot(0, action)
        loop.exec()
        self.timer.timeout.disconnect(check)
        self._tick()
        self.timer.stop()
        if timed_out:
            raise TimeoutError("the action did not finish")
        return max(self.gaps, default=0.0)


def record(path: Path, figures: dict[str, float]) -> None:
    """Write the stalls as JSON (merged with what the file already holds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    old.update({k: round(v, 1) for k, v in figures.items()})
    path.write_text(json.dumps(old, ensure_ascii=False, indent=1), encoding="utf-8")


Scenario = tuple[str, Callable[[], object], Callable[[], bool]]


def scenarios(window: object, folder: Path) -> list[Scenario]:
    """Each tab's heavy actions, through the widgets' own methods (no file dialog): what the
    test and ``bench/rows_shell.py`` time. Tabs the window's user does not see are left out."""
    from typing import Any

    w: Any = window
    found: list[Scenario] = []
    state: dict[str, Any] = {}

    def keep(name: str, value: object) -> None:
        state[name] = value

    def finished(name: str) -> Callable[[], bool]:
        return lambda: state.get(name) is not None and bool(getattr(state[name], "finished", True))

    if "approvals" in w.areas:
        approvals = w.select_area("approvals")
        found.append(("审批点菜单: 刷新项目列表", approvals.refresh, lambda: True))

        def bulletin() -> None:
            from laoshan_desk.ui.approvals.reports import BulletinDialog

            dialog = BulletinDialog(w.ctx, approvals)
            keep("bulletin", dialog.export_to(folder / "bulletin.xlsx"))

        found.append(("审批点菜单: 导出周通报", bulletin, finished("bulletin")))
    if "appeals" in w.areas:
        appeals = w.select_area("appeals")
        found.append(("崂先办诉求: 刷新队列", appeals.refresh_lists, lambda: True))
        found.append(("崂先办诉求: 统计分析", appeals.dashboard.refresh, lambda: appeals.dashboard.job.finished))
        found.append(("崂先办诉求: 未诉先办热点", appeals.hotspots.refresh, lambda: appeals.hotspots.job.finished))
        found.append(
            ("崂先办诉求: 导出台账", lambda: appeals.start_export(folder / "ledger.xlsx"), lambda: not appeals.busy)
        )
    if "preservation" in w.areas:
        preservation = w.select_area("preservation")
        found.append(("财产保全审查: 刷新案件列表", preservation.reload, lambda: True))
        found.append(
            (
                "财产保全审查: 统计",
                lambda: keep("statistics", preservation.show_statistics()),
                finished("statistics"),
            )
        )
        found.append(
            (
                "财产保全审查: 导出清单",
                lambda: keep("cases", preservation.export(folder / "cases.xlsx")),
                finished("cases"),
            )
        )
    if "alliance" in w.areas:
        alliance = w.select_area("alliance")
        found.append(("兴商护航联盟: 刷新成员", alliance.members.reload, lambda: True))
        found.append(("兴商护航联盟: 季度统计", alliance.dashboard.refresh, lambda: True))
        found.append(
            (
                "兴商护航联盟: 导出成员",
                lambda: keep("members", alliance.members.export_file(folder / "members.xlsx")),
                finished("members"),
            )
        )
    if "admin" in w.areas:
        admin = w.select_area("admin")
        found.append(("管理: 刷新", admin.reload, lambda: True))
        found.append(("管理: 验证审计链", admin.audit.verify, lambda: admin.audit.verify_outcome.finished))
    return found
