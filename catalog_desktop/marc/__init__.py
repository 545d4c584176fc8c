"""Reading, writing and understanding MARC 21 records.

``read_marc`` reads any supported format (detected from the content) and yields records or
quarantined items; ``iso2709.serialize`` and ``marcxml.MarcXmlWriter`` write them back.
"""

from catalog_desktop.marc.reading import (
    FORMATS,
    NotMarcError,
    Problem,
    QuarantinedRecord,
    ReadRecord,
    read_marc,
)
from catalog_desktop.marc.record import Field, MarcRecord

__all__ = ["FORMATS", "Field", "MarcRecord", "NotMarcError", "Problem", "QuarantinedRecord", "ReadRecord", "read_marc"]
