"""``catalog-desktop``: start the window on a catalogue (the bundled sample with ``--sample``)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from catalog_desktop.resources import resources_dir

LANGUAGES = ("nl", "en")


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Dutch by default; English is the language of the source strings."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"catalog_desktop_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        return translator
    return None


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="catalog-desktop", description="The catalog-desktop window.")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="the catalogue to open (default: your own catalogue)")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample catalogue (made on first use)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window (default: the setting, else nl)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("catalog-desktop")
    app.setOrganizationName("catalog-desktop")
    from catalog_desktop.gui.main_thread_gc import MainThreadGarbageCollector

    garbage_collector = MainThreadGarbageCollector(app)  # no collection on worker threads
    from catalog_desktop.gui.preferences import Preferences

    preferences = Preferences()
    language = args.lang or preferences.get("language") or "nl"
    install_translator(app, language)
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.catalogue.errors import CatalogueError
    from catalog_desktop.catalogue.sample import sample_files, sample_location
    from catalog_desktop.gui.main_window import MainWindow

    try:
        catalogue = Catalogue.open(sample_location() if args.sample else (args.db or preferences.get("catalogue") or None))
    except CatalogueError as exc:
        QMessageBox.critical(None, "catalog-desktop", str(exc))
        return 1
    window = MainWindow(catalogue, language=language, preferences=preferences)
    window.show()
    if args.sample and catalogue.records.count() == 0:
        window.start_import([str(p) for p in sample_files()])  # first start: fill the sample catalogue
    try:
        return app.exec()
    finally:
        catalogue.close()
        garbage_collector.stop()


if __name__ == "__main__":
    sys.exit(main())
