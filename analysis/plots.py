"""Charts in the house style. Each returns its Figure so notebooks can show it and tests can inspect it."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import schema, style

#: One marker per legal form, from most binding (filled square) to least (open circle).
MARKERS = {
    "treaty": "s", "executive agreement": "D", "memorandum of understanding": "^",
    "political declaration": "o", "domestic statute": "v", "designation": "*",
}


def timeline(agreements: pd.DataFrame, *, title: str, today: pd.Timestamp | None = None) -> Figure:
    """Every agreement as a line from entry into effect to its end (or today), on its own row,
    grouped by relationship in order of first signature, with a marker for its legal form."""
    style.use()
    today = today or pd.Timestamp.now().normalize()
    order = agreements.groupby("relationship", observed=True)["signed"].min().sort_values().index
    fig, ax = plt.subplots(figsize=(8, 0.17 * len(agreements) + 0.12 * len(order) + 2.0))
    y, ticks = 0.0, []
    for relationship in order:
        group = agreements[agreements["relationship"] == relationship].sort_values("signed")
        colour = style.colour(relationship)
        ticks.append(y + (len(group) - 1) / 2)
        for agreement in group.itertuples():
            start = agreement.in_force if pd.notna(agreement.in_force) else agreement.signed
            end = agreement.ended if pd.notna(agreement.ended) else today
            ax.plot([start, end], [y, y], color=colour, linewidth=1.6, solid_capstyle="butt")
            open_marker = agreement.legal_form == "political declaration"
            ax.plot([agreement.signed], [y], marker=MARKERS[agreement.legal_form], color=colour,
                    markersize=5, markerfacecolor="white" if open_marker else colour)
            y += 1
        y += 0.7
    ax.set_yticks(ticks, order)
    for label in ax.get_yticklabels():
        label.set_color(style.colour(label.get_text()) if label.get_text() in style.COLOURS else "#444444")
    ax.set_ylim(y - 0.4, -0.9)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(pd.Timestamp("1900-01-01"), today + pd.Timedelta(days=365 * 3))
    ax.legend(handles=_legal_form_handles(agreements), loc="lower left", ncols=2, fontsize=8,
              title="Marker at signature: legal form", title_fontsize=8, alignment="left")
    first, last = agreements["signed"].min().year, today.year
    return style.finish(fig, title, f"Agreements in effect, from entry into force to end; {first}-{last}")


def _legal_form_handles(agreements: pd.DataFrame) -> list[Line2D]:
    present = [f for f in schema.enum("agreements", "legal_form")[::-1] if (agreements["legal_form"] == f).any()]
    return [Line2D([], [], linestyle="", marker=MARKERS[f], color="#555555", markersize=5,
                   markerfacecolor="white" if f == "political declaration" else "#555555", label=f)
            for f in present]


def over_time(series: pd.DataFrame, measure: str, relationships: list[str], *, title: str,
              subtitle: str, ylabel: str) -> Figure:
    """Small multiples, one panel per relationship, of a yearly measure (from
    `profiles_over_time`), so lines never hide each other; each panel is labelled in the
    relationship's colour, and years without an agreement in force are left empty."""
    style.use()
    fig, axes = plt.subplots(len(relationships), 1, sharex=True, sharey=True,
                             figsize=(8, 0.75 * len(relationships) + 1.6), squeeze=False)
    years = range(int(series["year"].min()), int(series["year"].max()) + 1)
    top = float(series[measure].max()) or 1.0
    for ax, relationship in zip(axes[:, 0], relationships):
        values = series[series["relationship"] == relationship].set_index("year")[measure].reindex(years)
        colour = style.colour(relationship)
        ax.fill_between(list(years), values.astype(float), step="post", color=colour, alpha=0.25, linewidth=0)
        ax.step(list(years), values.astype(float), where="post", color=colour, linewidth=1.6)
        ax.text(0.0, 0.95, relationship, transform=ax.transAxes, color=colour, fontsize=9,
                fontweight="bold", va="top")
        ax.set_ylim(0, top * 1.6)
        ax.set_yticks([0, top])
        ax.grid(axis="y", visible=False)
    axes[-1, 0].set_xlim(years[0], years[-1] + 1)
    fig.supylabel(ylabel, fontsize=9, color="#555555")
    return style.finish(fig, title, subtitle)


def ranked_bars(frame: pd.DataFrame, value: str, *, title: str, subtitle: str, xlabel: str) -> Figure:
    """Horizontal bars, one per relationship, longest on top, coloured by relationship and
    labelled with their value at the bar's end."""
    style.use()
    ordered = frame.sort_values(value, ascending=True)
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(ordered) + 1.6))
    colours = [style.colour(r) for r in ordered["relationship"]]
    bars = ax.barh(ordered["relationship"], ordered[value], color=colours, height=0.65)
    ax.bar_label(bars, fmt="%g", padding=3, fontsize=8, color="#444444")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    return style.finish(fig, title, subtitle)


def heatmap(matrix: pd.DataFrame, *, title: str, subtitle: str, fmt: str = "g",
            cmap: str = "Greys", labels: pd.DataFrame | None = None) -> Figure:
    """A labelled grid (rows x columns) with each cell's value (or its entry in `labels`)
    written in it; relationship labels on either axis keep their colour."""
    import seaborn as sns

    style.use()
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(matrix) + 2.4))
    annot = True if labels is None else labels.to_numpy()
    sns.heatmap(matrix.astype(float), ax=ax, cmap=cmap, annot=annot, fmt=fmt if labels is None else "", cbar=False,
                linewidths=0.5, linecolor="white", annot_kws={"fontsize": 8})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    ax.tick_params(axis="both", length=0)
    ax.tick_params(axis="x", labelrotation=90, labelsize=8)
    for label in ax.get_yticklabels() + ax.get_xticklabels():
        if label.get_text() in style.COLOURS:
            label.set_color(style.colour(label.get_text()))
    return style.finish(fig, title, subtitle)


def profile_map(profiles: pd.DataFrame, *, title: str, subtitle: str,
                x: str = "commitment_strength", y: str = "dialogue_levels", size: str = "scope_breadth") -> Figure:
    """Each relationship as a point: commitment across, institutionalised dialogue up, marker
    area for scope; points that share a spot are fanned out on a small circle, and every point
    is labelled directly, away from the circle's centre."""
    style.use()
    fig, ax = plt.subplots(figsize=(8, 5.4))
    for (cx, cy), group in profiles.groupby([x, y]):
        for k, (_, row) in enumerate(group.iterrows()):
            angle = 2 * np.pi * k / len(group) + np.pi / 4
            radius = 0.22 if len(group) > 1 else 0.0
            px, py = cx + radius * np.cos(angle), cy + radius * np.sin(angle)
            colour = style.colour(row["relationship"].split(" (")[0])
            ax.scatter(px, py, s=40 + 18 * row[size], color=colour, alpha=0.8, edgecolor="white", zorder=3)
            ha = "left" if np.cos(angle) >= 0 else "right"
            ax.annotate(row["relationship"], (px, py), xytext=(7 * np.sign(np.cos(angle)) or 7, 7 * np.sin(angle)),
                        textcoords="offset points", ha=ha, va="center", fontsize=8,
                        color=colour if colour != style.CONTEXT else "#555555")
    ax.set_xlim(-0.9, 6.0)
    ax.set_ylim(-0.7, 5.6)
    ax.set_xlabel("Commitment strength (0 none - 5 unconditional automatic defence)")
    ax.set_ylabel("Levels with scheduled dialogue (0-5)")
    return style.finish(fig, title, subtitle)


def promised_vs_held(record: pd.DataFrame, relationship: str, *, title: str, subtitle: str) -> Figure:
    """Meetings held each year (bars) against meetings a year the texts promise (step line)."""
    style.use()
    fig, ax = plt.subplots(figsize=(8, 4))
    colour = style.colour(relationship)
    ax.bar(record.index, record["held"], color=colour, alpha=0.8, width=0.7)
    ax.step(record.index, record["promised"], where="mid", color="#333333", linewidth=1.6)
    ax.text(record.index[-1] + 0.6, record["promised"].iloc[-1], "promised", va="center", fontsize=9, color="#333333")
    ax.text(record.index[0] - 0.3, max(record["held"].max(), 0.2) + 0.1, "held", fontsize=9, color=colour, ha="left")
    ax.set_xlim(record.index[0] - 0.6, record.index[-1] + 2.5)
    ax.set_ylabel("Meetings a year")
    return style.finish(fig, title, subtitle)
