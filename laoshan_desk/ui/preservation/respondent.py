"""A respondent's whole exposure across cases (Company A at a glance)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.paged_model import RowRole
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.widgets import RED, figure, fill, make_table, note_label, yuan


def _wan(amount) -> str:  # type: ignore[no-untyped-def]
    return f"{amount / 10000:,.2f}万元"


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
        self.accounts_view = make_table()
        lv.addWidget(self.accounts_view)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel("全部案件（双击打开）："))
        self.cases_view = make_table()
        self.cases_view.doubleClicked.connect(self._open)
        rv.addWidget(self.cases_view)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 760])
        v.addWidget(split, 1)

    def reload_respondents(self) -> None:
        self.picker.clear()
        for r in svc.list_respondents(self.ctx.db, self.ctx.actor):
            self.picker.addItem(f"{r.name}（{r.cases}件，执行中措施{r.active_measures}项）", r.id)

    def load(self, party_id: uuid.UUID | None) -> None:
        if self.picker.count() == 0:
            self.reload_respondents()
        if party_id is None:
            if self.picker.count() == 0:
                return
            party_id = self.picker.itemData(0)
        index = self.picker.findData(party_id)
        if index >= 0:
            self.picker.setCurrentIndex(index)
        e = self.exposure = svc.respondent_exposure(self.ctx.db, self.ctx.actor, party_id, now=self.ctx.now())
        self.title.setText(f"<b style='font-size:13pt'>{e.name}</b>　{e.number}")
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        cards = [
            ("保全案件", f"{e.cases}件"),
            ("保全裁定", f"{e.rulings}份"),
            ("裁定保全金额", _wan(e.ruled_total)),
            ("请求金额合计", _wan(e.claims_total)),
            ("冻结中的账户", f"{e.accounts_frozen}个"),
            ("冻结金额", _wan(e.frozen_total)),
            ("有效担保（保函）", _wan(e.guarantees_total)),
            ("担保替代释放资金", _wan(e.freed_total)),
            (f"{e.reminder_days}日内待续行", f"{len(e.renewals_due)}项"),
            ("超额保全", _wan(e.over_freeze_total)),
        ]
        for i, (title, value) in enumerate(cards):
            colour = (
                RED
                if (title == "超额保全" and e.over_freeze_total > 0)
                or (title.endswith("日内待续行") and e.renewals_due)
                else "#2E9D46"
                if title == "担保替代释放资金"
                else "#1F4E79"
            )
            self.grid.addWidget(figure(title, value, colour), i // 5, i % 5)
        warnings = []
        for c in e.over_freeze_cases:
            warnings.append(
                f"超额保全：{c.case_number} 尚需保全{yuan(c.need)}元（已扣除担保{yuan(c.guaranteed)}元），"
                f"现保全{yuan(c.preserved)}元，超出{yuan(c.excess)}元，应依担保解除"
            )
        for a in e.repeated_accounts:
            warnings.append(f"重复冻结：{a.institution}账户{a.number}被{a.cases}个案件冻结，合计{yuan(a.amount)}元")
        for m in e.renewals_due[:5]:
            warnings.append(f"待续行：{m.asset_label}于{m.expiry}届满（续行申请截止{m.renew_apply_by}）")
        self.warning.setText("\n".join(warnings))
        fill(
            self.accounts_view,
            ["提醒", "开户行", "账号", "冻结金额（元）", "期限届满", "案件数"],
            [[a.light.label, a.institution, a.number, a.amount, a.expiry, a.cases] for a in e.accounts],
            lights=[a.light for a in e.accounts],
            widths=[64, 150, 140, 120, 90],
        )
        rows = sorted(e.case_rows, key=lambda r: (-(r.preserved > 0), -r.excess, r.received_at), reverse=False)
        fill(
            self.cases_view,
            ["提醒", "案号", "申请人", "状态", "请求（元）", "裁定（元）", "担保（元）", "现保全（元）", "超额（元）"],
            [
                [
                    r.light.label,
                    r.case_number,
                    r.applicant,
                    r.status_label,
                    r.claim,
                    r.ruled,
                    r.guaranteed,
                    r.preserved,
                    r.excess if r.excess else "",
                ]
                for r in rows
            ],
            objects=[r.case_id for r in rows],
            lights=[r.light for r in rows],
            red_rows=[r.excess > 0 for r in rows],
            widths=[64, 210, 160, 80, 110, 110, 100, 110],
        )

    def _open(self, index) -> None:  # type: ignore[no-untyped-def]
        model = self.cases_view.model()
        case_id = model.index(index.row(), 0).data(RowRole)
        if case_id is not None:
            self.open_case.emit(case_id)


class StatisticsDialog(QDialog):
    """The court's preservation figures at a glance (the same numbers as the Excel export)."""

    def __init__(self, stats: svc.Statistics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("财产保全统计")
        self.resize(860, 420)
        v = QVBoxLayout(self)
        grid = QGridLayout()
        rate = f"{stats.enterprise_same_day / stats.enterprise_cases:.2%}" if stats.enterprise_cases else "—"
        cards = [
            ("保全案件", f"{stats.cases}件"),
            ("裁定准予保全", f"{stats.rulings}件"),
            ("驳回申请", f"{stats.refused}件"),
            ("裁定保全金额", _wan(stats.ruled_total)),
            ("现保全金额", _wan(stats.preserved_total)),
            ("担保替代释放资金", _wan(stats.freed_total)),
            ("执行中的措施", f"{stats.active_measures}项"),
            (f"{stats.reminder_days}日内待续行", f"{stats.renewals_due}项"),
            ("涉企当天裁定率", rate),
        ]
        self.cards = [figure(t, val) for t, val in cards]
        for i, card in enumerate(self.cards):
            grid.addWidget(card, i // 3, i % 3)
        v.addLayout(grid)
        v.addWidget(note_label("按状态：" + "，".join(f"{k}{n}件" for k, n in stats.by_status.items())))
        v.addWidget(note_label("按类型：" + "，".join(f"{k}{n}件" for k, n in stats.by_kind.items())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
