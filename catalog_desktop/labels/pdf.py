"""Write a :class:`~catalog_desktop.labels.layout.SheetLayout` as PDF with reportlab.

Each pictogram's SVG is converted once (svglib) into a PDF form XObject named
``picto-<name>`` and placed wherever a label uses it, so a PDF reader (and the tests) can tell
which pictogram is on which label. Text is set in DejaVu Sans, embedded as a subset
(:mod:`catalog_desktop.labels.fonts`): the layout was measured with the same font.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import BinaryIO, Callable

from reportlab.lib.colors import HexColor, black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from catalog_desktop.labels.fonts import REGULAR, register_fonts
from catalog_desktop.labels.layout import Bars, Picture, Rect, SheetLayout, TextLine

__all__ = ["write_pdf", "form_name"]

Progress = Callable[[int, int, str], None]


def form_name(pictogram: str) -> str:
    return f"picto-{pictogram}"


class _Forms:
    """One form XObject per pictogram, drawn at a unit size of 1 mm and scaled where used."""

    def __init__(self, canvas: Canvas):
        self._canvas = canvas
        self._done: dict[str, tuple[float, float]] = {}

    def place(self, picture: Picture, page_h: float, ox: float, oy: float) -> None:
        c = self._canvas
        name = form_name(picture.name)
        if name not in self._done:
            self._done[name] = self._define(name, picture.path)
        width, height = self._done[name]
        scale = picture.size * mm / max(width, height)
        c.saveState()
        # the form's origin is its bottom left; the layout's y grows downwards
        c.translate((ox + picture.x) * mm, (page_h - oy - picture.y - picture.size) * mm)
        c.scale(scale, scale)
        c.doForm(name)
        c.restoreState()

    def _define(self, name: str, path: Path) -> tuple[float, float]:
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(str(path))
        if drawing is None:
            raise ValueError(f"pictogram {path} is not a readable SVG file")
        # the renderer starts every drawing by selecting a font (Helvetica by default), even
        # when it has no text: select the label font, so no unused base font enters the PDF
        drawing.initialFontName = REGULAR
        c = self._canvas
        c.beginForm(name, 0, 0, drawing.width, drawing.height)
        renderPDF.draw(drawing, c, 0, 0)
        c.endForm()
        return drawing.width, drawing.height


def _draw_label(c: Canvas, forms: _Forms, placed, page_h: float, outlines: bool, radius: float) -> None:
    ox, oy = placed.x, placed.y
    for shape in placed.shapes:
        if isinstance(shape, Rect):
            c.setFillColor(HexColor(shape.colour))
            c.rect((ox + shape.x) * mm, (page_h - oy - shape.y - shape.h) * mm, shape.w * mm, shape.h * mm,
                   stroke=0, fill=1)
        elif isinstance(shape, Picture):
            forms.place(shape, page_h, ox, oy)
        elif isinstance(shape, TextLine):
            c.setFillColor(black)
            c.setFont(shape.font, shape.size)
            c.drawString((ox + shape.x) * mm, (page_h - oy - shape.baseline) * mm, shape.text)
        elif isinstance(shape, Bars):
            c.setFillColor(black)
            bottom = (page_h - oy - shape.y - shape.h) * mm
            for start, width in shape.bars:
                c.rect((ox + shape.x + start * shape.module) * mm, bottom, width * shape.module * mm, shape.h * mm,
                       stroke=0, fill=1)
    if outlines:
        c.setStrokeColor(HexColor("#b0b0b0"))
        c.setLineWidth(0.2)
        c.roundRect(ox * mm, (page_h - oy - placed.h) * mm, placed.w * mm, placed.h * mm, radius * mm,
                    stroke=1, fill=0)


def write_pdf(sheet: SheetLayout, out: str | Path | BinaryIO, *, title: str = "Rugetiketten",
              progress: Progress | None = None, cancel: threading.Event | None = None) -> int:
    """Write the sheet; returns the number of pages written (fewer when cancelled)."""
    t = sheet.template
    regular, _ = register_fonts()
    # initialFontName: else the canvas puts an (unused) Helvetica in every page's resources
    c = Canvas(out if not isinstance(out, Path) else str(out), pagesize=(t.page_width * mm, t.page_height * mm),
               pageCompression=1, initialFontName=regular)
    c.setTitle(title)
    c.setCreator("catalog-desktop")
    c.setSubject(f"label template {t.name}")
    forms = _Forms(c)
    total = len(sheet.pages)
    written = 0
    for page in sheet.pages:
        if cancel is not None and cancel.is_set():
            break
        for placed in page.labels:
            _draw_label(c, forms, placed, t.page_height, sheet.outlines, t.corner_radius)
        c.showPage()
        written += 1
        if progress is not None:
            progress(written, total, f"pagina {written}")
    c.save()
    return written
