"""The spine-label dialog: preview of the core's layout, problems listed, PDF and data saved."""

from __future__ import annotations

import pypdfium2 as pdfium

from catalog_desktop.gui.label_dialog import LabelDialog
from catalog_desktop.gui.label_painter import page_image


def open_dialog(qtbot, catalogue, numbers):
    from PySide6.QtWidgets import QApplication

    from catalog_desktop.gui.app import install_translator

    install_translator(QApplication.instance(), "nl")  # Dutch, as the application starts
    ids = [catalogue.records.by_control_number(n).id for n in numbers]
    dialog = LabelDialog(catalogue, ids)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.sheet is not None, timeout=20000)
    return dialog


def rgb(colour) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def test_preview_draws_the_labels_and_lists_copies_without_one(qtbot, sample_catalogue):
    # a songbook with its own 999s, a youth ZIZO record, and a real BU record without Flemish codes
    dialog = open_dialog(qtbot, sample_catalogue, ["DEMO00063", "DEMO00071", "99177355940001161"])
    assert dialog.windowTitle() == "Rugetiketten"  # Dutch by default
    kinds = [(lb.control_number, lb.kind, lb.shelving_word) for lb in dialog.labels]
    assert ("DEMO00063", "zizo", "DAVI") in kinds and ("DEMO00071", "zizo", "VERM") in kinds
    assert dialog.problems.count() >= 1
    assert "99177355940001161" in dialog.problems.item(0).text() and "ZIZO" in dialog.problems.item(0).text()
    assert dialog.preview.pageCount() == len(dialog.sheet.pages) == 1

    first = dialog.sheet.pages[0].labels[0]
    image = page_image(dialog.sheet, dialog.sheet.pages[0], dots_per_mm=8)
    band = image.pixelColor(round((first.x + 1) * 8), round((first.y + first.h / 2) * 8))
    assert rgb(band) == tuple(int(first.label.colour[i:i + 2], 16) for i in (1, 3, 5))


def test_start_position_template_and_barcodes_relayout(qtbot, sample_catalogue):
    dialog = open_dialog(qtbot, sample_catalogue, ["DEMO00063"])
    dialog.template.setCurrentIndex(dialog.template.findData("a4-24"))
    assert dialog.start.maximum() == 24
    dialog.start.setValue(24)
    dialog.barcodes.setChecked(True)
    assert [p.position for p in dialog.sheet.pages[0].labels] == [24]
    assert dialog.sheet.template.name == "a4-24"
    assert any(type(s).__name__ == "Bars" for s in dialog.sheet.pages[0].labels[0].shapes)


def test_the_pdf_has_what_the_preview_shows(qtbot, sample_catalogue, tmp_path):
    dialog = open_dialog(qtbot, sample_catalogue, ["DEMO00063", "DEMO00071"])
    assert dialog.save_pdf(str(tmp_path / "l.pdf")) == 1
    dialog.save_data(str(tmp_path / "l.csv"))
    assert (tmp_path / "l.csv").read_text(encoding="utf-8-sig").count("\n") == len(dialog.labels) + 1
    preview = page_image(dialog.sheet, dialog.sheet.pages[0], dots_per_mm=4)
    doc = pdfium.PdfDocument(str(tmp_path / "l.pdf"))
    try:
        pdf = doc[0].render(scale=4 * 25.4 / 72).to_pil().convert("RGB")
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    for placed in dialog.sheet.pages[0].labels:
        assert placed.label.shelving_word in text
        for dx in (1.0, placed.w - 0.5):  # the colour band and the (age) band or white edge
            x, y = round((placed.x + dx) * 4), round((placed.y + placed.h / 2) * 4)
            q = rgb(preview.pixelColor(x, y))
            p = pdf.getpixel((x, y))
            assert all(abs(a - b) <= 10 for a, b in zip(q, p)), (placed.label.item_key, dx, q, p)


def test_main_window_opens_the_dialog_for_the_selected_record(window, qtbot):
    assert window.labels_action.text() == "Rug&etiketten afdrukken…"
    window.table.selectRow(0)
    window.labels_action.trigger()
    dialog = window.label_dialog
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert dialog.isVisible()
    assert dialog.selection.currentData() == "records" and len(dialog.record_ids) == 1
    dialog.reject()


def test_records_without_labels_leave_nothing_to_print(qtbot, sample_catalogue):
    dialog = open_dialog(qtbot, sample_catalogue, ["99177355940001161"])
    assert dialog.labels == [] and dialog.problems.count() == 1
    assert not dialog.print_button.isEnabled() and not dialog.pdf_button.isEnabled()
    assert dialog.data_button.isEnabled()
