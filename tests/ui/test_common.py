"""Shared UI pieces: drafts survive a closed dialog, the PDF preview prints, the paged model pages."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout

from laoshan_desk.documents import pdf
from laoshan_desk.services import audit, drafts
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
from laoshan_desk.ui.common.table_model import ColumnSpec, PagedTableModel


def _form(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    name, content, kind = QLineEdit(), QPlainTextEdit(), QComboBox()
    kind.addItems(["民生", "发展", "执法"])
    for w in (name, content, kind):
        layout.addWidget(w)
    return dialog, {"name": name, "content": content, "kind": kind}


def test_typing_is_kept_as_a_draft_and_comes_back(qtbot, ctx):
    _dialog, fields = _form(qtbot)
    keeper = DraftKeeper(ctx, "test.form", fields, delay_ms=10)
    fields["name"].setText("张三")
    fields["content"].setPlainText("小区门口路灯不亮已经一周")
    fields["kind"].setCurrentIndex(2)
    qtbot.waitUntil(lambda: (drafts.load(ctx.db, ctx.actor, "test.form") or {}).get("kind") == 2, timeout=2000)
    # The dialog is gone (crash, lock, closed by mistake); a new one gets everything back.
    _again, fields2 = _form(qtbot)
    keeper2 = DraftKeeper(ctx, "test.form", fields2)
    assert keeper2.restore()
    assert fields2["name"].text() == "张三" and fields2["kind"].currentText() == "执法"
    assert fields2["content"].toPlainText() == "小区门口路灯不亮已经一周"
    keeper2.discard()
    assert drafts.load(ctx.db, ctx.actor, "test.form") is None
    assert keeper is not None


def test_pdf_preview_shows_and_prints_the_same_bytes(qtbot, ctx, tmp_path):
    data = pdf.render(pdf.Notice(title="督办单", body=["请于两个工作日内办结并回复。"] * 3, date=dt.date(2026, 11, 25)))
    printed = []
    dialog = PdfPreviewDialog(
        data,
        "督办单",
        on_printed=lambda: (
            audit.record(ctx.db, ctx.actor, "print", "notice", None, "打印督办单", now=ctx.now()) or printed.append(1)
        ),
    )
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 1
    assert printed == [1]
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 1
    rows, _ = audit.page(ctx.db, ctx.actor, limit=1)
    assert rows[0].action == "print"
    dialog.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == data


def test_a_preview_that_cannot_save_says_so_in_a_box_opened_over_it(qtbot, tmp_path):
    saved: list[object] = []
    dialog = PdfPreviewDialog(pdf.render(pdf.Notice(title="督办单", body=["正文"])), "督办单", on_saved=saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_to(tmp_path)  # a folder: returns at once, the box is opened with open()
    box = dialog.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.icon() is QMessageBox.Icon.Warning
    assert (box.windowTitle(), box.text()) == ("无法保存", f"{tmp_path} 是一个文件夹，请输入文件名。")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.dialog is None
    dialog.save_to(tmp_path / "no-such-folder" / "督办单.pdf")
    box = dialog.dialog
    assert isinstance(box, QMessageBox) and box.text().startswith(f"无法写入 {tmp_path / 'no-such-folder'}")
    box.close()
    assert saved == [] and "已保存" not in dialog.info.text()


def test_pdf_preview_says_when_an_official_face_was_replaced(qtbot, monkeypatch):
    from laoshan_desk.documents import fonts
    from laoshan_desk.ui.common import pdf_preview

    data = pdf.render(pdf.Notice(title="通知", body=["请按时办理。"], date=dt.date(2026, 11, 25)))
    dialog = PdfPreviewDialog(data, "通知")
    qtbot.addWidget(dialog)
    dialog.show()
    message = fonts.substitution_message()  # the tests use the bundled faces only
    assert message.startswith("公文字体已替换为：") and "仿宋→" in message
    assert dialog.fonts_note.text() == message and dialog.fonts_note.isVisible()
    layout = dialog.layout()
    assert layout.indexOf(dialog.fonts_note) < layout.indexOf(dialog.view)  # above the page
    monkeypatch.setattr(pdf_preview, "substitution_note", lambda: "")
    every_face_found = PdfPreviewDialog(data, "通知")
    qtbot.addWidget(every_face_found)
    every_face_found.show()
    assert not every_face_found.fonts_note.isVisible()


def test_paged_model_fetches_pages_lazily_and_sorts_in_the_source(qtbot, qtmodeltester):
    rows = [SimpleNamespace(n=i) for i in range(1000)]
    calls = []

    def fetch(offset, limit, sort, descending):
        calls.append((offset, limit, sort, descending))
        ordered = sorted(rows, key=lambda r: r.n, reverse=descending)
        return ordered[offset : offset + limit]

    model = PagedTableModel(
        [ColumnSpec("编号", lambda r: str(r.n), sort_key="n")], fetch, lambda: len(rows), page_size=100
    )
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200 and calls[-1][:2] == (100, 100)
    from PySide6.QtCore import Qt

    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "999" and model.rowCount() == 100
    assert calls[-1] == (0, 100, "n", True)
    qtmodeltester.check(model)


def test_a_paper_is_audited_once_after_it_was_printed_or_saved_never_when_only_looked_at(qtbot, ctx, tmp_path):
    from laoshan_desk.services import printing
    from laoshan_desk.ui.common.pdf_preview import preview_document

    def prints() -> list:
        records, _ = audit.page(ctx.db, ctx.actor)
        return [r for r in records if r.entity == "appeal" and r.action in ("print", "export")]

    data = pdf.render(pdf.Notice(title="督办单", body=["请于两个工作日内办结。"], date=dt.date(2026, 11, 25)))
    output = printing.Output("appeal", "LS202611250001", "督办单 LS202611250001")
    looked = preview_document(None, ctx, data, output, "督办单.pdf")
    qtbot.addWidget(looked)
    looked.show()
    looked.reject()
    assert prints() == []
    dialog = preview_document(None, ctx, data, output, "督办单.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 1
    dialog.save_to(tmp_path / "saved.pdf")
    records = prints()
    assert [r.action for r in records] == ["export", "print"]  # newest first
    assert records[0].after["target"].endswith("saved.pdf") and "另存督办单" in records[0].summary
    assert records[1].after["pages"] == 1
    assert "已保存到" in dialog.info.text()
