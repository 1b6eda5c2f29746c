"""The corpus of bad files in tests/bad: each mistake is reported at its line and column, and
frictionless rejects every file whose rule a Table Schema can express."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import schema
from analysis.validate import check
from conftest import FIXTURES

BAD = Path(__file__).parent / "bad"
FRICTIONLESS = Path(sys.executable).with_name("frictionless")

# file: (line, column, words in the expectation, can a Table Schema express the rule?)
CORPUS = {
    "agreements-date-impossible-month.csv": (2, "signed", "YYYY-MM-DD", True),
    "agreements-date-us-format.csv": (3, "signed", "YYYY-MM-DD", True),
    "agreements-date-not-in-calendar.csv": (2, "signed", "exists in the calendar", False),
    "agreements-ended-before-signed.csv": (3, "ended", "not before 'signed'", False),
    "agreements-in-force-before-signed.csv": (3, "in_force", "not before 'signed'", False),
    "agreements-legal-form-misspelt.csv": (4, "legal_form", "did you mean 'political declaration'", True),
    "agreements-duplicate-id.csv": (3, "id", "already used on line 2", True),
    "agreements-unknown-party.csv": (2, "parties", "not listed: JPX", False),
    "agreements-required-empty.csv": (2, "name", "may not be empty", True),
    "agreements-word-in-flag.csv": (2, "defense", "1 (yes) or 0 (no)", True),
    "agreements-negative-frequency.csv": (4, "dialogue_ministers", "meetings a year", True),
    "agreements-word-in-frequency.csv": (4, "dialogue_ministers", "meetings a year", True),
    "agreements-formula.csv": (2, "notes", "formula", False),
    "agreements-unknown-relationship.csv": (2, "relationship", "did you mean 'UK–Japan'", True),
    "agreements-obligation-without-quote.csv": (2, "defense_quote", "because 'defense' is 1", False),
    "agreements-carrier-not-a-party.csv": (2, "defense_by", "among the agreement's 'parties'", False),
    "agreements-condition-without-defence.csv": (4, "cond_location", "0 when 'defense' is 0", False),
    "agreements-scope-unknown-domain.csv": (4, "scope", "did you mean 'cyber'", True),
    "agreements-scope-without-pinpoint.csv": (4, "scope", "in brackets", True),
    "agreements-missing-and-unexpected-column.csv": (1, "signature", "unexpected; did you mean 'signed'", True),
    "agreements-empty.csv": (None, None, "the file is empty", True),
    "agreements-not-utf8.csv": (2, None, "UTF-8", True),
    "agreements-semicolons.csv": (1, None, "found semicolons", True),
    "meetings-bad-quoting.csv": (2, None, "quote", False),
    "meetings-too-many-cells.csv": (2, None, "found 11", True),
    "meetings-unknown-relationship.csv": (3, "relationship", "did you mean 'UK–Japan'", True),
    "meetings-level-misspelt.csv": (2, "level", "did you mean 'ministers'", True),
}


def test_every_bad_file_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.csv")) == sorted(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_message_names_line_and_column(name):
    line, column, words, _ = CORPUS[name]
    problems = check([BAD / name])
    assert problems, f"{name} was accepted"
    assert any(p.line == line and p.column == column and words in p.expected for p in problems), problems
    assert all(p.file.endswith(name) for p in problems)


def frictionless_accepts(folder: Path) -> bool:
    result = subprocess.run([FRICTIONLESS, "validate", "datapackage.json"], cwd=folder,
                            capture_output=True, text=True)
    return result.returncode == 0


@pytest.mark.parametrize("name", sorted(n for n, (*_, expressible) in CORPUS.items() if expressible))
def test_frictionless_rejects_what_a_table_schema_can_express(name, tmp_path):
    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    package = json.loads(schema.DATAPACKAGE.read_text())
    resource = name.split("-")[0]
    shutil.copy(BAD / name, tmp_path / f"{resource}.csv")
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    assert not frictionless_accepts(tmp_path)


def test_frictionless_accepts_the_valid_fixture(tmp_path):
    shutil.copytree(FIXTURES / "valid", tmp_path, dirs_exist_ok=True)
    shutil.copy(schema.DATAPACKAGE, tmp_path)
    assert frictionless_accepts(tmp_path)
