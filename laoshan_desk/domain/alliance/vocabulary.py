"""The 兴商护航联盟 vocabularies: every closed set of values the alliance tab stores or prints.

Each is a :class:`~laoshan_desk.domain.labels.Labelled` enum: the value is the code stored in the
database and printed in JSON, ``.label`` the Chinese word on screens, papers and workbooks.
Where a list comes from the seed (honours, lifecycle stages, bottom and high lines, seminar
topics) it is quoted in docs/rules/alliance.md §alliance-vocabulary.
"""

from __future__ import annotations

from laoshan_desk.domain.labels import Labelled

__all__ = [
    "AwardKind",
    "AwardStatus",
    "ComplaintDecision",
    "ComplaintKind",
    "ComplaintOutcome",
    "ComplaintStatus",
    "FollowUpStep",
    "HonourLevel",
    "Industry",
    "LifecycleStage",
    "PolicyLine",
    "RejectReason",
    "RequestOutcome",
    "RequestStep",
    "SamplingLevel",
    "Season",
    "SeminarFormat",
    "SeminarTopic",
    "SpotProduct",
    "SpotResult",
]


# -- members, honours, policies ----------------------------------------------------------------
class LifecycleStage(Labelled):
    """The four stages of the 企业全生命周期服务体系 policy guide (docs/rules/alliance.md §alliance-policies)."""

    MARKET_ENTRY = ("market_entry", "市场准入")
    OPERATION = ("operation", "生产经营")
    GROWTH = ("growth", "提升发展")
    EXIT = ("exit", "有序退出")


class Industry(Labelled):
    """The member's trade, as the policies name their targets."""

    FOOD = ("food", "食品")
    TEA = ("tea", "茶叶")
    BEVERAGE = ("beverage", "饮料和饮用水")
    AGRICULTURE = ("agriculture", "农产品")
    SEAFOOD = ("seafood", "海产品")
    APPLIANCE = ("appliance", "家电")
    MANUFACTURING = ("manufacturing", "装备制造")
    PHARMA = ("pharma", "医药")
    BIOTECH = ("biotech", "生物科技")
    DIGITAL = ("digital", "数字经济")
    TOURISM = ("tourism", "文旅")
    RETAIL = ("retail", "商贸零售")
    SERVICES = ("services", "服务业")


class HonourLevel(Labelled):
    """The honours register, highest first (the seed counts each kind; docs/rules/alliance.md §alliance-honours)."""

    FORTUNE_500 = ("fortune_500", "世界500强")
    CHINA_QUALITY_AWARD = ("china_quality_award", "中国质量奖")
    CHINA_WORLD_BRAND = ("china_world_brand", "中国世界名牌产品")
    CHINA_BRAND = ("china_brand", "中国名牌产品")
    WELL_KNOWN_TRADEMARK = ("well_known_trademark", "中国驰名商标")
    TIME_HONOURED = ("time_honoured", "中华老字号")
    GOVERNOR_AWARD = ("governor_award", "省长质量奖")
    MAYOR_AWARD = ("mayor_award", "市长质量奖")
    LAOSHAN_AWARD = ("laoshan_award", "崂山质量奖")
    HAOPIN_SHANDONG = ("haopin_shandong", "好品山东")
    SHANDONG_HIGH_END = ("shandong_high_end", "山东高端品牌培育企业")

    @property
    def rank(self) -> int:
        """0 for the highest honour; used to sort a member's honours."""
        return list(HonourLevel).index(self)


class PolicyLine(Labelled):
    """四大底线 and 三大高线: what a policy serves (docs/rules/alliance.md §alliance-policies)."""

    FOOD_DRUG_SAFETY = ("food_drug_safety", "食品药品安全")
    CONSUMER_SAFETY = ("consumer_safety", "消费安全")
    SPECIAL_EQUIPMENT = ("special_equipment", "特种设备安全")
    PRODUCT_SAFETY = ("product_safety", "产品安全")
    STANDARDISATION = ("standardisation", "标准化")
    INTELLECTUAL_PROPERTY = ("intellectual_property", "知识产权")
    QUALITY = ("quality", "质量发展")

    @property
    def is_bottom_line(self) -> bool:
        return self in _BOTTOM_LINES


_BOTTOM_LINES = frozenset(
    {PolicyLine.FOOD_DRUG_SAFETY, PolicyLine.CONSUMER_SAFETY, PolicyLine.SPECIAL_EQUIPMENT, PolicyLine.PRODUCT_SAFETY}
)


class AwardKind(Labelled):
    STANDARDISATION = ("standardisation", "标准化奖励")
    LAOSHAN_QUALITY = ("laoshan_quality", "崂山质量奖")
    BRAND = ("brand", "品牌建设奖励")
    OTHER = ("other", "其他政策性补助")


class AwardStatus(Labelled):
    APPLIED = ("applied", "已申报")
    APPROVED = ("approved", "已审定")
    PAID = ("paid", "已兑现")
    REFUSED = ("refused", "未通过")


# -- anti-counterfeiting requests (护航) ---------------------------------------------------------
class RequestStep(Labelled):
    """The dated steps of a request, in the order they must happen (docs/rules/alliance.md §alliance-requests)."""

    RECEIVED = ("received", "受理请求")
    ASSIGNED = ("assigned", "指派执法人员")
    LETTER = ("letter", "发出协查函")
    EVIDENCE = ("evidence", "收集证据线索")
    OUTCOME = ("outcome", "办结")


class RequestOutcome(Labelled):
    CASE_FILED = ("case_filed", "移送当地立案查处")
    GOODS_SEIZED = ("goods_seized", "查扣涉嫌假冒商品")
    CLOSED = ("closed", "核查无果结案")


# -- complaints and reports (投诉举报) -----------------------------------------------------------
class ComplaintKind(Labelled):
    COMPLAINT = ("complaint", "投诉")
    REPORT = ("report", "举报")


class ComplaintStatus(Labelled):
    REGISTERED = ("registered", "待受理")
    MEDIATING = ("mediating", "调解中")
    VERIFYING = ("verifying", "核查中")
    AWAITING_NOTICE = ("awaiting_notice", "待告知举报人")
    FINISHED = ("finished", "已办结")


class ComplaintDecision(Labelled):
    """受理/不予受理 for a complaint; 立案/不予立案 for a report."""

    ACCEPT = ("accept", "受理")
    REJECT = ("reject", "不予受理")
    FILE = ("file", "立案")
    NOT_FILE = ("not_file", "不予立案")

    @property
    def kind(self) -> ComplaintKind:
        """The kind of case the decision belongs to."""
        if self in (ComplaintDecision.ACCEPT, ComplaintDecision.REJECT):
            return ComplaintKind.COMPLAINT
        return ComplaintKind.REPORT


class RejectReason(Labelled):
    """Why a complaint is not accepted (SAMR measures art. 15; docs/rules/alliance.md §alliance-complaints)."""

    NOT_CONSUMER = ("not_consumer", "不是为生活消费需要购买、使用商品或者接受服务")
    NO_INTEREST = ("no_interest", "投诉人与投诉事项没有直接利害关系")
    NO_DETAILS = ("no_details", "没有明确的诉求、被投诉人或者事实")
    OUT_OF_REMIT = ("out_of_remit", "不属于本部门管辖")
    HANDLED = ("handled", "已由其他部门、法院或者仲裁机构处理")
    TOO_OLD = ("too_old", "自消费者知道或者应当知道权益受到侵害之日起超过三年")
    OTHER = ("other", "其他不予受理的情形")


class ComplaintOutcome(Labelled):
    AGREEMENT = ("agreement", "调解成功")
    MEDIATION_ENDED = ("mediation_ended", "调解终止")
    WITHDRAWN = ("withdrawn", "投诉人撤回")
    REJECTED = ("rejected", "不予受理")
    FILED = ("filed", "立案查处")
    NOT_FILED = ("not_filed", "不予立案")


# -- spot checks (监督抽检) ----------------------------------------------------------------------
class SpotProduct(Labelled):
    """Local specialities the plans cover (seed: tea, steamed buns, bottled water, seafood ...)."""

    LAOSHAN_TEA = ("laoshan_tea", "崂山茶")
    MINERAL_WATER = ("mineral_water", "崂山矿泉水")
    BOTTLED_WATER = ("bottled_water", "崂山大桶水")
    STEAMED_BUN = ("steamed_bun", "王哥庄大馒头")
    SEAFOOD = ("seafood", "海产品")
    CHERRY = ("cherry", "北宅樱桃")
    MILLET = ("millet", "崂山金钩米")
    OTHER = ("other", "其他")


class Season(Labelled):
    SPRING = ("spring", "春季")
    SUMMER = ("summer", "夏季")
    AUTUMN = ("autumn", "秋季")
    WINTER = ("winter", "冬季")


class SamplingLevel(Labelled):
    """Who sampled: a lower level must not re-sample what a higher one has (Product Quality Law art. 15)."""

    NATIONAL = ("national", "国家")
    PROVINCIAL = ("provincial", "省级")
    CITY = ("city", "市级")
    DISTRICT = ("district", "区级")

    @property
    def height(self) -> int:
        """3 for national down to 0 for the district: higher means a higher level."""
        return {"national": 3, "provincial": 2, "city": 1, "district": 0}[self.value]


class SpotResult(Labelled):
    PENDING = ("pending", "待检")
    CONFORMING = ("conforming", "合格")
    NONCONFORMING = ("nonconforming", "不合格")


class FollowUpStep(Labelled):
    """What is done about a non-conforming batch, in order (docs/rules/alliance.md §alliance-spot-checks)."""

    NOTICE = ("notice", "告知企业并责令整改")
    RECHECK = ("recheck", "整改复查")
    CASE_FILED = ("case_filed", "立案查处")
    CLOSED = ("closed", "处置完毕")


# -- seminars (宣传员) --------------------------------------------------------------------------
class SeminarTopic(Labelled):
    UNFAIR_COMPETITION = ("unfair_competition", "反不正当竞争")
    BRIBERY = ("bribery", "反商业贿赂")
    IP = ("ip", "保护知识产权")
    COUNTERFEIT = ("counterfeit", "打击假冒伪劣")
    EXTORTION = ("extortion", "应对敲诈勒索")
    POLICY = ("policy", "扶持政策宣讲")


class SeminarFormat(Labelled):
    CASE_STUDY = ("case_study", "案例剖析")
    FORUM = ("forum", "座谈讨论")
    SITE_VISIT = ("site_visit", "现场观摩")
    LECTURE = ("lecture", "专家讲座")
