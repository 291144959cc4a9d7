"""Each forms/*.ui has a generated module, and it is current (regenerate: python -m laoshan_desk.ui.forms_build)."""

from __future__ import annotations

import pytest

from laoshan_desk.ui import forms_build

UI_FILES = sorted(forms_build.FORMS.glob("*.ui"))


@pytest.mark.parametrize("ui_file", UI_FILES, ids=[p.stem for p in UI_FILES])
def test_generated_module_is_current(ui_file):
    target = forms_build.target(ui_file)
    assert target.exists(), f"{target.name} missing: run python -m laoshan_desk.ui.forms_build"
    assert target.read_text(encoding="utf-8") == forms_build.generate(ui_file), f"{target.name} is stale"


TS_FILES = sorted(forms_build.I18N.glob("*.ts"))


@pytest.mark.parametrize("ts_file", TS_FILES, ids=[p.stem for p in TS_FILES])
def test_compiled_translation_is_current(ts_file, tmp_path):
    fresh = tmp_path / "fresh.qm"
    forms_build.compile_translation(ts_file, fresh)
    assert ts_file.with_suffix(".qm").read_bytes() == fresh.read_bytes(), "stale .qm: run make forms"


def test_qt_own_dialogs_speak_chinese(qapp):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from laoshan_desk.app import install_translators

    installed = install_translators(qapp)
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        dialog.deleteLater()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert {"查找范围(&L)：", "文件类型(&T)："} <= labels
    assert not any(text.isascii() and text.strip("&:") for text in labels), labels
