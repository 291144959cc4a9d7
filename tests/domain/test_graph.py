"""Tests of the prerequisite-graph helpers."""

from __future__ import annotations

from laoshan_desk.domain.graph import cycle_message, find_cycle


def test_find_cycle():
    assert find_cycle({"A": ["B"], "B": []}) is None
    assert find_cycle({"A": ["B"], "B": ["A"]}) == ["A", "B", "A"]
    assert find_cycle({"A": ["missing"]}) is None
    assert cycle_message(["A", "B", "A"]) == "前置事项循环：A → B → A"
