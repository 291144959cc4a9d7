"""``make bench``: every clerk-facing path against its baseline, as ONE table (``bench/ratios.py``).

    .venv/bin/python bench/run_all.py [--quick] [--sizes N [N ...]] [--repeat K] [--only WORD] [--dir DIR]
    .venv/bin/python bench/run_all.py --scripts [ARGS]   the older per-area scripts (*_bench.py)

``--quick`` is 100,000 appeals (under five minutes on the 2-core build machine), the default run
1,000,000. ``--sizes`` names the database size(s) instead: one table per size, each printed with
the load average. The per-area scripts are run only with ``--scripts``; each is given only the
options it knows (``foundation_bench.py`` has no ``--sizes``). Nothing here runs in ``make test``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _known_options(script: Path) -> set[str]:
    """The ``--options`` a script's parser defines (read from its ``--help``)."""
    out = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    return {word.split("=")[0].rstrip(",") for word in out.stdout.split() if word.startswith("--")}


def _only_known(args: list[str], known: set[str]) -> list[str]:
    """``args`` without the options (and their values) that ``known`` does not list."""
    kept: list[str] = []
    keep = False
    for arg in args:
        if arg.startswith("--"):
            keep = arg.split("=")[0] in known
        if keep:
            kept.append(arg)
    return kept


def run_scripts(args: list[str]) -> int:
    status = 0
    for script in sorted(HERE.glob("*_bench.py")):
        print(f"== {script.name}", flush=True)
        status |= subprocess.call([sys.executable, str(script), *_only_known(args, _known_options(script))])
    return status


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--scripts" in argv:
        return run_scripts([a for a in argv if a != "--scripts"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 appeals instead of 1,000,000")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="database size(s): one table each")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--only", default=None)
    parser.add_argument("--dir", default=None)
    args = parser.parse_args(argv)
    import ratios

    common: list[str] = ["--quick"] if args.quick else []
    for name in ("repeat", "only", "dir"):
        value = getattr(args, name)
        if value is not None:
            common += [f"--{name}", str(value)]
    status = 0
    for size in args.sizes or [None]:
        status |= ratios.main([*common, *([] if size is None else ["--size", str(size)])])
    return status


if __name__ == "__main__":
    sys.exit(main())
