"""Compile forms/*.ui into laoshan_desk/ui/forms/ui_*.py (pyside6-uic) and resources/i18n/*.ts
into .qm (pyside6-lrelease).

Run after editing a form in Qt Designer or a translation: ``make forms``. The generated files are
committed and never edited by hand; tests/ui/test_forms_current.py fails when one is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
OUT = ROOT / "laoshan_desk" / "ui" / "forms"


I18N = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return exe


def uic() -> str:
    return tool("pyside6-uic")


def compile_translation(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


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
    for ts_file in sorted(I18N.glob("*.ts")):
        compile_translation(ts_file, ts_file.with_suffix(".qm"))
        print(f"{ts_file.name} -> {ts_file.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
