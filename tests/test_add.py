"""Adding rows: validated with the existing data, written atomically, existing lines untouched."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

import analysis
from analysis import add, atomic
from analysis.canonical import first_difference

MEETING = {"id": "fx-gbr-jpn-2plus2-2016", "date": "2016-01-08", "relationship": "UK–Japan",
           "mechanism": "2+2", "level": "ministers", "place": "Tokyo", "agreement_id": "",
           "source_url": "https://example.org/m4", "source_title": "Second 2+2", "notes": ""}


def write_new(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_new_meeting_goes_in_canonical_order_and_keeps_every_line(data_dir, tmp_path):
    target = data_dir / "meetings.csv"
    before = target.read_text(encoding="utf-8").splitlines(keepends=True)
    assert add.add_from_file("meetings", write_new(tmp_path / "new.csv", [MEETING]), target) == []
    after = target.read_text(encoding="utf-8").splitlines(keepends=True)
    assert after[:2] + after[3:] == before  # inserted between the 2015 and 2017 meetings
    assert after[2].startswith("fx-gbr-jpn-2plus2-2016,2016-01-08,")
    assert first_difference(target, "meetings") is None
    assert len(analysis.load_meetings(target)) == len(before)


def test_invalid_new_row_writes_nothing_and_names_the_new_file(data_dir, tmp_path):
    target = data_dir / "meetings.csv"
    before = target.read_bytes()
    new = write_new(tmp_path / "new.csv", [MEETING, {**MEETING, "id": "fx-x", "date": "2016-02-30"}])
    problems = add.add_from_file("meetings", new, target)
    assert [(p.file, p.line, p.column) for p in problems] == [(str(new), 3, "date")]
    assert target.read_bytes() == before


def test_id_already_in_the_table_is_refused(data_dir, tmp_path):
    target = data_dir / "meetings.csv"
    before = target.read_bytes()
    new = write_new(tmp_path / "new.csv", [{**MEETING, "id": "fx-gbr-jpn-2plus2-2015"}])
    (problem,) = add.add_from_file("meetings", new, target)
    assert (problem.line, problem.column) == (2, "id") and "line 2" in problem.expected
    assert target.read_bytes() == before


def test_windows_line_endings_are_kept(data_dir, tmp_path):
    target = data_dir / "meetings.csv"
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    before = target.read_bytes()
    assert add.add_from_file("meetings", write_new(tmp_path / "new.csv", [MEETING]), target) == []
    after = target.read_bytes()
    assert after.count(b"\r\n") == before.count(b"\r\n") + 1 and b"\n" not in after.replace(b"\r\n", b"")


def test_interrupted_write_leaves_the_file_intact(data_dir, tmp_path, monkeypatch):
    target = data_dir / "meetings.csv"
    before = target.read_bytes()

    def crash(descriptor):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        add.add_from_file("meetings", write_new(tmp_path / "new.csv", [MEETING]), target)
    assert target.read_bytes() == before
    assert sorted(os.listdir(data_dir)) == ["agreements.csv", "countries.csv", "meetings.csv", "relationships.csv"]


def test_failed_check_of_the_merged_file_writes_nothing(data_dir):
    target = data_dir / "agreements.csv"
    before = target.read_bytes()
    row = dict(next(csv.DictReader(target.open(encoding="utf-8"))), id="fx-0000", defense_by="USA")
    problems = add.add_rows("agreements", [row], target)  # unchecked row: the safety net catches it
    assert problems and all("(after adding)" in p.file for p in problems)
    assert target.read_bytes() == before


def test_interactive_add_reasks_until_valid(data_dir):
    answers = iter(["fx-gbr-jpn-summit-2023", "18/05/2023", "2023-05-18", "UK-Japan", "UK–Japan",
                    "summit", "leader", "leaders", "Hiroshima", "", "https://example.org/s",
                    "Japan-UK summit", ""])
    said = []
    problems = add.add_interactively("meetings", data_dir / "meetings.csv", ask=lambda _: next(answers),
                                     say=said.append)
    assert problems == []
    assert sum("not accepted" in s for s in said) == 3
    assert any("did you mean 'UK–Japan'" in s for s in said)
    assert "fx-gbr-jpn-summit-2023" in set(analysis.load_meetings(data_dir / "meetings.csv")["id"])


def test_interactive_skips_evidence_for_obligations_not_coded(data_dir):
    row = {"defense": "0", "consultation": "1", "cond_location": "0"}
    assert not add._applies("agreements", "defense_quote", row)
    assert add._applies("agreements", "consultation_quote", row)
    assert not add._applies("agreements", "discretion", row)
    assert not add._applies("agreements", "conditions_pinpoint", row)


def test_command_line_add_and_format_check(data_dir, tmp_path):
    new = write_new(tmp_path / "new.csv", [{**MEETING, "date": "2016-13-08"}])
    result = subprocess.run([sys.executable, "-m", "analysis", "add", "meetings", "--from-file", str(new),
                             "--to", str(data_dir / "meetings.csv")], capture_output=True, text=True)
    assert result.returncode == 1 and "Nothing was written" in result.stderr
    assert f"{new}:2: column 'date'" in result.stdout and "Traceback" not in result.stderr
    check = subprocess.run([sys.executable, "-m", "analysis", "format", "--check", "--data", str(data_dir)],
                           capture_output=True, text=True)
    assert check.returncode == 0


def test_package_data_is_in_canonical_form():
    for name in analysis.schema.RESOURCES:
        assert first_difference(analysis.schema.data_path(name), name) is None, f"run `python -m analysis format`"
