"""environment.yml (for conda users) and pyproject.toml list the same dependencies."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalise(requirement: str) -> str:
    return re.sub(r"\s+", "", requirement).lower()


def conda_dependencies() -> tuple[list[str], list[str]]:
    """The top-level conda dependencies and the pip ones, read from environment.yml."""
    lines = (ROOT / "environment.yml").read_text().splitlines()
    body = lines[lines.index("dependencies:") + 1:]
    top = [line[4:] for line in body if line.startswith("  - ")]
    pip = [line.strip()[2:] for line in body if line.startswith("      - ")]
    return top, pip


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    top, pip = conda_dependencies()
    listed = [d for d in top if d not in ("pip", "pip:") and not d.startswith("python")]
    assert sorted(map(normalise, listed)) == sorted(map(normalise, wanted))
    assert pip == ["-e ."]
    python = next(d for d in top if d.startswith("python"))
    assert normalise(python) == "python" + project["requires-python"]
