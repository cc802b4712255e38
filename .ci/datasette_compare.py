#!/usr/bin/env python3
"""Compares the targets datasette serves with `targets export --format json`.

Usage: datasette_compare.py URL EXPORT_JSON

URL is datasette's `/DB/targets.json?_shape=array`; EXPORT_JSON the file of
the JSON export. The ids must be the same, and every canonical_value the
same digits (the JSON number as written, the database's TEXT as served).
"""

import json
import sys
import urllib.request
from decimal import Decimal


def main() -> int:
    url, export_path = sys.argv[1], sys.argv[2]
    with urllib.request.urlopen(url, timeout=30) as response:
        served = json.load(response)
    with open(export_path, encoding="utf-8") as f:
        # Numbers kept as their digits: parse_float/parse_int return text.
        exported = json.load(f, parse_float=str, parse_int=str)["targets"]
    rows = {row["id"]: row for row in served}
    expected = {t["id"]: t for t in exported}
    problems = []
    if sorted(rows) != sorted(expected):
        problems.append(f"ids differ: served {sorted(rows)}, exported {sorted(expected)}")
    for id_, target in expected.items():
        row = rows.get(id_)
        if row is None:
            continue
        if row["canonical_value"] != target["canonical_value"]:
            problems.append(
                f"{id_}: canonical_value {row['canonical_value']!r} served, "
                f"{target['canonical_value']} exported"
            )
        if Decimal(str(row["canonical_value_num"])) != Decimal(str(float(target["canonical_value"]))):
            problems.append(f"{id_}: canonical_value_num {row['canonical_value_num']!r}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"datasette serves the {len(rows)} exported targets with their exact canonical values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
