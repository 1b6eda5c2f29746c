"""Relationship profiles: each relationship's commitment, dialogue and scope, in any year."""
from __future__ import annotations

import pandas as pd

from . import schema
from .load import load_agreements
from .measures import HIGH_LEVELS, dialogue_levels, dialogue_per_year, in_force_during


def relationship_profiles(year: int | None = None, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per relationship: its commitment, dialogue and scope from its agreements (with
    `year`, only those in force during that year; relationships with none are left out).

    `commitment_strength` is the strongest agreement's, and `strongest_agreement` names it (blank
    when no agreement carries an obligation, since naming one of several zeros would mislead).
    Dialogue is summed across levels after taking, per level, the most any one agreement schedules
    (so two texts scheduling the same annual 2+2 count it once). A level no agreement's text could
    be read for counts as 0 and sets `dialogue_confirmed` to False, so `dialogue_per_year` is then a
    lower bound. `scope` is the union of the agreements' domains; `defence` says whether any
    agreement carries a defence or offence obligation, `binding_defence` whether one does in a
    legally binding instrument.
    """
    df = load_agreements() if agreements is None else agreements
    if year is not None:
        df = df[in_force_during(df, year)]
    return _profiles(df, ["relationship"]).sort_values(
        ["commitment_strength", "dialogue_per_year", "relationship"], ascending=[False, False, True],
        ignore_index=True)


def profiles_over_time(years: range, agreements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Relationship profiles for each year, stacked, with a `year` column: the data behind every
    over-time chart. Computed in one grouping over (year, relationship), not year by year."""
    df = load_agreements() if agreements is None else agreements
    in_force = pd.concat([df[in_force_during(df, year)].assign(year=year) for year in years], ignore_index=True)
    return _profiles(in_force, ["year", "relationship"]).sort_values(["year", "relationship"], ignore_index=True)


def _profiles(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The profile of every group of agreements, aggregated column by column."""
    df = df.reset_index(drop=True).assign(
        relationship=df["relationship"].astype(str).to_numpy(),
        _defence=(df["defense"] | df["offense"]).to_numpy(),
        _binding_defence=((df["defense"] | df["offense"]) & df["legally_binding"]).to_numpy())
    groups = df.groupby(keys, sort=False)
    levels = [f"dialogue_{level}" for level in schema.dialogue_levels()]
    strongest = df.loc[groups["commitment_strength"].idxmax()]
    out = pd.DataFrame({
        "n_agreements": groups.size(),
        "commitment_strength": groups["commitment_strength"].max().astype("int64"),
        "strongest_agreement": strongest["short_name"].where(strongest["commitment_strength"] > 0).to_numpy(),
        "legally_binding": groups["legally_binding"].any(),
        "defence": groups["_defence"].any(),
        "binding_defence": groups["_binding_defence"].any(),
        "neutrality": groups["neutrality"].any(),
        "consultation": groups["consultation"].any(),
        **{c: groups[c].max() for c in levels},
        **{f"{c}_regular": groups[f"{c}_regular"].any() for c in levels},
        "scope": groups["scope"].agg(lambda s: tuple(d for d in schema.domains() if d in set().union(*s))),
        "first_signed": groups["signed"].min(),
    })
    high = [f"dialogue_{level}" for level in HIGH_LEVELS]
    unknown = out[high].isna() & ~out[[f"{c}_regular" for c in high]].to_numpy()
    return out.assign(
        dialogue_per_year=dialogue_per_year(out.fillna({c: 0 for c in high})).astype(float),
        dialogue_confirmed=~unknown.any(axis=1),
        dialogue_levels=dialogue_levels(out).astype("int64"),
        scope_breadth=out["scope"].map(len).astype("int64"),
    ).reset_index()


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

