"""Command line: `python -m analysis validate|codebook|run`."""
from .cli import main

raise SystemExit(main())
