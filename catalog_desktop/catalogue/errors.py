"""The catalogue's exceptions: plain Python, so the CLI and the GUI map them at their edges."""

from __future__ import annotations


class CatalogueError(Exception):
    """Anything the catalogue refuses to do, with a message a cataloger can act on."""


class CatalogueTooNewError(CatalogueError):
    """The database was migrated by a newer catalog-desktop than this one."""

    def __init__(self, location: str, revision: str):
        super().__init__(
            f"this catalogue was made by a newer catalog-desktop (schema rev {revision}); "
            f"update the program ({location})"
        )
        self.location = location
        self.revision = revision


class RecordNotFound(CatalogueError, LookupError):
    def __init__(self, what: object):
        super().__init__(f"no record {what} in this catalogue")
        self.what = what


class QuarantineNotFound(CatalogueError, LookupError):
    def __init__(self, quarantine_id: int):
        super().__init__(f"no quarantined item {quarantine_id} in this catalogue")
        self.quarantine_id = quarantine_id


class WorkNotFound(CatalogueError, LookupError):
    def __init__(self, work_id: int):
        super().__init__(f"no work {work_id} in this catalogue")
        self.work_id = work_id


class VersionConflict(CatalogueError):
    """Someone else changed the record since it was read (optimistic locking); nothing was saved.

    Carries both sides: ``mine`` (the MarcRecord the caller tried to save, when known) and
    ``theirs`` (the record as stored now, a StoredRecord, when known). ``Records.conflict``
    turns it into a field-by-field comparison with the common base (conflicts.py).
    """

    def __init__(self, record_id: int, expected: int, found: int, mine=None, theirs=None):
        by = f" by {theirs.updated_by}" if theirs is not None and getattr(theirs, "updated_by", None) else ""
        super().__init__(
            f"record {record_id} was changed by someone else{by} (version {found}, you opened {expected}); "
            "nothing was overwritten: compare and merge, or reload it"
        )
        self.record_id = record_id
        self.expected = expected
        self.found = found
        self.mine = mine
        self.theirs = theirs


class NotAllowed(CatalogueError, PermissionError):
    """The database server refused a change this login may not make (roles, row-level security)."""

    def __init__(self, what: str, detail: str = ""):
        super().__init__(f"not allowed: {what}" + (f" ({detail})" if detail else ""))
        self.what = what
