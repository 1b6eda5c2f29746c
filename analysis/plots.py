"""Charts in the house style. Each returns its Figure so notebooks can show it and tests can inspect it."""
from __future__ import annotations

import pandas as pd
import matplotlib.pyplot as plt
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
