"""Code 128 bars for a copy's barcode, from reportlab's encoder, as plain rectangles.

The layout keeps the bars as (offset, width) pairs in modules, so the PDF renderer and the
Qt painter draw exactly the same bars; reportlab does the encoding (start code, code sets,
check digit), nothing here re-implements it.
"""

from __future__ import annotations

from string import ascii_lowercase, ascii_uppercase

__all__ = ["code128_bars", "QUIET_MODULES"]

QUIET_MODULES = 10  # the quiet zone Code 128 asks for on each side


def code128_bars(value: str) -> tuple[tuple[tuple[int, int], ...], int]:
    """((start module, width in modules) per bar, total modules without quiet zones).

    Raises ValueError for a value Code 128 cannot carry (outside ASCII)."""
    from reportlab.graphics.barcode.code128 import Code128

    if not value or not value.isascii():
        raise ValueError(f"Code 128 cannot encode {value!r}")
    symbol = Code128(value, barWidth=1, quiet=False)
    symbol.validate()
    symbol.encode()
    symbol.decompose()
    bars = []
    at = 0
    for ch in symbol.decomposed:
        if ch in ascii_uppercase:  # a bar of 1-4 modules
            width = ord(ch) - ord("A") + 1
            bars.append((at, width))
            at += width
        elif ch in ascii_lowercase:  # a space
            at += ord(ch) - ord("a") + 1
    return tuple(bars), at
