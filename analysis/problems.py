"""What a validation problem is and how it reads, so every check reports in the same plain words."""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file: where it is, what was found and what was expected."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"found {self.value!r}")
        return ": ".join(parts) + f": expected {self.expected}"


class DataError(ValueError):
    """Raised with every problem found, never only the first, so a contributor can fix all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        super().__init__(f"{count} in the data:\n" + "\n".join(map(str, self.problems)))


def suggestion(value: str, choices: list[str]) -> str:
    """' (did you mean ...?)' for a near-miss, or '' when nothing is close."""
    folded = {c.casefold(): c for c in choices}
    key = value.strip().casefold()
    if key in folded:
        return f" (did you mean '{folded[key]}'?)"
    contained = [c for f, c in folded.items() if len(key) >= 3 and (f in key or key in f)]
    if contained:
        return f" (did you mean '{max(contained, key=len)}'?)"
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def one_of(choices: list[str], limit: int = 12) -> str:
    """'one of: a, b, c' with long lists cut, for messages."""
    shown = ", ".join(f"'{c}'" for c in choices[:limit])
    more = f" and {len(choices) - limit} more" if len(choices) > limit else ""
    return f"one of: {shown}{more}"
