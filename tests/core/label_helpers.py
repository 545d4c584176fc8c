"""Records for the label tests, and reading back what a label PDF holds (pypdf, pypdfium2)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from catalog_desktop.marc.record import Field, MarcRecord

MM = 72 / 25.4  # PDF points per millimetre


def record(number: str, title: str, *, author: str | None = None, fiction: bool | None = False,
           zizo: tuple[str, ...] | None = None, siso: str | None = None, genre: str | None = None,
           audience: str | None = None, avi: str | None = None, barcodes: tuple[str, ...] = (),
           labels: tuple[tuple[tuple[str, str], ...], ...] = (), year: str = "2014") -> MarcRecord:
    """An Open Vlacc-style book record; ``zizo`` = (code, rubric path...)."""
    lit = " " if fiction is None else ("1" if fiction else "0")
    fields = [Field("001", data=number), Field("008", data=f"261123s{year}{' ' * 22}{lit} dut  ")]
    if siso:
        fields.append(Field("084", subfields=[("a", siso)]))
    if avi:
        fields.append(Field("090", subfields=[("a", avi)]))
    if author:
        fields.append(Field("100", indicators="1 ", subfields=[("a", author), ("4", "aut")]))
    fields.append(Field("245", indicators="10", subfields=[("a", title)]))
    fields.append(Field("260", subfields=[("a", "Antwerpen"), ("b", "Uitgeverij"), ("c", year)]))
    if audience:
        fields.append(Field("521", subfields=[("a", audience)]))
    if genre:
        fields.append(Field("650", indicators=" 4", subfields=[("a", genre), ("9", "jge" if audience else "vge")]))
    if zizo:
        fields.append(Field("693", indicators=" 2", subfields=[("9", zizo[0]), *zip("axyz", zizo[1:])]))
    for barcode in barcodes:
        fields.append(Field("852", subfields=[("a", "Bibliotheek Aalst"), ("b", "Volwassenen"), ("p", barcode)]))
    for subs in labels:
        fields.append(Field("999", subfields=list(subs)))
    return MarcRecord("00000nam a2200000   4500", fields)


SONGBOOK_999 = (
    (("a", "Songbooks"), ("b", "MANUEEL INVULLEN"), ("c", "MM"), ("f", "DAVI"), ("z", "VN ZIZO 2*9")),
    (("c", "788.41"), ("f", "DAVI"), ("z", "VN SISO 2*4")),
)


def label_records() -> list[MarcRecord]:
    """Five records: ZIZO with its 999, ZIZO youth, SISO only, youth genre fiction, one without a code."""
    kunst = ("MMSOAZ", "Kunst", "Muziek maken", "Songbooks", "Songbooks")
    return [
        record("L1", "Kind of blue", author="Davis, Miles", zizo=kunst, siso="788.41", barcodes=("BC-0001",),
               labels=SONGBOOK_999),
        record("L2", "Boos en bang", author="Vermeulen, Sara", zizo=("MEGEV", "Mens", "Gevoelens - Gedrag"),
               audience="Vanaf 9-11 jaar", barcodes=("BC-0002", "BC-0003")),
        record("L3", "Stress op het werk", author="Peeters, Jan", siso="367.1", barcodes=("BC-0004",)),
        record("L4", "De verdwenen diamant", author="Kastner, Erich", fiction=True, genre="Detectives",
               audience="Vanaf 9-11 jaar", avi="AVI-M6", barcodes=("BC-0005",)),
        record("L5", "Zonder code", author="Janssens, An", barcodes=("BC-0006",)),
    ]


def label_box(template, position: int) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in PDF points of a 1-based position, computed from the template's
    numbers (independently of the layout code)."""
    row, column = divmod(position - 1, template.columns)
    left = (template.left + column * template.pitch_x) * MM
    top = (template.page_height - template.top - row * template.pitch_y) * MM
    return left, top - template.label_height * MM, left + template.label_width * MM, top


def text_in(pdf_path: Path, page: int, box) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        textpage = doc[page].get_textpage()
        return textpage.get_text_bounded(*box)
    finally:
        doc.close()


@lru_cache(maxsize=8)
def _rendered(pdf_path: str, page: int, scale: float):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    try:
        return doc[page].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()


def pixel(pdf_path: Path, page: int, x_mm: float, y_mm: float, scale: float = 4.0) -> tuple[int, int, int]:
    """The rendered colour at (x, y) mm from the page's top left (each PDF page rendered once)."""
    image = _rendered(str(pdf_path), page, scale)
    return image.getpixel((round(x_mm * MM * scale), round(y_mm * MM * scale)))


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def pictograms_placed(pdf_path: Path, page: int) -> list[tuple[str, float, float]]:
    """(form name, x, y) in points of every form XObject drawn on a page: the CTM's origin."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(str(pdf_path))
    pdf_page = reader.pages[page]
    ops = ContentStream(pdf_page.get_contents(), reader).operations
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack, out = [], []
    for operands, op in ops:
        if op == b"q":
            stack.append(list(ctm))
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            A, B, C, D, E, F = ctm
            ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
        elif op == b"Do":
            out.append((str(operands[0]).removeprefix("/FormXob."), ctm[4], ctm[5]))
    return out


def decode_code128(bars: tuple[tuple[int, int], ...]) -> str:
    """Read Code 128 bars (start module, width) back to text, with reportlab's pattern table
    and the check digit verified: an independent check of what the label prints."""
    from reportlab.graphics.barcode.code128 import _patterns

    runs, at = [], 0
    for start, width in bars:
        if runs:
            runs.append(start - at)  # the space before this bar
        runs.append(width)
        at = start + width
    widths = {tuple(ord(ch.lower()) - ord("a") + 1 for ch in p): v for v, p in _patterns.items()}
    values = [widths[tuple(runs[i:i + 6])] for i in range(0, len(runs) - 7, 6)]
    start, *data, check = values
    assert check == (start + sum(i * v for i, v in enumerate(data, start=1))) % 103, "check digit"
    code_set = {104: "B", 105: "C"}[start]
    out = []
    for v in data:
        if v == 99:
            code_set = "C"
        elif v == 100:
            code_set = "B"
        elif code_set == "C":
            out.append(f"{v:02d}")
        else:
            out.append(chr(v + 32))
    return "".join(out)
