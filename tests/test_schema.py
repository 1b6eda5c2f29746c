"""The Data Package is the single source of truth: the CSVs, frictionless and the package agree with it."""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import schema, style
from analysis.checks import EXPECT
from conftest import FIXTURES

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def frictionless_valid(folder: Path) -> bool:
    result = subprocess.run([FRICTIONLESS, "validate", "datapackage.json"], cwd=folder,
                            capture_output=True, text=True)
    return result.returncode == 0


@pytest.mark.parametrize("name", schema.RESOURCES)
def test_csv_header_matches_the_schema(name):
    with schema.data_path(name).open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == schema.column_names(name)


def test_frictionless_validates_the_data():
    assert frictionless_valid(schema.DATA_DIR)


def test_obligations_and_conditions_name_their_atop_variable():
    atop = {f["name"]: f.get("atop") for f in schema.fields("agreements")}
    assert {name: atop[name] for name in schema.obligations()} == {
        "defense": "DEFENSE", "offense": "OFFENSE", "neutrality": "NEUTRAL",
        "nonaggression": "NONAGG", "consultation": "CONSUL"}
    assert [atop[c] for c in schema.conditions()] == [
        "DEFCOLOC", "DEFCOADV", "DEFCONUM", "DEFCONPR", "DEFCOCON", "DEFCODEM"]


def test_scope_pattern_is_built_from_the_vocabulary():
    pattern = schema.constraints(schema.field("agreements", "scope"))["pattern"]
    item = "(" + "|".join(re.escape(d) for d in schema.domains()) + r") \([^;()]+\)"
    assert pattern == f"{item}(; {item})*"


def test_dialogue_columns_mirror_the_meeting_levels():
    frequency = [f["name"] for f in schema.fields("agreements") if f.get("kind") == "frequency"]
    assert frequency == [f"dialogue_{level}" for level in schema.dialogue_levels()]


def test_every_kind_has_a_plain_words_expectation():
    kinds = {f.get("kind") for name in schema.RESOURCES for f in schema.fields(name)} - {None}
    assert kinds <= set(EXPECT)


def test_coloured_relationships_exist():
    with schema.data_path("relationships").open(encoding="utf-8") as handle:
        known = {row["relationship"] for row in csv.DictReader(handle)}
    assert set(style.COLOURS) <= known


def test_fixture_uses_the_canonical_header():
    for name in schema.RESOURCES:
        with (FIXTURES / "valid" / f"{name}.csv").open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == schema.column_names(name)
