"""Draw the core's label layout with a QPainter: the preview, the printout and test images.

The layout (``catalog_desktop.labels.layout``) says where every band, pictogram, text line and
bar goes, in millimetres; this module only draws it, so the preview shows what the PDF has.
Text is drawn as a path from the PDF's own font files (DejaVu Sans, ``resources/fonts/``, loaded
into Qt's font database) at a large size and stretched to the width the layout measured, so
line breaks and sizes are the PDF's even where Qt's glyph advances differ slightly.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

from catalog_desktop.labels.fonts import font_file
from catalog_desktop.labels.layout import PT, Bars, PageLayout, Picture, Rect, SheetLayout, TextLine

_EM = 100.0  # pixel size the glyph paths are made at before scaling


@lru_cache(maxsize=64)
def _svg(path: str) -> QSvgRenderer:
    return QSvgRenderer(path)


@lru_cache(maxsize=4)
def _font(name: str) -> QFont:
    """The layout's font (``DejaVuSans``, ``DejaVuSans-Bold``) from the bundled file."""
    font_id = QFontDatabase.addApplicationFont(str(font_file(name)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"Qt cannot load the label font {font_file(name)}")
    font = QFont(families[0])
    font.setPixelSize(int(_EM))
    font.setBold(name.endswith("Bold"))
    font.setStyleStrategy(QFont.NoFontMerging)  # no glyphs from other fonts: the preview shows what the PDF has
    return font


def _text(painter: QPainter, line: TextLine, ox: float, oy: float) -> None:
    font = _font(line.font)
    advance = QFontMetricsF(font).horizontalAdvance(line.text)
    if advance <= 0:
        return
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, line.text)
    size_mm = line.size * PT
    painter.save()
    painter.translate(ox + line.x, oy + line.baseline)
    painter.scale(line.width / advance, size_mm / _EM)
    painter.fillPath(path, QColor("black"))
    painter.restore()


def paint_page(painter: QPainter, sheet: SheetLayout, page: PageLayout) -> None:
    """Draw one page; the painter's units must be millimetres from the page's top left."""
    painter.setRenderHint(QPainter.Antialiasing, True)
    radius = sheet.template.corner_radius
    for placed in page.labels:
        ox, oy = placed.x, placed.y
        for shape in placed.shapes:
            if isinstance(shape, Rect):
                painter.fillRect(QRectF(ox + shape.x, oy + shape.y, shape.w, shape.h), QColor(shape.colour))
            elif isinstance(shape, Picture):
                _svg(str(shape.path)).render(painter, QRectF(ox + shape.x, oy + shape.y, shape.size, shape.size))
            elif isinstance(shape, TextLine):
                _text(painter, shape, ox, oy)
            elif isinstance(shape, Bars):
                for start, width in shape.bars:
                    painter.fillRect(QRectF(ox + shape.x + start * shape.module, oy + shape.y,
                                            width * shape.module, shape.h), QColor("black"))
        if sheet.outlines:
            painter.setPen(QPen(QColor("#b0b0b0"), 0.2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(QRectF(ox, oy, placed.w, placed.h), radius, radius)


def page_layout(sheet: SheetLayout) -> QPageLayout:
    """The printer page for a template: its paper size, no margins (positions are absolute)."""
    t = sheet.template
    size = QPageSize(QSizeF(t.page_width, t.page_height), QPageSize.Millimeter, t.name, QPageSize.ExactMatch)
    return QPageLayout(size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0))


def paint_sheet(printer, sheet: SheetLayout) -> None:
    """Print (or preview) every page of the sheet on a QPrinter set to full page."""
    painter = QPainter(printer)
    try:
        scale = printer.resolution() / 25.4
        for n, page in enumerate(sheet.pages):
            if n:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_page(painter, sheet, page)
            painter.restore()
    finally:
        painter.end()


def page_image(sheet: SheetLayout, page: PageLayout, dots_per_mm: float = 8.0) -> QImage:
    """One page as an image (white paper), for tests and screenshots."""
    t = sheet.template
    image = QImage(round(t.page_width * dots_per_mm), round(t.page_height * dots_per_mm), QImage.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(dots_per_mm, dots_per_mm)
    paint_page(painter, sheet, page)
    painter.end()
    return image
