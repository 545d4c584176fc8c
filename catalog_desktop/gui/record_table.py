"""The catalogue as a table that fetches its rows lazily, sorted and filtered in the database."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

PAGE_SIZE = 200


class RecordTableModel(QAbstractTableModel):
    """A window on ``catalogue.records.page``: rows arrive a page at a time as the view scrolls."""

    COLUMNS = (
        ("control_number", QT_TRANSLATE_NOOP("RecordTableModel", "Vlacc number")),
        ("title", QT_TRANSLATE_NOOP("RecordTableModel", "Title")),
        ("author", QT_TRANSLATE_NOOP("RecordTableModel", "Author")),
        ("year", QT_TRANSLATE_NOOP("RecordTableModel", "Year")),
        ("material", QT_TRANSLATE_NOOP("RecordTableModel", "Material")),
        ("zizo", QT_TRANSLATE_NOOP("RecordTableModel", "ZIZO")),
        ("siso", QT_TRANSLATE_NOOP("RecordTableModel", "SISO")),
        ("genres", QT_TRANSLATE_NOOP("RecordTableModel", "Genres")),
    )

    def __init__(self, catalogue, parent=None, language: str = "nl"):
        super().__init__(parent)
        self.catalogue = catalogue
        self.language = language
        self.rows: list = []
        self.total = 0
        self.order_by = "title"
        self.filter = None
        self.refresh()

    # Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return QCoreApplication.translate("RecordTableModel", self.COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.DisplayRole:
            name = self.COLUMNS[index.column()][0]
            value = getattr(row, name)
            if name in ("material", "literary_type"):  # stored language-neutral; shown in the window's language
                from catalog_desktop.catalogue.wording import value_text

                return value_text(name, value, self.language)
            return "" if value is None else str(value)
        if role == Qt.ToolTipRole and row.has_warnings:
            return QCoreApplication.translate("RecordTableModel", "Imported with warnings: see the record")
        if role == Qt.UserRole:
            return row.id
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        page = self.catalogue.records.page(len(self.rows), PAGE_SIZE, order_by=self.order_by, filter=self.filter)
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.COLUMNS[column][0]
        order_by = key if order == Qt.AscendingOrder else f"-{key}"
        if order_by == self.order_by:  # already in this order: the view asks again when sorting is switched on
            return
        self.order_by = order_by
        self.refresh()

    # ours ---------------------------------------------------------------------------------

    def set_filter(self, record_filter) -> None:
        self.filter = record_filter
        self.refresh()

    def refresh(self) -> None:
        """Start over from the first page (after a sort, a filter, an import)."""
        self.beginResetModel()
        self.rows = []
        self.total = self.catalogue.records.count(filter=self.filter)
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def record_id(self, row: int) -> int:
        return self.rows[row].id
