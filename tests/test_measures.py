"""The measures on the fixture rows, each value worked out by hand from the codebook's rules."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis.measures import commitment_strength, in_force_during

from conftest import FIXTURES, edit_cell


@pytest.fixture
def agreements():
    return analysis.load_agreements(FIXTURES / "valid" / "agreements.csv").set_index("id")


# fx-1902: defence + trigger condition (number of adversaries), automatic, treaty: 5 - 1 = 4.
# fx-nato: defence, location only (not a trigger), 'deems necessary', treaty: 5 - 1 = 4.
# fx-2017: no obligation, political declaration: 0 (not below 0).
# fx-1981: consultation 2, memorandum (not binding) -1 = 1.
# fx-1948: defence, location only, automatic, treaty: 5.
@pytest.mark.parametrize("agreement, strength", [
    ("fx-1902", 4), ("fx-nato", 4), ("fx-2017", 0), ("fx-1981", 1), ("fx-1948", 5)])
def test_commitment_strength(agreements, agreement, strength):
    assert agreements.loc[agreement, "commitment_strength"] == strength


def test_location_counts_as_a_condition_when_asked(agreements):
    strength = commitment_strength(agreements, location_counts=True)
    assert strength.to_dict() == {"fx-1902": 4, "fx-nato": 3, "fx-2017": 0, "fx-1981": 1, "fx-1948": 4}


def test_legal_form_penalty_can_be_dropped(agreements):
    assert commitment_strength(agreements, legal_penalty=0)["fx-1981"] == 2


# fx-2017: ministers 3 + NSA 4 + officials 1 = 8 (working 'regular' adds nothing); NATO: 'regular' only.
@pytest.mark.parametrize("agreement, per_year, levels", [
    ("fx-2017", 8, 4), ("fx-nato", 0, 1), ("fx-1902", 0, 0), ("fx-1981", 0, 1)])
def test_dialogue(agreements, agreement, per_year, levels):
    assert agreements.loc[agreement, "dialogue_per_year"] == per_year
    assert agreements.loc[agreement, "dialogue_levels"] == levels


def test_unconfirmed_dialogue_makes_the_sum_unknown(data_dir):
    edit_cell(data_dir / "agreements.csv", 3, "dialogue_nsa", "")  # fx-2017
    df = analysis.load_agreements(data_dir / "agreements.csv").set_index("id")
    assert math.isnan(df.loc["fx-2017", "dialogue_per_year"])
    assert df.loc["fx-2017", "dialogue_levels"] == 3


@pytest.mark.parametrize("agreement, breadth", [("fx-2017", 3), ("fx-nato", 2), ("fx-1902", 1)])
def test_scope_breadth(agreements, agreement, breadth):
    assert agreements.loc[agreement, "scope_breadth"] == breadth


def test_in_force_during_uses_entry_into_force_and_end(agreements):
    # Brussels: in force 1948-08, ended 2011; 1981 MOU: signed 1981-11-30, ended 1981-12.
    assert in_force_during(agreements, 1948)["fx-1948"]
    assert in_force_during(agreements, 2011)["fx-1948"]
    assert not in_force_during(agreements, 2012)["fx-1948"]
    assert in_force_during(agreements, 1981)["fx-1981"] and not in_force_during(agreements, 1982)["fx-1981"]
    assert not in_force_during(agreements, 1901)["fx-1902"]


def test_profiles_by_year(agreements):
    frame = agreements.reset_index()
    in_1910 = analysis.relationship_profiles(1910, frame)
    assert in_1910["relationship"].tolist() == ["UK–Japan"]
    assert in_1910.loc[0, "commitment_strength"] == 4
    in_2018 = analysis.relationship_profiles(2018, frame).set_index("relationship")
    assert set(in_2018.index) == {"NATO", "UK–Japan"}
    assert in_2018.loc["UK–Japan", "commitment_strength"] == 0
    assert pd.isna(in_2018.loc["UK–Japan", "strongest_agreement"])  # no obligation: none is "strongest"
    assert in_2018.loc["UK–Japan", "dialogue_per_year"] == 8
    assert in_2018.loc["UK–Japan", "scope"] == ("joint exercises", "cyber", "space")


def test_profile_merges_agreements_of_one_relationship(agreements):
    frame = agreements.reset_index()
    frame.loc[frame["id"] == "fx-1902", "ended"] = pd.NaT  # both UK–Japan rows in force in 2020
    profile = analysis.relationship_profiles(2020, frame).set_index("relationship").loc["UK–Japan"]
    assert profile["n_agreements"] == 2
    assert profile["commitment_strength"] == 4 and profile["strongest_agreement"] == "Anglo-Japanese 1902"
    assert profile["scope_breadth"] == 4  # collective defence + joint exercises, cyber, space
    assert profile["dialogue_per_year"] == 8 and profile["dialogue_levels"] == 4


def test_profiles_without_year_count_every_agreement(agreements):
    profiles = analysis.relationship_profiles(agreements=agreements.reset_index())
    assert profiles.set_index("relationship")["n_agreements"].to_dict() == {
        "Brussels Treaty": 1, "NATO": 1, "UK–Japan": 2, "US–Israel": 1}
