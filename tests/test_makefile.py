"""`make run` installs what running needs, not the test tools; apt-get is announced with why."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_no_test_extras(tmp_path):
    venv = tmp_path / "fresh-venv"  # nothing installed yet: make shows every step it would take
    run = subprocess.run(
        ["make", "-n", "run", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    test = subprocess.run(
        ["make", "-n", "test", f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "pip install --quiet -e ." in run and "[test]" not in run
    assert "pip install --quiet -e '.[test]'" in test
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for line in makefile.splitlines():
        if "apt-get install -y" in line and "QT_DEBS" in line:
            # the line before says what and why
            before = makefile.splitlines()[makefile.splitlines().index(line) - 1]
            assert "echo" in before and ("needs" in before or "without" in before), before


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_uses_a_home_of_its_own_and_never_the_configured_database(tmp_path):
    """Issue 10: demo data never lands on a real database — `make demo` runs both its steps with
    its own data directory and without LAOSHAN_DESK_DB, whatever the environment says."""
    venv = tmp_path / "fresh-venv"
    env = {"PATH": "/usr/bin:/bin", "LAOSHAN_DESK_DB": "sqlite:////real/work.sqlite3"}
    shown = subprocess.run(
        ["make", "-n", "demo", f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    ).stdout
    steps = [line for line in shown.splitlines() if "laoshan-desk" in line and "LAOSHAN_DESK_HOME" in line]
    assert len(steps) == 2 and "init --demo" in steps[0], shown
    for line in steps:
        assert "env -u LAOSHAN_DESK_DB" in line and f'LAOSHAN_DESK_HOME="{ROOT}/.demo-home"' in line, line
        assert "/real/work.sqlite3" not in line
