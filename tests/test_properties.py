"""Property-based tests: generated valid rows survive add and load unchanged; any single-cell
corruption of a valid file is either caught or loads without losing a row."""
from __future__ import annotations

import csv
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings, strategies as st

import analysis
from analysis import add, schema
from conftest import FIXTURES, edit_cell

FREE_TEXT = (st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
             .map(str.strip).filter(lambda s: s and s[0] not in "=+-@"))
DATES = st.one_of(
    st.dates(date(1800, 1, 1), date(2100, 12, 31)).map(date.isoformat),
    st.dates(date(1800, 1, 1), date(2100, 12, 31)).map(lambda d: d.isoformat()[:7]),
)
MEETINGS = st.fixed_dictionaries({
    "id": st.from_regex(r"h[a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,3}", fullmatch=True),
    "date": DATES,
    "relationship": st.sampled_from(["UK–Japan", "NATO", "US–Israel", "Brussels Treaty"]),
    "mechanism": FREE_TEXT,
    "level": st.sampled_from(schema.dialogue_levels()),
    "place": st.one_of(st.just(""), FREE_TEXT),
    "agreement_id": st.sampled_from(["", "fx-1902", "fx-2017"]),
    "source_url": st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9]{0,10}", fullmatch=True),
    "source_title": FREE_TEXT,
    "notes": st.one_of(st.just(""), FREE_TEXT),
})


def fresh_copy() -> Path:
    folder = Path(tempfile.mkdtemp())
    shutil.copytree(FIXTURES / "valid", folder, dirs_exist_ok=True)
    return folder


@settings(max_examples=60, deadline=None)
@given(st.lists(MEETINGS, min_size=1, max_size=3, unique_by=lambda r: r["id"]))
def test_valid_rows_survive_add_and_load_unchanged(rows):
    folder = fresh_copy()
    target = folder / "meetings.csv"
    before = target.read_bytes().decode().splitlines()
    new = folder / "new.csv"
    with new.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, schema.column_names("meetings"), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert add.add_from_file("meetings", new, target) == []
    with target.open(encoding="utf-8", newline="") as handle:
        written = {r["id"]: r for r in csv.DictReader(handle)}
    assert all(written[r["id"]] == r for r in rows)
    after = target.read_bytes().decode().splitlines()
    assert [line for line in after if line in before] == before
    loaded = analysis.load_meetings(target).set_index("id")
    assert len(loaded) == len(before) - 1 + len(rows)
    for row in rows:
        assert loaded.loc[row["id"], "mechanism"] == row["mechanism"]
        assert loaded.loc[row["id"], "date"].strftime("%Y-%m-%d").startswith(row["date"])


NASTY = st.one_of(
    st.sampled_from(["", " ", "0", "1", "-1", "=1+1", "@x", "regular", "1949-13-45", "1902-02-30",
                     "treaty", "GBR", "GBR;XXX", "UK-Japan", "a,b", 'say "hi"', "2.5", "1902", "line\nbreak",
                     "x" * 45, "cyber (para. 1)", "automatic", "https://example.org"]),
    st.text(max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(row=st.integers(0, 4), column=st.sampled_from(schema.column_names("agreements")), value=NASTY)
def test_single_cell_corruption_is_caught_or_harmless(row, column, value):
    folder = fresh_copy()
    target = folder / "agreements.csv"
    edit_cell(target, row, column, value)
    problems = analysis.check([folder])
    if problems:
        assert all(p.line is None or 1 <= p.line <= 7 for p in problems)
        return
    loaded = analysis.load_agreements(target)  # accepted: it must load, every row kept
    assert len(loaded) == 5
    assert loaded["commitment_strength"].between(0, 5).all()
