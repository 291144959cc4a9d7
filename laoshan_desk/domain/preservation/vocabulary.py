"""The vocabulary of property preservation: case kinds and states, decisions, measures, assets, tiers.

Each closed set of codes is a :class:`~laoshan_desk.domain.labels.Labelled` enum: the value is
the code stored in the database, ``.label`` the Chinese word on screens and papers. The words an
asset-inquiry export uses for its kinds (基本户, 房产 …) are mapped by :func:`asset_kind_from_word`.
"""

from __future__ import annotations

import enum

from laoshan_desk.domain.labels import Labelled


class CaseKind(Labelled):
    PRE_SUIT = ("pre_suit", "诉前财产保全")
    IN_SUIT = ("in_suit", "诉中财产保全")
    PRE_ENFORCEMENT = ("pre_enforcement", "执行前财产保全")


class CaseStatus(Labelled):
    """Where a case stands: received → granted (or refused) → executed → released or closed."""

    RECEIVED = ("received", "待审查")
    GRANTED = ("granted", "已裁定保全")
    REFUSED = ("refused", "已驳回")
    EXECUTED = ("executed", "已执行")
    RELEASED = ("released", "已解除")
    CLOSED = ("closed", "已结案")

    @property
    def finished(self) -> bool:
        """No clock runs any more: refused, every measure released, or closed."""
        return self in (CaseStatus.REFUSED, CaseStatus.RELEASED, CaseStatus.CLOSED)


class Decision(Labelled):
    """The judge's decision at step 1, recorded with reasons."""

    GRANT = ("grant", "准予保全")
    GRANT_IN_PART = ("grant_in_part", "部分准予保全")
    REFUSE = ("refuse", "驳回申请")

    @property
    def grants(self) -> bool:
        return self is not Decision.REFUSE


class PartyKind(Labelled):
    """A respondent is an enterprise (USCC, public) or a person (resident ID, masked)."""

    ENTERPRISE = ("enterprise", "企业")
    PERSON = ("person", "个人")


class ApplicantGuarantee(Labelled):
    """How the applicant guarantees its own application (《财产保全规定》第五条、第七条、第八条)."""

    NONE = ("none", "无需担保")
    CASH = ("cash", "现金")
    PROPERTY = ("property", "财产")
    BANK = ("bank", "银行保函")
    INSURANCE = ("insurance", "保险保函")


class ClockEvent(Labelled):
    """The events of a case's clock, kept in order with their times."""

    RECEIVED = ("received", "收到申请")
    FILED = ("filed", "立案")
    RULED = ("ruled", "作出裁定")
    EXECUTED = ("executed", "执行保全")
    LAWSUIT_FILED = ("lawsuit_filed", "申请人起诉")
    RELEASED = ("released", "解除保全")
    RENEWED = ("renewed", "续行保全")


class ReleaseReason(Labelled):
    GUARANTEE = ("guarantee", "被申请人提供担保")
    NO_SUIT = ("no_suit", "申请人未按期起诉")
    APPLICATION = ("application", "申请人申请解除")
    OTHER = ("other", "其他")


class Measure(Labelled):
    FREEZE = ("freeze", "冻结")
    SEIZE = ("seize", "查封")


class RepeatKind(Labelled):
    """One account frozen by several cases (docs/rules.md §preservation-repeat): within its balance,
    a waiting freeze behind the first (轮候), or the same applicant twice — likely a mistake."""

    WITHIN_BALANCE = ("within_balance", "分别限额冻结")
    WAITING = ("waiting", "轮候冻结")
    SUSPECT = ("suspect", "疑似重复冻结")


class MeasureStatus(Labelled):
    ACTIVE = ("active", "执行中")
    RELEASED = ("released", "已解除")


class PlanStage(Labelled):
    """Which plan a case holds: none yet, the desk's proposal, or the judge's adjustment."""

    NONE = ("none", "尚未生成方案")
    PROPOSED = ("proposed", "系统方案")
    ADJUSTED = ("adjusted", "法官调整后的方案")


class NoteKind(Labelled):
    """What a stored line of a plan says."""

    NOTE = ("note", "方案说明")
    EXCLUDED = ("excluded", "不予保全")
    VIOLATION = ("violation", "不合规")
    OVER_SCOPE = ("over_scope", "超标的额")


class AssetSource(Labelled):
    TYPED = ("typed", "手工登记")
    IMPORT = ("import", "网络查控导入")
    CLI = ("cli", "命令行")
    DEMO = ("demo", "演示数据")


class Paper(Labelled):
    """The court papers the desk prints for a case."""

    RULING = ("ruling", "民事裁定书")
    NOTICE = ("notice", "协助执行通知书")
    RELEASE = ("release", "解除保全裁定书")


class TermCategory(Labelled):
    """The three term lengths of Judicial Interpretation art. 485 (docs/rules.md §preservation-terms)."""

    DEPOSIT = ("deposit", "银行存款")
    MOVABLE = ("movable", "动产")
    PROPERTY = ("property", "不动产及其他财产权")

    @property
    def years(self) -> int:
        """The longest term in years: deposits 1, movables 2, real estate and other rights 3."""
        return _TERM_YEARS[self]


_TERM_YEARS = {TermCategory.DEPOSIT: 1, TermCategory.MOVABLE: 2, TermCategory.PROPERTY: 3}


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
    """Harm order, least first (docs/rules.md §preservation-plan: 《财产保全规定》第十三条, the seed's
    一般不得径行冻结账户): idle assets, assets in use sealed with continued use, accounts, the basic account."""

    label: str

    def __new__(cls, value: int, label: str) -> Tier:
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    IDLE = (1, "未用于生产经营的财产")  # non-account assets not used in production or operation
    OPERATIONAL = (2, "生产经营中使用的财产")  # in operational use: sealed, the respondent keeps using it
    ACCOUNTS = (3, "一般/专用账户")  # general and special accounts, capped freeze
    BASIC = (4, "基本账户")  # the basic account: last, with a leader's approval


# The words an asset-inquiry export or a clerk uses for a kind of asset. The codes and the
# Chinese labels of the enums are accepted as well.
_KIND_WORDS: dict[str, tuple[AssetType, AccountKind | None]] = {
    "基本存款账户": (AssetType.ACCOUNT, AccountKind.BASIC),
    "基本账户": (AssetType.ACCOUNT, AccountKind.BASIC),
    "基本户": (AssetType.ACCOUNT, AccountKind.BASIC),
    "一般存款账户": (AssetType.ACCOUNT, AccountKind.GENERAL),
    "一般账户": (AssetType.ACCOUNT, AccountKind.GENERAL),
    "一般户": (AssetType.ACCOUNT, AccountKind.GENERAL),
    "专用存款账户": (AssetType.ACCOUNT, AccountKind.SPECIAL),
    "专用账户": (AssetType.ACCOUNT, AccountKind.SPECIAL),
    "专户": (AssetType.ACCOUNT, AccountKind.SPECIAL),
    "专用户": (AssetType.ACCOUNT, AccountKind.SPECIAL),
    "农民工工资专用账户": (AssetType.ACCOUNT, AccountKind.WAGE),
    "农民工工资专户": (AssetType.ACCOUNT, AccountKind.WAGE),
    "工资专户": (AssetType.ACCOUNT, AccountKind.WAGE),
    "农民工工资保证金账户": (AssetType.ACCOUNT, AccountKind.WAGE),
    "不动产": (AssetType.REAL_ESTATE, None),
    "房产": (AssetType.REAL_ESTATE, None),
    "土地": (AssetType.REAL_ESTATE, None),
    "车辆": (AssetType.VEHICLE, None),
    "机动车": (AssetType.VEHICLE, None),
    "机器设备": (AssetType.EQUIPMENT, None),
    "设备": (AssetType.EQUIPMENT, None),
    "存货": (AssetType.INVENTORY, None),
    "库存": (AssetType.INVENTORY, None),
    "股权": (AssetType.EQUITY, None),
    "到期债权": (AssetType.RECEIVABLE, None),
    "应收账款": (AssetType.RECEIVABLE, None),
    "债权": (AssetType.RECEIVABLE, None),
}
for _type in AssetType:
    _KIND_WORDS.setdefault(_type.value, (_type, None))
for _account in AccountKind:
    _KIND_WORDS.setdefault(_account.value, (AssetType.ACCOUNT, _account))
    _KIND_WORDS.setdefault(_account.label, (AssetType.ACCOUNT, _account))
del _type, _account

ASSET_KIND_EXAMPLES = "基本户、一般户、专用户、农民工工资专户、不动产、车辆、机器设备、存货、股权、到期债权"


def asset_kind_from_word(word: str) -> tuple[AssetType, AccountKind | None] | None:
    """The asset type (and account kind) a word names, or None when it names none."""
    return _KIND_WORDS.get(word.strip())
