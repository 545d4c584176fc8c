"""``catalog labels`` end to end, in-process through ``main``."""

from __future__ import annotations

import pytest
from label_helpers import label_records

from catalog_desktop.cli.main import main
from catalog_desktop.labels.datafile import read_csv


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, write_marc, capsys):
    path = tmp_path / "cat.sqlite"
    run(capsys, "import", write_marc(tmp_path / "labels.mrc", label_records()), "--db", path)
    return path


def test_list_templates(capsys):
    code, out, _ = run(capsys, "labels", "--list-templates")
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert names[:3] == ["a4-65", "a4-24", "roll-50x25"]
    assert "38.1 x 21.2 mm" in out and "70 x 37 mm" in out and "50 x 25 mm" in out


def test_pdf_and_data_file_with_missing_code_listed(capsys, db, tmp_path):
    pdf, csv = tmp_path / "l.pdf", tmp_path / "l.csv"
    code, _, err = run(capsys, "labels", "--select", "all", "--template", "a4-65", "--out", pdf, "--start", "12",
                       "--data", csv, "--db", db)
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(read_csv(csv)) == 5
    # the copy without a code is named, with its record, copy and reason (Dutch by default)
    assert "(L5) exemplaar BC-0006: Zonder code: geen ZIZO- of SISO-code" in err
    assert "5 etiketten, 1 problemen, 1 pagina(s)" in err
    code, _, err = run(capsys, "labels", "--select", "L5", "--out", tmp_path / "none.pdf", "--lang", "en", "--db", db)
    assert "copy BC-0006: Zonder code: no ZIZO or SISO code" in err
    assert "0 labels, 1 problems, no PDF written" in err and not (tmp_path / "none.pdf").exists()


def test_bad_input_gets_clear_messages(capsys, db, tmp_path):
    out = tmp_path / "l.pdf"
    code, _, err = run(capsys, "labels", "--select", "all", "--template", "a5", "--out", out, "--db", db)
    assert code == 1 and "no label template 'a5'; choose from a4-65, a4-24, roll-50x25" in err
    code, _, err = run(capsys, "labels", "--select", "all", "--start", "66", "--out", out, "--db", db)
    assert code == 1 and "positions 1 to 65" in err
    code, _, err = run(capsys, "labels", "--select", "NOPE", "--out", out, "--db", db)
    assert code == 1 and "'NOPE'" in err
    code, _, err = run(capsys, "labels", "--select", "all", "--db", db)
    assert code == 1 and "--out" in err
    code, _, err = run(capsys, "labels", "--select", "all", "--out", out, "--extra", tmp_path / "nope.tsv", "--db", db)
    assert code == 1 and "nope.tsv: no such vocabulary file" in err
    bad = tmp_path / "bad.toml"
    bad.write_text('[[template]]\nname = "huge"\npage_width = 10\npage_height = 10\ncolumns = 1\nrows = 1\n'
                   'label_width = 20\nlabel_height = 5\nleft = 0\ntop = 0\npitch_x = 20\npitch_y = 5\n')
    code, _, err = run(capsys, "labels", "--list-templates", "--templates", bad)
    assert code == 1 and "bad.toml" in err and "'huge'" in err and "past the page" in err


def test_user_template_file_adds_stock(capsys, db, tmp_path):
    extra = tmp_path / "stock.toml"
    extra.write_text('[[template]]\nname = "a4-21"\ndescription = "A4, 21 labels 70 x 42.3 mm"\n'
                     'page_width = 210\npage_height = 297\ncolumns = 3\nrows = 7\nlabel_width = 70\n'
                     'label_height = 42.3\nleft = 0\ntop = 0.35\npitch_x = 70\npitch_y = 42.3\n')
    code, out, _ = run(capsys, "labels", "--list-templates", "--templates", extra)
    assert "a4-21" in out
    pdf = tmp_path / "l.pdf"
    code, _, err = run(capsys, "labels", "--select", "all", "--template", "a4-21", "--templates", extra,
                       "--out", pdf, "--start", "21", "--db", db)
    assert code == 0 and "2 pagina(s)" in err  # one label on the last place, four on the next sheet


def test_per_copy_adjustment_from_the_command_line(capsys, db, tmp_path):
    code, _, _ = run(capsys, "labels", "--set", "L2", "BC-0003", "shelving_word", "VERMEU", "--db", db)
    assert code == 0
    code, out, _ = run(capsys, "labels", "--adjustments", "--db", db)
    assert "\tBC-0003\tshelving_word\tVERMEU\t" in out
    csv = tmp_path / "l.csv"
    run(capsys, "labels", "--select", "L2", "--data", csv, "--db", db)
    assert [(r["item_key"], r["shelving_word"], r["adjusted"]) for r in read_csv(csv)] == [
        ("BC-0002", "VERM", ""), ("BC-0003", "VERMEU", "shelving_word")]
    code, _, err = run(capsys, "labels", "--set", "L2", "BC-0003", "title", "x", "--db", db)
    assert code == 1 and "cannot be changed per copy" in err
    code, _, err = run(capsys, "labels", "--clear", "L2", "BC-0003", "--db", db)
    assert code == 0 and "1 change(s) removed" in err


def test_store_999_writes_the_generated_fields(capsys, db, tmp_path):
    code, _, err = run(capsys, "labels", "--select", "L3", "--store-999", "--db", db)
    assert code == 0 and "999 toegevoegd aan 1 record(s)" in err
    code, out, _ = run(capsys, "show", "L3", "--marc-only", "--db", db)
    assert "=999  \\\\$c367.1$fPEET$zVN SISO 2*4" in out
