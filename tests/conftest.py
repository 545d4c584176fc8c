"""Shared fixtures. Keep this small: module-specific helpers live in their test files."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _own_settings_folder(tmp_path_factory):
    """No test (nor the CLI it starts) reads or writes the developer's own settings file."""
    import os

    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    yield
    if previous is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = previous


@pytest.fixture
def catalogue(tmp_path):
    """A fresh, migrated SQLite catalogue in a temporary folder, closed afterwards."""
    from catalog_desktop.catalogue import Catalogue

    cat = Catalogue.open(tmp_path / "catalogue.sqlite")
    yield cat
    cat.close()


@pytest.fixture(scope="session")
def book():
    """Build an Open Vlacc-style book record: ``book("c:lvd:1", "Titel", author="Claus, Hugo")``."""
    from catalog_desktop.marc.record import Field, MarcRecord

    def make(number: str | None, title: str, *, author: str | None = None, isbn: str | None = None,
             year: str = "2020", zizo: str | None = None, siso: str | None = None, genre: str | None = None,
             subjects: tuple[str, ...] = (), barcode: str | None = None, fiction: bool = True) -> MarcRecord:
        fields = []
        if number is not None:
            fields.append(Field("001", data=number))
        fields.append(Field("008", data=f"200101s{year}    be            000 {1 if fiction else 0} dut  "))
        if isbn:
            fields.append(Field("020", subfields=[("a", isbn)]))
        if siso:
            fields.append(Field("084", subfields=[("a", siso)]))
        if author:
            fields.append(Field("100", indicators="1 ", subfields=[("a", author), ("4", "aut")]))
        fields.append(Field("245", indicators="10", subfields=[("a", title)]))
        fields.append(Field("260", subfields=[("a", "Antwerpen"), ("b", "Uitgeverij"), ("c", year)]))
        for term in subjects:
            fields.append(Field("650", indicators=" 4", subfields=[("a", term), ("9", "vth")]))
        if genre:
            fields.append(Field("650", indicators=" 4", subfields=[("a", genre), ("9", "vge")]))
        if zizo:
            fields.append(Field("693", indicators=" 2", subfields=[("9", zizo), ("a", "Sport"), ("x", "Voetbal")]))
        if barcode:
            fields.append(Field("852", subfields=[("a", "Bibliotheek"), ("p", barcode)]))
        return MarcRecord("00000nam a2200000 a 4500", fields, "utf-8")

    return make


@pytest.fixture(scope="session")
def write_marc():
    """Write records (MarcRecord or raw bytes) to an ISO 2709 file; returns its path."""
    from catalog_desktop.marc.iso2709 import serialize

    def write(path: Path, records) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as out:
            for rec in records:
                out.write(rec if isinstance(rec, bytes) else serialize(rec))
        return path

    return write


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The bundled sample catalogue, imported once per session (copy it; never write to it)."""
    from catalog_desktop.catalogue import Catalogue
    from catalog_desktop.catalogue.sample import fill_sample_catalogue

    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    with Catalogue.open(path) as cat:
        summary = fill_sample_catalogue(cat)
        assert summary.quarantined == 0
    return path


@pytest.fixture
def sample_catalogue(sample_template, tmp_path):
    """A private copy of the sample catalogue (181 records: 100 real, 81 Dutch demo records)."""
    import shutil

    from catalog_desktop.catalogue import Catalogue

    path = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_template, path)
    cat = Catalogue.open(path)
    yield cat
    cat.close()


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL server for the whole session (see tests/pgcluster.py).

    Fails, never skips, when the server cannot be started: the team tests are part of CI.
    """
    from pgcluster import Cluster

    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster, request):
    """The admin URL of a fresh, empty database on the session's server."""
    import re

    pg_cluster.databases = getattr(pg_cluster, "databases", 0) + 1
    name = f"t{pg_cluster.databases}_" + re.sub(r"\W", "_", request.node.name.lower())[:40]
    return pg_cluster.create_database(name)
