"""The measures: computed from the coded columns, never typed into the CSV.

Each function's docstring is its rule as the codebook prints it, so a reader can recompute any
value by hand from a row of agreements.csv.
"""
from __future__ import annotations

import pandas as pd

from . import schema

#: Legal forms binding in international law on every party.
BINDING_FORMS = ("treaty", "executive agreement")
#: Dialogue levels counted as high-level in `dialogue_per_year`.
HIGH_LEVELS = ("leaders", "ministers", "nsa", "officials")
#: Conditions that restrict when the defence obligation is triggered (location is not one; see below).
TRIGGER_CONDITIONS = ("cond_adversary", "cond_number", "cond_nonprovocation", "cond_conflict", "cond_demands")
#: Discretion values that make the response probabilistic rather than fixed (Benson 2012).
DISCRETIONARY = ("constitutional processes", "deems necessary")


def commitment_strength(df: pd.DataFrame, *, location_counts: bool = False, legal_penalty: int = 1,
                        refine: bool = True) -> pd.Series:
    """Ordinal 0-5, built in two steps.

    Step 1, the obligation (after Chiba, Johnson & Leeds 2015, refined by Benson 2012):
    5 = defence (or offence) that is unconditional and automatic; 4 = defence with a trigger
    condition or a discretionary response; 3 = defence with both; 2 = consultation or neutrality
    as the strongest obligation; 1 = non-aggression only; 0 = no ATOP obligation.
    A trigger condition is any of `cond_adversary`, `cond_number`, `cond_nonprovocation`,
    `cond_conflict`, `cond_demands`; `cond_location` is not counted, because nearly every defence
    pact names the area it covers (a judgement the commitment notebook varies). A response is
    discretionary when `discretion` is `constitutional processes` or `deems necessary`.
    Step 2, legal form: subtract 1 (not below 0) when the instrument is not binding in
    international law on every party, i.e. anything but a `treaty` or an `executive agreement`.
    Example: North Atlantic Treaty: defence, no trigger condition, 'deems necessary' -> 4; a
    treaty -> 4. The 2017 Japan-UK declaration: no obligation -> 0.
    (The keyword arguments give the alternative orderings the sensitivity check uses: counting
    location as a condition, another legal-form penalty, or Chiba-Johnson-Leeds' plain 0-3 order.)
    """
    triggers = list(TRIGGER_CONDITIONS) + (["cond_location"] if location_counts else [])
    conditional = df[triggers].any(axis=1)
    discretionary = df["discretion"].isin(DISCRETIONARY)
    defence_level = 5 - conditional.astype(int) - discretionary.astype(int) if refine else 3
    level = pd.Series(0, index=df.index)
    level = level.mask(df["nonaggression"], 1)
    level = level.mask(df["consultation"] | df["neutrality"], 2)
    level = level.mask(df["defense"] | df["offense"], defence_level)
    binding = df["legal_form"].isin(BINDING_FORMS)
    return (level - (~binding).astype(int) * legal_penalty).clip(lower=0).astype("int64")


def dialogue_per_year(df: pd.DataFrame) -> pd.Series:
    """High-level meetings a year the text schedules: the sum of `dialogue_leaders`,
    `dialogue_ministers`, `dialogue_nsa` and `dialogue_officials` where a frequency is stated.
    Working-level meetings and 'regular' meetings of unstated frequency add nothing (see
    `dialogue_levels`); a blank (not confirmed) high-level cell makes the measure blank too, since
    the sum would be a guess. Example: the 2017 Japan-UK declaration: 3 ministerial + 4 NSA + 1
    director-general-level = 8."""
    columns = [f"dialogue_{level}" for level in HIGH_LEVELS]
    unknown = df[columns].isna() & ~df[[f"{c}_regular" for c in columns]].to_numpy()
    return df[columns].fillna(0).sum(axis=1).mask(unknown.any(axis=1))


def dialogue_levels(df: pd.DataFrame) -> pd.Series:
    """How many of the five levels (leaders, ministers, NSAs, senior officials, working level)
    have any scheduled dialogue, of stated frequency or 'regular' (blank cells count as none)."""
    columns = [f"dialogue_{level}" for level in schema.dialogue_levels()]
    regular = df[[f"{c}_regular" for c in columns]].to_numpy()
    return ((df[columns].fillna(0) > 0) | regular).sum(axis=1)


def scope_breadth(df: pd.DataFrame) -> pd.Series:
    """The number of cooperation domains the text covers (entries in `scope`), 0 to 19."""
    return df["scope"].map(len).astype("int64")


def add_measures(df: pd.DataFrame) -> pd.DataFrame:
    """The agreements with every measure added as a column."""
    return df.assign(
        legally_binding=df["legal_form"].isin(BINDING_FORMS),
        commitment_strength=commitment_strength(df),
        dialogue_per_year=dialogue_per_year(df),
        dialogue_levels=dialogue_levels(df),
        scope_breadth=scope_breadth(df),
    )


MEASURES = (commitment_strength, dialogue_per_year, dialogue_levels, scope_breadth)


def in_force_during(df: pd.DataFrame, year: int) -> pd.Series:
    """True for agreements in effect at any time during `year`: effective from `in_force` (or
    `signed` when blank) until `ended` (or still in effect when blank)."""
    start = df["in_force"].fillna(df["signed"]).dt.year
    end = df["ended"].dt.year
    return (start <= year) & (end.isna() | (end >= year))
