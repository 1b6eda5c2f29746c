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
    status = _print_problems(check(args.paths or None))
    if not status:
        print("All data is valid.")
    return status


def _print_problems(problems) -> int:
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "")):
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
    return 1 if problems else 0


def cmd_add(args: argparse.Namespace) -> int:
    """Add rows from a file or interactively; nothing is written if any problem is found."""
    from .add import add_from_file, add_interactively

    target = args.to or schema.data_path(args.table)
    try:
        if args.from_file:
            problems = add_from_file(args.table, args.from_file, target)
        else:
            problems = add_interactively(args.table, target)
    except (KeyboardInterrupt, EOFError):
        print("\nStopped; nothing was written.", file=sys.stderr)
        return 1
    if problems:
        print("Nothing was written. Fix these and run the command again:", file=sys.stderr)
        return _print_problems(problems)
    print(f"Added to {target}.")
    return 0


def cmd_format(args: argparse.Namespace) -> int:
    """Check (or rewrite) the CSVs in canonical form; an invalid file is never rewritten."""
    from .atomic import write_atomically
    from .canonical import canonical_text, first_difference, rows_of

    status = 0
    for name in schema.RESOURCES:
        path = schema.data_path(name, args.data)
        line = first_difference(path, name)
        if line is None:
            continue
        if args.check:
            print(f"{path}:{line}: not in canonical form (run `python -m analysis format`)")
            status = 1
        elif _print_problems(check([path])):
            status = 1
        else:
            write_atomically(path, canonical_text(name, rows_of(path)))
            print(f"formatted {path}")
    return status


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
    a = sub.add_parser("add", help="add agreements or meetings, validated, without touching existing rows")
    a.add_argument("table", nargs="?", default="agreements", choices=["agreements", "meetings"])
    a.add_argument("--from-file", type=Path, help="a CSV with the same header holding the new rows")
    a.add_argument("--to", type=Path, help="the table to add to (default: the package's data)")
    a.set_defaults(func=cmd_add)
    fmt = sub.add_parser("format", help="rewrite the CSVs in canonical form, or --check them")
    fmt.add_argument("--check", action="store_true", help="only report files not in canonical form")
    fmt.add_argument("--data", type=Path, default=schema.DATA_DIR, help="the data folder")
    fmt.set_defaults(func=cmd_format)
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
