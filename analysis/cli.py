"""The command line, for contributors who are not programmers: plain messages, never a traceback."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import schema
from .codebook import render
from .validate import check

CODEBOOK = schema.DATA_DIR.parent / "CODEBOOK.md"


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem, one per line; exit 1 if there is any."""
    problems = check(args.paths or None)
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "")):
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    print("All data is valid.")
    return 0


def cmd_codebook(args: argparse.Namespace) -> int:
    """Write CODEBOOK.md, check it is current, or print it."""
    text = render()
    if args.write:
        CODEBOOK.write_text(text, encoding="utf-8")
        print(f"wrote {CODEBOOK}")
    elif args.check:
        current = CODEBOOK.exists() and CODEBOOK.read_text(encoding="utf-8") == text
        if not current:
            print("CODEBOOK.md is out of date: run `make codebook`.", file=sys.stderr)
            return 1
    else:
        print(text)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Execute every notebook in place and render it to HTML."""
    from .report import run_notebooks

    return run_notebooks(args.notebooks or None)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data files and list every problem")
    v.add_argument("paths", nargs="*", type=Path, help="CSV files or folders (default: the package's data)")
    v.set_defaults(func=cmd_validate)
    c = sub.add_parser("codebook", help="print, write or check CODEBOOK.md")
    group = c.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="write CODEBOOK.md")
    group.add_argument("--check", action="store_true", help="exit 1 if CODEBOOK.md is stale")
    c.set_defaults(func=cmd_codebook)
    r = sub.add_parser("run", help="execute every notebook and render it to reports/")
    r.add_argument("notebooks", nargs="*", type=Path)
    r.set_defaults(func=cmd_run)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
