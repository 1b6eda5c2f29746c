"""The Data Package (`data/datapackage.json`) is the single source of truth for the data's shape.

Everything else (validation, types, categories, the codebook) asks this module about it, so a
column is described once, in the package, and nowhere else.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"

#: Resources in the order they must be read: later ones refer to earlier ones.
RESOURCES = ("countries", "relationships", "agreements", "meetings")


@functools.cache
def package() -> dict:
    """The parsed datapackage.json, read once per process."""
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def resource(name: str) -> dict:
    """One resource descriptor by name (`agreements`, `meetings`, ...)."""
    for res in package()["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource {name!r} in {DATAPACKAGE}")


def fields(name: str) -> list[dict]:
    """The Table Schema fields of a resource, in column order."""
    return resource(name)["schema"]["fields"]


def field(name: str, column: str) -> dict:
    """One field descriptor."""
    for f in fields(name):
        if f["name"] == column:
            return f
    raise KeyError(f"no column {column!r} in resource {name!r}")


def column_names(name: str) -> list[str]:
    """The canonical column order of a resource's CSV."""
    return [f["name"] for f in fields(name)]


def constraints(f: dict) -> dict:
    """A field's constraints (an empty dict when it has none)."""
    return f.get("constraints", {})


def enum(name: str, column: str) -> list[str]:
    """The allowed values of an enumerated column, in their schema order."""
    return constraints(field(name, column))["enum"]


def data_path(name: str, data_dir: Path | None = None) -> Path:
    """Where a resource's CSV lives: resolved from the package, never the working directory."""
    return (data_dir or DATA_DIR) / resource(name)["path"]


def obligations() -> list[str]:
    """The ATOP obligation flags: boolean columns that come with a `<name>_by` column."""
    names = set(column_names("agreements"))
    return [f["name"] for f in fields("agreements")
            if f["type"] == "boolean" and f"{f['name']}_by" in names]


def conditions() -> list[str]:
    """The ATOP conditions on the defence obligation (`cond_*` flags)."""
    return [f["name"] for f in fields("agreements") if f["name"].startswith("cond_")]


def dialogue_levels() -> list[str]:
    """The dialogue levels, from the meetings' `level` enum, which the `dialogue_*` columns mirror."""
    return enum("meetings", "level")


def domains() -> list[str]:
    """The controlled vocabulary of cooperation domains for `scope`."""
    return field("agreements", "scope")["vocabulary"]


def conventions() -> list[dict]:
    """The coding conventions (judgement calls applied in every row), each a `topic` and a `rule`."""
    return package()["conventions"]


def version() -> str:
    """The data version, for citing."""
    return package()["version"]
