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


def test_over_time_draws_one_labelled_panel_per_relationship():
    from analysis.profiles import profiles_over_time

    agreements = analysis.load_agreements(FIXTURES / "valid" / "agreements.csv")
    series = profiles_over_time(range(1900, 2020), agreements)
    fig = plots.over_time(series, "commitment_strength", ["UK–Japan", "NATO"], title="T", subtitle="S", ylabel="Y")
    assert [ax.texts[0].get_text() for ax in fig.axes] == ["UK–Japan", "NATO"]
    assert fig.axes[0].texts[0].get_color() == style.colour("UK–Japan")
    plt.close(fig)


def test_ranked_bars_and_profile_map_label_every_relationship():
    agreements = analysis.load_agreements(FIXTURES / "valid" / "agreements.csv")
    profiles = analysis.relationship_profiles(2018, agreements)
    bars = plots.ranked_bars(profiles, "commitment_strength", title="T", subtitle="S", xlabel="X")
    patches = bars.axes[0].patches
    assert [p.get_width() for p in patches] == [0, 4]  # ascending: UK–Japan 0, NATO 4
    assert patches[1].get_facecolor()[:3] == matplotlib.colors.to_rgb(style.colour("NATO"))
    points = plots.profile_map(profiles, title="T", subtitle="S")
    assert sorted(t.get_text() for t in points.axes[0].texts) == ["NATO", "UK–Japan"]
    plt.close("all")


def test_heatmap_prints_given_labels():
    import pandas as pd

    values = pd.DataFrame({"a": [1.0, 0.0]}, index=["UK–Japan", "NATO"])
    labels = pd.DataFrame({"a": ["1", "reg."]}, index=values.index)
    fig = plots.heatmap(values, labels=labels, title="T", subtitle="S")
    assert [t.get_text() for t in fig.axes[0].texts] == ["1", "reg."]
    plt.close(fig)


def test_promised_vs_held_draws_a_bar_per_year():
    import pandas as pd

    record = pd.DataFrame({"promised": [0, 3, 3], "held": [1, 0, 2]}, index=[2016, 2017, 2018])
    fig = plots.promised_vs_held(record, "UK–Japan", title="T", subtitle="S")
    assert [p.get_height() for p in fig.axes[0].patches] == [1, 0, 2]
    plt.close(fig)
