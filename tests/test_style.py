"""The house style: finishing adds title, subtitle and source; colours are fixed per relationship."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import analysis  # noqa: E402
from analysis import plots, style  # noqa: E402
from conftest import FIXTURES  # noqa: E402


def texts(fig):
    return [t.get_text() for t in fig.texts]


def test_finish_adds_title_subtitle_and_source():
    fig, _ = plt.subplots()
    style.finish(fig, "Finding in ten words", "Units, 1902-2025")
    assert texts(fig)[:2] == ["Finding in ten words", "Units, 1902-2025"]
    assert texts(fig)[2].startswith("Source: ")
    plt.close(fig)


def test_colours_are_fixed_and_colour_blind_safe_for_named_relationships():
    assert style.colour("UK–Japan") == "#D55E00"
    assert style.colour("Some other relationship") == style.CONTEXT
    assert len(set(style.COLOURS.values())) == len(style.COLOURS)


def test_timeline_draws_every_agreement_in_its_relationship_colour():
    agreements = analysis.load_agreements(FIXTURES / "valid" / "agreements.csv")
    fig = plots.timeline(agreements, title="A finding")
    ax = fig.axes[0]
    spans = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    assert len(spans) == len(agreements)
    assert sum(line.get_color() == style.colour("UK–Japan") for line in spans) == 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["UK–Japan", "Brussels Treaty", "NATO", "US–Israel"]
    assert texts(fig)[0] == "A finding"
    plt.close(fig)
