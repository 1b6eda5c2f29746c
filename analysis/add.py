"""Add agreements or meetings: validated together with the existing data, written atomically,
every existing line kept byte for byte, new rows placed where the canonical order puts them."""
from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from . import schema
from .atomic import write_atomically
from .canonical import format_row, rows_of, sort_key
from .problems import Problem
from .rules import applies
from .validate import check, check_value, reference_keys


def add_from_file(name: str, new_file: Path, target: Path | None = None) -> list[Problem]:
    """Add the rows of `new_file` (same header as the table) to the table; return the problems,
    and write nothing, if there is any."""
    target = target or schema.data_path(name)
    problems = check([new_file], references=target.parent)
    if not problems:
        problems = _clashes(name, new_file, target)
    return problems or add_rows(name, rows_of(new_file), target)


def add_rows(name: str, rows: list[dict[str, str]], target: Path | None = None) -> list[Problem]:
    """Insert already-checked rows and write the table only if the result is valid as a whole."""
    target = target or schema.data_path(name)
    text = merged_text(target, name, rows)
    label = str(target)

    def verify(temporary: Path) -> list[Problem]:
        found = check([temporary], references=target.parent)
        return [replace(p, file=f"{label} (after adding)") for p in found]

    return write_atomically(target, text, verify)


def merged_text(target: Path, name: str, rows: list[dict[str, str]]) -> str:
    """The table's text with the new rows inserted before the first existing row that sorts after
    them; existing lines are not touched, and new lines use the file's own line ending."""
    lines = re.split(r"(?<=\n)", target.read_bytes().decode("utf-8"))  # CSV rows end at LF only
    lines = [line for line in lines if line]
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    header, body = lines[0], lines[1:]
    if body and not body[-1].endswith(("\n", "\r")):
        body[-1] += newline
    columns = next(csv.reader([header]))
    key = sort_key(name)
    placed = [(key(dict(zip(columns, next(csv.reader([line]))))), line) for line in body]
    for row in sorted(rows, key=key):
        position = next((i for i, (k, _) in enumerate(placed) if k > key(row)), len(placed))
        placed.insert(position, (key(row), format_row(row, name, newline)))
    return header + "".join(line for _, line in placed)


def _clashes(name: str, new_file: Path, target: Path) -> list[Problem]:
    """New rows whose primary key is already used in the table."""
    keys = schema.resource(name)["schema"]["primaryKey"]
    existing = {tuple(r[k] for k in keys): n for n, r in enumerate(rows_of(target), 2)}
    problems = []
    for line, row in enumerate(rows_of(new_file), 2):
        value = tuple(row[k] for k in keys)
        if value in existing:
            problems.append(Problem(str(new_file), line, keys[0], row[keys[0]],
                                    f"a value not already used; {target.name} has it on line {existing[value]}"))
    return problems


def _applies(name: str, column: str, row: dict[str, str]) -> bool:
    """Whether an interactive session should ask for `column`, given the answers so far."""
    answered = pd.DataFrame([{c: row.get(c, "") for c in schema.column_names(name)}])
    where = applies(column, answered)
    return True if where is None else bool(where.iloc[0])


def ask_row(name: str, target: Path, ask: Callable[[str], str] = input,
            say: Callable[[str], None] = print) -> dict[str, str]:
    """Prompt field by field, showing each field's description and allowed values, and re-ask
    until the answer passes that field's checks; columns that do not apply are left blank."""
    keys = reference_keys(target.parent)
    row: dict[str, str] = {}
    for f in schema.fields(name):
        column = f["name"]
        if not _applies(name, column, row):
            row[column] = "0" if f["type"] == "boolean" else ""
            continue
        say(f"\n{column}: {f['description']}")
        while True:
            answer = ask(f"{column}> ").strip()
            problems = check_value(name, column, answer, keys)
            if not problems:
                row[column] = answer
                break
            say(f"  not accepted: expected {problems[0].expected}")
    return row


def add_interactively(name: str, target: Path | None = None, ask: Callable[[str], str] = input,
                      say: Callable[[str], None] = print) -> list[Problem]:
    """Ask for one row, then add it as `add_rows` does (the whole table is checked before writing)."""
    target = target or schema.data_path(name)
    return add_rows(name, [ask_row(name, target, ask, say)], target)
