"""The canonical form of the CSVs, so diffs stay small and two contributors rarely conflict:
UTF-8 without a byte-order mark, LF line endings, the schema's column order, quotes only where
CSV needs them, and rows sorted by the table's primary key."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from . import schema


def sort_key(name: str):
    """The canonical row order of a table: by its primary key."""
    keys = schema.resource(name)["schema"]["primaryKey"]
    return lambda row: tuple(row[k] for k in keys)


def format_row(row: dict[str, str], name: str, newline: str = "\n") -> str:
    """One row as a CSV line in the schema's column order."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow([row.get(c, "") for c in schema.column_names(name)])
    return buffer.getvalue()


def canonical_text(name: str, rows: list[dict[str, str]]) -> str:
    """The whole table in canonical form."""
    header = format_row({c: c for c in schema.column_names(name)}, name)
    return header + "".join(format_row(row, name) for row in sorted(rows, key=sort_key(name)))


def rows_of(path: Path) -> list[dict[str, str]]:
    """A valid CSV's rows as dicts of text (byte-order mark dropped)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def first_difference(path: Path, name: str) -> int | None:
    """The first line where a file departs from its canonical form (None when it is canonical)."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return 1
    actual = raw.decode("utf-8").split("\n")
    expected = canonical_text(name, rows_of(path)).split("\n")
    for number, (have, want) in enumerate(zip(actual, expected), 1):
        if have != want:
            return number
    return None if len(actual) == len(expected) else min(len(actual), len(expected))
