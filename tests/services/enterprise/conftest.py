"""The alliance fixtures for this folder (tests/alliance_support.py)."""

from tests.alliance_support import add_member, clerk, leader, officer

__all__ = ["add_member", "clerk", "leader", "officer"]
