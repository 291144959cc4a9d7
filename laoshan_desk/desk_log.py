"""The desk's log file: ``logs/desk.log`` in the data directory, rotated, personal numbers masked.

What goes there: each start-up (the version and the kind of database, never a password),
refusals a clerk was shown (``DeskError``, at INFO), unexpected exceptions with their traceback,
and actions that kept the clerk waiting more than a second. An 18-digit resident ID or an
11-digit mobile number never reaches the file: :class:`MaskPersonalNumbers` masks them in the
message and the formatter masks them in tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOGGER = "laoshan_desk"
FILE_NAME = "desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# A resident ID: 17 digits and a digit or X; a mainland mobile: 1, then 3–9, then 9 digits.
# Neither may be part of a longer run of digits (an order number, a timestamp).
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask(text: str) -> str:
    """``370212199001011234`` → ``370212********1234``; ``13812345678`` → ``138****5678``."""
    return _MOBILE.sub(r"\1****\2", _ID.sub(r"\1********\2", text))


class MaskPersonalNumbers(logging.Filter):
    """Rewrites a record's message (its arguments merged in) with personal numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True


class _MaskingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def log_path(folder: Path) -> Path:
    return folder / "logs" / FILE_NAME


def setup(folder: Path) -> Path:
    """Send the desk's logger to ``folder/logs/desk.log`` (once per file); returns the path."""
    path = log_path(folder)
    logger = logging.getLogger(LOGGER)
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(_MaskingFormatter(_FORMAT))
    handler.addFilter(MaskPersonalNumbers())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def close(folder: Path) -> None:
    """Detach the file of ``folder`` (tests, and a desk that moves its data directory)."""
    logger = logging.getLogger(LOGGER)
    path = log_path(folder).resolve()
    for handler in list(logger.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            logger.removeHandler(handler)
            handler.close()
