"""One preservation case in three steps (必要性 → 范围 → 时限), guarantees and release, papers."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.domain.preservation import Decision, Paper
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers as docs
from laoshan_desk.ui.common.errors import FieldErrors, show_error
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.dialogs import AssetDialog, GuaranteeDialog
from laoshan_desk.ui.preservation.widgets import RED, fill, make_table, note_label, yuan

_TRI = [("未填写", None), ("是", True), ("否", False)]


def _tri_combo() -> QComboBox:
    combo = QComboBox()
    for text, value in _TRI:
        combo.addItem(text, value)
    return combo


def _set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex([v for _t, v in _TRI].index(value))


def _dt(value: dt.datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


class CasePage(QWidget):
    back = Signal()
    changed = Signal()
    show_respondent = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: uuid.UUID | None = None
        self.detail: svc.CaseDetail | None = None
        self.preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton("← 返回列表")
        self.back_button.clicked.connect(self.back.emit)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.respondent_button = QPushButton("被申请人全部案件")
        self.respondent_button.clicked.connect(
            lambda: self.show_respondent.emit(self.detail.respondent_id if self.detail else None)
        )
        self.reveal_button = QPushButton("显示完整号码")
        self.reveal_button.setToolTip("显示被申请人的完整证件号码和电话（记入审计日志）")
        self.reveal_button.clicked.connect(self.reveal)
        self.ruling_button = QPushButton("打印裁定书")
        self.ruling_button.clicked.connect(self.print_ruling)
        top.addWidget(self.back_button)
        top.addWidget(self.header, 1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.respondent_button)
        top.addWidget(self.ruling_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._step1(), "第一步 必要性审查（能不保就不保）")
        self.tabs.addTab(self._step2(), "第二步 保全范围（能部分保就不全部保）")
        self.tabs.addTab(self._step3(), "第三步 时限与措施（能快保就不慢保）")
        self.tabs.addTab(self._release_tab(), "担保与解除")
        layout.addWidget(self.tabs, 1)

    # -- step 1 ---------------------------------------------------------------------------------
    def _step1(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        review = QGroupBox("审查表")
        form = QFormLayout(review)
        self.preconditions = _tri_combo()
        self.transfer_risk = _tri_combo()
        self.purpose = QLineEdit()
        self.net_assets = QLineEdit()
        self.taxes = QLineEdit()
        self.employees = QSpinBox()
        self.employees.setRange(-1, 1_000_000)
        self.employees.setSpecialValueText("未填写")
        self.employees.setValue(-1)
        self.going_concern = _tri_combo()
        self.dishonest = _tri_combo()
        self.review_note = QLineEdit()
        form.addRow("符合保全条件", self.preconditions)
        form.addRow("存在转移、隐匿财产风险", self.transfer_risk)
        form.addRow("保全目的", self.purpose)
        form.addRow("净资产（元）", self.net_assets)
        form.addRow("上年度纳税（元）", self.taxes)
        form.addRow("在职员工（人）", self.employees)
        form.addRow("持续正常经营", self.going_concern)
        form.addRow("失信被执行人", self.dishonest)
        form.addRow("备注", self.review_note)
        self.review_error = note_label(red=True)
        form.addRow(self.review_error)
        self.save_review_button = QPushButton("保存审查表")
        self.save_review_button.clicked.connect(self.save_review)
        form.addRow(self.save_review_button)
        self.review_errors = FieldErrors(
            {"net_assets": self.net_assets, "taxes_paid": self.taxes, "employees": self.employees}, self.review_error
        )
        outer.addWidget(review, 3)
        right = QVBoxLayout()
        advice_box = QGroupBox("系统提示")
        av = QVBoxLayout(advice_box)
        self.safe_flag = QLabel()
        self.safe_flag.setWordWrap(True)
        self.advice = note_label()
        av.addWidget(self.safe_flag)
        av.addWidget(self.advice, 1)
        right.addWidget(advice_box, 1)
        decision_box = QGroupBox("审查决定（法官）")
        dv = QFormLayout(decision_box)
        self.decision = QComboBox()
        for d in Decision:
            self.decision.addItem(d.label, d.value)
        self.reasons = QPlainTextEdit()
        self.reasons.setPlaceholderText("决定理由")
        self.reasons.setFixedHeight(70)
        self.decide_button = QPushButton("作出决定")
        self.decide_button.clicked.connect(self.decide)
        self.decision_error = note_label(red=True)
        self.decision_state = note_label()
        dv.addRow("决定", self.decision)
        dv.addRow("理由", self.reasons)
        dv.addRow(self.decision_error)
        dv.addRow(self.decide_button)
        dv.addRow(self.decision_state)
        self.decision_errors = FieldErrors(
            {"decision": self.decision, "decision_reasons": self.reasons}, self.decision_error
        )
        right.addWidget(decision_box, 1)
        outer.addLayout(right, 2)
        return page

    # -- step 2 ---------------------------------------------------------------------------------
    def _step2(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.add_asset_button = QPushButton("登记财产…")
        self.import_button = QPushButton("导入网络查控结果（Excel）…")
        self.remove_asset_button = QPushButton("删除所选财产")
        self.propose_button = QPushButton("生成最小损害方案")
        self.adjust_button = QPushButton("复核并保存法官调整")
        self.approve_button = QPushButton("院领导批准冻结基本账户")
        for b in (
            self.add_asset_button,
            self.import_button,
            self.remove_asset_button,
            self.propose_button,
            self.adjust_button,
            self.approve_button,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        self.add_asset_button.clicked.connect(self.add_asset)
        self.import_button.clicked.connect(self.import_assets_dialog)
        self.remove_asset_button.clicked.connect(self.remove_asset)
        self.propose_button.clicked.connect(self.propose)
        self.adjust_button.clicked.connect(self.adjust)
        self.approve_button.clicked.connect(self.approve)
        v.addLayout(bar)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        v.addWidget(self.plan_summary)
        v.addWidget(QLabel("被申请人财产与保全方案（勾选“保全”并可修改数额，再点“复核并保存法官调整”）："))
        self.assets_view = make_table()
        v.addWidget(self.assets_view, 3)
        self.violations = note_label(red=True)
        v.addWidget(self.violations)
        v.addWidget(QLabel("不予保全的财产及理由、方案说明："))
        self.plan_notes = note_label()
        self.plan_notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(self.plan_notes, 1)
        return page

    # -- step 3 ---------------------------------------------------------------------------------
    def _step3(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(QLabel("时限（收案 → 立案 → 裁定 → 执行；涉企案件当天立案、当天裁定）："))
        self.clocks_view = make_table()
        v.addWidget(self.clocks_view, 2)
        bar = QHBoxLayout()
        self.record_button = QPushButton("登记已采取保全措施（今日）")
        self.renew_button = QPushButton("续行所选措施（今日）")
        self.notice_button = QPushButton("打印协助执行通知书")
        self.record_button.clicked.connect(self.record_measures)
        self.renew_button.clicked.connect(self.renew)
        self.notice_button.clicked.connect(self.print_notice)
        for b in (self.record_button, self.renew_button, self.notice_button):
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.measures_caption = QLabel()
        v.addWidget(self.measures_caption)
        self.measures_view = make_table()
        v.addWidget(self.measures_view, 3)
        return page

    def _release_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.guarantee_button = QPushButton("登记担保（履约保函）…")
        self.release_button = QPushButton("因担保解除保全（法官）")
        self.release_print_button = QPushButton("打印解除保全裁定")
        self.guarantee_button.clicked.connect(self.add_guarantee)
        self.release_button.clicked.connect(self.release)
        self.release_print_button.clicked.connect(self.print_release)
        for b in (self.guarantee_button, self.release_button, self.release_print_button):
            bar.addWidget(b)
        bar.addStretch(1)
        v.addLayout(bar)
        self.guarantees_view = make_table()
        v.addWidget(self.guarantees_view, 2)
        self.release_preview = note_label()
        v.addWidget(self.release_preview)
        v.addWidget(QLabel("解除保全裁定："))
        self.releases_view = make_table()
        v.addWidget(self.releases_view, 2)
        return page

    # -- loading --------------------------------------------------------------------------------
    def load(self, case_id: uuid.UUID) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        assert self.case_id is not None
        d = self.detail = svc.case_detail(self.ctx.db, self.ctx.actor, self.case_id, now=self.ctx.now())
        actor = self.ctx.actor
        self.header.setText(
            f"<b style='font-size:13pt'>{d.case_number}</b>　{d.kind_label}　<b>{d.status_label}</b>"
            f"　<span style='color:#{d.light.rgb}'>● {d.light_text}</span><br>"
            f"申请人：{d.applicant}　被申请人：{d.respondent}（{d.respondent_number}）"
            f"　请求保全：{yuan(d.claim_amount)}元"
            + ("　<b style='color:#2E9D46'>涉企·绿色通道</b>" if d.enterprise else "")
        )
        self.ruling_button.setEnabled(d.decision is not None)
        self.reveal_button.setVisible(d.numbers_masked and actor.role in SEES_FULL_NUMBERS)
        # step 1
        r = d.review
        _set_tri(self.preconditions, r.preconditions_met)
        _set_tri(self.transfer_risk, r.transfer_risk)
        _set_tri(self.going_concern, r.going_concern)
        _set_tri(self.dishonest, r.dishonest)
        self.purpose.setText(r.purpose)
        self.net_assets.setText("" if r.net_assets is None else f"{r.net_assets}")
        self.taxes.setText("" if r.taxes_paid is None else f"{r.taxes_paid}")
        self.employees.setValue(-1 if r.employees is None else r.employees)
        self.review_note.setText(r.note)
        open_review = d.decision is None and actor.may(svc.EDIT)
        self.save_review_button.setEnabled(open_review)
        if d.advice is None:
            self.safe_flag.setText("尚未保存审查表。")
            self.advice.setText("")
        else:
            if d.advice.claim_appears_safe:
                self.safe_flag.setText("<b style='color:#2E9D46;font-size:12pt'>⚑ 申请人权利不保全亦可实现</b>")
            else:
                self.safe_flag.setText("<b style='color:#E6A700;font-size:12pt'>存在保全必要或信息不全</b>")
            lines = [d.advice.suggestion] + [f"✓ {x}" for x in d.advice.reasons] + [f"✗ {x}" for x in d.advice.concerns]
            self.advice.setText("\n".join(lines))
        self.decide_button.setEnabled(d.decision is None and actor.may(svc.DECIDE))
        self.decision.setEnabled(d.decision is None)
        self.reasons.setEnabled(d.decision is None)
        if d.decision:
            self.decision_state.setText(
                f"已决定：{d.decision_label}（{d.decided_by}，{_dt(d.ruled_at)}）\n理由：{d.decision_reasons}"
                + (f"\n裁定保全金额：{yuan(d.ruled_amount)}元" if d.ruled_amount else "")
            )
        elif not actor.may(svc.DECIDE):
            self.decision_state.setText("审查决定由承办法官作出。")
        else:
            self.decision_state.setText("")
        self._fill_plan(d)
        self._fill_step3(d)
        self._fill_release(d)

    def _fill_plan(self, d: svc.CaseDetail) -> None:
        p = d.plan
        editable = d.executed_at is None and self.ctx.actor.may(svc.EDIT)
        for b in (self.add_asset_button, self.import_button, self.remove_asset_button, self.propose_button):
            b.setEnabled(editable)
        self.adjust_button.setEnabled(editable and self.ctx.actor.may(svc.DECIDE) and p.stage != "none")
        self.approve_button.setVisible(p.needs_approval)
        self.approve_button.setEnabled(p.needs_approval and not p.approved and self.ctx.actor.may(svc.APPROVE))
        stage = p.stage.label
        flags = [
            f"<b>{stage}</b>",
            f"请求{yuan(p.claim)}元",
            f"有效担保{yuan(p.guaranteed)}元",
            f"尚需保全<b>{yuan(p.need)}</b>元",
            f"拟保全<b>{yuan(p.total_preserved)}</b>元",
        ]
        if p.stage != "none":
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
        model = QStandardItemModel(len(d.assets), 8, self.assets_view)
        model.setHorizontalHeaderLabels(
            [
                "保全",
                "拟保全数额（元）",
                "措施",
                "财产",
                "开户行/登记机关",
                "账号/编号",
                "余额/价值（元）",
                "经营使用/说明",
            ]
        )
        for row, a in enumerate(d.assets):
            sel = chosen.get(a.id)
            check = QStandardItem()
            check.setCheckable(editable)
            check.setCheckState(Qt.CheckState.Checked if sel else Qt.CheckState.Unchecked)
            check.setData(a.code, Qt.ItemDataRole.UserRole)
            check.setEditable(False)
            amount = QStandardItem("" if sel is None else f"{sel.amount}")
            amount.setEditable(editable)
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [
                check,
                amount,
                QStandardItem(sel.measure_label if sel else ""),
                QStandardItem(a.label),
                QStandardItem(a.institution),
                QStandardItem(a.number),
                QStandardItem(yuan(a.value)),
                QStandardItem(excluded.get(a.code) or ("是" if a.in_operational_use else "")),
            ]
            if a.code in excluded:
                for c in cells[2:]:
                    c.setForeground(Qt.GlobalColor.darkGray)
            for c, item in enumerate(cells):
                if c > 1:
                    item.setEditable(False)
                model.setItem(row, c, item)
        self.assets_view.setModel(model)
        self.assets_view.setEditTriggers(
            self.assets_view.EditTrigger.DoubleClicked
            | self.assets_view.EditTrigger.SelectedClicked
            | self.assets_view.EditTrigger.EditKeyPressed
        )
        for c, w in enumerate([48, 130, 50, 200, 170, 170, 120]):
            self.assets_view.setColumnWidth(c, w)
        self.violations.setText("\n".join(f"✗ {v}" for v in p.violations))
        notes = [f"不予保全：{e.label} —— {e.reason}" for e in p.excluded] + list(p.notes)
        if p.over_scope_reason:
            notes.append(p.over_scope_reason)
        self.plan_notes.setText("\n".join(notes))

    def _fill_step3(self, d: svc.CaseDetail) -> None:
        fill(
            self.clocks_view,
            ["提醒", "时限", "起算", "期限", "完成", "依据"],
            [
                [
                    ("按时完成" if c.light.value != "red" else "超时完成") if c.done_at else c.light.label,
                    c.label,
                    _dt(c.start),
                    _dt(c.due),
                    _dt(c.done_at),
                    c.basis + (f"（{c.note}）" if c.note else ""),
                ]
                for c in d.clocks
            ],
            lights=[c.light for c in d.clocks],
            widths=[100, 170, 130, 130, 130],
        )
        fill(
            self.measures_view,
            [
                "提醒",
                "财产",
                "开户行/登记机关",
                "账号/编号",
                "措施",
                "数额（元）",
                "采取日期",
                "期限届满",
                "续行申请截止",
                "续行次数",
                "状态",
            ],
            [
                [
                    f"{m.days_left}天" if m.status == "active" else "已解除",
                    m.asset_label,
                    m.institution,
                    m.number,
                    m.measure_label,
                    m.amount,
                    m.taken_on,
                    m.expiry,
                    m.renew_apply_by,
                    m.renewals,
                    "执行中" if m.status == "active" else f"已解除 {m.released_on}",
                ]
                for m in d.measures
            ],
            objects=list(d.measures),
            lights=[m.light for m in d.measures],
            widths=[80, 190, 160, 140, 50, 110, 90, 90, 100, 70],
        )
        self.record_button.setEnabled(d.status == "granted" and self.ctx.actor.may(svc.EDIT))
        active = any(m.status == "active" for m in d.measures)
        self.renew_button.setEnabled(active and self.ctx.actor.may(svc.EDIT))
        self.notice_button.setEnabled(d.granted)
        self.measures_caption.setText(
            f"已采取的保全措施（期限届满前{d.reminder_days}日提醒续行，续行申请应在届满7日前提出）："
        )

    def _fill_release(self, d: svc.CaseDetail) -> None:
        fill(
            self.guarantees_view,
            ["类型", "出具机构", "编号", "金额（元）", "有效期至", "履约承诺函", "授信协议", "状态"],
            [
                [
                    g.type_label,
                    g.issuer,
                    g.number,
                    g.amount,
                    g.valid_until,
                    "有" if g.undertaking else "",
                    g.credit_agreement,
                    "有效" if g.valid else "已过期",
                ]
                for g in d.guarantees
            ],
            widths=[80, 170, 130, 120, 90, 80, 170],
        )
        fill(
            self.releases_view,
            ["裁定书号", "原因", "时间", "释放资金（元）", "说明"],
            [[r.ruling_number, r.reason_label, _dt(r.ruled_at), r.amount_freed, r.note] for r in d.releases],
            objects=list(d.releases),
            widths=[250, 130, 130, 130],
        )
        executed = d.status == "executed"
        self.guarantee_button.setEnabled(self.ctx.actor.may(svc.EDIT) and d.status not in ("released", "refused"))
        self.release_button.setEnabled(executed and self.ctx.actor.may(svc.DECIDE))
        self.release_print_button.setEnabled(bool(d.releases))
        text = ""
        if executed and d.guarantees:
            pre = svc.preview_release(self.ctx.db, self.ctx.actor, d.id, today=self.ctx.today())
            text = (
                f"现有担保可解除保全 <b>{yuan(pre.freed)}</b> 元："
                + "、".join(f"{s.label} {yuan(s.amount)}元" for s in pre.released)
                if pre.freed > 0
                else "现有担保尚不足以解除任何保全措施。"
            )
        if d.freed_total:
            text += f"<br>本案因担保已释放资金 <b>{yuan(d.freed_total)}</b> 元。"
        self.release_preview.setText(text)

    # -- actions --------------------------------------------------------------------------------
    def _run(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            result = fn(*args, **kwargs)
        except DeskError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        self.changed.emit()
        return result

    def _ref(self) -> svc.CaseRef:
        """The case as this page shows it: every write carries the version it showed."""
        assert self.detail is not None
        return svc.CaseRef(self.detail.id, self.detail.version)

    @staticmethod
    def _money_text(edit: QLineEdit) -> str:
        return edit.text().strip()

    def reveal(self) -> None:
        try:
            number, phone = svc.reveal_id_number(self.ctx.db, self.ctx.actor, self.case_id, now=self.ctx.now())
        except DeskError as exc:
            show_error(self, exc)
            return
        self.header.setText(self.header.text() + f"<br><b>完整号码：</b>{number}　<b>电话：</b>{phone or '—'}")
        self.reveal_button.setEnabled(False)

    def save_review(self) -> None:
        assert self.detail is not None
        review = svc.ReviewForm(
            case_id=self.detail.id,
            version=self.detail.version,
            preconditions_met=self.preconditions.currentData(),
            transfer_risk=self.transfer_risk.currentData(),
            purpose=self.purpose.text(),
            net_assets=self._money_text(self.net_assets) or None,
            taxes_paid=self._money_text(self.taxes) or None,
            employees=None if self.employees.value() < 0 else self.employees.value(),
            going_concern=self.going_concern.currentData(),
            dishonest=self.dishonest.currentData(),
            note=self.review_note.text(),
        )
        try:
            svc.save_review(self.ctx.db, self.ctx.actor, review, now=self.ctx.now())
        except DeskError as exc:
            self.review_errors.show(exc)
            return
        self.review_errors.clear()
        self.refresh()
        self.changed.emit()

    def decide(self) -> None:
        assert self.detail is not None
        form = svc.DecisionForm(
            self.detail.id, self.detail.version, self.decision.currentData(), self.reasons.toPlainText()
        )
        try:
            svc.decide(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        except DeskError as exc:
            self.decision_errors.show(exc)
            return
        self.decision_errors.clear()
        self.refresh()
        self.changed.emit()

    def add_asset(self) -> None:
        assert self.detail is not None
        dialog = AssetDialog(self.ctx, self.detail.id, self.detail.version, self)
        if dialog.exec():
            self.refresh()

    def import_assets_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入网络查控结果", "", "Excel 文件 (*.xlsx)")
        if name:
            self.import_assets(Path(name))

    def import_assets(self, path: Path) -> svc.ImportReport | None:
        assert self.detail is not None
        form = svc.ImportForm(self.detail.id, self.detail.version, path)
        report = self._run(svc.import_assets, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        if report is not None:
            self.last_import = report
            text = f"已导入{report.added}项财产。"
            if report.errors:
                text += "\n以下行未导入：\n" + "\n".join(report.errors[:20])
            self.violations.setText(text if report.errors else "")
            self.plan_notes.setText(text + "\n" + self.plan_notes.text())
        return report

    def _selected_asset(self):  # type: ignore[no-untyped-def]
        index = self.assets_view.currentIndex()
        if not index.isValid() or self.detail is None:
            return None
        return self.detail.assets[index.row()]

    def remove_asset(self) -> None:
        asset = self._selected_asset()
        if asset is not None:
            form = svc.AssetRemoval(asset.id, self.detail.version)
            self._run(svc.remove_asset, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def propose(self) -> None:
        self._run(svc.propose, self.ctx.db, self.ctx.actor, self._ref(), now=self.ctx.now())

    def current_selection(self) -> list[tuple[str, str | None]]:
        model = self.assets_view.model()
        chosen = []
        for row in range(model.rowCount()):
            check = model.item(row, 0)
            if check.checkState() == Qt.CheckState.Checked:
                amount = model.item(row, 1).text().strip().replace(",", "")
                chosen.append((check.data(Qt.ItemDataRole.UserRole), amount or None))
        return chosen

    def set_selection(self, code: str, checked: bool, amount: str | None = None) -> None:
        """What a judge does with the mouse: tick an asset and type its amount."""
        model = self.assets_view.model()
        for row in range(model.rowCount()):
            if model.item(row, 0).data(Qt.ItemDataRole.UserRole) == code:
                model.item(row, 0).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                model.item(row, 1).setText(amount or "")

    def adjust(self) -> None:
        ref = self._ref()
        form = svc.AdjustForm(ref.case_id, ref.version, tuple(self.current_selection()))
        result = self._run(svc.adjust, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        if result is not None and not result[1]:
            self.violations.setText("")

    def approve(self) -> None:
        ref = self._ref()
        form = svc.ApprovalForm(ref.case_id, ref.version, "同意限额冻结基本账户")
        self._run(svc.approve_basic_account, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def record_measures(self) -> None:
        ref = self._ref()
        form = svc.MeasuresForm(ref.case_id, ref.version, self.ctx.today())
        self._run(svc.record_measures, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def _selected_measure(self) -> svc.MeasureRow | None:
        index = self.measures_view.currentIndex()
        if not index.isValid() or self.detail is None:
            return None
        return self.detail.measures[index.row()]

    def renew(self) -> None:
        m = self._selected_measure()
        if m is None:
            QMessageBox.information(self, "续行", "请先在列表中选择一项保全措施。")
            return
        form = svc.RenewalForm(m.id, self._ref().version, renewed_on=self.ctx.today())
        self._run(svc.renew_measure, self.ctx.db, self.ctx.actor, form, now=self.ctx.now())

    def add_guarantee(self) -> None:
        ref = self._ref()
        dialog = GuaranteeDialog(self.ctx, ref.case_id, ref.version, self)
        if dialog.exec():
            self.refresh()

    def release(self) -> None:
        result = self._run(svc.release_on_guarantee, self.ctx.db, self.ctx.actor, self._ref(), now=self.ctx.now())
        if result is not None:
            self.release_preview.setText(
                f"已作出{result.ruling_number}解除保全裁定，释放资金 <b>{yuan(result.freed)}</b> 元。"
                + self.release_preview.text()
            )

    # -- papers ---------------------------------------------------------------------------------
    def _preview(self, paper: Paper, make, title: str, name: str) -> None:  # type: ignore[no-untyped-def]
        try:
            pdf = make()
        except DeskError as exc:
            show_error(self, exc)
            return
        case_id = self.case_id
        self.preview = PdfPreviewDialog(
            pdf,
            title,
            name,
            on_printed=lambda: docs.record_print(self.ctx.db, self.ctx.actor, paper, case_id, now=self.ctx.now()),
            on_saved=lambda path: docs.record_print(
                self.ctx.db, self.ctx.actor, paper, case_id, saved_as=path.name, now=self.ctx.now()
            ),
            parent=self,
        )
        self.preview.resize(820, 760)
        self.preview.open()

    def print_ruling(self) -> None:
        self._preview(
            Paper.RULING,
            lambda: docs.ruling_pdf(self.ctx.db, self.ctx.actor, self.case_id, now=self.ctx.now()),
            "民事裁定书",
            "民事裁定书.pdf",
        )

    def print_notice(self) -> None:
        m = self._selected_measure()
        if m is not None:
            asset_id = m.asset_id
        elif self.detail and self.detail.plan.selected:
            asset_id = self.detail.plan.selected[0].asset_id
        else:
            return
        self._preview(
            Paper.NOTICE,
            lambda: docs.assistance_pdf(self.ctx.db, self.ctx.actor, self.case_id, asset_id, now=self.ctx.now()),
            "协助执行通知书",
            "协助执行通知书.pdf",
        )

    def print_release(self) -> None:
        if not self.detail or not self.detail.releases:
            return
        index = self.releases_view.currentIndex()
        release = self.detail.releases[index.row() if index.isValid() else -1]
        self._preview(
            Paper.RELEASE,
            lambda: docs.release_pdf(self.ctx.db, self.ctx.actor, release.id, now=self.ctx.now()),
            "解除保全裁定书",
            "解除保全裁定书.pdf",
        )


__all__ = ["CasePage", "Decimal"]
