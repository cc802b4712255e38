#!/usr/bin/env python3
"""The baseline of `targets export --format sqlite` on a bulk folder: a plain
Python import of its two CSV files into SQLite with the standard library.

Usage: sqlite_import.py DATA_DIR OUT.db

`targets.csv` and `observations.csv` are read with `csv` and inserted with
`sqlite3` `executemany` into one table each (the CSV columns, as text), in one
transaction; rows are streamed from the reader, not gathered. No checks, no
keys, no conversions: the least an import does.
"""

import csv
import os
import sqlite3
import sys


def import_table(db: sqlite3.Connection, path: str, table: str) -> int:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        columns = ", ".join(f'"{c}" TEXT' for c in header)
        db.execute(f"CREATE TABLE {table} ({columns})")
        marks = ", ".join("?" for _ in header)
        cursor = db.executemany(f"INSERT INTO {table} VALUES ({marks})", reader)
        return cursor.rowcount


def main() -> int:
    data, out = sys.argv[1], sys.argv[2]
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    with db:
        targets = import_table(db, os.path.join(data, "targets.csv"), "targets")
        observations = import_table(db, os.path.join(data, "observations.csv"), "observations")
    db.close()
    print(f"{targets} targets, {observations} observations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
