"""The house style: one theme, one colour per relationship everywhere, and one finishing step.

Style sheets cannot add a title that states the finding, a subtitle with units and period, or a
source note, so `finish` does (after the BBC's bbplot). Colours are Okabe-Ito, which stay apart
for the common forms of colour blindness; UK–Japan carries the accent, the relationships the
source article compares it with get their own colours, and every other relationship is grey.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from . import schema

STYLE = Path(__file__).with_name("house.mplstyle")
CONTEXT = "#9a9a9a"
COLOURS = {
    "UK–Japan": "#D55E00",        # vermillion: the accent
    "NATO": "#0072B2",            # blue
    "US–Japan": "#009E73",        # bluish green
    "US–Israel": "#CC79A7",       # reddish purple
    "Australia–Japan": "#E69F00",  # orange
    "India–Japan": "#56B4E9",     # sky blue
}
SOURCE = ("Source: security agreements dataset v{version}, coded from primary texts "
          "(data/agreements.csv); ATOP-aligned coding")


def use() -> None:
    """Apply the house theme to every chart drawn after this call."""
    plt.style.use(STYLE)


def colour(relationship: str) -> str:
    """The relationship's colour, the same in every chart; grey for context."""
    return COLOURS.get(relationship, CONTEXT)


def finish(fig: Figure, title: str, subtitle: str, source: str | None = None) -> Figure:
    """Add the title (the finding), the subtitle (units and period) and the source note, and lay
    the figure out around them."""
    inch = 1 / fig.get_figheight()  # positions in inches, so tall and short charts look alike
    fig.text(0.01, 1 - 0.12 * inch, title, fontsize=13, fontweight="bold", va="top", ha="left", color="#222222")
    fig.text(0.01, 1 - 0.42 * inch, subtitle, fontsize=10, va="top", ha="left", color="#555555")
    fig.text(0.01, 0.08 * inch, source or SOURCE.format(version=schema.version()),
             fontsize=8, va="bottom", ha="left", color="#777777")
    fig.tight_layout(rect=(0, 0.3 * inch, 1, 1 - 0.7 * inch))
    return fig
