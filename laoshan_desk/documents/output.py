"""Where the desk may write a file it makes (an export, a report, a backup), and how.

:func:`check_output` is the one check, used by every writer and by the command line:

- a folder, a device (``/dev/sda``, ``NUL``), a pipe or a socket is never written to, with or
  without ``overwrite``; nor a path under something that is not a folder;
- an existing ordinary file is replaced only when ``overwrite`` is true (the CLI's ``--force``,
  or the desk's save dialog after the clerk said yes to "replace?").

:func:`atomic_write` then writes next to the target and renames over it (``os.replace``), so a
crash or a full disk never leaves half a file where the old one was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

from laoshan_desk.domain.errors import ValidationError


def check_output(path: Path | str, *, overwrite: bool, field: str = "file") -> Path:
    """``path`` as a Path if the desk may write there, else a ValidationError on ``field``."""
    target = Path(path).expanduser()
    if not str(path).strip():
        raise ValidationError("请给出要写入的文件名", field=field)
    try:
        info = target.stat()  # follows a symbolic link to what it names
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:
        raise ValidationError(f"无法写入 {target}：{exc.strerror or exc}", field=field) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise ValidationError(f"{target} 是一个文件夹，请给出文件名", field=field)
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(f"{target} 不是普通文件（设备、管道等），不能写入", field=field)
        if not overwrite:
            raise ValidationError(f"文件已存在：{target}（如要覆盖，请加 --force）", field=field)
    for parent in target.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise ValidationError(f"{parent} 不是文件夹，无法在其中写入文件", field=field)
            break
    return target


@contextlib.contextmanager
def atomic_write(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` at once.

    The temporary file is removed when the block fails. Call :func:`check_output` first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
