"""Sample papers of every kind the desk prints, built from plain data with :mod:`pdf`.

They are what the builder's tests read back, what ``bench/pdf_bench.py`` times and what
``docs/screenshots/paper-*.png`` show: a one-time notice of any length, a reverse schedule and a
dispatch list (landscape tables), a certificate with its QR code, a weekly bulletin, a supervision
notice, a work brief, and the three court papers (ruling, assistance notice, release ruling) with a
seal area, the date in Chinese numerals and the 书记员 line. The names and numbers are made up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from laoshan_desk.documents.cn_numerals import amount_in_words, doc_number
from laoshan_desk.documents.pdf import Heading, KeyValues, Notice, Table

ISSUER = "青岛市崂山区行政审批服务局"
COURT = "山东省青岛市崂山区人民法院"
DAY = dt.date(2026, 11, 27)
_ITEMS = [
    (
        "SP001",
        "营业执照设立登记",
        "区行政审批服务局",
        "王晓燕",
        "企业名称自主申报告知书；全体股东身份证明；住所使用证明",
    ),
    (
        "SP004",
        "公众聚集场所投入使用、营业前消防安全检查",
        "区消防救援大队",
        "刘建国",
        "消防安全检查申报表；场所平面布置图",
    ),
    ("SP007", "食品经营许可（含网络经营）", "区市场监督管理局", "陈静", "食品安全管理制度；主要设备设施布局、操作流程"),
    (
        "SP011",
        "特种行业许可证核发（旅馆业）",
        "崂山公安分局",
        "赵志强",
        "旅馆业特种行业许可申请表；安全管理制度（“三防”措施）",
    ),
    ("SP015", "户外广告设施设置审批", "区城市管理局", "孙丽", "设置申请书；效果图（须标明尺寸、材质）"),
    ("SP019", "城镇污水排入排水管网许可", "区水务局", "周磊", "排水户基本情况表；排水设施竣工图"),
    ("SP023", "公共场所卫生许可", "区卫生健康局", "吴敏", "卫生许可申请书；从业人员健康合格证明"),
]
_SENTENCE = (
    "审批服务专班对照审批点菜单逐项梳理，明确办理部门、责任人和节点日期，前置事项办结当日即可出证；"
    "材料如有变化或节点调整，专班将及时书面告知贵单位，并在“崂山政务窗口桌面”中同步更新。"
    "请贵单位按照告知的材料清单一次性备齐材料（原件及复印件），于节点日期前到区政务服务中心综合窗口提交，"
    "或者通过“爱山东”政务服务平台在线申报；对材料不齐全或者不符合法定形式的，窗口将一次性告知需要补正的全部内容。"
)


def one_time_notice(pages: int = 2) -> Notice:
    """一次告知书: a red head, 发文字号, recipient, facts, headings and item tables; about ``pages`` pages."""
    body: list[str | Heading | Table | KeyValues] = [
        "贵单位申报的“崂山湾国际度假酒店开业”所涉审批事项共 23 项，经审批服务专班逐项梳理，确定必办事项 18 项、"
        "企业自办事项 3 项、无需办理事项 2 项。依据《中华人民共和国行政许可法》第三十二条，现将办理所需全部材料、"
        "办理部门、责任人和节点日期一次性告知如下。",
        KeyValues(
            [
                ("项目编号", "LS-2026-0012"),
                ("企业名称", "青岛崂山湾国际度假酒店有限公司"),
                ("统一社会信用代码", "91370212MA3C8XKQ2T"),
                ("目标开业日期", "2026年12月28日"),
            ]
        ),
    ]
    for n in range(max(1, pages)):
        body.append(Heading(f"{'一二三四五六七八九十'[n % 10]}、第{n + 1}批必办事项"))
        body.append(Heading(f"（一）{_ITEMS[n % len(_ITEMS)][2]}牵头事项", level=2))
        body.append(
            Table(
                ["序号", "事项", "申请材料", "办理部门", "责任人", "节点日期", "最迟办结"],
                [
                    [str(i + 1), f"{c} {name}", mats, dept, who, f"2026-12-{10 + i:02d}", f"2026-12-{15 + i:02d}"]
                    for i, (c, name, dept, who, mats) in enumerate(_ITEMS)
                ],
                widths=[0.45, 1.9, 2.9, 1.35, 0.95, 1.75, 1.75],
                size=8.5,
            )
        )
        body.append(_SENTENCE)
    body.append("特此告知。")
    return Notice(
        title="审批事项一次告知书",
        issuer=ISSUER,
        doc_number=doc_number("崂审批告", 2026, 12),
        recipient="青岛崂山湾国际度假酒店有限公司：",
        body=body,
        signature=ISSUER,
        date=DAY,
        seal="（印章）",
        footer="（本告知书依据审批点菜单生成；节点日期为倒排工期计划完成日期，最迟办结为不影响开业目标的最晚日期。）",
        subject="一次告知书 LS-2026-0012",
    )


def schedule() -> Notice:
    headers = ["序号", "编码", "事项名称", "办理部门", "责任人", "时限", "前置事项", "最早开始", "计划完成", "最迟完成"]
    rows = [
        [
            str(i + 1),
            c,
            name,
            dept,
            who,
            "5",
            "SP001" if i else "—",
            "2026-11-02",
            f"2026-11-{10 + i}",
            f"2026-11-{20 + i}",
        ]
        for i, (c, name, dept, who, _m) in enumerate(_ITEMS)
    ]
    return Notice(
        title="崂山湾国际度假酒店开业 倒排工期表",
        body=[
            "青岛崂山湾国际度假酒店有限公司 · 开始 2026-11-02 · 目标开业 2026-12-28 · 必办 7 项 · 计划可行",
            Table(
                headers, rows, widths=[0.35, 0.6, 2.6, 1.5, 0.7, 0.45, 0.8, 1.1, 1.1, 1.1], fills=["F8CBAD", "FFE699"]
            ),
            "制表日期：2026-11-27。时限为工作日；亮灯：红＝超期或不可行，黄＝距最迟完成不足2个工作日，绿＝正常。",
        ],
        landscape=True,
    )


def dispatch() -> Notice:
    rows = [
        ["崂山湾国际度假酒店开业", f"{c} {name}", who, "办理中", "2026-11-26", "2026-11-27", "今日到期"]
        for c, name, _d, who, _m in _ITEMS
    ]
    return Notice(
        title="审批事项日调度单",
        body=[
            "调度日期：2026年11月27日。超期 0 项，今日到期 7 项，涉及 7 个部门。",
            Heading("区消防救援大队（7 项）"),
            Table(
                ["项目", "事项", "责任人", "状态", "节点日期", "最迟完成", "情况"],
                rows,
                widths=[2.2, 3, 0.9, 1, 1.1, 1.1, 1.6],
                size=8,
            ),
        ],
        landscape=True,
    )


def certificate() -> Notice:
    code = "K7QM-3XDP-9TRA"
    return Notice(
        title="公共场所卫生许可证",
        issuer="青岛市崂山区卫生健康局",
        body=[
            KeyValues(
                [
                    ("证照编号", "鲁卫公证字〔2026〕第370212-0158号"),
                    ("持证单位", "青岛崂山湾国际度假酒店有限公司"),
                    ("统一社会信用代码", "91370212MA3C8XKQ2T"),
                    ("经营场所", "青岛市崂山区海口路66号"),
                    ("许可项目", "住宿业（客房 186 间）、游泳场馆"),
                    ("有效期限", "2026年11月27日至2030年11月26日"),
                ]
            )
        ],
        signature="青岛市崂山区卫生健康局",
        date=DAY,
        seal="（印章）",
        qr_data=f"LSDESK:{code}",
        qr_caption=f"核验码 {code}。扫描二维码，或在区政务服务中心“证照核验”窗口报出核验码，可查验本证是否真实有效。",
    )


def bulletin(rows: int = 12) -> Notice:
    streets = ["中韩街道", "沙子口街道", "王哥庄街道", "北宅街道", "金家岭街道"]
    projects = [
        [
            f"崂山重点项目{n + 1:02d}（{streets[n % 5][:-2]}）",
            streets[n % 5],
            f"2026-12-{1 + n % 28:02d}",
            "18",
            str(n % 18),
            "2",
            str(n % 3),
            "绿" if n % 3 == 0 else "黄",
        ]
        for n in range(rows)
    ]
    ranking = [
        [str(i + 1), dept, "24", "22", "1", "1", f"{91.67 - i * 3:.2f}%"]
        for i, (_c, _n, dept, _w, _m) in enumerate(_ITEMS)
    ]
    late = [["崂山重点项目03", f"{c} {name}", dept, who, "2026-11-20", "3"] for c, name, dept, who, _m in _ITEMS[:4]]
    return Notice(
        title="审批点菜单周通报（2026年第48周）",
        issuer=ISSUER,
        body=[
            "统计周期：2026年11月23日至2026年11月27日（2026年第48周，截至2026年11月27日）。",
            f"在办重点项目 {rows} 个，必办事项 216 项，累计销号 131 项，本周销号 17 项；"
            "超期未办 4 项，临期 6 项；全区按期办结率 91.36%。",
            Heading("一、项目进度"),
            Table(
                ["项目", "街道", "目标开业", "必办", "已销号", "本周销号", "超期", "亮灯"],
                projects,
                widths=[3.2, 1.2, 1.2, 0.6, 0.7, 0.8, 0.6, 0.7],
                size=8,
            ),
            Heading("二、部门按期办结率排名"),
            Table(
                ["排名", "部门", "应办结", "按期", "逾期办结", "逾期未办", "按期率"],
                ranking,
                widths=[0.6, 2.4, 0.8, 0.8, 0.9, 0.9, 0.9],
                size=8,
            ),
            Heading("三、超期事项"),
            Table(
                ["项目", "事项", "部门", "责任人", "最迟完成", "超期（工作日）"],
                late,
                widths=[2.4, 3, 1.6, 0.8, 1.1, 1],
                size=8,
            ),
            "亮灯规则：红＝超期或计划不可行，黄＝距最迟完成不足2个工作日，绿＝正常；部门按期率≥90%为绿，≥70%为黄，其余为红。",
        ],
        signature="崂山区审批服务专班",
        date=DAY,
    )


def supervision() -> Notice:
    return Notice(
        title="督办单",
        issuer="崂山区“崂先办”诉求办理中心",
        doc_number=doc_number("崂先办督", 2026, 37),
        recipient="中韩街道办事处：",
        body=[
            "你单位承办的下列诉求已超过办结时限，现予督办。",
            KeyValues(
                [
                    ("诉求编号", "LXB-2026-011523"),
                    ("受理时间", "2026-11-12 09:41"),
                    ("诉求类型", "城市管理（占道经营）"),
                    ("发生地点", "崂山区株洲路与松岭路路口东北角"),
                    ("办结时限", "2026-11-24"),
                    (
                        "诉求内容",
                        "路口早市摊点占用人行道和非机动车道，早高峰行人只能走机动车道，存在安全隐患，希望尽快规范。",
                    ),
                ]
            ),
            "督办事由：超过办结时限 3 个工作日，尚未反馈办理结果。",
            "督办要求：请于两个工作日内办结并答复诉求人，同时将办理情况书面报送诉求办理中心。",
        ],
        signature="崂山区“崂先办”诉求办理中心",
        date=DAY,
        footer="联系人：诉求办理中心督办科，电话 0532-8899××××。",
        qr_data="LSDESK:APPEAL:LXB-2026-011523",
        qr_caption="扫码查看诉求",
    )


def work_brief() -> Notice:
    ranking = [
        [str(i + 1), unit, "132", "128", "96.97%", "98.10%", "0"]
        for i, unit in enumerate(["中韩街道", "金家岭街道", "沙子口街道", "王哥庄街道", "北宅街道"])
    ]
    return Notice(
        title="崂先办诉求工作简报（第47期）",
        issuer="崂山区“崂先办”诉求办理中心",
        body=[
            Heading("一、总体情况"),
            "11月16日至11月22日，共受理诉求 612 件，办结 588 件，结案率 96.08%，满意率 97.35%，"
            "响应率 100%，超期 2 件。",
            Heading("二、承办单位排名（一诉一考）"),
            Table(
                ["名次", "承办单位", "受理", "办结", "结案率", "满意率", "超期"],
                ranking,
                widths=[1.4, 5, 1.5, 1.5, 2, 2, 1.5],
                size=10,
            ),
            Heading("三、热点诉求（未诉先办）"),
            "高频词：停车难（37件）、燃气异味（21件）、噪音扰民（18件）、供暖不热（15件）。",
            Heading("四、下步工作"),
            "请各承办单位对照排名查找差距；对热点问题所在社区（村）提前排查、主动解决，做到未诉先办。",
        ],
        signature="崂山区“崂先办”诉求办理中心",
        date=DAY,
    )


def _court(title: str, number: str, body: list[str | Heading | Table | KeyValues], **kw: str) -> Notice:
    return Notice(
        title=title,
        issuer=COURT,
        header_color="#000000",
        header_rule=False,
        doc_number=number,
        number_under_title=True,
        body=body,
        date=DAY,
        date_style="chinese",
        seal="（院印）",
        **kw,  # type: ignore[arg-type]
    )


def ruling() -> Notice:
    amount = Decimal("1200000.50")
    lines = [
        ["1", "银行存款", "青岛银行崂山支行", "8020 0011 2233 4455", "冻结", "800,000.00"],
        ["2", "房产", "青岛市不动产登记中心", "鲁（2024）青岛市崂山区不动产权第0031234号", "查封", "400,000.50"],
    ]
    return _court(
        "民 事 裁 定 书",
        "（2026）鲁0212财保158号",
        [
            "申请人：青岛海韵商贸有限公司，住所地青岛市崂山区香港东路195号。",
            "被申请人：青岛东岸建材有限公司，住所地青岛市崂山区沙子口街道南姜社区。",
            "申请人青岛海韵商贸有限公司于2026年11月25日向本院提出诉前财产保全申请，请求对被申请人青岛东岸建材有限公司"
            f"价值{amount}元（{amount_in_words(amount)}）的财产采取保全措施。申请人以保险公司保函提供担保。",
            "本院经审查认为，申请人的申请符合法律规定。依照《中华人民共和国民事诉讼法》第一百零四条、第一百零五条、"
            "第一百零六条规定，裁定如下：",
            "冻结、查封被申请人青岛东岸建材有限公司名下价值1200000.50元的财产，具体如下：",
            Table(
                ["序号", "财产", "开户行/登记机关", "账号/编号", "措施", "数额（元）"],
                lines,
                widths=[6, 12, 22, 30, 8, 16],
            ),
            "本裁定立即开始执行。",
            "申请人应当在本院采取保全措施后三十日内依法提起诉讼或者申请仲裁，逾期不起诉或者申请仲裁的，本院将依法解除保全。",
            "如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。",
        ],
        signature="审　判　员　　李明远",
        clerk="书　记　员　　张　悦",
    )


def assistance() -> Notice:
    return _court(
        "协 助 执 行 通 知 书",
        "（2026）鲁0212财保158号之一",
        [
            "关于申请人青岛海韵商贸有限公司与被申请人青岛东岸建材有限公司买卖合同纠纷一案，本院作出的（2026）鲁0212财保158号"
            "民事裁定书已经发生法律效力。依照《中华人民共和国民事诉讼法》第二百五十三条规定，请协助执行下列事项：",
            f"冻结被申请人青岛东岸建材有限公司在你单位开立的账户（账号：8020 0011 2233 4455）内的存款人民币800000元"
            f"（大写：{amount_in_words(Decimal(800000))}），冻结期限一年，自二〇二六年十一月二十七日起至二〇二七年十一月二十六日止。",
            "请于收到本通知书后立即办理，并将回执送交本院。",
        ],
        recipient="青岛银行崂山支行：",
        signature=COURT,
        footer="承办人：李明远　联系电话：0532-8889××××",
    )


def release() -> Notice:
    return _court(
        "民 事 裁 定 书",
        "（2026）鲁0212财保158号之二",
        [
            "本院在审查申请人青岛海韵商贸有限公司与被申请人青岛东岸建材有限公司财产保全一案中，于二〇二六年十一月二十七日"
            "作出（2026）鲁0212财保158号民事裁定，对被申请人的财产采取了保全措施。",
            "被申请人已向本院提供等值担保，申请解除保全。本院经审查认为，被申请人提供的担保足额有效，依照《中华人民共和国民事诉讼法》"
            "第一百零七条规定，裁定如下：",
            "解除对被申请人青岛东岸建材有限公司名下银行存款800000元的冻结。",
            "本裁定送达后立即生效。",
        ],
        signature="审　判　员　　李明远",
        clerk="书　记　员　　张　悦",
    )


SAMPLES: dict[str, Callable[[], Notice]] = {
    "notice": one_time_notice,
    "schedule": schedule,
    "dispatch": dispatch,
    "certificate": certificate,
    "bulletin": bulletin,
    "supervision": supervision,
    "brief": work_brief,
    "ruling": ruling,
    "assistance": assistance,
    "release": release,
}
