"""Benchmarks against the obvious baselines, measured in the same run; writes bench/RESULTS.md.

    .venv/bin/python bench/run.py [--sizes 1000 10000 100000] [--frictionless-max 10000]

Timings are medians of separate processes (peak memory: the largest), so each run starts cold
in the same way; they are kept out of the tests on purpose.
"""
from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make  # noqa: E402

import analysis  # noqa: E402
from analysis import report, schema  # noqa: E402

HERE = Path(__file__).parent
PYTHON = sys.executable


def measure(what: str, path: Path, repeats: int) -> dict:
    runs = [json.loads(subprocess.run([PYTHON, str(HERE / "measure.py"), what, str(path)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(repeats)]
    return {"seconds": statistics.median(r["seconds"] for r in runs), "peak_mib": max(r["peak_mib"] for r in runs)}


def timed(command: list[str], cwd: Path | None = None, timeout: int = 900) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - started, result


def bench_load(sizes: list[int], folder: Path) -> list[dict]:
    rows = []
    for size in sizes:
        path = make(size, folder / str(size))
        repeats = 3 if size <= 100_000 else 1
        base, ours = measure("read_csv", path, repeats), measure("load_agreements", path, repeats)
        rows.append({"rows": size, "MiB": path.stat().st_size / 2**20, "read_csv s": base["seconds"],
                     "load s": ours["seconds"], "time ratio": ours["seconds"] / base["seconds"],
                     "read_csv MiB": base["peak_mib"], "load MiB": ours["peak_mib"],
                     "memory ratio": ours["peak_mib"] / max(base["peak_mib"], 1e-9)})
        print(f"load {size}: {rows[-1]['time ratio']:.1f}x time, {rows[-1]['memory ratio']:.1f}x memory", flush=True)
    return rows


def bench_validate(sizes: list[int], folder: Path, frictionless_max: int) -> list[dict]:
    """`python -m analysis validate` against `frictionless validate` on the same valid package."""
    frictionless = Path(PYTHON).with_name("frictionless")
    rows = []
    for size in sizes:
        package = folder / f"package-{size}"
        make(size, package)
        shutil.copy(schema.DATAPACKAGE, package)
        (package / "meetings.csv").write_text(",".join(schema.column_names("meetings")) + "\n", encoding="utf-8")
        ours_s, ours = timed([PYTHON, "-m", "analysis", "validate", str(package)])
        row = {"rows": size, "ours s": ours_s, "ours exit": ours.returncode}
        if size <= frictionless_max:
            try:
                theirs_s, theirs = timed([str(frictionless), "validate", "datapackage.json"], cwd=package)
                row.update({"frictionless s": theirs_s, "frictionless exit": theirs.returncode,
                            "speed-up": theirs_s / ours_s})
            except subprocess.TimeoutExpired:
                row.update({"frictionless s": "> 900", "speed-up": f"> {900 / ours_s:.0f}"})
        rows.append(row)
        print(f"validate {size}: {row}", flush=True)
    return rows


def bench_agreement_on_errors(folder: Path) -> dict:
    """Both validators on the same file with ten impossible dates: each must find all ten."""
    package = folder / "package-errors"
    target = make(1000, package)
    shutil.copy(schema.DATAPACKAGE, package)
    (package / "meetings.csv").write_text(",".join(schema.column_names("meetings")) + "\n", encoding="utf-8")
    import csv

    with target.open(encoding="utf-8", newline="") as handle:
        data = list(csv.DictReader(handle))
    for row in data[::100]:
        row["signed"] = "1949-13-45"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, schema.column_names("agreements"), lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    ours = analysis.check([package])
    frictionless = Path(PYTHON).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"], cwd=package,
                            capture_output=True, text=True)
    report_ = json.loads(result.stdout)
    theirs = [e for task in report_["tasks"] for e in task["errors"]]
    return {"injected": 10, "ours": sum(p.column == "signed" for p in ours),
            "frictionless": sum(e.get("fieldName") == "signed" for e in theirs)}


def bench_notebooks(folder: Path) -> list[dict]:
    """Each notebook against the floor: a kernel start plus importing the package, drawing nothing."""
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import analysis")])
    floor_nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    floor_path = folder / "floor.ipynb"
    nbformat.write(floor_nb, floor_path)
    rows = []
    for path in sorted(report.NOTEBOOKS.glob("*.ipynb")):
        copy = folder / path.name
        shutil.copy(path, copy)
        floor = statistics.median(_execute_seconds(floor_path) for _ in range(3))
        seconds = statistics.median(_execute_seconds(copy) for _ in range(3))
        rows.append({"notebook": path.name, "seconds": seconds, "floor s": floor, "ratio": seconds / floor})
        print(f"notebook {path.name}: {seconds:.1f} s vs floor {floor:.1f} s", flush=True)
    return rows


def _execute_seconds(path: Path) -> float:
    started = time.perf_counter()
    report.execute(path)
    return time.perf_counter() - started


def bench_import() -> dict:
    def median_import(module: str) -> float:
        return statistics.median(timed([PYTHON, "-c", f"import {module}"])[0] for _ in range(7))

    pandas_s, analysis_s = median_import("pandas"), median_import("analysis")
    return {"import pandas s": pandas_s, "import analysis s": analysis_s, "difference s": analysis_s - pandas_s}


def machine() -> str:
    import pandas
    import pyarrow

    return (f"{platform.machine()}, {platform.processor() or 'cpu'}; {__import__('os').cpu_count()} cores; "
            f"Python {platform.python_version()}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}, "
            f"data version {schema.version()}")


def table(rows: list[dict]) -> str:
    keys = list(rows[0])
    fmt = lambda v: f"{v:.3g}" if isinstance(v, float) else str(v)  # noqa: E731
    return "\n".join(["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
                     + ["| " + " | ".join(fmt(r.get(k, "")) for k in keys) + " |" for r in rows])


GOALS = """Goals (issue 6): `load_agreements` at most 2x `read_csv` in time and memory at 100k rows, growing
linearly; `python -m analysis validate` at least 10x faster than `frictionless validate` at 100k rows,
both catching the same errors; each notebook at most 1.5x its floor (a kernel start plus `import
analysis`); `import analysis` at most 0.15 s more than `import pandas`."""


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def results_markdown(results: dict) -> str:
    """bench/RESULTS.md: the measured tables, each against its goal, with the machine."""
    load = results["load"]
    at_100k = next((r for r in load if r["rows"] == 100_000), load[-1])
    per_row = [r["load s"] / r["rows"] for r in load if r["rows"] >= 10_000]
    validate = [r for r in results["validate"] if isinstance(r.get("speed-up"), float)]
    largest = validate[-1] if validate else {}
    notebooks = results["notebooks"]
    imports = results["import"]
    for r in load:
        r["memory ratio"] = r["memory ratio"] if r["read_csv MiB"] >= 1 else "n/a (baseline < 1 MiB)"
    lines = [
        "# Benchmark results", "",
        f"Generated by `make bench` (`bench/run.py`) on {time.strftime('%Y-%m-%d')}. Machine: {machine()}.", "",
        GOALS, "",
        "## Loading: `load_agreements` (validation included) against `pandas.read_csv`", "",
        "Synthetic files: the real agreements repeated with unique ids (`bench/synthetic.py`). Time is the",
        "median of separate processes; memory is the peak resident memory above the process's",
        "footprint after imports.", "",
        table(load), "",
        f"At 100k rows: time {at_100k['time ratio']:.1f}x ({verdict(at_100k['time ratio'] <= 2)}), memory "
        f"{at_100k['memory ratio']:.1f}x ({verdict(at_100k['memory ratio'] <= 2)}). Seconds per row from 10k "
        f"rows up: {', '.join(f'{x * 1e6:.0f} us' for x in per_row)} "
        f"({verdict(max(per_row) <= 1.5 * min(per_row))} for linear growth).", "",
        "## Validation: `python -m analysis validate` against `frictionless validate`", "",
        table(results["validate"]), "",
        (f"At {largest['rows']} rows: {largest['speed-up']:.1f}x faster ({verdict(largest['speed-up'] >= 10)})."
         if largest else ""),
        f"Same errors: ten impossible dates injected into 1,000 rows; ours found {results['errors']['ours']}, "
        f"frictionless {results['errors']['frictionless']} "
        f"({verdict(results['errors']['ours'] == results['errors']['frictionless'] == 10)}).", "",
        "## Rerunning the notebooks against the floor", "",
        table(notebooks), "",
        f"Worst ratio {max(r['ratio'] for r in notebooks):.1f}x "
        f"({verdict(max(r['ratio'] for r in notebooks) <= 1.5)}).", "",
        "## Import time", "",
        table([imports]), "",
        f"Difference {imports['difference s']:.3f} s ({verdict(imports['difference s'] <= 0.15)}).", "",
    ]
    return "\n".join(lines) + ANALYSIS


ANALYSIS = """
## Where the time goes, what was fixed, what remains

Profiled with cProfile on 10k and 100k rows (`python -c "import cProfile, analysis; ..."`).

Fixed in this round:
- Decoding the whole file, and copying it to test for emptiness, cost 4.8 s at 100k rows and a
  copy of the text in memory: a well-formed file is now parsed from its bytes by pyarrow's CSV
  reader and only an odd file is decoded for the strict reader.
- The strict `csv` reader (about 60 MB/s) ran on every file: it now runs only when the file has a
  stray quote (found by a vectorised scan of the bytes), a ragged row, a blank line or a cell
  spanning lines, so that the messages still name every line.
- Per-row Python loops for country codes, scope domains, obligation carriers and date order were
  replaced by vectorised operations on exploded lists; the profile of every relationship in
  every year is one grouping instead of a Python function per group (3.8 s to 0.34 s).

What remains, and why the load goal is missed: `read_csv` does one pass that types the text; the
loader then runs about a hundred vectorised passes (required, spacing, formula, enum or pattern,
length, uniqueness for each of 50 columns, then the cross-column rules) and converts every column,
several of them into Python tuples. Each pass is fast, but together they are an order of magnitude
more work than parsing. Meeting 2x would mean checking only a sample, or skipping the checks for a
file already validated (a cache keyed on the file's hash) -- both would weaken the promise that
every loaded row was checked, so neither was done. Validation against frictionless is 2-3x faster,
not 10x: frictionless is quicker than expected on this data, and our command also pays Python's
start-up and pandas' import. The notebooks' floor is about a second; each notebook loads and
validates the data and draws three or four charts, which costs one to three seconds more.
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--frictionless-max", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="agreements-bench-"))
    try:
        results = {
            "load": bench_load(args.sizes, folder),
            "validate": bench_validate(args.sizes, folder, args.frictionless_max),
            "errors": bench_agreement_on_errors(folder),
            "notebooks": bench_notebooks(folder),
            "import": bench_import(),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    (HERE / "RESULTS.md").write_text(results_markdown(results), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
