"""Rerun the analyses: execute every notebook in place and render it to HTML, saying what it does."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"


def execute(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its own folder and return it with fresh outputs."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    # The kernel's own start-up chatter would break the progress lines; cell errors and
    # warnings still reach the notebook's outputs, where the tests look for them.
    client.execute(stderr=subprocess.DEVNULL)
    return notebook


def run_notebooks(paths: list[Path] | None = None, reports: Path = REPORTS) -> int:
    """Execute each notebook in place, write its HTML to `reports`, print one line per notebook;
    stop at the first failure with its notebook and cell, returning 1."""
    paths = paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    reports.mkdir(exist_ok=True)
    started = time.perf_counter()
    for number, path in enumerate(paths, 1):
        print(f"[{number}/{len(paths)}] {path.name} ...", end=" ", flush=True)
        began = time.perf_counter()
        try:
            notebook = execute(path)
        except CellExecutionError as error:
            print("failed")
            print(f"{path.name}: code cell {_cell_of(error, path)} raised {error.ename}: {error.evalue}")
            return 1
        nbformat.write(notebook, path)
        html, _ = HTMLExporter().from_notebook_node(notebook)
        (reports / f"{path.stem}.html").write_text(html, encoding="utf-8")
        print(f"{time.perf_counter() - began:.1f} s")
    print(f"{len(paths)} notebooks in {time.perf_counter() - started:.1f} s; HTML in {reports}")
    return 0


def _cell_of(error: CellExecutionError, path: Path) -> str:
    """Which code cell failed: matched by the source nbclient quotes in its error."""
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code, 1):
        if cell.source.strip() and cell.source.strip() in str(error):
            return str(number)
    return "?"
