"""Compile forms/*.ui into laoshan_desk/ui/forms/ui_*.py with pyside6-uic.

Run after editing a form in Qt Designer: ``python -m laoshan_desk.ui.forms_build``. The generated modules
are committed and never edited by hand; tests/ui/test_forms_current.py fails when one is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
OUT = ROOT / "laoshan_desk" / "ui" / "forms"


def uic() -> str:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found: install PySide6 in this environment")
    return exe


def generate(ui_file: Path) -> str:
    result = subprocess.run([uic(), "--from-imports", str(ui_file)], check=True, capture_output=True, text=True)
    # Drop the generator's version banner so that a PySide6 patch release does not mark files stale.
    lines = [
        line
        for line in result.stdout.splitlines()
        if not line.startswith("## Created by: Qt User Interface Compiler version")
    ]
    return "\n".join(lines) + "\n"


def target(ui_file: Path) -> Path:
    return OUT / f"ui_{ui_file.stem}.py"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    init = OUT / "__init__.py"
    if not init.exists():
        init.write_text(
            '"""Generated from forms/*.ui by laoshan_desk/ui/forms_build.py. Do not edit."""\n', encoding="utf-8"
        )
    for ui_file in sorted(FORMS.glob("*.ui")):
        target(ui_file).write_text(generate(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
