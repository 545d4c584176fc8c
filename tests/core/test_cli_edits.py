"""``catalog edits``: history, show, undo and redo of edit steps from the command line."""

from __future__ import annotations

import json
import shutil

import pytest

from catalog_desktop.cli.main import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sample_template, tmp_path) -> str:
    path = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_template, path)
    return str(path)


def test_a_decision_from_the_command_line_is_undone_and_redone_as_a_step(capsys, db):
    from catalog_desktop.catalogue import Catalogue

    with Catalogue.open(db) as cat:
        before = cat.records.by_control_number("DEMO00070").current_marc()
    assert run(capsys, "decide", "accept", "DEMO00070", "siso", "367.1", "--db", db)[0] == 0
    code, out, err = run(capsys, "edits", "history", "--db", db, "--json")
    assert code == 0, err
    (step,) = json.loads(out)
    assert (step["name"], step["kind"], step["state"]) == ("SISO 367.1 aanvaard", "decision", "done")
    code, out, _ = run(capsys, "edits", "show", step["id"], "--db", db)
    assert "+ =084  \\\\$a367.1" in out
    code, out, _ = run(capsys, "edits", "undo", "--db", db)
    assert code == 0 and out.startswith("undo: SISO 367.1 aanvaard")
    with Catalogue.open(db) as cat:
        assert cat.records.by_control_number("DEMO00070").current_marc() == before
    assert run(capsys, "edits", "redo", "--db", db)[0] == 0
    with Catalogue.open(db) as cat:
        assert cat.records.by_control_number("DEMO00070").siso == "367.1"
    code, _, err = run(capsys, "edits", "redo", "--db", db)
    assert code == 1 and "nothing to redo" in err
