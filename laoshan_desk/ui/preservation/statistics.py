"""The court's preservation figures at a glance (the same numbers as the Excel export)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.preservation.widgets import figure, note_label, wan


class StatisticsDialog(QDialog):
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
            ("裁定保全金额", wan(stats.ruled_total)),
            ("现保全金额", wan(stats.preserved_total)),
            ("担保替代释放资金", wan(stats.freed_total)),
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
