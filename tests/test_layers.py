"""Checks the code claims: import contracts (pyproject [tool.importlinter]), ruff, formatting, mypy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_no_unused_or_undefined_names():
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [exe, "check", "--output-format", "concise", "laoshan_desk", "tests", "bench", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_code_is_formatted():
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [exe, "format", "--check", "laoshan_desk", "tests", "bench", "docs", "main.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run `ruff format`:\n" + result.stdout[-3000:] + result.stderr[-2000:]


def test_types_check():
    """mypy over the package (settings in pyproject.toml [tool.mypy]): the annotations are claims, checked."""
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent)) or "mypy"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
