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
