"""Validate data files and list every problem; the loader and the command line both go through here."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import schema, table as tables
from .checks import check_cells, check_field, check_foreign_keys
from .problems import DataError, Problem
from .rules import RULES
from .table import Table

#: The column whose values other tables refer to, per resource.
KEYS = {"countries": "iso3", "relationships": "relationship", "agreements": "id"}


def check(paths: list[Path | str] | None = None, references: Path | None = None) -> list[Problem]:
    """Every problem in the given files (default: every table of the data package). Tables they
    refer to but that were not given are read from `references`, else from beside the given
    files, else from the package's data."""
    return read_all(paths, references)[1]


def validate(path: Path | str | None = None) -> None:
    """Raise DataError listing every problem in `path` (a CSV, a folder or datapackage.json; default
    the package's data); return None when the data is valid."""
    problems = check([path] if path is not None else None)
    if problems:
        raise DataError(problems)


def read_valid(name: str, path: Path | str | None = None) -> Table:
    """One resource's table, checked together with the tables it refers to; DataError if invalid."""
    tables_, problems = read_all([path or schema.data_path(name)])
    if problems:
        raise DataError(problems)
    return tables_[name]


def read_all(paths: list[Path | str] | None,
             references: Path | None = None) -> tuple[dict[str, Table], list[Problem]]:
    """Read and check the files, with the tables they refer to (see `check`)."""
    named, problems = _resolve(paths)
    folders = [references] if references else [p.parent for p in named.values()]
    keys: dict[str, set[str]] = {}
    tables_: dict[str, Table] = {}
    for name in schema.RESOURCES:
        if name in named:
            table, found = tables.read(named[name], name)
            problems += found
            if table is not None:
                tables_[name] = table
                problems += _check(table, keys)
                keys[name] = set(table.frame[KEYS[name]]) if name in KEYS and KEYS[name] in table.frame else set()
        elif name in KEYS:
            keys[name] = _keys_from(name, folders)
    return tables_, problems


def reference_keys(folder: Path) -> dict[str, set[str]]:
    """The keys other tables may refer to, from the tables in `folder` (or the package's data)."""
    return {name: _keys_from(name, [folder]) for name in KEYS}


def check_value(name: str, column: str, value: str, keys: dict[str, set[str]]) -> list[Problem]:
    """The problems of one cell on its own (its field's checks and foreign key), for prompting."""
    frame = pd.DataFrame({c: pd.Series([value if c == column else ""], dtype="str")
                          for c in schema.column_names(name)})
    table = Table(name, Path(schema.resource(name)["path"]), frame, pd.Series([1]))
    f = schema.field(name, column)
    return list(check_field(table, f, keys)) + [
        p for p in check_foreign_keys(table, keys) if p.column == column]


def _check(table: Table, keys: dict[str, set[str]]) -> list[Problem]:
    """Cell checks and foreign keys, then the cross-column rules when every column is present."""
    problems = list(check_cells(table, keys))
    problems += check_foreign_keys(table, keys)
    if set(schema.column_names(table.name)) <= set(table.frame):
        for rule in RULES.get(table.name, []):
            problems += rule(table)
    return problems


def _keys_from(name: str, folders: list[Path]) -> set[str]:
    """Keys of a table that was not given: its file in the first folder that has it, else the package's."""
    candidates = [schema.data_path(name, folder) for folder in folders] + [schema.data_path(name)]
    path = next(p for p in candidates if p.exists())
    table, _ = tables.read(path, name)
    if table is None or KEYS[name] not in table.frame:
        return set()
    return set(table.frame[KEYS[name]])


def _resolve(paths: list[Path | str] | None) -> tuple[dict[str, Path], list[Problem]]:
    """Map each given path to the resource it holds; a folder or datapackage.json means all of them."""
    if not paths:
        paths = [schema.DATA_DIR]
    named, problems = {}, []
    for path in map(Path, paths):
        if path.is_dir() or path.name == "datapackage.json":
            folder = path if path.is_dir() else path.parent
            named.update({n: schema.data_path(n, folder) for n in schema.RESOURCES})
        elif not path.exists():
            problems.append(Problem(str(path), None, None, None, "an existing file; there is none at this path"))
        elif (name := tables.resource_for(path)) is None:
            problems.append(Problem(str(path), 1, None, None,
                                    "the header of one of: " + ", ".join(schema.RESOURCES)))
        else:
            named[name] = path
    return named, problems
