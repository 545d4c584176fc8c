"""The label layout model: what goes where on each page, in millimetres from the top left.

One layout, two painters: :mod:`catalog_desktop.labels.pdf` (reportlab) writes it as PDF and
``catalog_desktop.gui.label_painter`` (Qt) draws it for preview and printing, so the preview
shows exactly what the PDF has. Text is measured here with the font the PDF embeds (DejaVu
Sans, :mod:`catalog_desktop.labels.fonts`); the Qt painter draws the same font files and
stretches its glyphs to the measured width.

A label (band = the label colour, age band = the youth age-group colour)::

    +----+--------+---------------------+--+
    |band| picto- | MM          (code)  |ag|
    |    | gram   | DAVI  (shelving wd) |e |
    |    |        | Songbooks  (rubric) |  |
    |    |        | 1959 · AVI-M4 · 9-11|  |
    |    | ||||||||||||||| (barcode)    |  |
    +----+--------+---------------------+--+

Text that does not fit is made smaller, then wrapped; if even the smallest size does not
fit, the label says so (a ``text-overflow`` problem) instead of cutting it silently.
Characters the font has no glyph for (``glyph-missing``) and right-to-left text, which is not
shaped (``right-to-left``), are problems too: the label is printed and the copy is listed.
Text is set in Unicode composed form (NFC), so "e" + combining dot prints as the one glyph "ė".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

from catalog_desktop.labels.barcode import QUIET_MODULES, code128_bars
from catalog_desktop.labels.data import LabelData, LabelProblem
from catalog_desktop.labels.fonts import BOLD, REGULAR, register_fonts, unprintable
from catalog_desktop.labels.pictograms import pictogram_dirs as default_pictogram_dirs
from catalog_desktop.labels.pictograms import pictogram_path
from catalog_desktop.labels.templates import Template

__all__ = ["Bars", "PageLayout", "PlacedLabel", "Picture", "Rect", "SheetLayout", "TextLine", "layout_label",
           "layout_sheet", "PT"]

PT = 25.4 / 72  # millimetres per point
MIN_SIZE = 4.0  # pt: below this a spine label is unreadable
MIN_MODULE = 0.15  # mm: narrower Code 128 bars do not scan reliably
LINE = 1.12  # line height as a multiple of the font size
ASCENT = 0.78  # baseline below the line's top, as a fraction of the size (DejaVu capitals: 0.73)


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: str


@dataclass(frozen=True, slots=True)
class TextLine:
    x: float
    baseline: float
    text: str
    font: str
    size: float  # pt
    width: float  # mm, as measured with the PDF font
    role: str  # code, word, rubric, footer


@dataclass(frozen=True, slots=True)
class Picture:
    x: float
    y: float
    size: float
    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class Bars:
    x: float
    y: float
    h: float
    module: float  # mm per module
    bars: tuple[tuple[int, int], ...]
    value: str


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    position: int  # 1-based place on its page, row by row
    x: float
    y: float
    w: float
    h: float
    label: LabelData
    shapes: tuple = ()  # Rect, Picture, TextLine, Bars, relative to the label's corner


@dataclass(frozen=True, slots=True)
class PageLayout:
    number: int
    labels: tuple[PlacedLabel, ...]


@dataclass(slots=True)
class SheetLayout:
    template: Template
    pages: list[PageLayout] = field(default_factory=list)
    problems: list[LabelProblem] = field(default_factory=list)
    outlines: bool = False


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size) * PT


def _wrap(text: str, font: str, size: float, width: float, hard: bool) -> list[str] | None:
    """Greedy word wrap; None when a word is wider than the line (unless ``hard``: then split it)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if _width(word, font, size) > width:
            if not hard:
                return None
            pieces, piece = [], ""
            for ch in word:
                if piece and _width(piece + ch, font, size) > width:
                    pieces.append(piece)
                    piece = ""
                piece += ch
            words = pieces + [piece]
        else:
            words = [word]
        for w in words:
            candidate = f"{current} {w}" if current else w
            if current and _width(candidate, font, size) > width:
                lines.append(current)
                current = w
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines


def _fit(blocks: list[tuple[str, str, float, str]], width: float, height: float):
    """Lay out text blocks (text, font, size, role) in a box; shrink until they fit.

    Returns (lines as (text, font, size, role), fits)."""
    scale = 1.0
    while True:
        smallest = min(b[2] for b in blocks) * scale
        last_try = smallest * 0.93 < MIN_SIZE
        lines = []
        ok = True
        for text, font, size, role in blocks:
            wrapped = _wrap(text, font, size * scale, width, hard=last_try)
            if wrapped is None:
                ok = False
                break
            lines += [(line, font, size * scale, role) for line in wrapped]
        if ok and sum(s * LINE * PT for _, _, s, _ in lines) <= height + 1e-6:
            return lines, True
        if last_try:
            return lines, False
        scale *= 0.93


def _characters(chars: list[str], most: int = 6) -> str:
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars[:most])
    return shown + (f" … (+{len(chars) - most})" if len(chars) > most else "")


def _unprintable_problems(blocks) -> list[tuple[str, str, str]]:
    """Characters the label font cannot print, as problems: the copy is listed, not boxes printed silently."""
    missing: list[str] = []
    rtl: list[str] = []
    for text, font, _, _ in blocks:
        absent, backwards = unprintable(text, font)
        missing += [ch for ch in absent if ch not in missing]
        rtl += [ch for ch in backwards if ch not in rtl]
    problems = []
    if missing:
        problems.append(("glyph-missing",
                         f"het lettertype heeft geen teken voor {_characters(missing)}: op het etiket staat een leeg "
                         "vakje; pas de tekst van dit etiket aan",
                         f"the label font has no glyph for {_characters(missing)}: the label shows an empty box; "
                         "adjust this label's text"))
    if rtl:
        problems.append(("right-to-left",
                         f"tekst van rechts naar links ({_characters(rtl)}) wordt niet juist gezet: de tekens "
                         "staan in omgekeerde volgorde; pas de tekst van dit etiket aan",
                         f"right-to-left text ({_characters(rtl)}) cannot be set correctly: the characters come "
                         "out in reverse order; adjust this label's text"))
    return problems


def layout_label(label: LabelData, w: float, h: float, *, barcodes: bool = False,
                 pictogram_dirs: tuple[Path, ...] | None = None) -> tuple[tuple, list[tuple[str, str, str]]]:
    """The shapes of one label of w x h mm, and its problems as (reason, Dutch, English)."""
    register_fonts()  # the layout measures with the fonts the PDF embeds
    problems: list[tuple[str, str, str]] = []
    shapes: list = []
    pad = min(1.0, h * 0.05)
    band = max(3.0, min(8.0, w * 0.11))
    age_band = band * 0.5 if label.age_colour else 0.0
    if label.colour:
        shapes.append(Rect(0, 0, band, h, label.colour))
    if label.age_colour:
        shapes.append(Rect(w - age_band, 0, age_band, h, label.age_colour))
    x0, x1 = band + pad, w - age_band - pad
    y0, y1 = pad, h - pad

    if barcodes and label.barcode:
        try:
            bars, modules = code128_bars(label.barcode)
        except ValueError:
            bars, modules = (), 0
        module = min(0.33, (x1 - x0) / (modules + 2 * QUIET_MODULES)) if modules else 0
        if module >= MIN_MODULE:
            bar_h = max(3.5, min(9.0, h * 0.24))
            left = x0 + ((x1 - x0) - modules * module) / 2
            shapes.append(Bars(left, y1 - bar_h, bar_h, module, bars, label.barcode))
            y1 -= bar_h + pad * 0.6
        else:
            problems.append(("barcode", f"streepjescode {label.barcode} past niet op dit etiket of is geen Code 128",
                             f"barcode {label.barcode} does not fit on this label or cannot be Code 128"))

    if label.pictogram:
        path = pictogram_path(label.pictogram, pictogram_dirs)
        size = min(y1 - y0, (x1 - x0) * 0.36, 14.0)
        if path is None:
            problems.append(("pictogram-missing", f"pictogram {label.pictogram!r} niet gevonden",
                             f"pictogram {label.pictogram!r} not found"))
        elif size > 2:
            shapes.append(Picture(x0, y0, size, label.pictogram, path))
            x0 += size + pad

    grow = max(0.8, min(1.6, h / 21.2))
    footer = " · ".join(v for v in (label.year, label.avi, label.age_group) if v)
    blocks = [(unicodedata.normalize("NFC", t), f, s * grow, r) for t, f, s, r in (
        (label.label_code, BOLD, 10, "code"), (label.shelving_word, BOLD, 12, "word"),
        (label.rubric, REGULAR, 7, "rubric"), (footer, REGULAR, 6, "footer")) if t]
    problems += _unprintable_problems(blocks)
    if blocks:
        lines, fits = _fit(blocks, x1 - x0, y1 - y0)
        if not fits:
            problems.append(("text-overflow", "tekst past niet op het etiket, ook niet in de kleinste letter",
                             "text does not fit on the label, not even at the smallest size"))
        y = y0
        for text, font, size, role in lines:
            shapes.append(TextLine(x0, y + size * ASCENT * PT, text, font, size, _width(text, font, size), role))
            y += size * LINE * PT
    return tuple(shapes), problems


def layout_sheet(labels: Sequence[LabelData], template: Template, *, start: int = 1, barcodes: bool = False,
                 outlines: bool = False, pictogram_dirs: tuple[Path, ...] | None = None) -> SheetLayout:
    """Place labels on pages; the first page begins at position ``start`` (1 = top left)."""
    if not 1 <= start <= template.per_page:
        raise ValueError(f"start position {start} is not on a {template.name} sheet (1 to {template.per_page})")
    sheet = SheetLayout(template, outlines=outlines)
    if pictogram_dirs is None:  # looked up once: finding the user data folder is not free
        pictogram_dirs = default_pictogram_dirs()
    placed: list[PlacedLabel] = []
    index = start - 1
    for label in labels:
        if index == template.per_page:
            sheet.pages.append(PageLayout(len(sheet.pages) + 1, tuple(placed)))
            placed, index = [], 0
        x, y = template.position(index)
        shapes, problems = layout_label(label, template.label_width, template.label_height,
                                        barcodes=barcodes, pictogram_dirs=pictogram_dirs)
        placed.append(PlacedLabel(index + 1, x, y, template.label_width, template.label_height, label, shapes))
        sheet.problems += [LabelProblem(label.record_id, label.control_number, label.item_key, label.title, *p)
                           for p in problems]
        index += 1
    if placed:
        sheet.pages.append(PageLayout(len(sheet.pages) + 1, tuple(placed)))
    return sheet
