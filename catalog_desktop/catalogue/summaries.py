"""What an import reports: per file and in total. Frozen, JSON-able through ``as_dict``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class FileSummary:
    """Counts for one file; ``found == imported + updated + unchanged + quarantined``."""

    path: str
    format: str | None
    found: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    quarantined: int = 0
    error: str | None = None  # "not MARC: ...", "cannot read: ...": the file was skipped (in part)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    files: tuple[FileSummary, ...]
    run_id: int | None = None
    status: str = "completed"  # completed, cancelled, failed
    seconds: float = 0.0
    # Where the time went: "read" (reading and parsing the files), "derive" (entities),
    # "store" (the database side). Seconds; the three add up to ``seconds``.
    timings: dict[str, float] = field(default_factory=dict)
    # Files whose records were read and derived in a second process (see preparing_process).
    prepared_elsewhere: int = 0

    def _total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)

    @property
    def found(self) -> int:
        return self._total("found")

    @property
    def imported(self) -> int:
        return self._total("imported")

    @property
    def updated(self) -> int:
        return self._total("updated")

    @property
    def unchanged(self) -> int:
        return self._total("unchanged")

    @property
    def quarantined(self) -> int:
        return self._total("quarantined")

    def per_record_us(self, part: str) -> float:
        """Microseconds per record found for one part of :attr:`timings` (0 when none)."""
        return self.timings.get(part, 0.0) / self.found * 1e6 if self.found else 0.0

    @property
    def errors(self) -> list[FileSummary]:
        return [f for f in self.files if f.error]

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def as_dict(self) -> dict:
        totals = {n: self._total(n) for n in ("found", "imported", "updated", "unchanged", "quarantined")}
        return {"run_id": self.run_id, "status": self.status, "seconds": self.seconds, "timings": dict(self.timings),
                "prepared_elsewhere": self.prepared_elsewhere, "files": [f.as_dict() for f in self.files], **totals}
