"""第二步 保全范围（能部分保就不全部保）: the respondent's assets and the plan, the judge's changes.

One table lists every asset with the plan's line beside it: the judge ticks 保全 and types an
amount, then 复核并保存法官调整 sends the whole selection to the service, which re-checks it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from laoshan_desk.domain.preservation import PlanStage
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.actions import Outcome
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.dialogs import AssetDialog
from laoshan_desk.ui.preservation.step import CaseStep
from laoshan_desk.ui.preservation.widgets import GREY, RED, RIGHT, note_label, table, yuan


@dataclasses.dataclass(frozen=True)
class PlanLine:
    """An asset with its line of the plan (if chosen) and why it is excluded (if it is)."""

    asset: svc.AssetRow
    chosen: svc.SelectionRow | None
    excluded: str


def _grey(line: PlanLine) -> str | None:
    return GREY if line.excluded else None


def plan_columns(editable: bool) -> list[ColumnSpec]:
    """保全 and the amount may be changed only while the plan is open to the judge."""
    return [
        ColumnSpec("保全", lambda r: "", checkable=editable, width=48),
        ColumnSpec(
            "拟保全数额（元）",
            lambda r: "" if r.chosen is None else f"{r.chosen.amount}",
            align=RIGHT,
            editable=editable,
            width=130,
        ),
        ColumnSpec("措施", lambda r: r.chosen.measure_label if r.chosen else "", foreground=_grey, width=90),
        ColumnSpec("财产", lambda r: r.asset.label, foreground=_grey, width=200),
        ColumnSpec("开户行/登记机关", lambda r: r.asset.institution, foreground=_grey, width=170),
        ColumnSpec("账号/编号", lambda r: r.asset.number, foreground=_grey, width=170),
        ColumnSpec("余额/价值（元）", lambda r: yuan(r.asset.value), align=RIGHT, foreground=_grey, width=120),
        ColumnSpec(
            "经营使用/说明",
            lambda r: (
                r.excluded
                or "，".join(
                    w
                    for w, on in (
                        ("经营使用", r.asset.in_operational_use),
                        ("不可分割", r.asset.indivisible),
                        ("争议标的物", r.asset.disputed),
                    )
                    if on
                )
            ),
            foreground=_grey,
        ),
    ]


class PlanStep(CaseStep):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: AssetDialog | None = None
        self.last_import: svc.ImportReport | None = None
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_asset_button = QPushButton("登记财产…")
        self.import_button = QPushButton("导入网络查控结果（Excel）…")
        self.remove_asset_button = QPushButton("删除所选财产")
        self.propose_button = QPushButton("生成最小损害方案")
        self.adjust_button = QPushButton("复核并保存法官调整")
        self.approve_button = QPushButton("院领导批准冻结基本账户")
        for button, slot in (
            (self.add_asset_button, self.add_asset),
            (self.import_button, self.import_assets_dialog),
            (self.remove_asset_button, self.remove_asset),
            (self.propose_button, self.propose),
            (self.adjust_button, self.adjust),
            (self.approve_button, self.approve),
        ):
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        v.addLayout(bar)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        v.addWidget(self.plan_summary)
        v.addWidget(QLabel("被申请人财产与保全方案（勾选“保全”并可修改数额，再点“复核并保存法官调整”）："))
        self.assets_view = table()
        self.assets_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.model = ListTableModel(plan_columns(False), parent=self.assets_view)
        prepare_view(self.assets_view, self.model)
        v.addWidget(self.assets_view, 3)
        self.violations = note_label(red=True)
        v.addWidget(self.violations)
        v.addWidget(QLabel("不予保全的财产及理由、方案说明："))
        self.plan_notes = note_label()
        self.plan_notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(self.plan_notes, 1)

    # -- showing ---------------------------------------------------------------------------------
    def fill(self, d: svc.CaseDetail) -> None:
        super().fill(d)
        p = d.plan
        actor = self.ctx.actor
        editable = d.executed_at is None and actor.may(svc.EDIT)
        for b in (self.add_asset_button, self.import_button, self.remove_asset_button, self.propose_button):
            b.setEnabled(editable)
        self.adjust_button.setEnabled(editable and actor.may(svc.DECIDE) and p.stage is not PlanStage.NONE)
        self.approve_button.setVisible(p.needs_approval)
        self.approve_button.setEnabled(p.needs_approval and not p.approved and actor.may(svc.APPROVE))
        flags = [
            f"<b>{p.stage.label}</b>",
            f"请求{yuan(p.claim)}元",
            f"有效担保{yuan(p.guaranteed)}元",
            f"尚需保全<b>{yuan(p.need)}</b>元",
            f"拟保全<b>{yuan(p.total_preserved)}</b>元",
        ]
        if p.stage is not PlanStage.NONE:
            flags.append("足额" if p.covers_claim else f"<span style='color:{RED}'>不足额</span>")
            if p.over_scope:
                flags.append(f"<span style='color:{RED}'>超标的额</span>")
            if p.needs_approval:
                flags.append(
                    "基本账户已获院领导批准（" + p.approved_by + "）"
                    if p.approved
                    else f"<span style='color:{RED}'>冻结基本账户须院领导审批</span>"
                )
        self.plan_summary.setText("　".join(flags))
        chosen = {s.asset_id: s for s in p.selected}
        excluded = {e.code: e.reason for e in p.excluded}
        lines = [PlanLine(a, chosen.get(a.id), excluded.get(a.code, "")) for a in d.assets]
        self.model = ListTableModel(plan_columns(editable), parent=self.assets_view)
        prepare_view(self.assets_view, self.model)
        self.model.set_rows(lines, checked=lambda line: line.chosen is not None)
        self.violations.setText("\n".join(f"✗ {v}" for v in p.violations))
        notes = [f"不予保全：{e.label} —— {e.reason}" for e in p.excluded] + list(p.notes)
        if p.over_scope_reason:
            notes.append(p.over_scope_reason)
        self.plan_notes.setText("\n".join(notes))
        self.show_import()

    # -- the judge's selection -------------------------------------------------------------------
    def current_selection(self) -> list[tuple[str, str | None]]:
        """(asset code, amount as typed or None for the whole value) for every ticked asset."""
        ticked = {id(line) for line in self.model.checked_rows()}
        chosen = []
        for row, line in enumerate(self.model.rows()):
            if id(line) in ticked:
                amount = self.model.cell_text(row, 1).strip().replace(",", "")
                chosen.append((line.asset.code, amount or None))
        return chosen

    def set_selection(self, code: str, checked: bool, amount: str | None = None) -> None:
        """What a judge does with the mouse: tick an asset and type its amount."""
        for row, line in enumerate(self.model.rows()):
            if line.asset.code == code:
                self.model.set_checked(row, checked)
                self.model.setData(self.model.index(row, 1), amount or "", Qt.ItemDataRole.EditRole)

    # -- actions ---------------------------------------------------------------------------------
    def add_asset(self) -> None:
        ref = self.ref()
        self.dialog = AssetDialog(self.ctx, ref.case_id, ref.version, self)
        self.dialog.accepted.connect(self.changed.emit)
        self.dialog.open()

    def import_assets_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入网络查控结果", "", "Excel 文件 (*.xlsx)")
        if name:
            self.import_assets(Path(name))

    def import_assets(self, path: Path) -> Outcome[svc.ImportReport]:
        """Read the inquiry's workbook off the GUI thread; the rows not imported are listed."""
        ref = self.ref()
        form = svc.ImportForm(ref.case_id, ref.version, path)
        ctx = self.ctx
        return self.act(
            lambda: svc.import_assets(ctx.db, ctx.actor, form, now=ctx.now()),
            done=self._imported,
            background=True,
            progress="正在导入网络查控结果…",
        )

    def _imported(self, report: svc.ImportReport) -> None:
        self.last_import = report

    def show_import(self) -> None:
        """After the page reloaded: what the last import did, above the plan's notes."""
        report = self.last_import
        if report is None:
            return
        text = f"导入网络查控结果：{report.summary()}。"
        if report.rejected:
            text += "\n以下行未导入：\n" + "\n".join(report.lines(20))
        self.violations.setText(text if report.rejected else "")
        self.plan_notes.setText(text + "\n" + self.plan_notes.text())
        self.last_import = None

    def remove_asset(self) -> None:
        index = self.assets_view.currentIndex()
        if not index.isValid():
            return
        line: PlanLine = self.model.row_at(index.row())
        form = svc.AssetRemoval(line.asset.id, self.ref().version)
        ctx = self.ctx
        self.act(lambda: svc.remove_asset(ctx.db, ctx.actor, form, now=ctx.now()))

    def propose(self) -> None:
        ref, ctx = self.ref(), self.ctx
        self.act(lambda: svc.propose(ctx.db, ctx.actor, ref, now=ctx.now()))

    def adjust(self) -> None:
        ref, ctx = self.ref(), self.ctx
        form = svc.AdjustForm(ref.case_id, ref.version, tuple(self.current_selection()))
        self.act(lambda: svc.adjust(ctx.db, ctx.actor, form, now=ctx.now()))

    def approve(self) -> None:
        ref, ctx = self.ref(), self.ctx
        form = svc.ApprovalForm(ref.case_id, ref.version, "同意限额冻结基本账户")
        self.act(lambda: svc.approve_basic_account(ctx.db, ctx.actor, form, now=ctx.now()))
