"""Make the Windows icon (.ico) from the desk's SVG at build time, with Qt alone.

    python packaging/make_ico.py resources/icons/laoshan-desk.svg build/laoshan-desk.ico

The .ico holds PNG images at 16, 24, 32, 48, 64, 128 and 256 pixels (the layout Windows Vista
and later read). Called by ``laoshan-desk.spec`` on Windows; the package test runs it on Linux
and reads the result back.
"""

import os
import struct
import sys

SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: str, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; Qt wants str
    return bytes(data.data())


def make_ico(svg: str, out: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    images = [(size, render_png(svg, size)) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    with open(out, "wb") as handle:
        handle.write(header + entries + blobs)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: make_ico.py ICON.svg OUT.ico")
    make_ico(sys.argv[1], sys.argv[2])
