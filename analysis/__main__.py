"""Command line: `python -m analysis validate|add|format|codebook|run`."""
from .cli import main

raise SystemExit(main())
