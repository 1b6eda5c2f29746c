"""The validator on files that are not well-formed tables, and on harmless variations it must accept."""
from __future__ import annotations

from analysis.validate import check


def rewrite(path, transform):
    path.write_bytes(transform(path.read_bytes()))


def only(problems):
    assert len(problems) == 1, problems
    return problems[0]


def test_empty_file(data_dir):
    (data_dir / "agreements.csv").write_text("")
    assert "the file is empty" in only(check([data_dir / "agreements.csv"])).expected


def test_not_utf8_names_the_line(data_dir):
    rewrite(data_dir / "agreements.csv", lambda b: b.replace("Anglo".encode(), "Angl\xe9".encode("latin-1"), 1))
    problem = only(check([data_dir / "agreements.csv"]))
    assert problem.line == 2 and "UTF-8" in problem.expected


def test_semicolon_delimited(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b",", b";"))
    problem = only(check([data_dir / "meetings.csv"]))
    assert problem.line == 1 and "semicolons" in problem.expected


def test_badly_quoted_cell(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b",London,", b',"London"x,', 1))
    problem = only(check([data_dir / "meetings.csv"]))
    assert problem.line == 2 and "quote" in problem.expected


def test_unclosed_quote_spans_lines(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b",London,", b',"London,', 1))
    problems = check([data_dir / "meetings.csv"])
    assert problems and problems[0].line == 2


def test_row_with_too_many_cells(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b",London,", b",London,extra,", 1))
    problem = only(check([data_dir / "meetings.csv"]))
    assert problem.line == 2 and "found 11" in problem.expected


def test_missing_and_unexpected_columns(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b",place,", b",city,", 1))
    problems = check([data_dir / "meetings.csv"])
    assert {(p.line, p.column) for p in problems} == {(1, "city"), (1, "place")}


def test_blank_line_in_the_middle(data_dir):
    rewrite(data_dir / "meetings.csv", lambda b: b.replace(b"\nfx-gbr-jpn-2plus2-2017", b"\n\nfx-gbr-jpn-2plus2-2017", 1))
    problem = only(check([data_dir / "meetings.csv"]))
    assert problem.line == 3 and "blank" in problem.expected


def test_bom_and_windows_line_endings_are_accepted(data_dir):
    rewrite(data_dir / "agreements.csv", lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"))
    assert check([data_dir]) == []


def test_missing_file(tmp_path):
    problem = only(check([tmp_path / "nowhere.csv"]))
    assert "no file" not in problem.expected or True
    assert "existing file" in problem.expected
