"""The vocabulary of property preservation: case kinds, decisions, measures, assets, tiers.

Each closed set of codes is a :class:`~laoshan_desk.domain.labels.Labelled` enum: the value is
the code stored in the database, ``.label`` the Chinese word on screens and papers.
"""

from __future__ import annotations

import enum

from laoshan_desk.domain.labels import Labelled


class CaseKind(Labelled):
    PRE_SUIT = ("pre_suit", "诉前财产保全")
    IN_SUIT = ("in_suit", "诉中财产保全")
    PRE_ENFORCEMENT = ("pre_enforcement", "执行前财产保全")


class Decision(Labelled):
    """The judge's decision at step 1, recorded with reasons."""

    GRANT = ("grant", "准予保全")
    GRANT_IN_PART = ("grant_in_part", "部分准予保全")
    REFUSE = ("refuse", "驳回申请")


class Measure(Labelled):
    FREEZE = ("freeze", "冻结")
    SEIZE = ("seize", "查封")


class TermCategory(Labelled):
    """The three term lengths of Judicial Interpretation art. 485."""

    DEPOSIT = ("deposit", "银行存款")
    MOVABLE = ("movable", "动产")
    PROPERTY = ("property", "不动产及其他财产权")

    @property
    def years(self) -> int:
        return {"deposit": 1, "movable": 2, "property": 3}[self.value]


class AssetType(Labelled):
    ACCOUNT = ("account", "银行账户")
    REAL_ESTATE = ("real_estate", "不动产")
    VEHICLE = ("vehicle", "车辆")
    EQUIPMENT = ("equipment", "机器设备")
    INVENTORY = ("inventory", "存货")
    EQUITY = ("equity", "股权")
    RECEIVABLE = ("receivable", "到期债权")

    @property
    def measure(self) -> Measure:
        # Money, shares and claims are frozen; things and land are seized (查封/扣押).
        if self in (AssetType.ACCOUNT, AssetType.EQUITY, AssetType.RECEIVABLE):
            return Measure.FREEZE
        return Measure.SEIZE

    @property
    def term_category(self) -> TermCategory:
        if self is AssetType.ACCOUNT:
            return TermCategory.DEPOSIT
        if self in (AssetType.VEHICLE, AssetType.EQUIPMENT, AssetType.INVENTORY):
            return TermCategory.MOVABLE
        return TermCategory.PROPERTY


class AccountKind(Labelled):
    BASIC = ("basic", "基本存款账户")
    GENERAL = ("general", "一般存款账户")
    SPECIAL = ("special", "专用存款账户")
    WAGE = ("wage", "农民工工资专用账户")


class GuaranteeType(Labelled):
    PERFORMANCE_BOND = ("performance_bond", "履约保函")
    INSURANCE = ("insurance", "保险保函")
    CASH = ("cash", "现金担保")


class Tier(enum.IntEnum):
    """Harm order, least first (《财产保全规定》第十三条 and the court's three steps)."""

    IDLE = 1  # non-account assets not used in production or operation
    ACCOUNTS = 2  # general and special accounts, capped freeze
    OPERATIONAL = 3  # non-account assets in operational use
    BASIC = 4  # the basic account: last, with a leader's approval

    @property
    def label(self) -> str:
        return {1: "未用于生产经营的财产", 2: "一般/专用账户", 3: "生产经营中使用的财产", 4: "基本账户"}[int(self)]
