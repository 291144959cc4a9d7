"""The organisation tree's vocabulary: the kinds of unit a street, a community, a village or a
district department is (resources/data/organisation.json; the tree itself is stored, services/org.py)."""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled


class UnitKind(Labelled):
    """What a unit of the tree is: the stored code and its Chinese word."""

    STREET = ("street", "街道")
    COMMUNITY = ("community", "社区")
    VILLAGE = ("village", "村")
    DEPARTMENT = ("department", "区直部门")
