"""The demo's fixed tables for the 兴商护航联盟 tab (docs/rules/alliance.md §alliance-demo): the
53 members, the honours register's counts, the spot-check seasons and products, the policy topics
by lifecycle stage and the complaint wordings. Plainly fictitious: 示例 where a real name is meant.
Also the fictitious identities (USCCs in the unissued 999999 region, 1390000xxxx phones) and
the demo officer. The loaders that put them through the services are ``seed.py`` (members and their
records) and ``demo_activity.py`` (the bureau's year: policies, awards, seminars, complaints)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import select
from stdnum.cn import uscc as stdnum_uscc

from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage, Season, SpotProduct
from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import User

HAIER = "海尔集团（示例）"
LIUHE = "山东新希望六和集团（示例）"
I, S, H = Industry, LifecycleStage, HonourLevel

# name, industry, stage, street index: 53 members, fictitious but typical of the district.
MEMBERS: list[tuple[str, Industry, LifecycleStage, int]] = [
    (HAIER, I.APPLIANCE, S.GROWTH, 1),
    (LIUHE, I.FOOD, S.OPERATION, 1),
    ("青岛崂山示例矿泉水有限公司", I.BEVERAGE, S.GROWTH, 3),
    ("崂山示例大桶水有限公司", I.BEVERAGE, S.OPERATION, 3),
    ("青岛王哥庄示例馒头食品有限公司", I.FOOD, S.OPERATION, 4),
    ("崂山示例茶业有限公司", I.TEA, S.GROWTH, 4),
    ("青岛示例崂茶一号茶业有限公司", I.TEA, S.OPERATION, 4),
    ("崂山示例龙须茶专业合作社", I.TEA, S.OPERATION, 2),
    ("北宅示例樱桃专业合作社", I.AGRICULTURE, S.OPERATION, 2),
    ("崂山示例金钩米农业有限公司", I.AGRICULTURE, S.MARKET_ENTRY, 2),
    ("青岛示例海珍品养殖有限公司", I.SEAFOOD, S.OPERATION, 3),
    ("沙子口示例海产品加工有限公司", I.SEAFOOD, S.OPERATION, 3),
    ("青岛示例海洋生物科技有限公司", I.BIOTECH, S.GROWTH, 0),
    ("青岛示例生物医药股份有限公司", I.PHARMA, S.GROWTH, 0),
    ("青岛示例医疗器械有限公司", I.PHARMA, S.OPERATION, 0),
    ("青岛示例智能装备有限公司", I.MANUFACTURING, S.GROWTH, 0),
    ("青岛示例精密机械有限公司", I.MANUFACTURING, S.OPERATION, 1),
    ("青岛示例电子科技有限公司", I.MANUFACTURING, S.OPERATION, 0),
    ("青岛示例软件技术有限公司", I.DIGITAL, S.GROWTH, 0),
    ("青岛示例数字科技有限公司", I.DIGITAL, S.MARKET_ENTRY, 0),
    ("青岛示例大数据有限公司", I.DIGITAL, S.OPERATION, 1),
    ("青岛示例文化旅游发展有限公司", I.TOURISM, S.OPERATION, 4),
    ("崂山示例民宿管理有限公司", I.TOURISM, S.OPERATION, 4),
    ("青岛示例酒店管理有限公司", I.TOURISM, S.GROWTH, 0),
    ("青岛示例商业管理有限公司", I.RETAIL, S.OPERATION, 0),
    ("青岛示例百货有限公司", I.RETAIL, S.OPERATION, 1),
    ("青岛示例连锁超市有限公司", I.RETAIL, S.OPERATION, 1),
    ("青岛示例物流有限公司", I.SERVICES, S.OPERATION, 1),
    ("青岛示例检验检测有限公司", I.SERVICES, S.GROWTH, 0),
    ("青岛示例物业服务有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例啤酒饮品有限公司", I.BEVERAGE, S.OPERATION, 1),
    ("青岛示例果汁饮料有限公司", I.BEVERAGE, S.EXIT, 2),
    ("青岛示例乳业有限公司", I.FOOD, S.OPERATION, 2),
    ("青岛示例调味品有限公司", I.FOOD, S.OPERATION, 3),
    ("青岛示例烘焙食品有限公司", I.FOOD, S.MARKET_ENTRY, 1),
    ("青岛示例肉制品有限公司", I.FOOD, S.OPERATION, 2),
    ("青岛示例中央厨房有限公司", I.FOOD, S.GROWTH, 1),
    ("青岛示例家电配件有限公司", I.APPLIANCE, S.OPERATION, 1),
    ("青岛示例厨电有限公司", I.APPLIANCE, S.GROWTH, 1),
    ("青岛示例新能源科技有限公司", I.MANUFACTURING, S.MARKET_ENTRY, 0),
    ("青岛示例特种设备有限公司", I.MANUFACTURING, S.OPERATION, 2),
    ("青岛示例电梯工程有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例燃气有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例药房连锁有限公司", I.PHARMA, S.OPERATION, 1),
    ("青岛示例化妆品有限公司", I.BIOTECH, S.OPERATION, 0),
    ("青岛示例眼镜有限公司", I.RETAIL, S.EXIT, 1),
    ("青岛示例建材有限公司", I.MANUFACTURING, S.EXIT, 2),
    ("青岛示例农产品电商有限公司", I.DIGITAL, S.OPERATION, 4),
    ("崂山示例茶文化发展有限公司", I.TEA, S.GROWTH, 4),
    ("青岛示例海参有限公司", I.SEAFOOD, S.GROWTH, 3),
    ("青岛示例渔业合作社", I.SEAFOOD, S.OPERATION, 3),
    ("青岛示例包装印刷有限公司", I.MANUFACTURING, S.OPERATION, 2),
    ("青岛示例餐饮管理有限公司", I.SERVICES, S.OPERATION, 0),
]

# The register's counts in the seed (世界500强 1 … 山东高端品牌培育企业 35).
HONOUR_COUNTS: list[tuple[HonourLevel, int]] = [
    (H.FORTUNE_500, 1),
    (H.CHINA_QUALITY_AWARD, 1),
    (H.CHINA_WORLD_BRAND, 2),
    (H.CHINA_BRAND, 10),
    (H.WELL_KNOWN_TRADEMARK, 23),
    (H.TIME_HONOURED, 2),
    (H.GOVERNOR_AWARD, 1),
    (H.MAYOR_AWARD, 9),
    (H.LAOSHAN_AWARD, 38),
    (H.HAOPIN_SHANDONG, 8),
    (H.SHANDONG_HIGH_END, 35),
]

SEASON_PRODUCTS: list[tuple[Season, SpotProduct, int]] = [
    (Season.SPRING, SpotProduct.LAOSHAN_TEA, 40),
    (Season.SPRING, SpotProduct.STEAMED_BUN, 15),
    (Season.SUMMER, SpotProduct.MINERAL_WATER, 20),
    (Season.SUMMER, SpotProduct.BOTTLED_WATER, 20),
    (Season.SUMMER, SpotProduct.CHERRY, 10),
    (Season.AUTUMN, SpotProduct.SEAFOOD, 20),
    (Season.AUTUMN, SpotProduct.MILLET, 10),
    (Season.WINTER, SpotProduct.STEAMED_BUN, 10),
]
SEASON_MONTHS = {Season.SPRING: 4, Season.SUMMER: 7, Season.AUTUMN: 9, Season.WINTER: 11}
PRODUCT_NAMES = {
    SpotProduct.LAOSHAN_TEA: ("崂山绿茶", (6, 7, 8, 49)),
    SpotProduct.STEAMED_BUN: ("王哥庄大馒头", (5, 36, 35)),
    SpotProduct.MINERAL_WATER: ("崂山矿泉水", (3, 31)),
    SpotProduct.BOTTLED_WATER: ("崂山大桶水", (4, 31)),
    SpotProduct.CHERRY: ("北宅樱桃", (9,)),
    SpotProduct.SEAFOOD: ("海参、鲍鱼", (11, 12, 50, 51)),
    SpotProduct.MILLET: ("崂山金钩米", (10,)),
}

POLICY_TOPICS: dict[LifecycleStage, list[str]] = {
    S.MARKET_ENTRY: ["企业开办“一窗通办”", "个体工商户转企业扶持", "新设小微企业首贷贴息", "住所登记申报承诺制"],
    S.OPERATION: [
        "食品安全主体责任落实",
        "特种设备安全隐患排查补助",
        "稳岗返还",
        "小微企业社保补贴",
        "消费维权先行赔付",
    ],
    S.GROWTH: [
        "标准化建设奖励",
        "崂山质量奖",
        "商标品牌奖励",
        "专利导航补助",
        "高新技术企业认定奖励",
        "首台套保险补偿",
    ],
    S.EXIT: ["简易注销指引", "歇业备案", "破产重整府院联动", "税务注销即办"],
}
STAGE_SHARE = [(S.MARKET_ENTRY, 30), (S.OPERATION, 70), (S.GROWTH, 57), (S.EXIT, 20)]
ISSUERS = [
    "崂山区市场监管局",
    "崂山区发展和改革局",
    "崂山区人力资源和社会保障局",
    "崂山区科技局",
    "崂山区财政局",
    "青岛市市场监管局",
]

CONTENTS = [
    ("complaint", "购买的桶装水有异味，要求退换"),
    ("complaint", "网购茶叶与宣传等级不符"),
    ("complaint", "家电安装后多次故障，售后推诿"),
    ("complaint", "海参净含量不足"),
    ("report", "有商户销售仿冒品牌矿泉水"),
    ("report", "无证小作坊生产馒头"),
    ("complaint", "预付卡消费后商家停业"),
    ("report", "虚假宣传“有机”茶叶"),
]


YEAR = 2023  # the year the seed reports on

STANDARDISATION_2022 = Decimal("2637000.00")
LAOSHAN_AWARD_4TH = Decimal("2750000.00")
ACTIONS = 15
BATCHES = 145
NONCONFORMING = 6  # about 4 %: a realistic share for local specialities
POLICIES = 177


def fictitious_uscc(n: int) -> str:
    """91 + region 999999 (none issued) + DM + serial, and a valid check character."""
    body = f"91999999DM{n:07d}"
    return body + stdnum_uscc.calc_check_digit(body)


def fictitious_phone(n: int) -> str:
    """A Qingdao landline of seven digits (0532-555 3xxx): the desk's format check accepts it, but
    Qingdao numbers have eight digits, so it reaches nobody; China has no fictitious mobile range,
    so the demo has no mobile numbers (docs/rules/reference-data.md §demo)."""
    return f"0532-5553{n % 1000:03d}"


def demo_time(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TZ)


def demo_officer(db: Database) -> tuple[uuid.UUID | None, str]:
    with db.session() as s:
        user = s.scalars(
            select(User).where(User.role == Role.MARKET_OFFICER.value, User.active.is_(True)).order_by(User.username)
        ).first()
        return (user.id, user.full_name) if user else (None, "赵磊")
