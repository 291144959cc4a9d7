"""The names and numbers of the preservation demo: Company A's figures (the seed), banks, applicants,
valid USCCs and resident IDs made from a few characters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

COMPANY_A = "青岛崂信建设集团有限公司"
COMPANY_A_CASES = 185
COMPANY_A_RULINGS = 133
COMPANY_A_RULED = Decimal("608000000.00")
COMPANY_A_FROZEN_ACCOUNTS = 29
COMPANY_A_FREED = Decimal("121600000.00")

BANKS = [
    "青岛银行崂山支行",
    "中国农业银行青岛崂山支行",
    "中国工商银行青岛海尔路支行",
    "中国建设银行青岛崂山支行",
    "青岛农商银行崂山支行",
    "中国银行青岛崂山支行",
    "交通银行青岛崂山支行",
    "招商银行青岛分行营业部",
]
APPLICANTS = [
    "青岛海岳建材有限公司",
    "山东鲁信钢构工程有限公司",
    "青岛东沣劳务有限公司",
    "青岛华砼商品混凝土有限公司",
    "青岛崂顶机械租赁有限公司",
    "青岛海泊装饰工程有限公司",
    "山东泰和电气设备有限公司",
    "青岛北岭石材有限公司",
    "青岛金沙滩物资有限公司",
    "青岛中海防水工程有限公司",
]
CAUSES = ["建设工程施工合同纠纷", "买卖合同纠纷", "租赁合同纠纷", "劳务合同纠纷", "承揽合同纠纷"]


def uscc(seed: str) -> str:
    """A valid USCC that no real enterprise has: 91 999999 + 9 characters of the seed, check
    character computed (GB 32100). The division 999999 belongs to no registration authority
    (docs/rules/reference-data.md §demo), so the desk accepts it and nobody real holds it."""
    body = ("91999999" + seed.upper())[:17]
    return body + stdnum_uscc.calc_check_digit(body)


def demo_phone(n: int) -> str:
    """A Qingdao landline of seven digits (0532-555 2xxx): the desk's format check accepts it,
    but Qingdao numbers have eight digits, so it reaches nobody (no mobile numbers in the demo)."""
    return f"0532-5552{n % 1000:03d}"


def resident_id(birth: dt.date, seq: int) -> str:
    body = f"370212{birth:%Y%m%d}{seq:03d}"
    return body + stdnum_ric.calc_check_digit(body + "0")
