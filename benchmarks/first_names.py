"""Regenerate onrecord/data/first_names.tsv from nomquamgender's name data (run by hand).

    pip install nomquamgender==0.1.4 && python benchmarks/first_names.py

Keeps the names at least 90% of whose bearers are one gender and that the data has seen at
least 1,000 times: enough to tell ``she`` from ``he`` for Delia Marsh and Tom Okafor, never a
guess for Jo, Kim or Taylor. The package itself is not a dependency: it loads 22 MB of JSON
(3 s) and needs pandas.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "onrecord" / "data" / "first_names.tsv"
MIN_COUNT, MIN_SHARE = 1000, 0.9
HEADER = (
    "# First names whose bearers are at least 90% one gender, seen at least 1,000 times, from\n"
    "# nomquamgender 0.1.4 (name_data.json; MIT licence, see first_names.LICENSE):\n"
    "# name<TAB>f|m. Regenerate: python benchmarks/first_names.py (needs pip install nomquamgender==0.1.4).\n"
)


def main() -> None:
    spec = importlib.util.find_spec("nomquamgender")  # found, not imported: importing it needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender is not installed: pip install nomquamgender==0.1.4")
    data = json.loads((Path(spec.submodule_search_locations[0]) / "name_data.json").read_text(encoding="utf-8"))
    rows = sorted(
        (name, "f" if share >= MIN_SHARE else "m")
        for name, (_, count, share, *_) in data.items()
        if re.fullmatch(r"[a-z][a-z'-]+", name) and count >= MIN_COUNT and (share >= MIN_SHARE or share <= 1 - MIN_SHARE)
    )
    OUT.write_text(HEADER + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
