"""MARC 21 structure checks for the editor, with messages that say what to fix.

Only the structure of a bibliographic record (MARC 21 Format for Bibliographic Data): the
leader's length and the values its positions allow, tag / indicator / subfield syntax,
control fields without indicators or subfields, the fields every record needs (245) and the
ones that may occur once. The Open Vlacc conventions (which tag carries which code, the
vocabularies) are checked one level up, in :mod:`catalog_desktop.catalogue.record_checks`.

Every message is located (the field's position in the record, its tag, the subfield) and
worded for a cataloger, in Dutch (``nl``) with an English version (``en``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog_desktop.marc.record import LEADER_LENGTH, MarcRecord, is_control_tag

__all__ = ["ERROR", "WARNING", "Message", "check_structure"]

ERROR, WARNING = "error", "warning"
_TAG = re.compile(r"^[0-9A-Za-z]{3}$")
_INDICATOR = re.compile(r"^[0-9a-z ]$")
_SUBFIELD_CODE = re.compile(r"^[0-9a-z]$")

# Leader positions MARC 21 defines for bibliographic records, and the values they allow.
LEADER_VALUES = {
    5: ("recordstatus", "acdnp"),
    6: ("soort record", "acdefgijkmoprt"),
    7: ("bibliografisch niveau", "abcdims"),
    8: ("soort controle", " a"),
    9: ("tekenset", " a"),
    17: ("coderingsniveau", " 1234578uzIJKLM"),
    18: ("beschrijvingsvorm", " acinu"),
    19: ("meerdelig", " abc"),
}
# May occur once in a record (MARC 21 "NR"); 1XX: one main entry of any kind.
NOT_REPEATABLE = ("001", "003", "005", "008", "245", "250", "254", "256", "300")
MAIN_ENTRY = ("100", "110", "111", "130")


@dataclass(frozen=True, slots=True)
class Message:
    severity: str  # error | warning
    code: str  # stable name: "leader_length", "missing_245", ...
    nl: str
    en: str
    tag: str | None = None  # "LDR" for the leader
    subfield: str | None = None
    field_index: int | None = None  # position in record.fields (the editor maps it to a line)
    line: int | None = None  # set when the message comes from the flat text itself

    def text(self, lang: str = "nl") -> str:
        return self.en if lang.startswith("en") else self.nl

    @property
    def where(self) -> str:
        """'245 $a', '008', 'LDR/06': where to look."""
        if self.tag is None:
            return ""
        return f"{self.tag} ${self.subfield}" if self.subfield else self.tag


def check_structure(record: MarcRecord) -> list[Message]:
    out = _leader(record.leader)
    seen: dict[str, int] = {}
    for i, f in enumerate(record.fields):
        seen[f.tag] = seen.get(f.tag, 0) + 1
        out += _field(i, f)
    for tag in NOT_REPEATABLE:
        if seen.get(tag, 0) > 1:
            index = [i for i, f in enumerate(record.fields) if f.tag == tag][1]
            out.append(Message(ERROR, "repeated", f"Veld {tag} mag maar één keer voorkomen; voeg de velden samen of verwijder er een.",
                               f"Field {tag} may occur only once; merge the fields or delete one.", tag, None, index))
    mains = [i for i, f in enumerate(record.fields) if f.tag in MAIN_ENTRY]
    if len(mains) > 1:
        tag = record.fields[mains[1]].tag
        out.append(Message(ERROR, "two_main_entries", "Een record heeft één hoofdingang (100, 110, 111 of 130); maak de andere een 700/710.",
                           "A record has one main entry (100, 110, 111 or 130); make the others 700/710.", tag, None, mains[1]))
    if "245" not in seen:
        out.append(Message(ERROR, "missing_245", "De titel ontbreekt: voeg een veld 245 met $a toe.",
                           "The title is missing: add a field 245 with $a.", "245"))
    else:
        i = next(i for i, f in enumerate(record.fields) if f.tag == "245")
        if not (record.fields[i].first("a") or "").strip():
            out.append(Message(ERROR, "missing_245a", "Veld 245 heeft geen titel in $a.", "Field 245 has no title in $a.",
                               "245", "a", i))
    if "008" in seen:
        i = next(i for i, f in enumerate(record.fields) if f.tag == "008")
        data = record.fields[i].data or ""
        if len(data) != 40:
            out.append(Message(ERROR, "008_length", f"Veld 008 moet 40 tekens lang zijn, het is er {len(data)}.",
                               f"Field 008 must be 40 characters long, it is {len(data)}.", "008", None, i))
    else:
        out.append(Message(WARNING, "missing_008", "Veld 008 (vaste gegevens: jaar, taal, doelgroep) ontbreekt.",
                           "Field 008 (fixed data: year, language, audience) is missing.", "008"))
    return out


def _leader(leader: str) -> list[Message]:
    if len(leader) != LEADER_LENGTH:
        return [Message(ERROR, "leader_length", f"De leader moet {LEADER_LENGTH} tekens lang zijn, hij is er {len(leader)}.",
                        f"The leader must be {LEADER_LENGTH} characters long, it is {len(leader)}.", "LDR")]
    out = []
    for pos, (name, allowed) in LEADER_VALUES.items():
        value = leader[pos]
        if value not in allowed:
            shown = ", ".join(repr(c) for c in allowed)
            out.append(Message(ERROR, "leader_value",
                               f"Leader/{pos:02d} ({name}) is '{value}'; toegelaten zijn {shown}.",
                               f"Leader/{pos:02d} is '{value}'; allowed are {shown}.", f"LDR/{pos:02d}"))
    if leader[10:12] != "22" or leader[20:24] != "4500":
        out.append(Message(ERROR, "leader_fixed", "Leader/10-11 moet '22' zijn en leader/20-23 '4500'.",
                           "Leader/10-11 must be '22' and leader/20-23 '4500'.", "LDR"))
    return out


def _field(i: int, f) -> list[Message]:
    tag = f.tag
    if not _TAG.match(tag):
        return [Message(ERROR, "tag", f"'{tag}' is geen geldig veldnummer: drie cijfers of letters, bv. 245.",
                        f"'{tag}' is not a valid tag: three digits or letters, e.g. 245.", tag, None, i)]
    if is_control_tag(tag):
        if f.data is None:
            return [Message(ERROR, "control_has_subfields", f"Veld {tag} is een controleveld: geen indicatoren of deelvelden, alleen gegevens.",
                            f"Field {tag} is a control field: no indicators or subfields, only data.", tag, None, i)]
        if not f.data.strip():
            return [Message(ERROR, "control_empty", f"Veld {tag} is leeg; vul het in of verwijder het.",
                            f"Field {tag} is empty; fill it in or delete it.", tag, None, i)]
        return []
    out = []
    if f.data is not None:
        return [Message(ERROR, "data_without_subfields", f"Veld {tag} heeft indicatoren en deelvelden nodig, bv. '={tag}  \\\\$a…'.",
                        f"Field {tag} needs indicators and subfields, e.g. '={tag}  \\\\$a…'.", tag, None, i)]
    for n, ind in enumerate((f.indicators + "  ")[:2], 1):
        if not _INDICATOR.match(ind):
            out.append(Message(ERROR, "indicator", f"Veld {tag}: indicator {n} '{ind}' is ongeldig; gebruik een cijfer, kleine letter of blanco (\\).",
                               f"Field {tag}: indicator {n} '{ind}' is invalid; use a digit, lower-case letter or blank (\\).", tag, None, i))
    if not f.subfields:
        out.append(Message(ERROR, "no_subfields", f"Veld {tag} heeft geen deelvelden; voeg bv. $a toe of verwijder het veld.",
                           f"Field {tag} has no subfields; add e.g. $a or delete the field.", tag, None, i))
    for code, value in f.subfields:
        if not _SUBFIELD_CODE.match(code):
            out.append(Message(ERROR, "subfield_code", f"Veld {tag}: '${code}' is geen geldige deelveldcode (een kleine letter of cijfer).",
                               f"Field {tag}: '${code}' is not a valid subfield code (a lower-case letter or digit).", tag, code, i))
        elif not value.strip():
            out.append(Message(WARNING, "subfield_empty", f"Veld {tag}: deelveld ${code} is leeg; vul het in of verwijder het.",
                               f"Field {tag}: subfield ${code} is empty; fill it in or delete it.", tag, code, i))
    return out
