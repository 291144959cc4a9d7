"""未诉先办: hot spots of the last weeks and the one-click work brief (工作简报)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services.appeals import stats
from laoshan_desk.services.printing import Output
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog, preview_document
from laoshan_desk.ui.context import DeskContext


class HotSpotsWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.weeks = QComboBox()
        for w in (1, 2, 4, 8, 13):
            self.weeks.addItem(f"近 {w} 周", w)
        self.weeks.setCurrentIndex(2)
        self.analyse_button = QPushButton("分析")
        self.brief_button = QPushButton("生成工作简报…")
        self.analyse_button.clicked.connect(self.refresh)
        self.brief_button.clicked.connect(self.brief)
        bar.addWidget(self.weeks)
        bar.addWidget(self.analyse_button)
        bar.addWidget(self.brief_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.text = QTextBrowser()
        layout.addWidget(self.text, 1)
        self.preview: PdfPreviewDialog | None = None

    def refresh(self) -> None:
        sp = stats.hot_spots(self.ctx.db, self.ctx.actor, now=self.ctx.now(), weeks=self.weeks.currentData())
        self.spots = sp
        parts = [
            f"<h3>{sp.date_from:%Y-%m-%d} 至 {sp.date_to:%Y-%m-%d}：诉求 {sp.appeals:,} 件</h3>",
            "<p><b>热点词</b>：" + ("、".join(f"{k}（{n}）" for k, n in sp.topics) or "无") + "</p>",
            "<p><b>本周激增</b>：" + ("；".join(sp.surges) or "无") + "</p>",
            "<p><b>各社区（村）主要问题</b></p><ul>",
        ]
        parts += [f"<li>{c}：{'、'.join(f'{k} {n} 件' for k, n in top)}</li>" for c, top in sp.by_community]
        parts.append(
            "</ul><p><b>反复诉求的地点</b>："
            + ("；".join(f"{p}（{n}）" for p, n in sp.repeat_places) or "无")
            + "</p><p><b>反复来电</b>："
            + ("；".join(f"{p}（{n}）" for p, n in sp.repeat_phones) or "无")
            + "</p>"
        )
        self.text.setHtml("".join(parts))

    def brief(self) -> None:
        """工作简报: built off the GUI thread (a year of appeals is segmented), then previewed;
        printing or saving it is audited by the preview, once."""
        weeks = self.weeks.currentData()

        def preview(pdf: bytes) -> None:
            output = Output("appeal_brief", None, "工作简报")
            self.preview = preview_document(self, self.ctx, pdf, output, f"工作简报-{self.ctx.today():%Y%m%d}.pdf")
            self.preview.open()

        run_action(
            self,
            lambda: stats.work_brief(self.ctx.db, self.ctx.actor, now=self.ctx.now(), weeks=weeks),
            done=preview,
            background=True,
            progress="正在生成工作简报，请稍候…",
        )
