"""Write a file all at once or not at all, so an interrupted write never leaves half a CSV."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, text: str, verify: Callable[[Path], list] | None = None) -> list:
    """Write `text` to a temporary file beside `path` and flush it to disk; if `verify` finds no
    problem in that file, rename it over `path` in one step. On a problem or any failure the
    temporary file is removed and `path` is untouched. Returns the problems found (empty on success)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".csv.tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        problems = verify(temporary) if verify else []
        if not problems:
            os.replace(temporary, path)
        return problems
    finally:
        temporary.unlink(missing_ok=True)
