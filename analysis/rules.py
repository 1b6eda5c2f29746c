"""Rules across the columns of an agreement, which a Table Schema cannot express.

Each rule's docstring is the rule as the codebook states it, so the text and the check cannot
drift apart. A rule looks only at cells that passed the cell checks, so one mistake is reported once.
"""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from . import schema
from .checks import report
from .problems import Problem
from .table import Table


def _filled(table: Table, column: str) -> pd.Series:
    return table.ok[column] & (table.frame[column] != "")


def _flag(table: Table, column: str) -> pd.Series:
    return table.ok[column] & (table.frame[column] == "1")


def applies(column: str, frame: pd.DataFrame) -> pd.Series | None:
    """Where a dependent column applies (it must be filled there and left blank or 0 elsewhere),
    given the columns it depends on; None for a column that always applies. Shared by the rules
    below and by the interactive `add`, which skips the columns that do not apply."""
    for obligation in schema.obligations():
        if column.startswith(obligation + "_"):
            return frame[obligation] == "1"
    if column.startswith("cond_") or column == "discretion":
        return frame["defense"] == "1"
    if column.startswith("conditions_"):
        return (frame[schema.conditions()] == "1").any(axis=1)
    if column in ("dialogue_pinpoint", "dialogue_quote"):
        levels = [f"dialogue_{level}" for level in schema.dialogue_levels()]
        return (~frame[levels].isin(["0", ""])).any(axis=1)
    return None


def _valid(table: Table) -> pd.DataFrame:
    """The cells that passed the cell checks; the others read as blank, so one mistake is reported once."""
    return table.frame.where(table.ok, "")


def dates_in_order(table: Table) -> Iterator[Problem]:
    """`in_force` and `ended` are not before `signed`, and `ended` is not before `in_force`;
    dates of different precision are compared at the precision they share (1949 is not before 1949-04-04)."""
    for early, late in (("signed", "in_force"), ("signed", "ended"), ("in_force", "ended")):
        both = _filled(table, early) & _filled(table, late)
        a, b = table.frame[early], table.frame[late]
        width = pd.concat([a.str.len(), b.str.len()], axis=1).min(axis=1)
        before = pd.Series(False, index=a.index)
        for w in (4, 7, 10):  # year, month and day precision
            shared = both & (width == w)
            before |= shared & (a.str.slice(0, w) > b.str.slice(0, w))
        yield from report(table, late, both & before,
                          lambda v, early=early: f"a date not before '{early}' (this one is earlier)")


def obligation_evidence(table: Table) -> Iterator[Problem]:
    """An obligation coded 1 names the parties that carry it (`<obligation>_by`), the article or
    paragraph (`<obligation>_pinpoint`) and a quote of the clause (`<obligation>_quote`); an
    obligation coded 0 leaves all three blank."""
    valid = _valid(table)
    for name in schema.obligations():
        for suffix in ("_by", "_pinpoint", "_quote"):
            yield from _filled_exactly_when(table, name + suffix, applies(name + suffix, valid),
                                            f"'{name}' is 1", f"'{name}' is 0")


def carriers_are_parties(table: Table) -> Iterator[Problem]:
    """Every code in an `<obligation>_by` column is one of the agreement's `parties`."""
    parties = _pairs(table.frame["parties"])
    for name in schema.obligations():
        column = name + "_by"
        carriers = _pairs(table.frame[column][_filled(table, column)])
        outside = carriers[~carriers.isin(parties)].get_level_values(0).unique()
        yield from report(table, column, table.ok["parties"] & table.frame.index.isin(outside),
                          "codes that are among the agreement's 'parties'")


def _pairs(cells: pd.Series) -> pd.MultiIndex:
    """(row, code) for every code of `;`-separated cells, to compare lists without a Python loop."""
    items = cells.str.split(";").explode()
    return pd.MultiIndex.from_arrays([items.index, items.astype(object).to_numpy()])


def conditions_need_defence(table: Table) -> Iterator[Problem]:
    """A condition (`cond_*`) is 1 only when `defense` is 1. When any condition is 1,
    `conditions_pinpoint` and `conditions_quote` are filled; otherwise they are blank."""
    valid = _valid(table)
    for name in schema.conditions():
        yield from report(table, name, _flag(table, name) & table.ok["defense"] & ~applies(name, valid),
                          "0 when 'defense' is 0 (a condition qualifies a defence obligation)")
    for column in ("conditions_pinpoint", "conditions_quote"):
        yield from _filled_exactly_when(table, column, applies(column, _valid(table)),
                                        "a condition is 1", "every condition is 0")


def discretion_with_defence(table: Table) -> Iterator[Problem]:
    """`discretion` is filled exactly when `defense` is 1."""
    yield from _filled_exactly_when(table, "discretion", applies("discretion", _valid(table)),
                                    "'defense' is 1", "'defense' is 0")


def dialogue_evidence(table: Table) -> Iterator[Problem]:
    """`dialogue_pinpoint` and `dialogue_quote` are filled exactly when some `dialogue_*` level is not 0."""
    valid = _valid(table)
    for column in ("dialogue_pinpoint", "dialogue_quote"):
        yield from _filled_exactly_when(table, column, applies(column, valid), "some dialogue level is not 0",
                                        "every dialogue level is 0")


def _filled_exactly_when(table: Table, column: str, condition: pd.Series,
                         when: str, otherwise: str) -> Iterator[Problem]:
    """Report a blank cell where `condition` holds and a filled one where it does not."""
    filled = table.frame[column] != ""
    yield from report(table, column, condition & ~filled, f"a value, because {when}")
    yield from report(table, column, ~condition & filled, f"a blank cell, because {otherwise}")


RULES = {
    "agreements": [dates_in_order, obligation_evidence, carriers_are_parties,
                   conditions_need_defence, discretion_with_defence, dialogue_evidence],
}
