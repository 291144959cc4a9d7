"""logs/desk.log: start-up, refusals, unexpected errors with traceback, slow actions; rotated;
personal numbers never written."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from laoshan_desk import desk_log

ID = "370212199001011234"
MOBILE = "13812345678"


@pytest.fixture
def log_file(desk_home):  # type: ignore[no-untyped-def]
    path = desk_log.setup(desk_home)
    yield path
    desk_log.close(desk_home)


def _text(path) -> str:  # type: ignore[no-untyped-def]
    for handler in logging.getLogger(desk_log.LOGGER).handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_mask_keeps_the_ends_and_leaves_other_numbers_alone():
    assert desk_log.mask(f"身份证 {ID}，手机 {MOBILE}") == "身份证 370212********1234，手机 138****5678"
    assert desk_log.mask("37021219900101123X") == "370212********123X"
    # Longer runs of digits are not personal numbers (an order number, a timestamp in ms).
    assert desk_log.mask("1381234567890123") == "1381234567890123"
    assert desk_log.mask("LS202611250001") == "LS202611250001"


def test_the_log_never_holds_a_personal_number(log_file):
    log = logging.getLogger("laoshan_desk.test")
    log.info("refused: 手机 %s 格式不符", MOBILE)
    log.info(f"身份证号 {ID} 已存在")
    try:
        raise ValueError(f"bad row {ID} / {MOBILE}")
    except ValueError:
        log.exception("import failed")
    text = _text(log_file)
    assert ID not in text and MOBILE not in text
    assert "138****5678" in text and "370212********1234" in text
    assert "Traceback (most recent call last)" in text and "ValueError" in text


def test_the_log_is_rotated_and_set_up_once(log_file, desk_home):
    desk_log.setup(desk_home)  # a second call adds no second handler
    handlers = [
        h for h in logging.getLogger(desk_log.LOGGER).handlers if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert len(handlers) == 1
    assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 5
    assert log_file == desk_home / "logs" / "desk.log"


def test_refusals_and_slow_actions_are_logged(qtbot, log_file, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from laoshan_desk.domain.errors import ValidationError
    from laoshan_desk.ui.common import actions

    widget = QWidget()
    qtbot.addWidget(widget)

    def refuse() -> None:
        raise ValidationError("金额须为正数", field="amount")

    actions.run_action(widget, refuse, errors=None, title="无法登记")
    qtbot.waitUntil(lambda: widget.findChild(QWidget, "deskMessage") is not None, timeout=5000)
    monkeypatch.setattr(actions, "SLOW_SECONDS", -1.0)  # every action counts as slow here

    def export_ledger() -> int:
        return 1

    actions.run_action(widget, export_ledger)
    text = _text(log_file)
    assert "INFO" in text and "金额须为正数" in text and "无法登记" in text
    assert "slow action (test_refusals_and_slow_actions_are_logged.<locals>.export_ledger, GUI thread)" in text
