"""Every clerk-facing path against a baseline doing the same work, measured in the same run.

    .venv/bin/python bench/ratios.py [--quick] [--size N] [--repeat K] [--only WORD] [--dir DIR]

Machines are noisy, so absolute milliseconds mean little; a ratio to a baseline timed in the same
process, interleaved (baseline, desk, baseline, desk, …) and taken best of N, means a lot more.
Each area contributes rows from a module ``bench/rows_<area>.py`` defining

    def rows(ctx: BenchContext) -> list[Row]

where a :class:`Row` names the path, the baseline and the desk as zero-argument callables, and the
goal as "ratio at most" (``max_ratio``) or "ratio at least" (``min_ratio``, for speed-ups such as
search against a LIKE scan) or an absolute bound in milliseconds (``max_ms``). ``--quick`` uses
100,000 appeals (under five minutes on the 2-core build machine); the full run 1,000,000.
Prints one table — path | baseline | desk | ratio | goal | met — with the load average, and exits 1
when a goal is missed (the table says which). Nothing here runs in ``make test``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib.util
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


@dataclasses.dataclass(frozen=True)
class BenchContext:
    size: int  # appeals in the big database
    quick: bool
    repeat: int
    workdir: Path  # where databases are made or reused (bench/out by default)


@dataclasses.dataclass(frozen=True)
class Row:
    path: str
    desk: Callable[[], object]
    baseline: Callable[[], object] | None = None
    baseline_name: str = ""
    max_ratio: float | None = None
    min_ratio: float | None = None  # the desk must be at least this many times faster
    speedup: bool = False  # print the ratio as "N× faster" (implied by min_ratio)
    max_ms: float | None = None
    note: str = ""
    # The callables time themselves and return milliseconds (a subprocess's start-up, a figure
    # measured inside another process): their return value is the figure, not their duration.
    reports_ms: bool = False
    rounds: int | None = None  # 1: one run, no warm-up (an action on a big database, an export)


@dataclasses.dataclass(frozen=True)
class Result:
    row: Row
    baseline_ms: float | None
    desk_ms: float

    @property
    def ratio(self) -> float | None:
        if self.baseline_ms is None or self.baseline_ms <= 0:
            return None
        return self.desk_ms / self.baseline_ms

    @property
    def met(self) -> bool:
        r = self.row
        if r.max_ms is not None and self.desk_ms > r.max_ms:
            return False
        if r.max_ratio is not None and (self.ratio is None or self.ratio > r.max_ratio):
            return False
        if r.min_ratio is not None and (self.ratio is None or 1 / self.ratio < r.min_ratio):
            return False
        return True

    def goal(self) -> str:
        r = self.row
        parts = []
        if r.max_ratio is not None:
            parts.append(f"≤ {r.max_ratio:g}×")
        if r.min_ratio is not None:
            parts.append(f"≥ {r.min_ratio:g}× faster")
        if r.max_ms is not None:
            parts.append(f"< {r.max_ms:g} ms")
        return ", ".join(parts) or "—"


def _once(fn: Callable[[], object], reports_ms: bool = False) -> float:
    start = time.perf_counter()
    value = fn()
    elapsed = (time.perf_counter() - start) * 1000
    return float(value) if reports_ms and isinstance(value, (int, float)) else elapsed


def measure(row: Row, repeat: int) -> Result:
    """One warm-up each, then ``repeat`` interleaved rounds; best of each side.

    The collector is set as the desk sets it once its window shows (app.py: ``gc.collect()``,
    then ``gc.freeze()``), once per row, not before every run: a full collection empties
    CPython's free lists, so the run after it pays for allocating them again (1.4 ms of a 7 ms
    search, measured), which no clerk's action pays and a baseline in C barely notices."""
    gc.collect()
    gc.freeze()
    if row.rounds is not None:
        repeat = row.rounds
    if row.rounds != 1:
        if row.baseline is not None:
            row.baseline()
        row.desk()
    base_best = desk_best = float("inf")
    for _ in range(repeat):
        if row.baseline is not None:
            base_best = min(base_best, _once(row.baseline, row.reports_ms))
        desk_best = min(desk_best, _once(row.desk, row.reports_ms))
    return Result(row, None if row.baseline is None else base_best, desk_best)


def discover(only: str | None) -> list[tuple[str, Callable[[BenchContext], list[Row]]]]:
    found = []
    for path in sorted(HERE.glob("rows_*.py")):
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.append((path.stem[5:], module.rows))
    return [(name, fn) for name, fn in found if only is None or only in name]


def table(results: list[Result]) -> str:
    lines = ["| path | baseline | desk | ratio | goal | met |", "|---|---|---|---|---|---|"]
    for res in results:
        base = "—" if res.baseline_ms is None else f"{res.row.baseline_name} {res.baseline_ms:.1f} ms".strip()
        ratio = "—" if res.ratio is None else f"{res.ratio:.2f}×"
        if res.ratio and (res.row.speedup or res.row.min_ratio is not None):  # say how many times faster
            ratio = f"{1 / res.ratio:.1f}× faster"
        met = "—" if res.goal() == "—" else "yes" if res.met else "NO"  # a row for the record has no goal
        lines.append(f"| {res.row.path} | {base} | {res.desk_ms:.1f} ms | {ratio} | {res.goal()} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 appeals instead of 1,000,000")
    parser.add_argument("--size", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default=None, help="only the row modules whose name contains this")
    parser.add_argument("--dir", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    size = args.size or (100_000 if args.quick else 1_000_000)
    args.dir.mkdir(parents=True, exist_ok=True)
    ctx = BenchContext(size=size, quick=args.quick, repeat=args.repeat, workdir=args.dir)
    results: list[Result] = []
    for name, make_rows in discover(args.only):
        print(f"… {name}", file=sys.stderr, flush=True)
        for row in make_rows(ctx):
            results.append(measure(row, ctx.repeat))
            print(f"   {row.path}: {results[-1].desk_ms:.1f} ms", file=sys.stderr, flush=True)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Laoshan Desk ratios — {size:,} appeals, best of {ctx.repeat}, interleaved; load average {load}\n")
    print(table(results))
    notes = [f"- {r.row.path}: {r.row.note}" for r in results if r.row.note]
    if notes:
        print("\n" + "\n".join(notes))
    missed = [r for r in results if not r.met]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
