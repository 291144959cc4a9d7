"""Demo appeal texts that read like the district's and differ from each other.

A text is put together from a place (a building, a gate, a crossing of the community), one of a
topic's problems, how long it has lasted, what it does to people and what is asked, each drawn
at random with numbers of its own, so that a year of demo appeals is not a few templates
repeated (hot spots and search are measured on these: repeated texts would flatter both).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    category: str
    level: str  # community | street | department
    problems: tuple[str, ...]
    kind: str = "livelihood"  # development: an enterprise asks; enforcement: sometimes raised by a street


TOPICS: tuple[Topic, ...] = (
    Topic(
        "垃圾清运",
        "community",
        (
            "垃圾桶满溢多日无人清运，异味严重",
            "垃圾清运不及时，楼道口堆满垃圾袋",
            "建筑垃圾堆在绿化带里{n}天了没人拉走",
            "垃圾分类桶破损，垃圾满溢到路面上",
        ),
    ),
    Topic(
        "噪音扰民",
        "street",
        (
            "附近工地夜间施工噪音扰民，晚上{hour}点以后仍在作业",
            "沿街商户音响声音过大，噪音扰民",
            "楼下烧烤店深夜营业，噪音扰民",
            "广场舞音响声音太大，噪音扰民",
        ),
    ),
    Topic(
        "停车难",
        "community",
        (
            "小区停车难，外来车辆乱停乱放堵塞消防通道",
            "车位不足，晚上回家只能停在路边",
            "有车辆长期占用消防通道，停车难问题突出",
        ),
    ),
    Topic("路灯不亮", "community", ("主路路灯不亮，夜间出行不安全", "小区内{n}盏路灯不亮，晚上一片漆黑")),
    Topic(
        "供暖",
        "department",
        (
            "家中暖气不热，室温只有{temp}度",
            "供暖温度不达标，多次联系供热公司未解决",
            "暖气片漏水，供热公司一直没有上门检修",
        ),
    ),
    Topic(
        "占道经营",
        "street",
        ("路口流动摊贩占道经营，早晚高峰影响通行", "商户把货物摆到人行道上占道经营"),
        "enforcement",
    ),
    Topic("漏水", "community", ("楼上漏水导致天花板渗水", "楼道漏水，墙皮大面积脱落", "屋顶漏水，雨天屋内积水")),
    Topic("拖欠工资", "department", ("某工地拖欠工资{n}个月，多次讨要无果", "公司拖欠工资，老板一直联系不上")),
    Topic("道路破损", "department", ("村道路面破损坑洼严重，雨天积水", "人行道砖松动破损，老人容易绊倒")),
    Topic(
        "营业执照",
        "department",
        ("办理营业执照变更遇到困难，材料多次被退回", "营业执照年报系统无法提交"),
        "development",
    ),
    Topic(
        "企业用地",
        "department",
        ("项目用地手续办理进度慢，影响开工", "厂房用地审批迟迟没有结果"),
        "development",
    ),
    Topic("违章搭建", "street", ("有人在楼顶违章搭建彩钢房，存在安全隐患", "一楼私搭乱建占用公共绿地"), "enforcement"),
    Topic("宠物扰民", "community", ("有人遛狗不拴绳，狗粪便随处可见", "邻居家犬只夜间吠叫扰民")),
    Topic(
        "燃气",
        "department",
        ("燃气管道有异味，担心泄漏", "楼道里闻到燃气异味", "燃气表读数异常，燃气费突然增加"),
    ),
    Topic("医保", "department", ("咨询城乡居民医保缴费和报销流程", "医保卡异地就医报销不了")),
    Topic("油烟扰民", "street", ("楼下餐馆油烟扰民，窗户都不敢开", "餐饮油烟直排，油烟扰民")),
    Topic("电梯故障", "community", ("电梯故障停运{n}天，老人上下楼困难", "电梯经常困人，物业维修不及时")),
    Topic("井盖", "department", ("路面井盖缺失，存在安全隐患", "井盖松动，车辆经过响声很大")),
    Topic("积水", "department", ("下雨后路口积水严重，行人无法通过", "地下车库积水，车辆被泡")),
    Topic("飞线充电", "community", ("有人从楼上飞线充电，电动车停在楼道", "电动车充电桩太少，飞线充电普遍")),
)

PLACES = (
    "{place}{bldg}号楼",
    "{place}{bldg}号楼{unit}单元",
    "{place}小区东门",
    "{place}小区西门外",
    "{place}{road}附近",
    "{place}{road}与{road2}交叉口",
    "{place}{bldg}号楼前",
)
ROADS = ("海尔路", "辽阳东路", "香港东路", "松岭路", "深圳路", "株洲路", "银川东路", "苗岭路", "同安路", "秦岭路")
LASTING = ("已有{n}天", "一周多了", "半个月来一直这样", "近两个月", "从上周开始", "这几天", "今年以来反复出现")
EFFECTS = (
    "影响居民正常生活",
    "老人孩子出行不便",
    "晚上无法入睡",
    "存在安全隐患",
    "雨天更加严重",
    "周边商户也受影响",
    "多次反映未见改善",
)
ASKS = (
    "希望尽快处理",
    "请相关部门尽快解决",
    "请社区协调处理",
    "请尽快派人查看",
    "望早日解决",
    "盼尽快答复",
)


def demo_text(rng: random.Random, topic: Topic, place: str) -> str:
    """One appeal's text about ``topic`` at ``place`` (a community's name)."""

    def fill(template: str) -> str:
        road, road2 = rng.sample(ROADS, 2)
        return template.format(
            place=place,
            bldg=rng.randrange(1, 41),
            unit=rng.randrange(1, 7),
            road=road,
            road2=road2,
            n=rng.randrange(2, 16),
            hour=rng.choice((10, 11, 12)),
            temp=rng.randrange(12, 17),
        )

    parts = [fill(rng.choice(PLACES)), fill(rng.choice(topic.problems))]
    if rng.random() < 0.7:
        parts.append(fill(rng.choice(LASTING)))
    parts.append(rng.choice(EFFECTS))
    if rng.random() < 0.3:
        parts.append(f"涉及{rng.randrange(2, 60)}户")
    parts.append(rng.choice(ASKS))
    return "，".join(parts) + "。"
