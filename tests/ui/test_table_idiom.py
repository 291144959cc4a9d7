"""The one table idiom (issue 8 §4): every list on a screen is a column-spec model
(ui/common/table_model.py), never a QTableWidget or a QStandardItemModel filled by position;
no screen opens a nested event loop: dialogs, questions and messages open with ``open()``, never
``exec()`` or a static ``QMessageBox``/``QInputDialog`` call (docs/design/conventions.md §The UI).
The one exception is Qt's own print dialog in ui/common/pdf_preview.py, allowed by name."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import laoshan_desk.ui as ui_package

UI = Path(ui_package.__file__).parent


def _sources(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(UI)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.py"))
        if "forms" not in p.relative_to(UI).parts[:1]  # generated from .ui files
    }


def test_no_screen_fills_a_table_widget_or_a_standard_item_model() -> None:
    sources = _sources(UI)
    assert len(sources) > 50
    found = [name for name, text in sources.items() if re.search(r"\bQ(TableWidget|StandardItemModel)\b", text)]
    assert found == []


STATIC_BOXES = {"information", "question", "warning", "critical", "about", "aboutQt"}
# (file, function, the class whose exec() is allowed there): Qt's own print dialog.
ALLOWED_EXEC = {("common/pdf_preview.py", "print_dialog", "QPrintDialog")}


def _called_name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def nested_event_loops(name: str, text: str) -> list[str]:
    """``file:line call`` for every ``x.exec()``/``x.exec_()``, static ``QMessageBox.<box>(…)`` and
    ``QInputDialog.get…(…)`` in the module's code (docstrings and comments do not count)."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(text)
    functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)]
    allowed: set[tuple[str, str]] = set()  # (function, variable) holding an allowed dialog
    for function in functions:
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                made = _called_name(node.value.func)
                if (name, function.name, made) in ALLOWED_EXEC:
                    allowed |= {(function.name, t.id) for t in node.targets if isinstance(t, ast.Name)}
    owner = {id(node): f.name for f in functions for node in ast.walk(f)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        attr, receiver = node.func.attr, node.func.value
        receiver_name = receiver.id if isinstance(receiver, ast.Name) else ""
        if attr in ("exec", "exec_"):
            if (owner.get(id(node), ""), receiver_name) in allowed:
                continue
        elif not (
            (receiver_name == "QMessageBox" and attr in STATIC_BOXES)
            or (receiver_name == "QInputDialog" and attr.startswith("get"))
        ):
            continue
        found.append((node.lineno, f"{name}:{node.lineno} {ast.unparse(node.func)}()"))
    return [hit for _line, hit in sorted(found)]


def test_no_screen_opens_a_nested_event_loop() -> None:
    sources = _sources(UI)
    found = [hit for name, text in sources.items() for hit in nested_event_loops(name, text)]
    assert found == []
    # the allowed print dialog is really there (the allowance is not a blanket one)
    assert "dialog.exec()" in sources["common/pdf_preview.py"]


def test_the_check_finds_what_it_forbids() -> None:
    """The checker itself, on a made-up screen: each blocking call is found, a docstring or a
    comment naming exec() is not, and QPrintDialog's exec() is allowed only where it is named."""
    screen = '''
"""Opens with open(), never a nested exec()."""
def ask(self):
    box.exec()  # a comment naming QMessageBox.question(...) is not code
    QMessageBox.question(self, "t", "x")
    QMessageBox.warning(self, "t", "x")
    QInputDialog.getText(self, "t", "x")
    self.dialog.exec_()
def print_dialog(self):
    dialog = QPrintDialog(printer, self)
    dialog.exec()
    other = QDialog(self)
    other.exec()
'''
    lines = [hit.split(" ", 1)[0] for hit in nested_event_loops("common/pdf_preview.py", screen)]
    assert lines == [f"common/pdf_preview.py:{n}" for n in (4, 5, 6, 7, 8, 13)]
    elsewhere = nested_event_loops("appeals/tab.py", screen)
    assert len(elsewhere) == 7  # the print dialog is allowed in pdf_preview.py only
