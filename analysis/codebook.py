"""The codebook, generated from datapackage.json (fields and coding conventions) and the rule and
measure docstrings.

Nothing here is written by hand about a column, so the codebook cannot drift from the data.
"""
from __future__ import annotations

import inspect

import pandas as pd

from . import schema
from .checks import EXPECT
from .measures import MEASURES
from .rules import RULES

HEADER = """# Codebook

Generated from `data/datapackage.json` (data version {version}) and the package's rule and
measure definitions by `make codebook`. Do not edit by hand: a test fails when this file is stale.
"""


def allowed(f: dict) -> str:
    """The values a field accepts, in words."""
    cons = schema.constraints(f)
    if "enum" in cons:
        return " | ".join(cons["enum"])
    if f["type"] == "boolean":
        return "1 | 0"
    if f.get("kind") == "domains":
        return " | ".join(f["vocabulary"]) + " (each with its pinpoint in brackets)"
    if f.get("kind") in EXPECT:
        return EXPECT[f["kind"]]
    if f["type"] == "integer":
        return f"whole number {cons.get('minimum', '')}-{cons.get('maximum', '')}".rstrip("-")
    return "text"


def codebook() -> pd.DataFrame:
    """One row per field of every table, then one per computed measure of agreements."""
    rows = [{
        "resource": name, "name": f["name"], "type": f["type"],
        "required": bool(schema.constraints(f).get("required")),
        "allowed": allowed(f), "description": f["description"], "atop": f.get("atop", ""),
    } for name in schema.RESOURCES for f in schema.fields(name)]
    rows += [{
        "resource": "agreements (computed)", "name": m.__name__, "type": "integer" if m.__name__ != "dialogue_per_year" else "number",
        "required": True, "allowed": "computed", "description": _doc(m), "atop": "",
    } for m in MEASURES]
    return pd.DataFrame(rows)


def _doc(obj) -> str:
    return " ".join(inspect.getdoc(obj).split())


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render() -> str:
    """CODEBOOK.md's text."""
    book = codebook()
    parts = [HEADER.format(version=schema.version())]
    for name in schema.RESOURCES:
        res = schema.resource(name)
        parts.append(f"## `{res['path']}`: {res['title']}\n\n{res['description']}\n")
        parts.append("| column | type | required | allowed values | ATOP | description |\n|---|---|---|---|---|---|")
        for row in book[book["resource"] == name].itertuples():
            parts.append(f"| `{row.name}` | {row.type} | {'yes' if row.required else ''} | "
                         f"{_cell(row.allowed)} | {row.atop} | {_cell(row.description)} |")
        parts.append("")
        if RULES.get(name):
            parts.append(f"### Rules across the columns of {name}\n")
            parts += [f"- {_doc(rule)}" for rule in RULES[name]]
            parts.append("")
    parts.append("## Coding conventions (the judgement calls applied in every row)\n")
    parts += [f"- **{c['topic']}.** {c['rule']}" for c in schema.conventions()]
    parts.append("")
    parts.append("## Measures (computed by the loader, never typed into the CSV)\n")
    parts += [f"### `{m.__name__}`\n\n{_doc(m)}\n" for m in MEASURES]
    return "\n".join(parts)
