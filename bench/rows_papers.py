"""The papers' rows for ``bench/ratios.py``: a 6-page one-time notice and the weekly bulletin, each
against a bare reportlab canvas drawing the same strings in the same faces (``bench/pdf_bench.py``)."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("LAOSHAN_DESK_BUNDLED_FONT_ONLY", "1")  # the same faces on every machine


def rows(ctx: Any) -> list[Any]:
    from pdf_bench import GOAL, bare_canvas, six_page_notice  # beside this file
    from ratios import Row  # the runner that loads this module

    from laoshan_desk.documents import pdf, pdf_samples

    notice, bulletin = six_page_notice(), pdf_samples.bulletin()
    return [
        Row(
            "one-time notice PDF (6 pages)",
            desk=lambda: pdf.render(notice),
            baseline=lambda: bare_canvas(notice),
            baseline_name="bare canvas, same text and faces",
            max_ratio=GOAL,
        ),
        Row(
            "weekly bulletin PDF",
            desk=lambda: pdf.render(bulletin),
            baseline=lambda: bare_canvas(bulletin),
            baseline_name="bare canvas, same text and faces",
            max_ratio=GOAL,
        ),
    ]
