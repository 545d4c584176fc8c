"""The label font: DejaVu Sans (regular and bold), shipped in ``resources/fonts/``.

PDF base fonts such as Helvetica only know a Latin-1-like set of characters: names like
"Szymborska, Wisława", "Čapek" or "Достоевский" came out as black boxes. DejaVu Sans covers
Latin with all its diacritics, Greek, Cyrillic, typographic quotes and the euro sign; it is
embedded in the PDF (reportlab subsets it: only the glyphs used are written). The layout
measures with the same font the PDF draws with, and the Qt painter loads the same files.

What DejaVu Sans does not cover (Chinese, Japanese, Korean, ...) and what a spine label cannot
set right without shaping (right-to-left scripts: reportlab draws characters in stored order)
is reported per label by :func:`unprintable`, so the label run lists the copy instead of
printing boxes silently.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from catalog_desktop.resources import resources_dir

__all__ = ["BOLD", "REGULAR", "FontMissingError", "font_file", "register_fonts", "unprintable"]

REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
# A spine label is set left to right without shaping: these scripts would come out reversed.
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


class FontMissingError(FileNotFoundError):
    """A bundled font file is missing: the install is incomplete."""


def font_file(name: str) -> Path:
    """The TrueType file of a label font (``REGULAR`` or ``BOLD``)."""
    path = resources_dir() / "fonts" / _FILES[name]
    if not path.is_file():
        raise FontMissingError(f"label font {name} not found: {path} (the resources/fonts folder is incomplete)")
    return path


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register both fonts with reportlab once; returns (regular, bold) font names."""
    from reportlab.pdfbase.pdfmetrics import registerFont
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD):
        registerFont(TTFont(name, str(font_file(name))))
    return REGULAR, BOLD


@lru_cache(maxsize=2)
def _covered(name: str) -> frozenset[int]:
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    return frozenset(getFont(name).face.charToGlyph)


def unprintable(text: str, font: str) -> tuple[list[str], list[str]]:
    """Characters of ``text`` the font has no glyph for, and right-to-left characters.

    Each list holds distinct characters in order of appearance."""
    covered = _covered(font)
    missing: list[str] = []
    rtl: list[str] = []
    for ch in text:
        if unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT:
            if ch not in rtl:
                rtl.append(ch)
        elif ord(ch) not in covered and ch not in missing:
            missing.append(ch)
    return missing, rtl
