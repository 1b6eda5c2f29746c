"""Load validated tables with proper types, all derived from the schema.

Dates become datetime64 at the first day of the period they name, with a `<column>_precision`
column (day, month or year) so a partial date is never mistaken for an exact one. Enumerations
become ordered categoricals in their schema order, 0/1 flags become bool, `;`-separated codes
and scope domains become tuples. A dialogue frequency becomes a number of meetings a year (NaN
when not stated) plus a `<column>_regular` flag for 'regular, frequency unstated', so 'not
scheduled' (0), 'regular' and 'not confirmed' (blank) stay distinct.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import schema
from .measures import add_measures
from .validate import read_valid

PRECISION = pd.CategoricalDtype(["year", "month", "day"], ordered=True)


def load_agreements(path: Path | str | None = None) -> pd.DataFrame:
    """Agreements, validated and typed, with the measures `commitment_strength`,
    `dialogue_per_year` and `scope_breadth` (see the codebook for their rules)."""
    return add_measures(typed("agreements", path))


def load_meetings(path: Path | str | None = None) -> pd.DataFrame:
    """Dialogue meetings actually held, validated and typed, in date order."""
    return typed("meetings", path).sort_values(["date", "id"], ignore_index=True)


def load_countries(path: Path | str | None = None) -> pd.DataFrame:
    """ISO 3166-1 alpha-3 codes with their Correlates of War state codes."""
    return typed("countries", path)


def load_relationships(path: Path | str | None = None) -> pd.DataFrame:
    """The relationships agreements and meetings belong to."""
    return typed("relationships", path)


def typed(name: str, path: Path | str | None = None) -> pd.DataFrame:
    """A resource read through validation, each column converted as its schema field says."""
    frame = read_valid(name, path).frame
    columns = {}
    for f in schema.fields(name):
        converted = convert(frame[f["name"]], f)
        if isinstance(converted, dict):
            columns.update(converted)
        else:
            columns[f["name"]] = converted
    return pd.DataFrame(columns, index=frame.index)


def convert(s: pd.Series, f: dict) -> pd.Series | dict[str, pd.Series]:
    """One column from text to its type; valid input is assumed (validation ran first)."""
    kind, cons = f.get("kind"), schema.constraints(f)
    if f["type"] == "boolean":
        return s.isin(f["trueValues"])
    if f["type"] == "integer":
        return s.astype("int64")
    if "enum" in cons:
        return pd.Series(pd.Categorical(s.where(s != ""), categories=cons["enum"], ordered=True), index=s.index)
    if kind == "date":
        return {f["name"]: dates(s), f"{f['name']}_precision": precision(s)}
    if kind == "codes":
        return s.map(lambda v: tuple(v.split(";")) if v else ())
    if kind == "frequency":
        return {f["name"]: pd.to_numeric(s.where(~s.isin(["regular", ""]))),
                f"{f['name']}_regular": s == "regular"}
    if kind == "domains":  # drop the pinpoints, then split: vectorised, unlike parsing cell by cell
        names = s.str.replace(r" \([^()]*\)", "", regex=True).str.split("; ")
        return names.map(lambda items: tuple(item for item in items if item))
    return s.where(s != "")


def dates(s: pd.Series) -> pd.Series:
    """Partial ISO dates as datetime64 at the start of the period they name (NaT when blank)."""
    suffix = s.str.len().map({4: "-01-01", 7: "-01", 10: ""})
    return pd.to_datetime((s + suffix).where(s != ""), format="%Y-%m-%d")


def precision(s: pd.Series) -> pd.Series:
    """How much of each date is known: year, month or day (missing when blank)."""
    return pd.Series(pd.Categorical(s.str.len().map({4: "year", 7: "month", 10: "day"}),
                                    dtype=PRECISION), index=s.index)
