"""Strategic partnerships and alliances: load, validate, measure and chart coded security agreements.

The public API, used by the notebooks and tests:

- `load_agreements`, `load_meetings`, `load_countries`, `load_relationships`: validated, typed tables.
- `validate(path)`: raise `DataError` listing every problem; `python -m analysis validate` prints them.
- `codebook()`: one row per field and measure, generated from `data/datapackage.json`.
- `relationship_profiles(year=None)`: each relationship's commitment, dialogue and scope.
"""
from .codebook import codebook
from .load import load_agreements, load_countries, load_meetings, load_relationships
from .problems import DataError, Problem
from .profiles import coverage, relationship_profiles
from .validate import check, validate

__all__ = [
    "DataError", "Problem", "check", "codebook", "coverage", "load_agreements", "load_countries",
    "load_meetings", "load_relationships", "relationship_profiles", "validate",
]
