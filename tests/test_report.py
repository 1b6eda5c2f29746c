"""The rendered report in a real browser, and the stale-output check.

The browser test opens reports/index.html and every page it links to in headless Chromium
(Debian's `chromium`), and checks that every image loads, every link resolves and no script
error occurs. Without Chromium it is skipped with a message saying how to get it; `.ci/run`
installs it, so CI always runs it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from analysis.report import NOTEBOOKS, REPORTS, execute, fingerprint, run_notebooks, summary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_committed_notebook_matches_current_data_and_code(path):
    recorded = nbformat.read(path, as_version=4).metadata.get("analysis", {}).get("fingerprint")
    assert recorded == fingerprint(), (
        f"{path.name} shows results of older data or code: run `make run` and commit the notebooks")


def test_fingerprint_changes_with_the_data(monkeypatch, tmp_path):
    import analysis.report as report

    (tmp_path / "data").mkdir()
    (tmp_path / "analysis").mkdir()
    (tmp_path / "data" / "agreements.csv").write_text("id\nx\n")
    monkeypatch.setattr(report, "ROOT", tmp_path)
    before = report.fingerprint()
    (tmp_path / "data" / "agreements.csv").write_text("id\ny\n")
    assert report.fingerprint() != before


def test_summary_reads_question_answer_and_chart():
    notebook = nbformat.read(NOTEBOOKS / "05-allies-in-all-but-name.ipynb", as_version=4)
    found = summary(notebook)
    assert found["title"] == "5. Allies in all but name?"
    assert found["question"].startswith("The source article argues")
    assert found["answer"].startswith("By the texts, UK–Japan is a strategic partnership")
    assert found["chart"]


@pytest.fixture(scope="module")
def report():
    """A freshly rendered report (in a temporary folder, so the working tree is left alone)."""
    folder = Path(tempfile.mkdtemp())
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        shutil.copy(path, folder / path.name)
    assert run_notebooks(sorted(folder.glob("*.ipynb")), reports=folder / "reports") == 0
    return folder / "reports"


def test_report_lists_every_notebook(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        assert f'href="{path.stem}.html"' in index
        assert (report / f"{path.stem}.html").exists()
    assert "cdnjs" not in index and "<script" not in index


def test_report_in_a_real_browser(report):
    if CHROMIUM is None:
        message = "Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu) to run the browser test"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        pages = [report / "index.html"] + sorted(report.glob("0*.html"))
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            broken = page.evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length")
            assert broken == 0, f"{path.name}: {broken} images did not load"
            assert page.evaluate("document.images.length") > 0, f"{path.name} shows no chart"
            for href in page.evaluate("Array.from(document.links).map(a => a.href)"):
                url = urlparse(href)
                if url.scheme == "file":
                    assert Path(unquote(url.path)).exists(), f"{path.name}: broken link {href}"
                    if url.fragment:
                        target = page if Path(unquote(url.path)) == path else None
                        if target:
                            assert page.evaluate(f"!!document.getElementById({url.fragment!r})"), href
        browser.close()
    assert errors == []


def test_reports_folder_is_the_default_output():
    assert REPORTS.name == "reports" and REPORTS.parent == NOTEBOOKS.parent


def test_a_failing_notebook_is_named_with_its_cell_and_stops_the_run(tmp_path, capsys):
    broken = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Broken\n\n**Question.** Does failure stop the run?"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("raise ValueError('bad data')"),
    ])
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "01-broken.ipynb"
    nbformat.write(broken, path)
    later = tmp_path / "02-never.ipynb"
    nbformat.write(broken, later)
    assert run_notebooks([path, later], reports=tmp_path / "reports") == 1
    printed = capsys.readouterr().out
    assert "[1/2] 01-broken.ipynb ... failed" in printed
    assert "01-broken.ipynb: code cell 2 raised ValueError: bad data" in printed
    assert "[2/2]" not in printed


def test_rerunning_unchanged_notebook_changes_nothing(tmp_path):
    path = NOTEBOOKS / "05-allies-in-all-but-name.ipynb"
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    first = nbformat.writes(execute(copy))
    assert nbformat.writes(execute(copy)) == first
