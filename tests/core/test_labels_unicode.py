"""Real names and titles on labels: every character printed, measured and kept in the data file.

Flemish library data has authors such as "Szymborska, Wisława", "Čapek" or "Достоевский" and
titles with typographic quotes and the euro sign. The PDF is read back with pypdfium2 (text
per label box, character boxes) and pypdf (which fonts the pages use); label boxes come from
the template's numbers (label_helpers), not from the layout code.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from label_helpers import MM, label_box, record, text_in

from catalog_desktop.labels.data import LabelData
from catalog_desktop.labels.datafile import read_csv
from catalog_desktop.labels.layout import TextLine, layout_label, layout_sheet
from catalog_desktop.labels.pdf import write_pdf
from catalog_desktop.labels.run import LabelJob, run_job
from catalog_desktop.labels.templates import load_templates

# control number -> (author, title, expected shelving word)
BOOKS = {
    "U1": ("Szymborska, Wisława", "Koniec i początek", "SZYM"),
    "U2": ("Świetlicki, Marcin", "Zimne kraje", "ŚWIE"),
    "U3": ("Čapek, Karel", "Válka s mloky", "ČAPE"),
    "U4": ("Достоевский, Фёдор", "Преступление и наказание", "ДОСТ"),
    "U5": ("Kiš, Danilo", "Grobnica za Borisa Davidoviča", "KIŠ"),
    "U6": ("Erdoğan, Aslı", "Het stenen gebouw: „roman” voor €25", "ERDO"),
    "U7": ("Ōe, Kenzaburō", "Een persoonlijke ervaring", "ŌE"),
    "U8": ("Žemaitė", "Marti · Szabó Lőrinc · Miorița și Luceafărul", "ŽEMA"),
    "U9": ("Καζαντζάκης, Νίκος", "Βίος και πολιτεία του Αλέξη Ζορμπά", "ΚΑΖΑ"),
}
NOT_IN_FONT = {"U10": ("村上, 春樹", "ノルウェイの森", "村上")}
RIGHT_TO_LEFT = {"U11": ("עוז, עמוס", "סיפור על אהבה וחושך", "עוז")}
ALL = {**BOOKS, **NOT_IN_FONT, **RIGHT_TO_LEFT}


@pytest.fixture(scope="module")
def templates():
    return load_templates(include_user=False)


@pytest.fixture
def printed(catalogue, write_marc, tmp_path, templates):
    records = [record(number, title, author=author, fiction=True, barcodes=(f"BC-{number}",))
               for number, (author, title, _) in ALL.items()]
    catalogue.import_files(write_marc(tmp_path / "unicode.mrc", records))
    job = LabelJob(selection=["all"], template=templates["a4-24"], pdf=tmp_path / "labels.pdf",
                   csv=tmp_path / "labels.csv", json=tmp_path / "labels.json")
    return run_job(catalogue, job), tmp_path, templates["a4-24"]


def label(word: str, rubric: str, code: str = "MM") -> LabelData:
    return LabelData(1, "N1", "seq:1", "", "", "", "", "zizo", "X", code, rubric, "#c2185b", "", "", "", "", "",
                     "", "", "", "", word, "2020", "T", "A", "", "")


def test_every_character_of_the_names_is_on_its_label(printed):
    result, folder, template = printed
    placed = {p.label.control_number: p for p in result.sheet.pages[0].labels}
    assert sorted(placed) == sorted(ALL)
    for number, (_, _, word) in BOOKS.items():
        lines = text_in(folder / "labels.pdf", 0, label_box(template, placed[number].position)).split()
        assert lines == [word, "2014"], number  # the shelving word exactly, and the year


def test_rubrics_in_other_alphabets_quotes_and_the_euro_sign_print_as_they_are(tmp_path, templates):
    rubrics = ["Dostojevski / Достоевский", "Žemaitė – Szabó Lőrinc – Miorița și Luceafărul",
               "„Aanhalingstekens” ‘enkel’ — € 12,50", "Ἰλιάς · Οδύσσεια · Αλέξης Ζορμπάς", "Ørsted Łódź Ærø ẞ"]
    template = templates["a4-24"]
    sheet = layout_sheet([label("ŚWIE", r) for r in rubrics], template)
    assert sheet.problems == []
    write_pdf(sheet, tmp_path / "r.pdf")
    for position, rubric in enumerate(rubrics, start=1):
        text = " ".join(text_in(tmp_path / "r.pdf", 0, label_box(template, position)).split())
        assert text == f"MM ŚWIE {rubric} 2020", position


def test_the_embedded_font_is_the_unicode_one(printed):
    from pypdf import PdfReader

    _, folder, _ = printed
    fonts = PdfReader(str(folder / "labels.pdf")).pages[0]["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        names.add(re.sub(r"^/[A-Z]{6}\+", "", str(font["/BaseFont"])))  # subset prefix
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]  # embedded TrueType
        assert "/ToUnicode" in font  # so the text can be searched and copied
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}  # and no base font such as Helvetica


def test_characters_the_font_lacks_and_right_to_left_text_are_listed(printed):
    result, folder, template = printed
    problems = {p.control_number: p for p in result.problems}
    assert sorted((p.control_number, p.reason) for p in result.problems) == [
        ("U10", "glyph-missing"), ("U11", "right-to-left")]
    assert "村 (U+6751)" in problems["U10"].message and "上 (U+4E0A)" in problems["U10"].message_en
    assert "ע (U+05E2)" in problems["U11"].message
    # the labels are still printed (the rest of them is right) and in the data file
    assert {lb.control_number for lb in result.labels} == set(ALL)
    placed = {p.label.control_number: p for p in result.sheet.pages[0].labels}
    assert "2014" in text_in(folder / "labels.pdf", 0, label_box(template, placed["U10"].position))
    assert [p["reason"] for p in json.loads((folder / "labels.json").read_text("utf-8"))["problems"]] == [
        "glyph-missing", "right-to-left"]


def test_the_data_file_keeps_every_character(printed):
    result, folder, _ = printed
    rows = {row["control_number"]: row for row in read_csv(folder / "labels.csv")}
    data = {lb["control_number"]: lb for lb in json.loads((folder / "labels.json").read_text("utf-8"))["labels"]}
    raw_csv = (folder / "labels.csv").read_bytes()
    raw_json = (folder / "labels.json").read_bytes()
    for number, (author, title, word) in ALL.items():
        for found in (rows[number], data[number]):
            assert (found["author"], found["title"], found["shelving_word"]) == (author, title, word), number
        for text in (author, title):
            assert text.encode("utf-8") in raw_csv and text.encode("utf-8") in raw_json  # UTF-8, not escaped
    assert raw_csv.startswith(b"\xef\xbb\xbf")


def test_long_text_in_other_alphabets_is_shrunk_and_wrapped_within_the_label(tmp_path, templates):
    template = templates["a4-65"]
    base = label("ДОСТ", "Психология")
    shapes, problems = layout_label(base, template.label_width, template.label_height)
    assert problems == []
    normal = {s.role: s.size for s in shapes if isinstance(s, TextLine)}
    long_rubric = ("Преступление и наказание — Ἰλιάς καὶ Ὀδύσσεια — "
                   "Žemaitė, Szabó Lőrinc, Miorița și Luceafărul „€”")
    sheet = layout_sheet([replace(base, rubric=long_rubric)], template)
    assert sheet.problems == []
    lines = [s for s in sheet.pages[0].labels[0].shapes if isinstance(s, TextLine)]
    rubric = [s for s in lines if s.role == "rubric"]
    assert len(rubric) >= 3 and max(s.size for s in rubric) < normal["rubric"]  # wrapped and smaller
    assert " ".join(s.text for s in rubric).split() == long_rubric.split()  # nothing cut

    # and in the PDF every character lies inside the label: measured with the font that draws
    import pypdfium2 as pdfium

    write_pdf(sheet, tmp_path / "long.pdf")
    left, bottom, right, top = label_box(template, 1)
    doc = pdfium.PdfDocument(str(tmp_path / "long.pdf"))
    try:
        textpage = doc[0].get_textpage()
        chars = textpage.count_chars()
        boxes = [textpage.get_charbox(i) for i in range(chars)]
        text = textpage.get_text_range()
    finally:
        doc.close()
    assert " ".join(text.split()) == f"MM ДОСТ {long_rubric} 2020"
    inked = [b for b in boxes if b[2] > b[0]]  # spaces and line breaks have no box
    assert len(inked) > 80
    for x0, y0, x1, y1 in inked:
        assert left <= x0 and x1 <= right + 0.2 and bottom <= y0 and y1 <= top, (x0, y0, x1, y1)
    # the ink ends where the layout measured the longest line to end (a measurement with other
    # metrics, such as Helvetica's, is off by several millimetres on lines this long)
    measured_end = max(s.x + s.width for s in lines)
    inked_end = (max(x1 for _, _, x1, _ in inked) - left) / MM
    assert abs(inked_end - measured_end) < 0.4, (inked_end, measured_end)


def test_decomposed_text_is_printed_composed(tmp_path, templates):
    template = templates["a4-24"]
    sheet = layout_sheet([label("KIS\u030c", "Z\u030cemaite\u0307")], template)
    assert sheet.problems == []
    write_pdf(sheet, tmp_path / "nfd.pdf")
    assert text_in(tmp_path / "nfd.pdf", 0, label_box(template, 1)).split() == ["MM", "KIŠ", "Žemaitė", "2020"]


def test_a_missing_font_file_is_named(tmp_path, monkeypatch):
    from catalog_desktop.labels.fonts import REGULAR, FontMissingError, font_file

    monkeypatch.setenv("CATALOG_DESKTOP_RESOURCES", str(tmp_path))
    with pytest.raises(FontMissingError, match="DejaVuSans.ttf"):
        font_file(REGULAR)
