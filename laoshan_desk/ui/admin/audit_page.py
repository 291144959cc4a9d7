"""The audit log viewer: newest first, filtered in SQL, paged lazily, with "verify chain"."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import audit
from laoshan_desk.services.audit_chain import ChainReport
from laoshan_desk.ui.common.actions import Outcome, run_action
from laoshan_desk.ui.common.table_model import ColumnSpec, CountOffThread, PagedTableModel, RowRole, prepare_view
from laoshan_desk.ui.context import DeskContext

FINDINGS_SHOWN = 8
FRESH_SECONDS = 1.0  # a list loaded this recently is current when shown
COLUMNS = [
    ColumnSpec("序号", lambda r: str(r.seq), width=70),
    ColumnSpec("时间", lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", width=150),
    ColumnSpec("用户", lambda r: r.username, width=110),
    ColumnSpec("操作", lambda r: r.action_label, width=90),
    ColumnSpec("对象", lambda r: r.entity_label, width=120),
    ColumnSpec("摘要", lambda r: r.summary, width=420),
]


class AuditPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action_combo = QComboBox()
        self.action_combo.addItem("全部操作", None)
        for key, label in audit.ACTION_LABELS.items():
            self.action_combo.addItem(label, key)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("摘要包含…")
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText("用户名")
        self.search_button = QPushButton("查询")
        self.verify_button = QPushButton("验证审计链")
        self.result = QLabel()
        self.result.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.action_combo, self.user_edit, self.text_edit, self.search_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        self.count_label = QLabel()
        self.view = QTableView(self)  # set up by prepare_view in reload()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([500, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(self.count_label)
        layout.addWidget(split, 1)
        self.search_button.clicked.connect(self.reload)
        self.text_edit.returnPressed.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.model: PagedTableModel | None = None
        self._filters: dict[str, str | None] = {}
        self.verify_outcome: Outcome[ChainReport] | None = None
        self._loaded_at = 0.0
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Current whenever it is opened: records written since (by anybody) show at the top
        (not twice when it is shown the moment it was built)."""
        super().showEvent(event)
        if time.monotonic() - self._loaded_at > FRESH_SECONDS:
            self.reload()

    def reload(self) -> None:
        self._loaded_at = time.monotonic()
        filters = {
            "action": self.action_combo.currentData(),
            "username": self.user_edit.text().strip() or None,
            "text": self.text_edit.text().strip() or None,
        }
        self._filters = filters
        if self.model is not None:  # one model for the page's life: each reload starts it over
            self.model.reload()
        else:
            db, actor = self.ctx.db, self.ctx.actor
            self.model = PagedTableModel(
                COLUMNS,
                fetch=lambda offset, limit, _s, _d: audit.page(db, actor, offset=offset, limit=limit, **self._filters)[
                    0
                ],
                # Years of records are millions of rows: a worker counts them, the page shows first.
                count=CountOffThread(self._count_job),
                parent=self,
                load=False,
            )
            self.model.totalChanged.connect(self._show_count)
            prepare_view(self.view, self.model)  # the one idiom: no horizontal scroll bar while empty
            self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail.clear()

    def _count_job(self) -> Callable[[], int]:
        db, actor, filters = self.ctx.db, self.ctx.actor, dict(self._filters)  # read on the GUI thread
        return lambda: audit.page(db, actor, offset=0, limit=0, **filters)[1]

    def _show_count(self, _total: int | None) -> None:
        if self.model is not None:
            self.count_label.setText(self.model.count_text("共 {n} 条记录"))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.model is None or not current.isValid():
            return
        row = self.model.index(current.row(), 0).data(RowRole)
        before = json.dumps(row.before, ensure_ascii=False, indent=1)
        after = json.dumps(row.after, ensure_ascii=False, indent=1)
        text = f"变更前：{before}\n变更后：{after}"
        self.detail.setPlainText(text)

    def verify(self) -> None:
        """Check the whole chain off the GUI thread (about 1 s per 100,000 records); a modal
        progress dialog keeps a second click away until it is done."""
        self.result.setStyleSheet("color: #666;")
        self.result.setText("正在验证审计链…")
        db, actor, now = self.ctx.db, self.ctx.actor, self.ctx.now()
        outcome = run_action(
            self,
            lambda: audit.verify_chain(db, actor, now=now),
            done=self._verified,
            background=True,
            progress="正在验证审计链…",
            title="无法验证审计链",
        )
        self.verify_outcome = outcome

    def _verified(self, report: ChainReport) -> None:
        """One sentence per finding, so the admin reads what was found, not only that it failed."""
        if report.ok:
            self.result.setText("✔ " + report.message)
            self.result.setStyleSheet("color: #2E9D46;")
            return
        lines = [f"✘ 审计链未通过验证（已检查 {report.checked} 条记录），发现 {len(report.findings)} 处问题："]
        lines += [f"  · {finding.message}" for finding in report.findings[:FINDINGS_SHOWN]]
        if len(report.findings) > FINDINGS_SHOWN:
            lines.append(f"  · ……另有 {len(report.findings) - FINDINGS_SHOWN} 处")
        self.result.setText("\n".join(lines))
        self.result.setStyleSheet("color: #D6322F; font-weight: bold;")
