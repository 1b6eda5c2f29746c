"""Relationship profiles: each relationship's commitment, dialogue and scope, in any year."""
from __future__ import annotations

import pandas as pd

from . import schema
from .load import load_agreements
from .measures import HIGH_LEVELS, dialogue_levels, dialogue_per_year, in_force_during


def relationship_profiles(year: int | None = None, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per relationship: its commitment, dialogue and scope from its agreements (with
    `year`, only those in force during that year; relationships with none are left out).

    `commitment_strength` is the strongest agreement's; dialogue is summed across levels after
    taking, per level, the most any one agreement schedules (so two texts scheduling the same annual
    2+2 count it once). A level no agreement's text could be read for counts as 0 and sets
    `dialogue_confirmed` to False, so `dialogue_per_year` is then a lower bound. `scope` is the
    union of the agreements' domains; `defence` says whether any agreement carries a defence or
    offence obligation, `binding_defence` whether one does in a legally binding instrument.
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
    high = [f"dialogue_{level}" for level in HIGH_LEVELS]
    domains = set().union(*group["scope"])
    strongest = group.loc[group["commitment_strength"].idxmax()]
    defence = group["defense"] | group["offense"]
    return pd.Series({
        "n_agreements": len(group),
        "commitment_strength": int(strongest["commitment_strength"]),
        "strongest_agreement": strongest["short_name"],
        "legally_binding": bool(group["legally_binding"].any()),
        "defence": bool(defence.any()),
        "binding_defence": bool((defence & group["legally_binding"]).any()),
        "neutrality": bool(group["neutrality"].any()),
        "consultation": bool(group["consultation"].any()),
        "dialogue_per_year": float(dialogue_per_year(levels.fillna({c: 0 for c in high})).iloc[0]),
        "dialogue_confirmed": not bool(_unknown(levels, high)),
        "dialogue_levels": int(dialogue_levels(levels).iloc[0]),
        **{c: levels.at[0, c] for c in levels.columns},
        "scope": tuple(d for d in schema.domains() if d in domains),
        "scope_breadth": len(domains),
        "first_signed": group["signed"].min(),
    })


def _unknown(levels: pd.DataFrame, columns: list[str]) -> bool:
    """Whether any of these levels is blank and not 'regular' (its text could not be read)."""
    return any(pd.isna(levels.at[0, c]) and not levels.at[0, f"{c}_regular"] for c in columns)


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


def profiles_over_time(years: range, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Relationship profiles for each year, stacked, with a `year` column: the data behind every
    over-time chart."""
    df = load_agreements() if agreements is None else agreements
    frames = [relationship_profiles(year, df).assign(year=year) for year in years]
    return pd.concat([f for f in frames if len(f)], ignore_index=True)
