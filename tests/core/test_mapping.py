"""Field profiles: loading, validation errors, `extends`, the hash, and the resources folder."""

import shutil
import tomllib
from pathlib import Path

import pytest

from catalog_desktop.marc.mapping import DEFAULT_PROFILE, ProfileError, list_profiles, load_profile, profiles_dir
from catalog_desktop.resources import ENV_VAR, ResourcesNotFoundError, resources_dir

REPO = Path(__file__).resolve().parents[2]
OPENVLACC = REPO / "resources" / "marc" / "profiles" / "openvlacc.toml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
[profile]
name = "mini"

[title]
status = "assumed"
source = "assumed: test"
tag = "245"
title_codes = ["a"]
"""


# --- the resources folder -------------------------------------------------------------

def test_resources_dir_is_the_repository_folder_by_default(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resources_dir() == REPO / "resources"
    assert profiles_dir() == REPO / "resources" / "marc" / "profiles"


def test_resources_dir_follows_the_environment_variable(monkeypatch, tmp_path):
    (tmp_path / "marc" / "profiles").mkdir(parents=True)
    write(tmp_path / "marc" / "profiles" / "mine.toml", MINIMAL)
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert resources_dir() == tmp_path
    assert list_profiles() == ["mine"]
    assert load_profile("mine").name == "mini"


def test_a_missing_resources_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(ResourcesNotFoundError, match="nowhere.*CATALOG_DESKTOP_RESOURCES"):
        resources_dir()


# --- the built-in profiles --------------------------------------------------------------

def test_built_in_profiles_are_listed():
    assert {"openvlacc", "vubis"} <= set(list_profiles())
    assert DEFAULT_PROFILE == "openvlacc"
    assert load_profile(None).name == "openvlacc"


def test_every_entry_says_how_sure_it_is_and_where_from():
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.entries, name
        for entry, table in profile.entries.items():
            assert table["status"] in ("confirmed", "assumed"), (name, entry)
            assert table["source"].strip(), (name, entry)
            if table["status"] == "assumed":
                assert table["source"].startswith("assumed:"), (name, entry)


def test_openvlacc_compiles_the_confirmed_tags():
    p = load_profile("openvlacc")
    assert p.control_tag == "001"
    assert p.isbn == ("020", "a", "z")
    assert p.title.tag == "245" and p.title.nonfiling == 2
    assert [(w.tag, sorted(w.codes)) for w in p.work_titles] == [
        ("240", ["a", "n", "p"]), ("130", ["a", "n", "p"]), ("534", ["t"]), ("534", ["a"])]
    zizo = p.codes["693"][0]
    assert (zizo.scheme, zizo.code, sorted(zizo.path_codes)) == ("zizo", "9", ["a", "x", "y", "z"])
    assert p.codes["084"][0].scheme == "siso" and p.codes["084"][0].accept_schemes == ("siso", "a::sis")
    assert [c.scheme for c in p.codes["090"]] == ["avi"]
    assert [c.scheme for c in p.codes["096"]] == ["nur"]
    assert [c.scheme for c in p.codes["521"]] == ["audience"]
    assert p.genres["650"].markers == {"vge": "adult", "jge": "youth", "mge": "music"}
    assert p.subjects["600"].kind == "person" and p.subjects["651"].kind == "geographic"
    assert p.literary_type.values["1"] == "fiction" and p.literary_type.values["0"] == "non-fiction"
    assert p.literary_type.values["f"] == "fiction" and p.literary_type.values["m"] is None
    assert p.items.tag == "852" and p.label_tag == "999"
    assert p.status_of("items") == "assumed" and p.status_of("codes.zizo") == "confirmed"
    assert {"001", "245", "693", "999", "852"} <= p.wanted_tags and "005" not in p.wanted_tags


def test_vubis_maps_its_own_tags_and_inherits_the_rest():
    v = load_profile("vubis")
    assert [x.name for x in v.chain] == ["vubis.toml", "openvlacc.toml"]
    assert [c.scheme for c in v.codes["690"]] == ["siso"]
    assert [(c.scheme, c.code) for c in v.codes["696"]] == [("zizo", "a")]
    assert v.genres["691"].fixed_marker == "vge"
    assert v.genres["695"].fixed_marker == "jge"
    assert v.genres["634"].fixed_marker == "mge"
    assert (v.subjects["631"].fixed_marker, v.subjects["631"].kind) == ("vth", "theme")
    assert (v.subjects["630"].fixed_marker, v.subjects["630"].kind) == ("vtr", "keyword")
    assert sorted((c.scheme, c.code) for c in v.codes["692"]) == [("audience", "4"), ("avi", "a")]
    # What Vubis uses differently is no longer read the Open Vlacc way.
    assert "693" not in v.codes and "084" not in v.codes and "521" not in v.codes
    # Inherited unchanged.
    assert v.title == load_profile("openvlacc").title
    assert v.entries["items"] == load_profile("openvlacc").entries["items"]
    assert v.hash != load_profile("openvlacc").hash


# --- validation -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, table, key, message",
    [
        ('[title]\nstatus = "assumed"\nsource = "x"\ntag = "245"\ntitle_codes = ["a"]\ntagg = "1"\n',
         "title", "tagg", "unknown key"),
        ('[title]\nstatus = "probably"\nsource = "x"\ntag = "245"\ntitle_codes = ["a"]\n',
         "title", "status", '"confirmed", "assumed"'),
        ('[title]\nstatus = "assumed"\ntag = "245"\ntitle_codes = ["a"]\n', "title", "source", "missing"),
        ('[title]\nstatus = "assumed"\nsource = "x"\ntag = "24"\ntitle_codes = ["a"]\n', "title", "tag", "MARC tag"),
        ('[title]\nstatus = "assumed"\nsource = "x"\ntag = "245"\ntitle_codes = ["aa"]\n',
         "title", "title_codes", "subfield code"),
        ('[titel]\nstatus = "assumed"\nsource = "x"\n', "titel", "", "unknown table"),
        ('[codes.siso]\nstatus = "assumed"\nsource = "x"\nfields = [{ tag = "084" }]\n',
         "codes.siso.fields[1]", "code", "missing"),
        ('[literary_type]\nstatus = "assumed"\nsource = "x"\ntag = "008"\nposition = 33\nrecord_types = "a"\n'
         'values = { "1" = "fictie" }\n', "literary_type", "values", '"fiction"'),
        ('[genre_tags]\nstatus = "assumed"\nsource = "x"\nfixed_tags = { "691" = "xge" }\nterm_codes = ["a"]\n'
         'markers = { vge = "adult" }\n', "genre_tags", "fixed_tags", "'xge'"),
    ],
)
def test_a_bad_entry_names_the_file_table_and_key(tmp_path, body, table, key, message):
    path = write(tmp_path / "bad.toml", '[profile]\nname = "bad"\n' + body)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    error = caught.value
    assert error.path == str(path) and error.table == table and error.key == key
    assert str(path) in str(error) and f"[{table}]" in str(error)
    assert message in str(error)


def test_unknown_extends_is_reported_against_the_extending_file(tmp_path):
    path = write(tmp_path / "child.toml", '[profile]\nname = "child"\nextends = "openvlac"\n')
    with pytest.raises(ProfileError, match=r"child\.toml: \[profile\] extends: no profile named 'openvlac'") as caught:
        load_profile(path)
    assert "openvlacc" in str(caught.value)  # the built-in names are listed


def test_circular_extends_is_an_error(tmp_path):
    write(tmp_path / "a.toml", '[profile]\nname = "a"\nextends = "b"\n')
    write(tmp_path / "b.toml", '[profile]\nname = "b"\nextends = "a"\n')
    with pytest.raises(ProfileError, match="circular: a.toml -> b.toml -> a.toml"):
        load_profile(tmp_path / "a.toml")


def test_not_toml_and_no_profile_table_are_errors(tmp_path):
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(write(tmp_path / "x.toml", "[profile\nname = 1"))
    with pytest.raises(ProfileError, match=r"\[profile\].*missing"):
        load_profile(write(tmp_path / "y.toml", MINIMAL.replace('[profile]\nname = "mini"\n', "")))
    with pytest.raises(ProfileError, match="not found"):
        load_profile(tmp_path / "absent.toml")
    with pytest.raises(ProfileError, match="no profile named 'nope'"):
        load_profile("nope")


def test_two_subject_entries_may_not_claim_one_tag(tmp_path):
    body = ('[profile]\nname = "x"\nextends = "openvlacc"\n[subject_tags]\nstatus = "assumed"\nsource = "x"\n'
            'fixed_tags = { "650" = "vth" }\nmarker_kinds = { vth = "theme" }\nheading_codes = ["a"]\n')
    with pytest.raises(ProfileError, match=r"\[subject_tags\] tags: tag 650 is already mapped by \[subjects\]"):
        load_profile(write(tmp_path / "x.toml", body))


# --- a user profile and the hash --------------------------------------------------------

def test_user_profile_extends_a_built_in_and_can_switch_entries_off(tmp_path):
    body = """
[profile]
name = "library-x"
extends = "openvlacc"

[codes.siso]
status = "assumed"
source = "assumed: library X exports SISO in 092"
fields = [{ tag = "092", code = "a" }]

[items]
status = "assumed"
source = "assumed: no items in this export"
enabled = false
tag = "852"
"""
    p = load_profile(write(tmp_path / "library-x.toml", body))
    assert p.name == "library-x" and p.chain[1] == OPENVLACC
    assert [c.scheme for c in p.codes["092"]] == ["siso"] and "084" not in p.codes
    assert p.items is None and "852" not in p.wanted_tags
    assert p.codes["693"][0].scheme == "zizo"  # inherited


def test_hash_is_stable_and_follows_the_mapping_not_the_documentation(tmp_path):
    base = load_profile("openvlacc")
    assert load_profile("openvlacc").hash == base.hash
    assert len(base.hash) == 64 and int(base.hash, 16) >= 0

    text = OPENVLACC.read_text(encoding="utf-8")
    same_mapping = text.replace('name = "openvlacc"', 'name = "renamed"').replace(
        'source = "CCDOC;REC;MARCXML"', 'source = "CCDOC;REC;MARCXML (re-checked)"')
    assert same_mapping != text
    assert load_profile(write(tmp_path / "renamed.toml", same_mapping)).hash == base.hash

    other_zizo = text.replace('fields = [{ tag = "693", code = "9"', 'fields = [{ tag = "699", code = "9"')
    assert other_zizo != text
    assert load_profile(write(tmp_path / "zizo699.toml", other_zizo)).hash != base.hash

    switched_off = text.replace('[items]\nstatus = "assumed"', '[items]\nenabled = false\nstatus = "assumed"')
    assert load_profile(write(tmp_path / "noitems.toml", switched_off)).hash != base.hash


def test_extending_without_changes_keeps_the_hash(tmp_path):
    child = write(tmp_path / "child.toml", '[profile]\nname = "child"\nextends = "openvlacc"\n')
    assert load_profile(child).hash == load_profile("openvlacc").hash


def test_profiles_in_resources_parse_as_plain_toml():
    # A trainer may edit them with any TOML tool: no app-specific syntax.
    for path in sorted((REPO / "resources" / "marc" / "profiles").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["profile"]["name"] == path.stem


def test_a_copied_profile_directory_works_elsewhere(monkeypatch, tmp_path):
    shutil.copytree(REPO / "resources", tmp_path / "res")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "res"))
    assert load_profile("vubis").chain[1] == (tmp_path / "res" / "marc" / "profiles" / "openvlacc.toml").resolve()


def test_readme_table_lists_every_entry_with_its_status():
    """resources/marc/README.md is what a trainer reads: it must not drift from the profiles."""
    readme = (REPO / "resources" / "marc" / "README.md").read_text(encoding="utf-8")
    sections = readme.split("### Vubis")
    for name, section in (("openvlacc", sections[0]), ("vubis", sections[1])):
        profile = load_profile(name)
        own = tomllib.loads(profile.path.read_text(encoding="utf-8"))
        own_entries = [k for k in own if k not in ("profile", "codes")] + [f"codes.{k}" for k in own.get("codes", {})]
        for entry in own_entries:
            row = next((line for line in section.splitlines() if line.startswith(f"| `{entry}` |")), None)
            assert row is not None, f"README has no row for {name} [{entry}]"
            assert f"**{profile.entries[entry]['status']}**" in row, f"README status of {name} [{entry}] differs"
