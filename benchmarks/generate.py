"""Generate a large file of made-up MARC records for benchmarks (seeded, so runs compare).

The records look like Open Vlacc records in shape and size (about 1 KB: control fields,
ISBN, SISO, author, title, imprint, series, summary, themes, genre or ZIZO, items, label
field) but every value is synthetic: they are for timing only, never sample data.

    python benchmarks/generate.py --records 100000 --format iso2709 --out /tmp/bench.mrc
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from catalog_desktop.marc.iso2709 import serialize  # noqa: E402
from catalog_desktop.marc.record import UTF8, Field, MarcRecord  # noqa: E402

SEED = 20261123
WORDS = (
    "de het een van en in op met voor over naar uit bij huis kat hond zee stad bos school vriend nacht dag "
    "geheim reis oorlog liefde dood leven tuin vogel paard koning prinses ridder draak heks feest water "
    "vuur wind sneeuw zomer winter Vlaanderen Antwerpen Gent Brugge Leuven België muziek kunst geschiedenis "
    "natuur wetenschap computer koken sport voetbal wielrennen gezondheid opvoeding taal wiskunde sterren"
).split()
NAMES = "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De Smet Dubois Lambert Dupont Vermeulen Boon Claus Conscience Timmermans".split()
FIRST = "Jan Piet An Els Tom Lies Bart Eva Luc Sofie Marc Ilse Koen Hilde Wim Griet Jef Mieke".split()
ACCENTED = ["é", "ë", "ï", "ç", "ö", "à", "è", "ü"]
GENRES = ["Romans", "Detectives", "Thrillers", "Historische romans", "Sciencefiction", "Fantasy", "Humor", "Oorlogsromans"]


def phrase(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = words[i] + rng.choice(ACCENTED)
    return " ".join(words).capitalize()


def make_record(rng: random.Random, number: int) -> MarcRecord:
    fiction = rng.random() < 0.55
    surname, first = rng.choice(NAMES), rng.choice(FIRST)
    year = rng.randint(1950, 2026)
    f = [
        Field("001", data=f"BENCH{number:08d}"),
        Field("005", data=f"{year}0101120000.0"),
        Field("008", data=f"260101s{year}    be            000 {1 if fiction else 0} dut  "),
        Field("020", indicators="  ", subfields=[("a", f"978{rng.randint(10**9, 10**10 - 1)}")]),
        Field("040", indicators="  ", subfields=[("a", "VLACC I"), ("b", "dut"), ("c", "BENCH")]),
        Field("100", indicators="1 ", subfields=[("a", f"{surname}, {first}"), ("4", "aut")]),
        Field("245", indicators="10", subfields=[("a", phrase(rng, 2, 6)), ("b", phrase(rng, 2, 5)), ("c", f"{first} {surname}")]),
        Field("260", indicators="  ", subfields=[("a", "Antwerpen"), ("b", "Uitgeverij Bench"), ("c", str(year))]),
        Field("300", indicators="  ", subfields=[("a", f"{rng.randint(24, 600)} p."), ("c", "22 cm")]),
        Field("490", indicators="1 ", subfields=[("a", phrase(rng, 1, 3)), ("v", str(rng.randint(1, 40)))]),
        Field("520", indicators="  ", subfields=[("a", phrase(rng, 15, 40) + ".")]),
        Field("521", indicators="  ", subfields=[("a", rng.choice(["volwassenen", "Vanaf 9-11 jaar", "Vanaf 12-14 jaar"]))]),
    ]
    for _ in range(rng.randint(1, 3)):
        f.append(Field("650", indicators=" 4", subfields=[("a", phrase(rng, 1, 2)), ("9", rng.choice(["vth", "vtr"]))]))
    if fiction:
        f.append(Field("650", indicators=" 4", subfields=[("a", rng.choice(GENRES)), ("9", "vge")]))
    else:
        siso = f"{rng.randint(0, 999):03d}.{rng.randint(1, 99)}"
        f.insert(4, Field("084", indicators="  ", subfields=[("a", siso)]))
        f.append(Field("693", indicators=" 2", subfields=[("9", "BENCH" + rng.choice("ABCDEFGH")), ("a", phrase(rng, 1, 2)), ("x", phrase(rng, 1, 2))]))
    for copy in range(rng.randint(1, 3)):
        f.append(Field("852", indicators="  ", subfields=[("a", "Bibliotheek Bench"), ("b", "Volwassenen"), ("p", f"B{number:08d}{copy}")]))
    f.append(Field("999", indicators="  ", subfields=[("c", "MM"), ("f", surname[:4].upper()), ("z", "VN ZIZO 2*9")]))
    return MarcRecord("00000nam a2200000 a 4500", f, UTF8)


def generate(path: Path, records: int, fmt: str, seed: int = SEED) -> Path:
    rng = random.Random(seed)
    with open(path, "wb") as out:
        if fmt == "iso2709":
            for number in range(records):
                out.write(serialize(make_record(rng, number)))
        else:
            from catalog_desktop.marc.marcxml import MarcXmlWriter

            writer = MarcXmlWriter(out)
            for number in range(records):
                writer.write(make_record(rng, number))
            writer.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--format", choices=("iso2709", "marcxml"), default="iso2709")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.out, args.records, args.format, args.seed)
    print(f"{args.records} records written to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
