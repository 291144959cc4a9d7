"""`laoshan-desk` with no command opens the desk; `--help` says so and what each command does."""

from __future__ import annotations

import pytest

from laoshan_desk.__main__ import desk_database, main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "sqlite:///x.db"], (True, "sqlite:///x.db")),
        (["--db=postgresql://h/d"], (True, "postgresql://h/d")),
        (["init", "--demo"], (False, None)),
        (["--db", "sqlite:///x.db", "backup"], (False, None)),
        (["--help"], (False, None)),
    ],
)
def test_which_arguments_open_the_desk(argv, expected):
    assert desk_database(argv) == expected


def test_help_says_that_no_command_opens_the_desk(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "不带命令运行 laoshan-desk" in out and "即打开桌面" in out and "With no command the desk opens" in out
    for command in ("init", "appeals", "approvals", "preservation", "alliance", "backup", "restore", "calendar"):
        assert command in out
