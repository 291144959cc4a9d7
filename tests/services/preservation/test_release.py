"""Release rulings: their numbers."""

from __future__ import annotations

from laoshan_desk.services import preservation as svc


def test_release_ruling_numbers():
    assert svc.release_ruling_number("（2026）鲁0212财保12号", 1) == "（2026）鲁0212财保12号之一"
    assert svc.release_ruling_number("（2026）鲁0212民初5号之一", 1) == "（2026）鲁0212民初5号之二"
    assert svc.release_ruling_number("（2026）鲁0212民初5号之一", 10) == "（2026）鲁0212民初5号之十一"
