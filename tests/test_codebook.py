"""The codebook is generated from the schema and kept current."""
from __future__ import annotations

import analysis
from analysis import schema
from analysis.codebook import render
from analysis.cli import CODEBOOK


def test_codebook_is_current():
    assert CODEBOOK.read_text(encoding="utf-8") == render(), "run `make codebook`"


def test_one_row_per_field_of_every_table():
    book = analysis.codebook()
    for name in schema.RESOURCES:
        assert book[book["resource"] == name]["name"].tolist() == schema.column_names(name)
    assert list(book.columns) == ["resource", "name", "type", "required", "allowed", "description", "atop"]


def test_codebook_states_rules_and_measures():
    text = render()
    for words in ["Step 1, the obligation", "3 ministerial + 4 NSA", "`discretion` is filled exactly when",
                  "DEFCONUM", "collective defence"]:
        assert words in text


def test_atop_equivalents_listed():
    book = analysis.codebook().set_index(["resource", "name"])
    assert book.loc[("agreements", "consultation"), "atop"] == "CONSUL"
    assert book.loc[("agreements", "cond_location"), "atop"] == "DEFCOLOC"


def test_every_coding_convention_is_in_the_codebook():
    text = render()
    assert schema.conventions(), "the data package lists its coding conventions"
    for convention in schema.conventions():
        assert f"**{convention['topic']}.** {convention['rule']}" in text
