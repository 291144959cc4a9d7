"""A respondent's whole exposure across cases (the seed's Company A at a glance)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from laoshan_desk.domain.preservation import RepeatKind
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.table_model import ColumnSpec
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.widgets import (
    BLUE,
    GREEN,
    RED,
    attach,
    day,
    figure,
    money_column,
    note_label,
    table,
    wan,
    yuan,
)

ACCOUNT_COLUMNS = [
    ColumnSpec("提醒", lambda a: a.light.label, light=lambda a: a.light, width=64),
    ColumnSpec("开户行", lambda a: a.institution, width=150),
    ColumnSpec("账号", lambda a: a.number, width=140),
    money_column("冻结金额（元）", lambda a: a.amount, width=120),
    ColumnSpec("期限届满", lambda a: day(a.expiry), width=90),
    ColumnSpec("案件数", lambda a: str(a.cases)),
]


def _over(r: svc.ExposureCase) -> str | None:
    return RED.lstrip("#") if r.excess > 0 else None


CASE_COLUMNS = [
    ColumnSpec("提醒", lambda r: r.light.label, light=lambda r: r.light, foreground=_over, width=64),
    ColumnSpec("案号", lambda r: r.case_number, foreground=_over, width=210),
    ColumnSpec("申请人", lambda r: r.applicant, foreground=_over, width=160),
    ColumnSpec("状态", lambda r: r.status_label, foreground=_over, width=80),
    money_column("请求（元）", lambda r: r.claim),
    money_column("裁定（元）", lambda r: r.ruled),
    money_column("担保（元）", lambda r: r.guaranteed, width=100),
    money_column("现保全（元）", lambda r: r.preserved),
    ColumnSpec("超额（元）", lambda r: yuan(r.excess) if r.excess else "", foreground=_over),
]


def _excess_basis(c: svc.ExposureCase) -> list[str]:
    """Each part of an excess with the rule that releases it: beyond the ruled amount itself is
    超标的额 (seizure provisions 2020 art. 19, applied to preservation by art. 29); what the
    guarantees cover is released on the guarantee (CPL art. 107, 《财产保全规定》第二十二条)."""
    parts = []
    if c.over_ruled > 0:
        parts.append(
            f"其中超出裁定保全金额{yuan(c.over_ruled)}元，属超标的额保全，应当根据被保全人的申请或者依职权及时解除"
            "超标的额部分，不可分物且无其他可供执行的财产的除外（《最高人民法院关于人民法院民事执行中查封、扣押、"
            "冻结财产的规定》第十九条、第二十九条）"
        )
    if c.covered_by_guarantee > 0:
        parts.append(
            f"{'另有' if parts else '其中'}担保覆盖的{yuan(c.covered_by_guarantee)}元，财产纠纷案件被保全人或第三人"
            "提供充分有效担保请求解除保全的，应当裁定准许（《民事诉讼法》第一百零七条、《财产保全规定》第二十二条），"
            "争议标的物须经申请保全人同意"
        )
    return parts


class RespondentView(QWidget):
    back = Signal()
    open_case = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.exposure: svc.Exposure | None = None
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton("← 返回列表")
        back.clicked.connect(self.back.emit)
        self.picker = QComboBox()
        self.picker.setMinimumWidth(420)
        self.picker.activated.connect(lambda _i: self.load(self.picker.currentData()))
        top.addWidget(back)
        top.addWidget(QLabel("被申请人："))
        top.addWidget(self.picker)
        self.title = QLabel()
        top.addWidget(self.title, 1)
        v.addLayout(top)
        self.grid = QGridLayout()
        v.addLayout(self.grid)
        self.warning = note_label(red=True)
        v.addWidget(self.warning)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel("冻结中的账户（按期限届满排序）："))
        self.accounts_view = table()
        self.accounts = attach(self.accounts_view, ACCOUNT_COLUMNS)
        lv.addWidget(self.accounts_view)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel("全部案件（双击打开）："))
        self.cases_view = table()
        self.cases = attach(self.cases_view, CASE_COLUMNS)
        self.cases_view.doubleClicked.connect(self._open)
        rv.addWidget(self.cases_view)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 760])
        v.addWidget(split, 1)

    def reload_respondents(self) -> None:
        self.picker.clear()
        for r in svc.list_respondents(self.ctx.db, self.ctx.actor):
            # The number (USCC, or the masked ID) tells two respondents of one name apart.
            self.picker.addItem(f"{r.name}　{r.number}（{r.cases}件，执行中措施{r.active_measures}项）", r.id)

    def _index_of(self, party_id: uuid.UUID) -> int:
        # By value: QComboBox.findData compares Python objects by identity, not by UUID value.
        return next((i for i in range(self.picker.count()) if self.picker.itemData(i) == party_id), -1)

    def load(self, party_id: uuid.UUID | None) -> None:
        if self.picker.count() == 0:
            self.reload_respondents()
        if party_id is None:
            if self.picker.count() == 0:
                return
            party_id = self.picker.itemData(0)
        if self._index_of(party_id) < 0:
            self.reload_respondents()
        e = self.exposure = svc.respondent_exposure(self.ctx.db, self.ctx.actor, party_id, now=self.ctx.now())
        if self._index_of(party_id) < 0:
            self.picker.addItem(f"{e.name}　{e.number}", party_id)
        # The picker always names the respondent shown.
        self.picker.setCurrentIndex(self._index_of(party_id))
        self.title.setText(f"<b style='font-size:13pt'>{e.name}</b>　{e.number}")
        self._cards(e)
        warnings = []
        for c in e.over_freeze_cases:
            warnings.append(
                f"超额保全：{c.case_number} 尚需保全{yuan(c.need)}元（已扣除担保{yuan(c.guaranteed)}元），"
                f"现保全{yuan(c.preserved)}元，超出{yuan(c.excess)}元：" + "；".join(_excess_basis(c))
            )
        for a in e.repeated_accounts:
            # CPL art. 106 forbids freezing twice; a later creditor's freeze waits (轮候, 第十六条).
            head = (
                f"{a.institution}账户{a.number}被{a.cases}个案件冻结，合计{yuan(a.amount)}元（余额{yuan(a.balance)}元）"
            )
            if a.repeat is RepeatKind.SUSPECT:
                warnings.append(f"疑似重复冻结：{head}，同一申请人重复申请，请核对（《民事诉讼法》第一百零六条）")
            else:
                warnings.append(f"轮候冻结：{head}，在后的冻结按送达先后轮候（《财产保全规定》第十六条）")
        for m in e.renewals_due[:5]:
            warnings.append(f"待续行：{m.asset_label}于{m.expiry}届满（续行申请截止{m.renew_apply_by}）")
        self.warning.setText("\n".join(warnings))
        self.accounts.set_rows(e.accounts)
        self.cases.set_rows(sorted(e.case_rows, key=lambda r: (-(r.preserved > 0), -r.excess, r.received_at)))

    def _cards(self, e: svc.Exposure) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        renewals = f"{e.reminder_days}日内待续行"
        cards = [
            ("保全案件", f"{e.cases}件", BLUE),
            ("保全裁定", f"{e.rulings}份", BLUE),
            ("裁定保全金额", wan(e.ruled_total), BLUE),
            ("请求金额合计", wan(e.claims_total), BLUE),
            ("冻结中的账户", f"{e.accounts_frozen}个", BLUE),
            ("冻结金额", wan(e.frozen_total), BLUE),
            ("有效担保（保函）", wan(e.guarantees_total), BLUE),
            ("担保替代释放资金", wan(e.freed_total), GREEN),
            (renewals, f"{len(e.renewals_due)}项", RED if e.renewals_due else BLUE),
            ("超额保全", wan(e.over_freeze_total), RED if e.over_freeze_total > 0 else BLUE),
        ]
        for i, (title, value, colour) in enumerate(cards):
            self.grid.addWidget(figure(title, value, colour), i // 5, i % 5)

    def _open(self, index: QModelIndex) -> None:
        row: svc.ExposureCase = self.cases.row_at(index.row())
        self.open_case.emit(row.case_id)
