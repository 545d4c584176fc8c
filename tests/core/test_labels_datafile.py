"""The label data file against its spec (resources/labels/DATAFILE.md)."""

from __future__ import annotations

import json
import re
from dataclasses import fields

import pytest
from label_helpers import label_records

from catalog_desktop.labels.data import COLUMNS, FORMAT_NAME, LabelData
from catalog_desktop.labels.datafile import read_csv, write_csv, write_json
from catalog_desktop.labels.run import LabelJob, run_job
from catalog_desktop.labels.templates import load_templates
from catalog_desktop.resources import resources_dir

SPEC = resources_dir() / "labels" / "DATAFILE.md"
COLOUR = re.compile(r"#[0-9a-f]{6}")


@pytest.fixture
def written(catalogue, write_marc, tmp_path):
    catalogue.import_files(write_marc(tmp_path / "labels.mrc", label_records()))
    (record_id,) = [r.id for r in catalogue.search("vlacc:L2")]
    catalogue.label_adjustments.set(record_id, "BC-0003", "shelving_word", "VERMEU", who="test")
    job = LabelJob(selection=["all"], template=load_templates(include_user=False)["a4-24"],
                   csv=tmp_path / "labels.csv", json=tmp_path / "labels.json")
    return run_job(catalogue, job), tmp_path


def test_columns_are_the_label_fields_in_order():
    assert list(COLUMNS) == ["format_version", *(f.name for f in fields(LabelData))]


def test_the_spec_lists_exactly_the_columns_in_order():
    listed = re.findall(r"^\| `([a-z_]+)` \|", SPEC.read_text(encoding="utf-8"), flags=re.M)
    assert listed == list(COLUMNS)


def test_csv_follows_the_spec(written):
    result, folder = written
    raw = (folder / "labels.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert raw.count(b"\r\n") == len(result.labels) + 1  # header + one row per copy, CRLF
    assert raw.decode("utf-8-sig").split("\r\n")[0] == ",".join(COLUMNS)
    rows = read_csv(folder / "labels.csv")
    assert [(r["control_number"], r["item_key"]) for r in rows] == [
        ("L1", "BC-0001"), ("L2", "BC-0002"), ("L2", "BC-0003"), ("L3", "BC-0004"), ("L4", "BC-0005")]
    for row in rows:
        assert row["format_version"] == "1"
        assert row["kind"] in ("zizo", "siso", "genre", "fiction")
        for column in ("colour", "age_colour"):
            assert row[column] == "" or COLOUR.fullmatch(row[column])
        assert row["colour_source"] in ("vocabulary", "local-default", "adjusted", "")
        assert row["etiketveld_source"] in ("record", "generated", "")
    first = rows[0]
    assert (first["kind"], first["label_code"], first["rubric"], first["shelving_word"], first["pictogram"]) == \
        ("zizo", "MM", "Songbooks", "DAVI", "demo-muziek")
    assert first["etiketveld"] == "$a Songbooks $b MANUEEL INVULLEN $c MM $f DAVI $z VN ZIZO 2*9"
    assert (rows[1]["shelving_word"], rows[1]["adjusted"]) == ("VERM", "")
    assert (rows[2]["shelving_word"], rows[2]["adjusted"]) == ("VERMEU", "shelving_word")  # this copy only
    assert (rows[4]["genre"], rows[4]["avi"], rows[4]["age_group"]) == ("Detectives", "AVI-M6", "9-11")


def test_json_has_the_same_labels_and_the_problems(written):
    result, folder = written
    data = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"], data["template"]) == (FORMAT_NAME, 1, "a4-24")
    assert list(data["columns"]) == list(COLUMNS)
    rows = read_csv(folder / "labels.csv")
    assert [{k: str(v) for k, v in label.items()} for label in data["labels"]] == \
        [{k: v for k, v in row.items() if k != "format_version"} for row in rows]
    assert [(p["control_number"], p["reason"]) for p in data["problems"]] == [("L5", "no-code")]
    assert data["problems"][0]["message"] and data["problems"][0]["message_en"]


def test_a_reader_refuses_another_format_version(tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(",".join(COLUMNS) + "\r\n" + "2" + "," * (len(COLUMNS) - 1) + "\r\n", encoding="utf-8")
    with pytest.raises(ValueError, match="format_version '2'"):
        read_csv(path)


def test_values_with_commas_quotes_and_accents_survive(tmp_path):
    label = LabelData(1, "N1", "seq:1", "", "", "", "", "fiction", "", "", 'Rubriek, "met" komma', "", "", "",
                      "", "", "", "", "", "Romans; Humor", "", "BRON", "1847", "Woeste hoogten", "Brontë, Emily",
                      "", "")
    write_csv([label], tmp_path / "x.csv")
    write_json([label], tmp_path / "x.json")
    (row,) = read_csv(tmp_path / "x.csv")
    assert (row["rubric"], row["author"], row["genre"]) == ('Rubriek, "met" komma', "Brontë, Emily", "Romans; Humor")
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["labels"][0]["author"] == "Brontë, Emily"


def test_the_committed_sample_data_file_follows_the_spec():
    sample = resources_dir().parent / "docs" / "labels" / "sample-labels.csv"
    rows = read_csv(sample)
    assert rows and list(rows[0]) == list(COLUMNS)
    assert {r["kind"] for r in rows} == {"zizo", "siso", "genre", "fiction"}
    assert all(r["colour_source"] in ("local-default", "vocabulary", "") for r in rows)
