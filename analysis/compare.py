"""Comparisons the notebooks draw on: sensitivity of the commitment scale, distance between
relationship profiles, the source article's three features of a partnership, and dialogue
promised against dialogue held."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema
from .measures import add_measures, commitment_strength, in_force_during

#: Alternative orderings of commitment strength, as keyword arguments of `commitment_strength`.
VARIANTS = {
    "baseline": {},
    "location counts as a condition": {"location_counts": True},
    "legal form ignored": {"legal_penalty": 0},
    "legal form counts double": {"legal_penalty": 2},
    "plain Chiba-Johnson-Leeds (0-3)": {"refine": False},
}
#: Axes of the profile distance, each divided by its maximum so all run from 0 to 1.
DISTANCE_AXES = {"commitment_strength": 5, "dialogue_levels": 5, "scope_breadth": len(schema.domains())}


def sensitivity(agreements: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each relationship's commitment in `year` under every ordering in VARIANTS (the strongest
    agreement in force counts), with its rank under each (1 = strongest; ties share a rank)."""
    current = agreements[in_force_during(agreements, year)]
    scores = pd.DataFrame({name: commitment_strength(current, **kwargs) for name, kwargs in VARIANTS.items()})
    table = scores.groupby(current["relationship"].astype(str)).max()
    ranks = table.rank(ascending=False, method="min").astype(int).add_suffix(" (rank)")
    return table.join(ranks).sort_values("baseline", ascending=False)


def obligation_types(agreements: pd.DataFrame) -> pd.DataFrame:
    """Which ATOP obligations each relationship's agreements contain, and the Correlates of War
    type they would make: I defence pact, II neutrality or non-aggression pact, III entente
    (consultation only), '-' none."""
    flags = agreements.groupby(agreements["relationship"].astype(str))[schema.obligations()].any()
    cow = np.select([flags["defense"] | flags["offense"], flags["neutrality"] | flags["nonaggression"],
                     flags["consultation"]], ["I defence pact", "II neutrality/non-aggression", "III entente"], "-")
    return flags.assign(cow_type=cow)


def distances(profiles: pd.DataFrame, reference: str) -> pd.Series:
    """Euclidean distance of every profile from the `reference` relationship's, on commitment,
    dialogue levels and scope breadth each scaled to 0-1 by its maximum (so the largest possible
    distance is the square root of 3, about 1.73)."""
    scaled = profiles.set_index("relationship")[list(DISTANCE_AXES)] / pd.Series(DISTANCE_AXES)
    return np.sqrt(((scaled - scaled.loc[reference]) ** 2).sum(axis=1)).sort_values().rename("distance")


def partnership_features(profiles: pd.DataFrame, meetings: pd.DataFrame, year: int) -> pd.DataFrame:
    """The source article's three marks of a strategic partnership, tested per relationship:
    (1) no commitment to a partner's disputes: no defence, offence or neutrality obligation in force;
    (2) no entrapment: no legally binding defence or offence obligation;
    (3) regular high-level interaction: dialogue scheduled at two or more levels, and high-level
    meetings recorded as held in at least three of the five years up to `year`."""
    held = meetings[(meetings["date"].dt.year > year - 5) & (meetings["date"].dt.year <= year)
                    & (meetings["level"] != "working")]
    years_met = held.groupby(held["relationship"].astype(str))["date"].agg(lambda d: d.dt.year.nunique())
    frame = profiles.set_index("relationship")
    met = years_met.reindex(frame.index, fill_value=0)
    return pd.DataFrame({
        "no commitment to partner's disputes": ~frame["defence"] & ~frame["neutrality"],
        "no entrapment": ~frame["binding_defence"],
        "levels of scheduled dialogue": frame["dialogue_levels"],
        f"years with high-level meetings held, {year - 4}-{year}": met,
        "regular high-level interaction": (frame["dialogue_levels"] >= 2) & (met >= 3),
    })


def held_per_year(meetings: pd.DataFrame, years: range) -> pd.DataFrame:
    """Meetings held per year, by relationship and level (zero where none is recorded)."""
    counted = meetings.assign(year=meetings["date"].dt.year, relationship=meetings["relationship"].astype(str))
    table = counted.groupby(["relationship", "level", "year"], observed=True).size().rename("held")
    index = pd.MultiIndex.from_product([sorted(counted["relationship"].unique()), schema.dialogue_levels(), years],
                                       names=["relationship", "level", "year"])
    return table.reindex(index, fill_value=0).reset_index()


def promise_record(meetings: pd.DataFrame, series: pd.DataFrame, relationship: str, level: str,
                   years: range) -> pd.DataFrame:
    """For one relationship and level: the meetings a year its texts promised (from the yearly
    profiles in `series`) against the meetings the log records as held, year by year."""
    held = held_per_year(meetings, years)
    held = held[(held["relationship"] == relationship) & (held["level"] == level)].set_index("year")["held"]
    promised = (series[series["relationship"] == relationship].set_index("year")[f"dialogue_{level}"]
                .reindex(years).fillna(0))
    return pd.DataFrame({"promised": promised, "held": held.reindex(years, fill_value=0)})


def dialogue_matrix(profiles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scheduled dialogue by relationship (rows) and level (columns): the meetings a year as
    numbers for shading ('regular' shaded as one a year, 'not confirmed' as none) and the labels
    to print in each cell ('reg.' for regular, '?' for not confirmed)."""
    levels = schema.dialogue_levels()
    frame = profiles.set_index("relationship")
    values, labels = pd.DataFrame(index=frame.index), pd.DataFrame(index=frame.index)
    for level in levels:
        stated, regular = frame[f"dialogue_{level}"], frame[f"dialogue_{level}_regular"].astype(bool)
        unstated = regular & (stated.isna() | (stated == 0))
        values[level] = stated.mask(unstated, 1.0).fillna(0.0)
        labels[level] = [("reg." if u else "?" if pd.isna(v) else f"{v:g}") for v, u in zip(stated, unstated)]
    return values, labels


def scope_matrix(profiles: pd.DataFrame) -> pd.DataFrame:
    """1 where a relationship's agreements cover a domain, else 0 (domains in vocabulary order)."""
    frame = profiles.set_index("relationship")
    return pd.DataFrame({d: frame["scope"].map(lambda s, d=d: int(d in s)) for d in schema.domains()})


def domain_shares(profiles: pd.DataFrame) -> pd.DataFrame:
    """For each domain, the share of treaty alliances (a binding defence obligation in force) and
    of other relationships whose agreements cover it, and the difference between the two."""
    matrix = scope_matrix(profiles)
    alliance = profiles.set_index("relationship")["binding_defence"]
    shares = pd.DataFrame({"treaty alliances": matrix[alliance].mean(), "other relationships": matrix[~alliance].mean()})
    return shares.assign(difference=shares["treaty alliances"] - shares["other relationships"]).sort_values("difference")


def recode(agreements: pd.DataFrame, agreement_id: str, **values) -> pd.DataFrame:
    """The agreements with one row's coded values changed and the measures recomputed: a
    'what if' for judgement calls (e.g. counting a consultation clause)."""
    changed = agreements.copy()
    (row,) = changed.index[changed["id"] == agreement_id]
    for column, value in values.items():
        changed.at[row, column] = value
    return add_measures(changed)
