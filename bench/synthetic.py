"""Synthetic data for the benchmarks: the real agreements repeated to any number of rows, each
copy with a unique id, beside copies of the tables they refer to."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from analysis import schema


def make(rows: int, folder: Path) -> Path:
    """Write `rows` agreements (the real ones, repeated with ids made unique) to folder/agreements.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("countries", "relationships"):
        shutil.copy(schema.data_path(name), folder)
    with schema.data_path("agreements").open(encoding="utf-8", newline="") as handle:
        real = list(csv.DictReader(handle))
    target = folder / "agreements.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, schema.column_names("agreements"), lineterminator="\n")
        writer.writeheader()
        for i in range(rows):
            row = real[i % len(real)]
            writer.writerow({**row, "id": f"{row['id']}-{i}"})
    return target
