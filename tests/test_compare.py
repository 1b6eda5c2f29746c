"""The comparisons behind the notebooks, on the fixture rows, with values worked out by hand."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis import compare
from analysis.profiles import profiles_over_time
from conftest import FIXTURES

VALID = FIXTURES / "valid"


@pytest.fixture(scope="module")
def agreements():
    return analysis.load_agreements(VALID / "agreements.csv")


@pytest.fixture(scope="module")
def meetings():
    return analysis.load_meetings(VALID / "meetings.csv")


@pytest.fixture(scope="module")
def profiles_2018(agreements):
    return analysis.relationship_profiles(2018, agreements)


def test_sensitivity_recomputes_each_ordering(agreements):
    # 1950: NATO (defence, location only, 'deems necessary') and Brussels (automatic, location only).
    table = compare.sensitivity(agreements, 1950)
    assert table.loc["Brussels Treaty", ["baseline", "location counts as a condition",
                                         "plain Chiba-Johnson-Leeds (0-3)"]].tolist() == [5, 4, 3]
    assert table.loc["NATO", ["baseline", "location counts as a condition",
                              "plain Chiba-Johnson-Leeds (0-3)"]].tolist() == [4, 3, 3]
    assert table.loc["NATO", "plain Chiba-Johnson-Leeds (0-3) (rank)"] == 1  # tied with Brussels
    assert table.loc["NATO", "baseline (rank)"] == 2


def test_obligation_types_and_cow_type(agreements):
    types = compare.obligation_types(agreements)
    assert types.loc["UK–Japan", "cow_type"] == "I defence pact"
    assert types.loc["US–Israel", "cow_type"] == "III entente"
    assert types.loc["UK–Japan", ["defense", "neutrality", "consultation"]].tolist() == [True, True, False]


def test_distance_by_hand(profiles_2018):
    # UK–Japan (0, 4 levels, 3 domains) vs NATO (4, 1 level, 2 domains):
    # sqrt((4/5)^2 + (3/5)^2 + (1/19)^2) = sqrt(1.0027701) = 1.0013841
    distance = compare.distances(profiles_2018, "UK–Japan")
    assert distance["UK–Japan"] == 0
    assert math.isclose(distance["NATO"], math.sqrt(0.64 + 0.36 + 1 / 361))


def test_partnership_features(profiles_2018, meetings):
    features = compare.partnership_features(profiles_2018, meetings, 2018)
    uk_japan = features.loc["UK–Japan"]
    assert uk_japan["no commitment to partner's disputes"] and uk_japan["no entrapment"]
    assert uk_japan["years with high-level meetings held, 2014-2018"] == 2  # 2015 and 2017
    assert not uk_japan["regular high-level interaction"]  # needs meetings in 3 of 5 years
    assert not features.loc["NATO", "no entrapment"]


def test_promise_record(agreements, meetings):
    series = profiles_over_time(range(2014, 2019), agreements)
    record = compare.promise_record(meetings, series, "UK–Japan", "ministers", range(2014, 2019))
    assert record["promised"].tolist() == [0, 0, 0, 3, 3]
    assert record["held"].tolist() == [0, 1, 0, 1, 0]


def test_dialogue_matrix_keeps_regular_and_unknown_apart(profiles_2018):
    values, labels = compare.dialogue_matrix(profiles_2018)
    assert labels.loc["UK–Japan"].tolist() == ["0", "3", "4", "1", "reg."]
    assert labels.loc["NATO", "ministers"] == "reg." and values.loc["NATO", "ministers"] == 1.0


def test_scope_matrix_and_domain_shares(profiles_2018):
    matrix = compare.scope_matrix(profiles_2018)
    assert matrix.loc["UK–Japan", ["joint exercises", "cyber", "space", "collective defence"]].tolist() == [1, 1, 1, 0]
    shares = compare.domain_shares(profiles_2018)
    assert shares.loc["collective defence"].tolist() == [1.0, 0.0, 1.0]  # NATO is the only alliance
    assert shares.loc["cyber", "difference"] == -1.0


def test_recode_is_a_what_if_that_leaves_the_original_alone(agreements):
    changed = compare.recode(agreements, "fx-2017", consultation=True, consultation_by=("GBR", "JPN"))
    strength = changed.set_index("id")["commitment_strength"]
    assert strength["fx-2017"] == 1  # consultation 2, political declaration -1
    assert agreements.set_index("id").loc["fx-2017", "commitment_strength"] == 0


def test_profiles_over_time_stacks_years(agreements):
    series = profiles_over_time(range(1900, 1905), agreements)
    assert series["year"].tolist() == [1902, 1903, 1904]
    assert (series["relationship"] == "UK–Japan").all()
    assert isinstance(series, pd.DataFrame)
