"""Regenerate the screenshots in docs/screenshots/ (offscreen, Dutch, on the sample catalogue).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from catalog_desktop.catalogue import Catalogue  # noqa: E402
from catalog_desktop.catalogue.sample import fill_sample_catalogue  # noqa: E402
from catalog_desktop.gui.app import install_translator  # noqa: E402
from catalog_desktop.gui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    app = QApplication([])
    install_translator(app, "nl")
    with tempfile.TemporaryDirectory() as tmp, Catalogue.open(Path(tmp) / "sample.sqlite") as catalogue:
        fill_sample_catalogue(catalogue)
        window = MainWindow(catalogue)
        window.resize(1280, 800)
        window.show()
        window.search.setText("verdriet")
        window.apply_search()
        window.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(OUT / "hoofdvenster-zoeken.png"))
        window.search.setText("zizo:MMSOAZ")
        window.apply_search()
        window.table.selectRow(1)
        app.processEvents()
        window.grab().save(str(OUT / "hoofdvenster-zizo.png"))
        window.record_view.setCurrentIndex(1)
        app.processEvents()
        window.grab().save(str(OUT / "hoofdvenster-marc.png"))
        window.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
