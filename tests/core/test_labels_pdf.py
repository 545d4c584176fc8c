"""Label sheets as PDF: what is on each label, where, in which colour, with which pictogram.

The PDF is read back with pypdfium2 (text per label box, rendered pixels) and pypdf (which
pictogram form is drawn where); label boxes are computed from the template's numbers here,
not taken from the layout code.
"""

from __future__ import annotations

import pytest
from label_helpers import (
    MM, decode_code128, hex_rgb, label_box, label_records, pictograms_placed, pixel, text_in,
)

from catalog_desktop.labels.layout import Bars, layout_sheet
from catalog_desktop.labels.run import LabelJob, run_job
from catalog_desktop.labels.templates import load_templates

START = 7  # a partly used sheet: positions 1-6 are gone


@pytest.fixture(scope="module")
def templates():
    return load_templates(include_user=False)


@pytest.fixture
def printed(catalogue, write_marc, tmp_path, templates):
    catalogue.import_files(write_marc(tmp_path / "labels.mrc", label_records()))
    job = LabelJob(selection=["all"], template=templates["a4-65"], start=START, pdf=tmp_path / "labels.pdf",
                   barcodes=True)
    return run_job(catalogue, job), tmp_path / "labels.pdf", templates["a4-65"]


def close(rgb, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, hex_rgb(colour)))


def test_positions_before_the_start_stay_empty(printed):
    result, pdf, template = printed
    assert result.pages == 1
    for position in range(1, START):
        assert text_in(pdf, 0, label_box(template, position)).strip() == ""
    assert [p.position for p in result.sheet.pages[0].labels] == list(range(START, START + 5))


def test_each_label_carries_its_code_shelving_word_and_rubric(printed):
    _, pdf, template = printed
    expected = {
        START: ("MM", "DAVI", "Songbooks"),          # the record's own 999
        START + 1: ("ME", "VERM", "Gevoelens - Gedrag", "9-11"),
        START + 2: ("ME", "VERM"),                   # the second copy of the same record
        START + 3: ("367.1", "PEET"),
        START + 4: ("KAST", "Detectives", "AVI-M6", "9-11"),
    }
    for position, words in expected.items():
        text = " ".join(text_in(pdf, 0, label_box(template, position)).split())  # a rubric may wrap
        for word in words:
            assert word in text, (position, word, text)
    assert "DAVI" not in text_in(pdf, 0, label_box(template, START + 3))


def test_label_colours_on_the_band_and_the_age_band(printed):
    _, pdf, template = printed

    def at(position, dx_mm):
        left, bottom, right, top = label_box(template, position)
        x = left / MM + (dx_mm if dx_mm >= 0 else template.label_width + dx_mm)
        return pixel(pdf, 0, x, template.page_height - (top / MM) + template.label_height / 2)

    assert close(at(START, 1.0), "#c2185b")       # ZIZO Kunst, local default
    assert close(at(START + 1, 1.0), "#ef6c00")   # ZIZO Mens
    assert close(at(START + 1, -0.6), "#43a047")  # age group 9-11
    assert close(at(START + 3, 1.0), "#455a64")   # SISO
    assert close(at(START + 4, 1.0), "#37474f")   # genre Detectives
    assert close(at(START, -0.6), "#ffffff")      # an adult label has no age band


def test_pictograms_are_the_svg_forms_on_their_labels(printed):
    _, pdf, template = printed
    placed = pictograms_placed(pdf, 0)

    def on(position):
        left, bottom, right, top = label_box(template, position)
        return sorted(name for name, x, y in placed if left <= x <= right and bottom <= y <= top)

    assert on(START) == ["picto-demo-muziek"]
    assert on(START + 1) == on(START + 2) == ["picto-demo-mens"]
    assert on(START + 3) == []  # SISO labels have no pictogram in the local default
    assert on(START + 4) == ["picto-demo-vergrootglas"]


def test_barcodes_encode_the_copy_barcode(printed):
    result, pdf, template = printed
    for placed in result.sheet.pages[0].labels:
        (bars,) = [s for s in placed.shapes if isinstance(s, Bars)]
        assert decode_code128(bars.bars) == placed.label.barcode
    # and they are printed: dark pixels in the bottom strip of the first label
    left, bottom, right, top = label_box(template, START)
    row = [pixel(pdf, 0, left / MM + template.label_width * f, template.page_height - bottom / MM - 2.0)
           for f in (0.35, 0.5, 0.65, 0.8)]
    assert any(sum(rgb) < 150 for rgb in row)


def test_a_copy_without_its_code_is_listed_not_printed(printed):
    result, pdf, template = printed
    problems = [(p.control_number, p.item_key, p.reason) for p in result.problems]
    assert problems == [("L5", "BC-0006", "no-code")]
    whole_page = text_in(pdf, 0, (0, 0, template.page_width * MM, template.page_height * MM))
    assert "JANS" not in whole_page
    assert len(result.labels) == 5


def test_sheets_continue_on_the_next_page_from_position_one(templates):
    from catalog_desktop.labels.data import LabelData

    template = templates["a4-24"]
    labels = [LabelData(i, f"N{i}", f"seq:{i}", "", "", "", "", "fiction", "", "", "", "", "", "", "", "", "",
                        "", "", "", "", f"W{i:03d}", "2020", "T", "A", "", "") for i in range(30)]
    sheet = layout_sheet(labels, template, start=20)
    assert [len(p.labels) for p in sheet.pages] == [5, 24, 1]
    assert sheet.pages[1].labels[0].position == 1
    assert (sheet.pages[1].labels[0].x, sheet.pages[1].labels[0].y) == (template.left, template.top)
    with pytest.raises(ValueError, match="start position 25"):
        layout_sheet(labels, template, start=25)


def test_text_that_does_not_fit_is_shrunk_wrapped_or_reported(templates):
    from dataclasses import replace

    from catalog_desktop.labels.data import LabelData
    from catalog_desktop.labels.layout import TextLine, layout_label

    base = LabelData(1, "N1", "seq:1", "", "", "", "", "zizo", "X", "MM", "Songbooks", "#000000", "", "", "", "",
                     "", "", "", "", "", "DAVI", "2020", "T", "A", "", "")
    shapes, problems = layout_label(base, 38.1, 21.2)
    normal = {s.role: s.size for s in shapes if isinstance(s, TextLine)}
    long_rubric = replace(base, rubric="Gevoelens - Gedrag en nog veel meer woorden over dit onderwerp")
    shapes, problems = layout_label(long_rubric, 38.1, 21.2)
    lines = [s for s in shapes if isinstance(s, TextLine)]
    assert problems == []
    assert len([s for s in lines if s.role == "rubric"]) >= 2  # wrapped
    assert min(s.size for s in lines) < normal["rubric"]  # and smaller
    assert all(s.x + s.width <= 38.1 for s in lines)  # nothing runs off the label
    words = " ".join(s.text for s in lines if s.role == "rubric").split()
    assert words == long_rubric.rubric.split()  # nothing cut
    impossible = replace(base, rubric="x" * 2000)
    _, problems = layout_label(impossible, 38.1, 21.2)
    assert [p[0] for p in problems] == ["text-overflow"]
