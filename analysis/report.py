"""Rerun the analyses: execute every notebook in place, render it to self-contained HTML, and
write reports/index.html; say what is happening, one line per notebook.

Each executed notebook records a fingerprint of data/ and analysis/ in its metadata, so a test
can tell when a committed notebook shows results older than the data or the code.
"""
from __future__ import annotations

import base64
import hashlib
import html
import io
import re
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
FINGERPRINTED = ("data", "analysis")
SOURCE_SUFFIXES = {".csv", ".json", ".py", ".mplstyle"}


def fingerprint() -> str:
    """A hash of every data and code file the notebooks' results depend on."""
    digest = hashlib.sha256()
    for folder in FINGERPRINTED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def execute(path: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in its own folder and return it with fresh outputs and the
    current fingerprint."""
    notebook = nbformat.read(path, as_version=4)
    # No timestamps, so a rerun of unchanged data and code leaves the notebooks byte for byte as they were.
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    # The kernel's own start-up chatter would break the progress lines; cell errors and
    # warnings still reach the notebook's outputs, where the tests look for them.
    client.execute(stderr=subprocess.DEVNULL)
    notebook.metadata["analysis"] = {"fingerprint": fingerprint()}
    return notebook


def to_html(notebook: nbformat.NotebookNode) -> str:
    """The notebook as one HTML file that works offline: images embedded, no script fetched."""
    exporter = HTMLExporter(mathjax_url="", require_js_url="", mermaid_js_url="",
                            mermaid_layout_elk_js_url="", exclude_input_prompt=True, exclude_output_prompt=True)
    page, _ = exporter.from_notebook_node(notebook)
    return re.sub(r'<script src=""[^>]*>\s*</script>', "", page)


def summary(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Title, question, one-sentence answer and key chart (PNG, base64) of an executed notebook:
    the chart of the cell tagged `key-chart`, else the first chart."""
    markdown = [c.source for c in notebook.cells if c.cell_type == "markdown"]
    title = re.sub(r"^#\s*", "", markdown[0].splitlines()[0])
    question = re.search(r"\*\*Question\.\*\*\s*(.+?)(?:\n\n|\Z)", markdown[0], re.S)
    answer = re.search(r"^## Answer\s*\n+(.+?)(?:\n\n|\Z)", "\n\n".join(markdown), re.S | re.M)
    images = [(c, o["data"]["image/png"]) for c in notebook.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    key = next((png for c, png in images if "key-chart" in c.metadata.get("tags", [])), images[0][1] if images else "")
    return {"title": title, "question": _one_line(question.group(1) if question else ""),
            "answer": _first_sentence(answer.group(1) if answer else ""), "chart": key}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _first_sentence(text: str) -> str:
    text = _one_line(text)
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def thumbnail(png_base64: str, width: int = 360) -> str:
    """A smaller copy of a chart, so the index page stays light."""
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(png_base64)))
    image.thumbnail((width, width * 2))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode()


INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Strategic partnerships and alliances: the analyses</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
article {{ display: flex; gap: 1.5rem; border-top: 1px solid #ddd; padding: 1.2rem 0; }}
article img {{ width: 360px; flex: none; border: 1px solid #eee; }}
h2 {{ margin: 0 0 .5rem; font-size: 1.2rem; }} p {{ margin: .3rem 0; }} .label {{ color: #666; }}
</style></head><body>
<h1>Are strategic partnerships the new alliances?</h1>
<p>Analyses of the security agreements dataset (data version {version}). Each notebook asks one question and answers it.</p>
{articles}
</body></html>
"""
ARTICLE = """<article>
<a href="{href}"><img src="data:image/png;base64,{chart}" alt="Key chart of {title}"></a>
<div><h2><a href="{href}">{title}</a></h2>
<p><span class="label">Question:</span> {question}</p>
<p><span class="label">Answer:</span> {answer}</p></div>
</article>"""


def write_index(reports: Path, summaries: list[tuple[str, dict[str, str]]]) -> Path:
    """reports/index.html: each notebook with its question, answer and a thumbnail of its key chart."""
    from . import schema

    articles = "\n".join(ARTICLE.format(href=html.escape(href), chart=thumbnail(s["chart"]) if s["chart"] else "",
                                        **{k: html.escape(s[k]) for k in ("title", "question", "answer")})
                         for href, s in summaries)
    path = reports / "index.html"
    path.write_text(INDEX.format(version=schema.version(), articles=articles), encoding="utf-8")
    return path


def run_notebooks(paths: list[Path] | None = None, reports: Path = REPORTS) -> int:
    """Execute each notebook in place, write its HTML and the index to `reports`, printing one
    line per notebook; stop at the first failure with its notebook and cell, returning 1."""
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
        (reports / f"{path.stem}.html").write_text(to_html(notebook), encoding="utf-8")
        print(f"{time.perf_counter() - began:.1f} s")
    every = sorted(NOTEBOOKS.glob("*.ipynb"))
    write_index(reports, [(f"{p.stem}.html", summary(nbformat.read(p, as_version=4))) for p in every])
    print(f"{len(paths)} notebooks in {time.perf_counter() - started:.1f} s; report: {reports / 'index.html'}")
    return 0


def _cell_of(error: CellExecutionError, path: Path) -> str:
    """Which code cell failed: matched by the source nbclient quotes in its error."""
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code, 1):
        if cell.source.strip() and cell.source.strip() in str(error):
            return str(number)
    return "?"
