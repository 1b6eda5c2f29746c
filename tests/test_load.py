"""The loader: validated, typed from the schema, and independent of the working directory."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis

from conftest import FIXTURES, edit_cell

VALID = FIXTURES / "valid"


@pytest.fixture
def agreements():
    return analysis.load_agreements(VALID / "agreements.csv")


def test_contract_columns_exist(agreements):
    for column in ["id", "name", "relationship", "parties", "signed", "legal_form",
                   "commitment_strength", "dialogue_per_year", "scope_breadth"]:
        assert column in agreements


def test_types_follow_the_schema(agreements):
    assert pd.api.types.is_datetime64_any_dtype(agreements["signed"])
    assert agreements["legal_form"].cat.ordered
    assert list(agreements["legal_form"].cat.categories) == analysis.codebook().query(
        "name == 'legal_form' and resource == 'agreements'")["allowed"].iloc[0].split(" | ")
    assert agreements["defense"].dtype == bool and agreements["cond_number"].dtype == bool
    assert agreements.loc[0, "parties"] == ("GBR", "JPN")


def test_partial_dates_keep_their_precision(agreements):
    row = agreements.set_index("id").loc["fx-1981"]
    assert row["ended"] == pd.Timestamp("1981-12-01") and row["ended_precision"] == "month"
    assert row["signed_precision"] == "day"


def test_dialogue_keeps_none_regular_and_stated_apart(agreements):
    row = agreements.set_index("id").loc["fx-2017"]
    assert row["dialogue_ministers"] == 3 and not row["dialogue_ministers_regular"]
    assert pd.isna(row["dialogue_working"]) and row["dialogue_working_regular"]
    assert row["dialogue_leaders"] == 0


def test_loading_invalid_data_raises_with_every_problem(data_dir):
    edit_cell(data_dir / "agreements.csv", 0, "signed", "1902-02-30")
    with pytest.raises(analysis.DataError) as raised:
        analysis.load_agreements(data_dir / "agreements.csv")
    assert [(p.line, p.column) for p in raised.value.problems] == [(2, "signed")]


def test_no_row_is_dropped(agreements):
    assert len(agreements) == sum(1 for _ in open(VALID / "agreements.csv", encoding="utf-8")) - 1


def test_meetings_load_in_date_order():
    meetings = analysis.load_meetings(VALID / "meetings.csv")
    assert meetings["date"].is_monotonic_increasing and meetings["level"].dtype == "category"


def test_package_data_loads_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(analysis.load_agreements()) > 0
    assert len(analysis.load_meetings()) > 0
    assert set(analysis.load_countries()["iso3"]) >= {"GBR", "JPN", "USA", "ISR"}
