"""The checks: each cell against its Table Schema field, then the rules that span columns or files.

Cell checks are derived from datapackage.json. Rules that a Table Schema cannot express are
small functions whose docstrings are the rule as the codebook prints it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pandas as pd

from . import schema
from .problems import Problem, one_of, suggestion
from .table import Table

#: What a contributor should type, by the `kind` a field declares in the schema.
EXPECT = {
    "date": "a date as YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown",
    "codes": "ISO 3166-1 alpha-3 country codes in capitals separated by ';' without spaces",
    "id": "lower-case letters, digits and single hyphens",
    "frequency": "0 (none scheduled), meetings a year as a number (1 annual, 4 quarterly, "
                 "0.5 every two years) or 'regular' (frequency not stated)",
    "url": "a web address starting with https:// or http://",
    "domains": "cooperation domains, each followed by its article or paragraph in brackets, "
               "separated by '; '",
}
FORMULA = re.compile(r"[=+\-@]")
SCOPE_ITEM = re.compile(r"(?P<domain>[^;()]+?) \((?P<pinpoint>[^;()]+)\)")

Keys = dict[str, set[str]]


def expected(f: dict) -> str:
    """The plain-words expectation for a field, with the schema's example."""
    text = EXPECT.get(f.get("kind"), f"text matching the pattern {schema.constraints(f).get('pattern')}")
    return f"{text} (e.g. {f['example']})" if "example" in f else text


Expect = Callable[[str], str] | dict | str


def report(table: Table, column: str, mask: pd.Series, expect: Expect) -> Iterator[Problem]:
    """Yield a problem for each row in `mask`, and mark those cells as not valid for later checks.
    `expect` is the expectation, a function of the bad value, or a dict of them by row."""
    if not isinstance(mask, pd.Series):
        mask = pd.Series(mask, index=table.frame.index)
    if not mask.any():
        return
    mask = mask.reindex(table.frame.index, fill_value=False) & table.ok[column]
    for index in mask[mask].index:
        value = table.frame.at[index, column]
        text = expect[index] if isinstance(expect, dict) else expect(value) if callable(expect) else expect
        yield Problem(table.label, int(table.lines[index]), column, value, text)
    table.ok.loc[mask, column] = False


def check_cells(table: Table, keys: Keys) -> Iterator[Problem]:
    """Every cell of every known column against its field in the schema."""
    for f in schema.fields(table.name):
        if f["name"] in table.frame:
            yield from check_field(table, f, keys)


def check_field(table: Table, f: dict, keys: Keys) -> Iterator[Problem]:
    """One column against its schema field: required, spacing, formulas, type, enum or pattern,
    length, uniqueness, then the checks of its kind."""
    name, cons = f["name"], schema.constraints(f)
    s = table.frame[name]
    filled = s != ""
    if cons.get("required"):
        yield from report(table, name, ~filled, "a value; this column may not be empty")
    yield from report(table, name, filled & (s != s.str.strip()), "no spaces at the start or end of the cell")
    if f["type"] == "string" and not {"pattern", "enum"} & set(cons):
        yield from report(table, name, filled & s.str.match(FORMULA),
                          lambda v: f"text that does not start with '{v[0]}', which a spreadsheet would "
                                    "run as a formula (reword the start of the cell)")
    yield from _check_type(table, f, filled)
    if "enum" in cons:
        yield from report(table, name, filled & ~s.isin(cons["enum"]),
                          lambda v: one_of(cons["enum"]) + suggestion(v, cons["enum"]))
    elif "pattern" in cons and f.get("kind") != "domains":
        yield from report(table, name, filled & ~s.str.fullmatch(cons["pattern"]), expected(f))
    if "maxLength" in cons:
        yield from report(table, name, s.str.len() > cons["maxLength"],
                          f"at most {cons['maxLength']} characters")
    if cons.get("unique"):
        first = dict(zip(s[filled & ~s.duplicated()], table.lines[filled & ~s.duplicated()]))
        yield from report(table, name, filled & s.duplicated(),
                          lambda v: f"a value used once; '{v}' is already used on line {first[v]}")
    yield from KIND_CHECKS.get(f.get("kind"), _no_check)(table, name, keys)


def _check_type(table: Table, f: dict, filled: pd.Series) -> Iterator[Problem]:
    """Booleans are 1 or 0 (as ATOP codes them); integers are whole numbers within their range."""
    name, s, cons = f["name"], table.frame[f["name"]], schema.constraints(f)
    if f["type"] == "boolean":
        allowed = f.get("trueValues", ["true"]) + f.get("falseValues", ["false"])
        yield from report(table, name, filled & ~s.isin(allowed), "1 (yes) or 0 (no)")
    elif f["type"] == "integer":
        yield from report(table, name, filled & ~s.str.fullmatch(r"-?[0-9]+"), "a whole number, such as 740")
        number = pd.to_numeric(s.where(table.ok[name] & filled), errors="coerce")
        if "minimum" in cons:
            yield from report(table, name, number < cons["minimum"], f"a number of at least {cons['minimum']}")
        if "maximum" in cons:
            yield from report(table, name, number > cons["maximum"], f"a number of at most {cons['maximum']}")


def _no_check(table: Table, name: str, keys: Keys) -> Iterator[Problem]:
    return iter(())


def _check_dates(table: Table, name: str, keys: Keys) -> Iterator[Problem]:
    """A full date must exist in the calendar (no 30 February)."""
    s = table.frame[name]
    full = table.ok[name] & (s.str.len() == 10)
    real = pd.to_datetime(s.where(full), format="%Y-%m-%d", errors="coerce").notna()
    yield from report(table, name, full & ~real, "a date that exists in the calendar")


def _check_codes(table: Table, name: str, keys: Keys) -> Iterator[Problem]:
    """Every code is listed in countries.csv, once."""
    known = sorted(keys.get("countries", ()))
    s = table.frame[name]
    codes = _items(s[table.ok[name] & (s != "")], ";")
    errors: dict = {}
    if known:
        for index, unknown in codes[~codes.isin(known)].groupby(level=0):
            errors[index] = (f"codes listed in countries.csv; not listed: {', '.join(unknown)}"
                             + suggestion(unknown.iloc[0], known))
    for index, repeated in _repeated(codes).items():
        errors.setdefault(index, f"each code once; repeated: {', '.join(repeated)}")
    yield from report(table, name, s.index.isin(list(errors)), errors)


def _items(cells: pd.Series, separator: str) -> pd.Series:
    """The items of list cells, one per row of the result, indexed by the cell's row."""
    return cells.str.split(separator).explode().astype(object)


def _repeated(items: pd.Series) -> dict:
    """Rows whose list holds an item twice, with those items."""
    pairs = pd.DataFrame({"row": items.index, "item": items.to_numpy()})
    twice = pairs[pairs.duplicated()]
    return {row: sorted(set(group["item"])) for row, group in twice.groupby("row")}


def _check_domains(table: Table, name: str, keys: Keys) -> Iterator[Problem]:
    """Each item is a domain of the vocabulary followed by its pinpoint in brackets, each domain once.
    The schema's pattern screens every cell at once; only cells it rejects are parsed item by item."""
    vocabulary = schema.domains()
    s = table.frame[name]
    filled = s[table.ok[name] & (s != "")]
    pattern = schema.constraints(schema.field(table.name, name))["pattern"]
    matches = filled.str.fullmatch(pattern).astype(bool)
    errors = {index: _domain_error(cell.split("; "), vocabulary) for index, cell in filled[~matches].items()}
    domains = _items(filled[matches], "; ").str.replace(r" \([^()]*\)$", "", regex=True)
    for index, repeated in _repeated(domains).items():
        errors[index] = f"each domain once; '{repeated[0]}' is listed twice"
    errors = {index: error for index, error in errors.items() if error}
    yield from report(table, name, s.index.isin(list(errors)), errors)


def _domain_error(items: list[str], vocabulary: list[str]) -> str | None:
    """What is wrong with one scope cell's items, or None."""
    seen = set()
    for item in items:
        match = SCOPE_ITEM.fullmatch(item)
        if not match:
            return f"{EXPECT['domains']} (e.g. 'joint exercises (para. 6); cyber (para. 12)'); cannot read '{item}'"
        domain = match["domain"]
        if domain not in vocabulary:
            return f"domains from the vocabulary; '{domain}' is not one{suggestion(domain, vocabulary)}"
        if domain in seen:
            return f"each domain once; '{domain}' is listed twice"
        seen.add(domain)
    return None


KIND_CHECKS = {"date": _check_dates, "codes": _check_codes, "domains": _check_domains}


def check_foreign_keys(table: Table, keys: Keys) -> Iterator[Problem]:
    """Values that refer to another table (a relationship, an agreement) must exist there."""
    for fk in schema.resource(table.name)["schema"].get("foreignKeys", []):
        (name,), target = fk["fields"], fk["reference"]["resource"]
        if name not in table.frame or target not in keys:
            continue
        known = sorted(keys[target])
        s = table.frame[name]
        file = schema.resource(target)["path"]
        yield from report(table, name, (s != "") & ~s.isin(known),
                          lambda v: f"a value listed in {file}" + suggestion(v, known))
