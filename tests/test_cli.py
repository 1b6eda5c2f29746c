"""`python -m analysis validate`: plain lines, a non-zero exit on problems, never a traceback."""
from __future__ import annotations

import subprocess
import sys

from conftest import edit_cell


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def test_valid_data_exits_zero():
    result = run("validate")
    assert result.returncode == 0, result.stdout
    assert "valid" in result.stdout


def test_problems_are_printed_one_per_line(data_dir):
    edit_cell(data_dir / "agreements.csv", 0, "signed", "04/04/1949")
    edit_cell(data_dir / "meetings.csv", 0, "relationship", "Uk–Japan")
    result = run("validate", data_dir, cwd=data_dir)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "agreements.csv:2: column 'signed': found '04/04/1949': expected a date as YYYY-MM-DD, or YYYY-MM "
        "or YYYY when the day or month is unknown (e.g. 1902-01-30)",
        "meetings.csv:2: column 'relationship': found 'Uk–Japan': expected a value listed in "
        "relationships.csv (did you mean 'UK–Japan'?)",
    ]
    assert "Traceback" not in result.stderr and "2 problems" in result.stderr


def test_unreadable_file_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "agreements.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = run("validate", bad)
    assert result.returncode == 1 and "UTF-8" in result.stdout and "Traceback" not in result.stderr


def test_codebook_check():
    assert run("codebook", "--check").returncode == 0
