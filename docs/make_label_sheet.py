"""Regenerate docs/labels/: a sheet of sample spine labels, rendered from the PDF itself.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_label_sheet.py

Labels for the demonstration records of the sample catalogue (their codes were assigned for
demonstration; colours and pictograms are the local defaults, not Biblioprint's), one per kind,
code and age group, on A4 24-up stock with barcodes and label outlines, starting at position 4
as on a partly used sheet. The PDF is written by the same code as ``catalog labels`` and
rendered with pypdfium2; ``sample-labels.csv`` is the data file of the same labels. Also the
label dialog (print preview) as ``docs/screenshots/etiketten-dialoog.png``, and the same with
one copy's shelving word and colour changed for that copy only as ``etiketten-aanpassing.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from catalog_desktop.catalogue import Catalogue  # noqa: E402
from catalog_desktop.catalogue.sample import fill_sample_catalogue  # noqa: E402
from catalog_desktop.labels.run import LabelJob, run_job  # noqa: E402
from catalog_desktop.labels.datafile import write_csv  # noqa: E402
from catalog_desktop.labels.layout import layout_sheet  # noqa: E402
from catalog_desktop.labels.pdf import write_pdf  # noqa: E402
from catalog_desktop.labels.templates import load_templates  # noqa: E402

OUT = ROOT / "docs" / "labels"
SLOTS = 21  # positions 4 to 24


def pick(labels):
    """One label per kind, code and age group, youth first: as many kinds as fit on one sheet."""
    chosen, seen = [], set()
    for label in sorted(labels, key=lambda lb: (lb.kind == "genre", lb.age_group == "", lb.record_id)):
        key = (label.kind, label.code, label.age_group)
        if key not in seen and len(chosen) < SLOTS:
            seen.add(key)
            chosen.append(label)
    return sorted(chosen, key=lambda lb: ("zizo", "siso", "genre", "fiction").index(lb.kind))


def dialog_screenshot(catalogue, out: Path) -> None:
    """The label dialog in Dutch on a few demo records and one record without a code."""
    from PySide6.QtWidgets import QApplication

    from catalog_desktop.gui.app import install_translator
    from catalog_desktop.gui.label_dialog import LabelDialog

    app = QApplication.instance() or QApplication([])
    install_translator(app, "nl")
    numbers = ["DEMO00063", "DEMO00071", "DEMO00065", "DEMO00040", "99177355940001161"]
    dialog = LabelDialog(catalogue, [catalogue.records.by_control_number(n).id for n in numbers])
    dialog.resize(1100, 760)
    dialog.show()
    while dialog.worker is not None:
        app.processEvents()
    dialog.barcodes.setChecked(True)
    dialog.outlines.setChecked(True)
    dialog.template.setCurrentIndex(dialog.template.findData("a4-24"))
    dialog.start.setValue(4)
    dialog.preview.fitInView()
    app.processEvents()
    dialog.grab().save(str(out))

    # one copy's label changed in the dialog (kept with the copy, the record untouched)
    dialog.copy_list.setCurrentRow(0)
    for field, value in (("shelving_word", "ZANG"), ("colour", "#2e8b57")):
        dialog.adjust_field.setCurrentIndex(dialog.adjust_field.findData(field))
        dialog.adjust_value.setText(value)
        dialog.adjust()
        while dialog.worker is not None:
            app.processEvents()
    dialog.preview.fitInView()
    app.processEvents()
    dialog.grab().save(str(out.with_name("etiketten-aanpassing.png")))
    dialog.close()


def main() -> None:
    import pypdfium2 as pdfium

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, Catalogue.open(Path(tmp) / "sample.sqlite") as catalogue:
        fill_sample_catalogue(catalogue)
        template = load_templates(include_user=False)["a4-24"]
        everything = run_job(catalogue, LabelJob(selection=["all"], template=template))
        labels = pick([lb for lb in everything.labels if lb.control_number.startswith("DEMO")])
        sheet = layout_sheet(labels, template, start=4, barcodes=True, outlines=True)
        pdf = Path(tmp) / "labels.pdf"
        write_pdf(sheet, pdf)
        write_csv(labels, OUT / "sample-labels.csv")
        doc = pdfium.PdfDocument(str(pdf))
        try:
            doc[0].render(scale=110 / 72).to_pil().convert("RGB").save(OUT / "sample-sheet-a4-24.png", optimize=True)
        finally:
            doc.close()
        dialog_screenshot(catalogue, ROOT / "docs" / "screenshots" / "etiketten-dialoog.png")
    print(f"{len(labels)} labels -> {OUT / 'sample-sheet-a4-24.png'}, {OUT / 'sample-labels.csv'}")


if __name__ == "__main__":
    main()
