"""政策与奖励: the policy library by stage and line; matching a member and pushing the policies
that fit (the push list printed); awards applied for and paid, with the totals per year."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.alliance.vocabulary import AwardStatus, LifecycleStage, PolicyLine
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import awards, papers, policies
from laoshan_desk.ui.alliance.common import AREA, RIGHT, fill, selected_row, status_errors
from laoshan_desk.ui.alliance.dialogs_policies import AwardDialog, PolicyDialog
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.pdf_preview import preview_paper
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def _yuan(value: Any) -> str:
    return "—" if value is None else f"{value:,.2f}"


def policy_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("编号", lambda p: p.code, sort_value=lambda p: p.code, width=90),
        ColumnSpec("政策名称", lambda p: p.title, width=260, tooltip=lambda p: p.conditions),
        ColumnSpec("发布单位", lambda p: p.issuer, width=130),
        ColumnSpec("发布日期", lambda p: f"{p.issued_on:%Y-%m-%d}", sort_value=lambda p: p.issued_on, width=90),
        ColumnSpec("阶段", lambda p: p.stages_text, width=90),
        ColumnSpec("底线/高线", lambda p: p.lines_text, width=130),
        ColumnSpec("金额上限", lambda p: _yuan(p.amount), sort_value=lambda p: p.amount, align=RIGHT, width=110),
        ColumnSpec("已推送", lambda p: str(p.pushes), sort_value=lambda p: p.pushes, align=RIGHT, width=60),
    ]


def match_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("推送", lambda m: "", checkable=True, width=44),
        ColumnSpec("编号", lambda m: m.policy.code, width=90),
        ColumnSpec("政策名称", lambda m: m.policy.title, width=240),
        ColumnSpec("匹配理由", lambda m: "；".join(m.reasons), width=240),
        ColumnSpec("推送日期", lambda m: f"{m.pushed_at:%Y-%m-%d}" if m.pushed_at else "未推送", width=90),
    ]


def award_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("年度", lambda a: str(a.year), sort_value=lambda a: a.year, width=50),
        ColumnSpec("类别", lambda a: a.kind.label, width=110),
        ColumnSpec("企业", lambda a: a.enterprise_name, width=190),
        ColumnSpec("金额（元）", lambda a: _yuan(a.amount), sort_value=lambda a: a.amount, align=RIGHT, width=120),
        ColumnSpec("状态", lambda a: a.status.label, width=70),
        ColumnSpec("兑现日期", lambda a: f"{a.paid_on:%Y-%m-%d}" if a.paid_on else "", width=90),
    ]


def total_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("年度", lambda t: str(t.year), width=50),
        ColumnSpec("类别", lambda t: t.kind.label, width=110),
        ColumnSpec("兑现笔数", lambda t: str(t.awards), align=RIGHT, width=70),
        ColumnSpec("兑现金额（元）", lambda t: _yuan(t.paid), align=RIGHT, width=140),
    ]


class PoliciesPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.result: policies.MatchResult | None = None
        can_edit = ctx.actor.may(alliance.EDIT)
        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split)

        library = QGroupBox("政策清单")
        lib = QVBoxLayout(library)
        bar = QHBoxLayout()
        self.stage = QComboBox()
        fill(self.stage, LifecycleStage.choices(), first="全部阶段")
        self.line = QComboBox()
        fill(self.line, PolicyLine.choices(), first="全部底线与高线")
        self.new_policy = QPushButton("新增政策…")
        self.new_policy.setEnabled(can_edit)
        for w in (self.stage, self.line, self.new_policy):
            bar.addWidget(w)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        lib.addLayout(bar)
        self.library = ListTableModel(policy_columns(), parent=self)
        self.library_view = QTableView()
        prepare_view(self.library_view, self.library)
        lib.addWidget(self.library_view, 1)
        split.addWidget(library)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        matching = QGroupBox("按企业匹配与推送")
        mat = QVBoxLayout(matching)
        row = QHBoxLayout()
        self.member = QComboBox()
        self.member.setMinimumWidth(220)
        self.match_button = QPushButton("匹配")
        self.push_button = QPushButton("推送所选")
        self.print_button = QPushButton("打印推送清单…")
        self.push_button.setEnabled(can_edit)
        for w in (self.member, self.match_button, self.push_button, self.print_button):
            row.addWidget(w)
        row.addStretch(1)
        mat.addLayout(row)
        self.profile = QLabel()
        mat.addWidget(self.profile)
        self.matches = ListTableModel(match_columns(), parent=self)
        self.matches_view = QTableView()
        prepare_view(self.matches_view, self.matches)
        mat.addWidget(self.matches_view, 1)
        right_layout.addWidget(matching, 3)
        money = QGroupBox("奖励兑现")
        mon = QVBoxLayout(money)
        row2 = QHBoxLayout()
        self.apply_button = QPushButton("申报奖励…")
        self.pay_button = QPushButton("登记兑现")
        self.apply_button.setEnabled(can_edit)
        self.pay_button.setEnabled(False)
        row2.addWidget(self.apply_button)
        row2.addWidget(self.pay_button)
        row2.addStretch(1)
        mon.addLayout(row2)
        self.awards = ListTableModel(award_columns(), parent=self)
        self.awards_view = QTableView()
        prepare_view(self.awards_view, self.awards)
        self.totals = ListTableModel(total_columns(), parent=self)
        self.totals_view = QTableView()
        prepare_view(self.totals_view, self.totals)
        pair = QHBoxLayout()
        pair.addWidget(self.awards_view, 3)
        pair.addWidget(self.totals_view, 2)
        mon.addLayout(pair, 1)
        right_layout.addWidget(money, 2)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        right_layout.addWidget(self.status)
        split.addWidget(right)
        split.setSizes([620, 660])

        self.stage.currentIndexChanged.connect(lambda _i: self.reload_library())
        self.line.currentIndexChanged.connect(lambda _i: self.reload_library())
        self.new_policy.clicked.connect(lambda: self.open_policy(None))
        self.library_view.doubleClicked.connect(lambda _i: self.open_policy(selected_row(self.library_view)))
        self.match_button.clicked.connect(self.match_selected)
        self.push_button.clicked.connect(self.push_checked)
        self.print_button.clicked.connect(lambda: self.preview_push_list())
        self.apply_button.clicked.connect(self.open_award)
        self.pay_button.clicked.connect(lambda: self.mark_paid())
        self.awards_view.selectionModel().currentRowChanged.connect(lambda *_: self._award_selected())
        self.reload()

    def reload(self) -> None:
        members = alliance.list_members(self.ctx.db, self.ctx.actor)
        current = self.member.currentData()
        fill(self.member, [(m.enterprise_id, m.name) for m in members], first="（选择成员）")
        index = self.member.findData(current)
        if index >= 0:
            self.member.setCurrentIndex(index)
        self.reload_library()
        self.reload_awards()

    def reload_library(self) -> None:
        rows = policies.list_policies(
            self.ctx.db, self.ctx.actor, stage=self.stage.currentData(), line=self.line.currentData()
        )
        self.library.set_rows(rows)
        self.count_label.setText(f"共 {len(rows)} 条")

    def reload_awards(self) -> None:
        self.awards.set_rows(awards.list_awards(self.ctx.db, self.ctx.actor))
        self.totals.set_rows(awards.award_totals(self.ctx.db, self.ctx.actor))
        self._award_selected()

    def choose_member(self, enterprise_id: uuid.UUID) -> None:
        index = self.member.findData(enterprise_id)
        if index >= 0:
            self.member.setCurrentIndex(index)

    def match_selected(self) -> Outcome[Any] | None:
        enterprise_id: uuid.UUID | None = self.member.currentData()
        if enterprise_id is None:
            self.status.setText("请先选择一家成员")
            return None

        def done(result: policies.MatchResult) -> None:
            self.result = result
            self.matches.set_rows(list(result.matches), checked=lambda m: m.pushed_at is None)
            honours = "、".join(h.label for h in result.honours) or "无"
            self.profile.setText(
                f"{result.name}：{result.stage.label} · {result.industry.label} · 荣誉 {honours}；"
                f"匹配 {len(result.matches)} 条"
            )

        return run_action(
            self,
            lambda: policies.match(self.ctx.db, self.ctx.actor, enterprise_id=enterprise_id),
            errors=status_errors(self.status),
            done=done,
        )

    def push_checked(self) -> Outcome[Any] | None:
        if self.result is None:
            self.status.setText("请先选择成员并匹配")
            return None
        ids = tuple(m.policy.id for m in self.matches.checked_rows())
        form = policies.PushForm(self.result.enterprise_id, ids)
        outcome = run_action(
            self,
            lambda: policies.push(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=status_errors(self.status),
            refresh=self._after_push,
            area=AREA,
        )
        if outcome.ok:  # said after the refresh, which clears the status line
            self.status.setText(f"已推送 {outcome.result} 条政策")
        return outcome

    def _after_push(self) -> None:
        self.match_selected()
        self.reload_library()

    def preview_push_list(self) -> QWidget | None:
        if self.result is None:
            self.status.setText("请先选择成员并匹配")
            return None
        enterprise_id = self.result.enterprise_id
        dialog = preview_paper(
            self,
            self.ctx,
            lambda: papers.push_list(self.ctx.db, self.ctx.actor, enterprise_id, now=self.ctx.now()),
            errors=status_errors(self.status),
        )
        if dialog is not None:
            self.dialog = dialog
        return dialog

    def open_policy(self, row: policies.PolicyRow | None) -> PolicyDialog:
        dialog = PolicyDialog(self.ctx, row, self)
        dialog.accepted.connect(self.reload_library)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_award(self) -> AwardDialog:
        dialog = AwardDialog(self.ctx, self)
        dialog.accepted.connect(self.reload_awards)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _award_selected(self) -> None:
        row = selected_row(self.awards_view)
        open_ = row is not None and row.status in (AwardStatus.APPLIED, AwardStatus.APPROVED)
        self.pay_button.setEnabled(self.ctx.actor.may(alliance.EDIT) and open_)

    def mark_paid(self) -> Outcome[Any] | None:
        row = selected_row(self.awards_view)
        if row is None:
            return None
        form = awards.AwardDecisionForm(row.id, AwardStatus.PAID.value, self.ctx.today(), row.version)
        return run_action(
            self,
            lambda: awards.decide_award(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=status_errors(self.status),
            done=lambda _r: self.status.setText(f"已登记兑现：{row.enterprise_name} {_yuan(row.amount)} 元"),
            refresh=self.reload_awards,
            area=AREA,
        )
