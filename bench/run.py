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
    (HERE / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    print(f"machine: {machine()}")


if __name__ == "__main__":
    main()
