"""The validator on bad cells: each mistake is caught and named by file, line and column."""
from __future__ import annotations

import pytest

import analysis
from analysis.validate import check

from conftest import edit_cell

# (row, column, bad value, words the message must contain); row 0 is on CSV line 2.
BAD_CELLS = [  # the corpus in tests/bad covers the common mistakes; these are the rest
    (0, "legal_form", "Treaty", "did you mean 'treaty'"),
    (1, "id", "Fx 1902", "lower-case letters"),
    (0, "parties", "GBR, JPN", "ISO 3166-1 alpha-3"),
    (0, "parties", "GBR;GBR", "repeated: GBR"),
    (0, "notes", "@SUM(A1)", "formula"),
    (0, "notes", "+44 20 7946 0000", "formula"),
    (2, "defense_pinpoint", "Art. 1", "because 'defense' is 0"),
    (0, "discretion", "", "because 'defense' is 1"),
    (0, "discretion", "automatically", "did you mean 'automatic'"),
    (2, "dialogue_quote", "", "some dialogue level is not 0"),
    (3, "dialogue_pinpoint", "", "some dialogue level is not 0"),
    (2, "scope", "cyber (para. 1); cyber (para. 2)", "listed twice"),
    (0, "short_name", "x" * 41, "at most 40 characters"),
    (0, "source_url", "www.example.org", "https://"),
    (0, "source_type", " primary text", "no spaces"),
]


@pytest.mark.parametrize("row, column, value, words", BAD_CELLS)
def test_bad_cell_is_reported_with_line_and_column(data_dir, row, column, value, words):
    edit_cell(data_dir / "agreements.csv", row, column, value)
    problems = check([data_dir])
    assert any(p.line == row + 2 and p.column == column and words in p.expected for p in problems), problems
    assert all(p.file.endswith("agreements.csv") for p in problems)


def test_valid_fixture_has_no_problem(data_dir):
    assert check([data_dir]) == []


def test_every_problem_is_listed_not_only_the_first(data_dir):
    edit_cell(data_dir / "agreements.csv", 0, "signed", "1902-13-01")
    edit_cell(data_dir / "agreements.csv", 3, "legal_form", "MOU")
    with pytest.raises(analysis.DataError) as raised:
        analysis.validate(data_dir)
    lines = {(p.line, p.column) for p in raised.value.problems}
    assert {(2, "signed"), (5, "legal_form")} <= lines
    assert "2 problems" in str(raised.value)


def test_message_reads_as_file_line_column_value_expected(data_dir):
    edit_cell(data_dir / "agreements.csv", 0, "legal_form", "Treaty")
    (problem,) = check([data_dir / "agreements.csv"])
    assert str(problem).endswith(
        "agreements.csv:2: column 'legal_form': found 'Treaty': expected one of: 'political declaration', "
        "'memorandum of understanding', 'designation', 'domestic statute', 'executive agreement', "
        "'treaty' (did you mean 'treaty'?)")


def test_meeting_with_unknown_relationship(data_dir):
    edit_cell(data_dir / "meetings.csv", 1, "relationship", "UK-Japan")
    (problem,) = check([data_dir / "meetings.csv"])
    assert (problem.line, problem.column) == (3, "relationship")
    assert "relationships.csv" in problem.expected and "UK–Japan" in problem.expected


def test_meeting_naming_unknown_agreement(data_dir):
    edit_cell(data_dir / "meetings.csv", 1, "agreement_id", "fx-2018")
    (problem,) = check([data_dir / "meetings.csv"])
    assert (problem.line, problem.column) == (3, "agreement_id")
    assert "did you mean 'fx-2017'" in problem.expected


def test_partial_dates_compare_at_shared_precision(data_dir):
    edit_cell(data_dir / "agreements.csv", 1, "in_force", "1949")
    assert check([data_dir]) == []


def test_countries_cow_code_must_be_a_positive_whole_number(data_dir):
    edit_cell(data_dir / "countries.csv", 0, "cow_code", "two hundred")
    edit_cell(data_dir / "countries.csv", 1, "cow_code", "-5")
    problems = check([data_dir / "countries.csv"])
    assert [(p.line, p.column) for p in problems] == [(2, "cow_code"), (3, "cow_code")]
    assert "whole number" in problems[0].expected and "at least 1" in problems[1].expected
