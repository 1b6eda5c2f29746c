"""Shared fixtures: a small valid data folder, copied so each test may break it freely."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture tables (agreements, meetings, relationships, countries)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    return target


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV (row 0 is the first data row, on line 2)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fieldnames = list(rows[0].keys())
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
