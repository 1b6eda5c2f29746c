"""The notebooks: they execute from scratch without errors or warnings, and are committed executed."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from analysis.report import NOTEBOOKS, execute

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def outputs(notebook):
    return [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]


def test_there_are_notebooks():
    assert PATHS


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_executes_without_errors_or_warnings(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    notebook = execute(copy)
    bad = [o for o in outputs(notebook) if o.get("output_type") == "error" or o.get("name") == "stderr"]
    assert not bad, bad


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_committed_notebook_is_executed_and_small(path):
    notebook = nbformat.read(path, as_version=4)
    charts = [c for c in notebook.cells if c.cell_type == "code" and "plots." in c.source]
    assert outputs(notebook), "commit the notebook executed: run `make run`"
    assert all(any("image/png" in o.get("data", {}) for o in c.get("outputs", [])) for c in charts), \
        "a chart cell has no chart: run `make run`"
    assert not [o for o in outputs(notebook) if o.get("output_type") == "error" or o.get("name") == "stderr"]
    assert path.stat().st_size < 2 * 1024 * 1024


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_opens_with_a_question(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and "**Question.**" in first.source
