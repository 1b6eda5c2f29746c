"""Read a CSV exactly as written: every cell as text, every row kept, with its line number.

Nothing is converted here; a file that cannot be read as a table becomes problems, not a
traceback, so a contributor learns what to fix in a spreadsheet's own terms.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .problems import Problem, suggestion

DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


@dataclass
class Table:
    """A resource's cells as strings, with the CSV line of each row and the cells found valid."""

    name: str
    path: Path
    frame: pd.DataFrame
    lines: pd.Series
    ok: pd.DataFrame = field(init=False)

    def __post_init__(self):
        self.ok = pd.DataFrame(True, index=self.frame.index, columns=self.frame.columns)

    @property
    def label(self) -> str:
        """The file as messages name it: relative to the working directory where possible."""
        try:
            return str(self.path.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(self.path)


def resource_for(path: Path) -> str | None:
    """Which resource a CSV holds: by its file name, else by the columns its header shares, else
    by a resource's name within the file name (so an unreadable file is still checked as one)."""
    for name in schema.RESOURCES:
        if path.name == schema.resource(name)["path"]:
            return name
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = set(next(csv.reader(handle), []))
    except (OSError, UnicodeDecodeError, csv.Error):
        header = set()
    overlap = {n: len(header & set(schema.column_names(n))) for n in schema.RESOURCES}
    best = max(overlap, key=overlap.get)
    if overlap[best]:
        return best
    return next((n for n in schema.RESOURCES if n in path.name), None)




def read(path: Path, name: str) -> tuple[Table | None, list[Problem]]:
    """Read one CSV; return the table (None if unreadable) and the problems of its structure.
    A well-formed file is parsed from its bytes by pandas' C reader; anything unusual goes to
    the strict reader, which is slower but names the line of every structural problem."""
    label = Table(name, path, pd.DataFrame(), pd.Series(dtype=int)).label
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(label, None, None, None, f"a readable file ({error.strerror})")]
    if not re.search(rb"\S", raw):
        columns = ",".join(schema.column_names(name))
        return None, [Problem(label, None, None, None, f"a header line ({columns}) and rows; the file is empty")]
    frame = _well_formed(raw)
    if frame is not None:
        problems = _header_problems(list(frame.columns), label, name)
        if any(p.line == 1 and p.column is None for p in problems):
            return None, problems
        return Table(name, path, frame, pd.Series(range(2, len(frame) + 2), dtype="int64")), problems
    return _read_strictly(path, name, raw, label)


def _well_formed(raw: bytes) -> pd.DataFrame | None:
    """The table, if the file is plainly well formed: one row per line, every row as long as the
    header, no blank line, no stray quote, no repeated column name. None sends it to the strict
    reader. (pyarrow's reader skips blank lines and rejects ragged rows; the line count catches
    the first, the exception the second.)"""
    if _stray_quote(raw):
        return None
    try:
        frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype="str", keep_default_na=False,
                            engine="pyarrow")
    except Exception:  # noqa: BLE001 - whatever pandas rejects, the strict reader will explain
        return None
    lines = raw.count(b"\n") + (not raw.endswith(b"\n"))
    end = raw.find(b"\n")
    first_line = raw[:end] if end >= 0 else raw
    header = next(csv.reader([first_line.decode("utf-8-sig").rstrip("\r")]))
    if lines != len(frame) + 1 or list(frame.columns) != header or frame.isna().any().any():
        return None
    return frame


def _stray_quote(raw: bytes) -> bool:
    """Whether some quote neither opens a cell, closes one, nor is doubled (e.g. `"London"x`),
    which pandas would read without a word. Checked on the bytes, vectorised."""
    data = np.frombuffer(raw, dtype=np.uint8)
    quotes = np.flatnonzero(data == ord('"'))
    before = np.where(quotes > 0, data[np.maximum(quotes - 1, 0)], ord(","))
    after = np.where(quotes < len(data) - 1, data[np.minimum(quotes + 1, len(data) - 1)], ord("\n"))
    opens = (before == ord(",")) | (before == ord("\n")) | (before == ord('"'))
    closes = (after == ord(",")) | (after == ord("\n")) | (after == ord("\r")) | (after == ord('"'))
    return bool((~opens & ~closes).any())


def _read_strictly(path: Path, name: str, raw: bytes, label: str) -> tuple[Table | None, list[Problem]]:
    """The strict reader: Python's csv module in strict mode, record by record, with line numbers."""
    text, problem = _decode(raw, label)
    if problem:
        return None, [problem]
    records, problems = _records(text, label)
    if not records:
        return None, problems
    (_, header), rows = records[0], records[1:]
    header_problems = _header_problems(header, label, name)
    if any(p.line == 1 and p.column is None for p in header_problems):
        return None, problems + header_problems
    problems += header_problems
    good = []
    for line, row in rows:
        if len(row) != len(header):
            problems.append(Problem(label, line, None, None,
                                    f"{len(header)} cells as in the header, found {len(row)} "
                                    "(look for an unquoted comma, a missing comma or a stray quote)"))
        else:
            good.append((line, row))
    columns = list(zip(*(row for _, row in good))) or [()] * len(header)
    frame = pd.DataFrame({h: pd.Series(col, dtype="str") for h, col in zip(header, columns)})
    lines = pd.Series([line for line, _ in good], dtype="int64")
    return Table(name, path, frame, lines), problems


def _decode(raw: bytes, label: str) -> tuple[str, Problem | None]:
    """The file's text (a UTF-8 byte-order mark is accepted and dropped), or where it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(label, line, None, None, f"text encoded as UTF-8, found byte 0x{raw[error.start]:02x} "
                                                    "(save the file as 'CSV UTF-8')")


def _records(text: str, label: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """Parse CSV records strictly, each with the line it starts on; report lines that are not rows."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, problems, start = [], [], 1
    try:
        for row in reader:
            if reader.line_num != start:
                problems.append(Problem(label, start, None, None,
                                        f"one row per line; this row runs to line {reader.line_num} "
                                        "(a cell holds a line break, or a quote is not closed)"))
            elif not row:
                problems.append(Problem(label, start, None, None, "a row; the line is blank (delete it)"))
            else:
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(label, start, None, None,
                                f"cells quoted as CSV requires (a quote opens a cell and is doubled inside it); {error}"))
    return records, problems


def _header_problems(header: list[str], label: str, name: str) -> list[Problem]:
    """Missing, unexpected or repeated columns; a file split by another delimiter is named as such."""
    expected = schema.column_names(name)
    if len(header) == 1:
        for delimiter, word in DELIMITERS.items():
            if delimiter in header[0]:
                return [Problem(label, 1, None, None,
                                f"columns separated by commas, found {word} (in a spreadsheet, "
                                "save as 'CSV UTF-8 (comma delimited)')")]
    problems = [Problem(label, 1, column, None, "no repeated column names; this one appears twice")
                for column in sorted({c for c in header if header.count(c) > 1})]
    problems += [Problem(label, 1, column, None, "only the columns of the schema; this one is unexpected"
                         + suggestion(column, expected).replace(" (", "; ", 1).rstrip(")"))
                 for column in header if column not in expected]
    problems += [Problem(label, 1, column, None, "this column in the header; it is missing")
                 for column in expected if column not in header]
    if problems and not set(header) & set(expected):
        return [Problem(label, 1, None, ",".join(header), f"the header of {name}: {','.join(expected)}")]
    return problems
