"""Who may do what on a server, enforced by PostgreSQL (roles + row-level security): a partner
library's login cannot change another library's record, not even with hand-written SQL."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from catalog_desktop.catalogue import Catalogue, NotAllowed
from catalog_desktop.catalogue import security
from catalog_desktop.catalogue.db import writing
from catalog_desktop.marc.record import Field

PASSWORDS = {"gent": "gent-pw", "brugge": "brugge-pw", "anna": "anna-pw", "lezer": "lezer-pw", "trainer": "tr-pw"}


@pytest.fixture
def server(pg_cluster, pg_url, book, write_marc, tmp_path):
    """Records of Gent, of Brugge and a shared one; logins for each role. Yields a URL maker."""
    path = write_marc(tmp_path / "in.mrc", [
        book("c:lvd:g", "Gents boek"), book("c:lvd:b", "Brugs boek"), book("c:lvd:s", "Gedeeld boek"),
    ])
    with Catalogue.open(pg_url) as cat:
        cat.import_files(path)
        with writing(cat.engine) as conn:
            security.apply(conn)
            security.grant(conn, "gent", "partner", library="Gent", person="Bib Gent", password=PASSWORDS["gent"])
            security.grant(conn, "brugge", "partner", library="Brugge", password=PASSWORDS["brugge"])
            security.grant(conn, "anna", "cataloger", person="Anna", password=PASSWORDS["anna"])
            security.grant(conn, "lezer", "reader", password=PASSWORDS["lezer"])
            security.grant(conn, "trainer", "trainer", password=PASSWORDS["trainer"])
            conn.exec_driver_sql("UPDATE record SET owner_library = 'Gent' WHERE identity = 'c:lvd:g'")
            conn.exec_driver_sql("UPDATE record SET owner_library = 'Brugge' WHERE identity = 'c:lvd:b'")
    database = make_url(pg_url).database

    def url(login: str) -> str:
        return pg_cluster.url(database, login, PASSWORDS[login])

    return url


def _psql(url: str):
    return psycopg.connect(url.replace("+psycopg", ""), autocommit=True)


def _id(conn, identity: str) -> int:
    return conn.execute("SELECT id FROM record WHERE identity = %s", (identity,)).fetchone()[0]


def test_a_partner_cannot_change_another_librarys_record_with_hand_written_sql(server):
    with _psql(server("gent")) as conn:
        brugs = _id(conn, "c:lvd:b")
        # Reading is allowed: everyone sees every record.
        assert conn.execute("SELECT count(*) FROM record").fetchone()[0] == 3
        # Writes to Brugge's record (and the shared one) touch no row at all...
        for sql in (
            "UPDATE record SET title = 'gekaapt' WHERE id = %s",
            "UPDATE record SET owner_library = 'Gent' WHERE id = %s",
            "DELETE FROM record WHERE id = %s",
            "UPDATE classification SET code = 'X' WHERE record_id = %s",
            "DELETE FROM record_search WHERE record_id = %s",
        ):
            assert conn.execute(sql, (brugs,)).rowcount == 0, sql
        assert conn.execute("UPDATE record SET title = 'gekaapt' WHERE owner_library IS NULL").rowcount == 0
        # ...or are refused outright.
        refused = (
            ("INSERT INTO record_version (record_id, version, marc, edited, changed_at, reason) "
             "VALUES (%s, 9, '\\x00', false, now(), 'edit')", (brugs,)),
            ("UPDATE team_member SET library = 'Brugge' WHERE login = 'gent'", ()),
            ("UPDATE record SET owner_library = 'Brugge' WHERE identity = 'c:lvd:g'", ()),  # giving a record away
            ("ALTER TABLE record DISABLE ROW LEVEL SECURITY", ()),
            ("SET row_security = off; UPDATE record SET title = 'x' WHERE id = 1", ()),
        )
        for sql, params in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, params)
        # Its own record it may change.
        assert conn.execute("UPDATE record SET year = '1999' WHERE identity = 'c:lvd:g'").rowcount == 1
    with _psql(server("anna")) as conn:
        titles = {r[0] for r in conn.execute("SELECT title FROM record")}
        assert "gekaapt" not in titles and len(titles) == 3


def test_the_catalogue_api_says_not_allowed_and_stamps_who_changed_what(server, book, write_marc, tmp_path):
    with Catalogue.open(server("gent")) as gent:
        assert gent.user == "gent" and gent.library == "Gent"
        brugs = gent.records.by_control_number("c:lvd:b")
        with pytest.raises(NotAllowed, match="another library|row-level security"):
            gent.records.update(brugs.id, brugs.record, who="gent", expected_version=brugs.version)
        own = gent.records.by_control_number("c:lvd:g")
        changed = own.record.copy()
        changed.add(Field("500", subfields=[("a", "Door Gent")]))
        gent.records.update(own.id, changed, who="iemand anders", expected_version=own.version)
        assert gent.records.get(own.id).updated_by == "gent"  # the server stamps the login
        assert gent.history.versions(own.id)[-1].who == "gent"
        # A new record a partner imports is its library's.
        gent.import_files(write_marc(tmp_path / "new.mrc", [book("c:lvd:g2", "Nieuw in Gent")]))
        assert gent.records.by_control_number("c:lvd:g2").owner_library == "Gent"
        # Another library's record: suggest a change instead.
        proposal = gent.proposals.propose(brugs.id, changed, base_version=brugs.version, who="gent", library="Gent")
    with Catalogue.open(server("anna")) as anna:
        [open_one] = anna.proposals.list(brugs.id)
        assert open_one.id == proposal and open_one.library == "Gent" and open_one.who == "gent"
        anna.proposals.accept(proposal, who="anna")
        assert anna.records.get(brugs.id).updated_by == "anna"
        assert anna.proposals.list(brugs.id) == []


@pytest.mark.parametrize("login", ["lezer", "trainer"])
def test_readers_and_trainers_read_everything_and_change_nothing(server, login):
    with Catalogue.open(server(login)) as cat:
        assert cat.records.count() == 3 and cat.search("boek")
        record = cat.records.by_control_number("c:lvd:s")
        with pytest.raises(NotAllowed):
            cat.records.update(record.id, record.record, who=login, expected_version=record.version)
        cat.presence.enter(record.id)  # saying "I am looking at it" is allowed
        cat.presence.leave(record.id)
    with _psql(server(login)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM record")


def test_catalogers_change_every_record(server):
    with Catalogue.open(server("anna")) as anna:
        for number in ("c:lvd:g", "c:lvd:b", "c:lvd:s"):
            record = anna.records.by_control_number(number)
            anna.records.update(record.id, record.record, who="anna", expected_version=record.version)
        with _psql(server("brugge")) as conn:
            assert conn.execute("UPDATE record SET year = '2001' WHERE identity = 'c:lvd:b'").rowcount == 1
            assert conn.execute("UPDATE record SET year = '2001' WHERE identity = 'c:lvd:g'").rowcount == 0
