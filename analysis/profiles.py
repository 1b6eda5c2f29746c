"""Relationship profiles: each relationship's commitment, dialogue and scope, in any year."""
from __future__ import annotations

import pandas as pd

from . import schema
from .load import load_agreements
from .measures import dialogue_levels, dialogue_per_year, in_force_during


def relationship_profiles(year: int | None = None, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per relationship: its commitment, dialogue and scope from its agreements (with
    `year`, only those in force during that year; relationships with none are left out).

    `commitment_strength` is the strongest agreement's; dialogue is summed across levels after
    taking, per level, the most any one agreement schedules (so two texts scheduling the same annual
    2+2 count it once); `scope` is the union of the agreements' domains.
    """
    df = load_agreements() if agreements is None else agreements
    if year is not None:
        df = df[in_force_during(df, year)]
    return (df.groupby("relationship", observed=True, sort=False)
              .apply(_profile, include_groups=False)
              .reset_index()
              .sort_values(["commitment_strength", "dialogue_per_year", "relationship"],
                           ascending=[False, False, True], ignore_index=True))


def _profile(group: pd.DataFrame) -> pd.Series:
    levels = _dialogue_by_level(group)
    domains = set().union(*group["scope"])
    strongest = group.loc[group["commitment_strength"].idxmax()]
    return pd.Series({
        "n_agreements": len(group),
        "commitment_strength": int(strongest["commitment_strength"]),
        "strongest_agreement": strongest["short_name"],
        "legally_binding": bool(group["legally_binding"].any()),
        "dialogue_per_year": float(dialogue_per_year(levels).iloc[0]),
        "dialogue_levels": int(dialogue_levels(levels).iloc[0]),
        "scope": tuple(d for d in schema.domains() if d in domains),
        "scope_breadth": len(domains),
        "first_signed": group["signed"].min(),
    })


def _dialogue_by_level(group: pd.DataFrame) -> pd.DataFrame:
    """Per level, the most meetings a year any agreement schedules (blank when none states one)
    and whether any schedules regular meetings, as a one-row frame the measures accept."""
    row = {}
    for level in schema.dialogue_levels():
        column = f"dialogue_{level}"
        row[column] = group[column].max()
        row[f"{column}_regular"] = bool(group[f"{column}_regular"].any())
    return pd.DataFrame([row])


def coverage(agreements: pd.DataFrame) -> pd.DataFrame:
    """What the dataset holds per relationship: how many agreements, the span of their signatures,
    their legal forms and how many were coded from the primary text itself."""
    grouped = agreements.groupby("relationship", observed=True)
    return pd.DataFrame({
        "agreements": grouped.size(),
        "first signed": grouped["signed"].min().dt.year,
        "last signed": grouped["signed"].max().dt.year,
        "legal forms": grouped["legal_form"].agg(lambda s: ", ".join(sorted(set(s)))),
        "from primary text": grouped["source_type"].agg(lambda s: int((s == "primary text").sum())),
    }).sort_values("first signed")
