"""The first window: the sample catalogue listed, searched, shown, and a file imported."""

from pathlib import Path

from PySide6.QtCore import Qt

SHARED_MARC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "marc"


def test_window_lists_the_sample_catalogue_lazily(window, sample_catalogue):
    total = sample_catalogue.records.count()
    assert total >= 180  # 100 real records + the demonstration set
    assert window.model.total == total
    assert 0 < window.model.rowCount() <= 200  # only the first page is fetched
    window.table.scrollToBottom()
    while window.model.canFetchMore():
        window.model.fetchMore()
    assert window.model.rowCount() == total


def test_window_speaks_dutch_by_default(window):
    headers = [window.model.headerData(i, Qt.Horizontal) for i in range(window.model.columnCount())]
    assert headers[:3] == ["Vlaccnummer", "Titel", "Auteur"]
    assert window.menuBar().actions()[0].text() == "&Bestand"


def test_search_filters_in_the_database_and_selection_shows_the_record(window, qtbot):
    qtbot.keyClicks(window.search, "verdriet")
    qtbot.waitUntil(lambda: window.model.total == 3, timeout=3000)
    assert {row.year for row in window.model.rows} == {"1983", "1986", "2013"}
    window.table.selectRow(0)
    html = window.record_view.entities_view.toHtml()
    assert "Het verdriet van België" in html
    assert "3 edities in de catalogus" in html
    marc = window.record_view.marc.text.toPlainText()
    assert marc.startswith("=LDR  ") and "=245  14$aHet verdriet van België" in marc and "=100  1" in marc
    assert "3 van" in window.statusBar().currentMessage()


def test_the_window_opens_on_one_page_in_title_order(qtbot, sample_catalogue, monkeypatch):
    # Each order is a query over every record: switching sorting on in the view must not
    # read the list in another order first, nor the same order twice.
    from catalog_desktop.gui.main_window import MainWindow

    asked = []
    page = sample_catalogue.records.page
    monkeypatch.setattr(sample_catalogue.records, "page",
                        lambda *args, **kwargs: asked.append(kwargs.get("order_by")) or page(*args, **kwargs))
    window = MainWindow(sample_catalogue)
    qtbot.addWidget(window)
    window.show()
    assert asked == ["title"]
    titles = [row.title for row in window.model.rows]
    assert titles == sorted(titles)
    window.model.sort(1, Qt.AscendingOrder)  # the order it has: nothing read again
    assert asked == ["title"]
    window.model.sort(1, Qt.DescendingOrder)
    assert asked == ["title", "-title"]


def test_back_from_quarantine_the_first_record_is_not_opened_on_the_way(window, monkeypatch):
    window.choose_filter("quarantine")
    opened = []
    monkeypatch.setattr(window.record_view, "open_record", lambda record_id: opened.append(record_id))
    window.choose_filter("no_zizo")
    assert window.left.currentWidget() is window.table and opened == []
    assert window.record_view.draft is None


def test_sorting_is_done_by_the_database(window):
    window.model.sort(3, Qt.DescendingOrder)  # year, newest first
    years = [row.year for row in window.model.rows if row.year]
    assert years == sorted(years, reverse=True)


def test_import_runs_off_the_gui_thread_and_reports_quarantine(window, qtbot, sample_catalogue):
    before = sample_catalogue.quarantine.count()
    broken = SHARED_MARC / "pymarc" / "bad_records.mrc"
    worker = window.start_import([str(broken)])
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as finished:
        pass
    summary = finished.args[0]
    (file_summary,) = summary.files
    assert (file_summary.found, file_summary.quarantined) == (8, 1)
    assert sample_catalogue.quarantine.count() == before + 1
    assert "in quarantaine" in window.statusBar().currentMessage()
