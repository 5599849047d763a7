"""One look for every chart: colour roles, fonts, title and source line inside the figure.

Colours follow the Okabe–Ito palette (safe for the common colour-vision deficiencies) and
keep one meaning everywhere: the chosen municipality is always blue, its KOSTRA group
orange, Landet dark grey, the county green, the TBU norm vermillion and dashed. Colour never
carries a meaning alone: each role also has its own marker shape (the chosen municipality
large circles on a wider line), and every colour a line or marker is drawn in stands out at
least 3:1 against the white background (WCAG 2.1 1.4.11); texts drawn in a role colour take
its darker `ink` (4.5:1, 1.4.3).
"""

from __future__ import annotations

import textwrap
from contextvars import ContextVar

import plotly.graph_objects as go

from kommuneokonomi.formatting import plotly_separators
from kommuneokonomi.i18n import N_, current, t

KOMMUNE = "#0072B2"
KOSTRAGRUPPE = "#C27C00"  # Okabe–Ito orange darkened to 3.4:1
LANDET = "#3A3A3A"
FYLKE = "#009E73"
NORM = "#D55E00"
OTHER = "#C4C4C4"
ESTIMATE = "#7F7F7F"

OTHER_LINE = "#8F8F8F"  # many other municipalities' thin lines (3.2:1)

# Extra series (comparison sets), in order; never reuses the role colours above. Each at
# least 3:1 against white, and each with its own marker shape (SERIES_SYMBOLS).
SERIES = [
    "#2A8BC0",
    "#CC79A7",
    "#8A7A00",
    "#8C564B",
    "#0E8C99",
    "#9467BD",
    "#7F7F7F",
    "#6B8E23",
    "#1F77B4",
    "#5A6FA8",
]
SERIES_SYMBOLS = [
    "square",
    "diamond",
    "triangle-up",
    "triangle-down",
    "cross",
    "x",
    "star",
    "hexagon",
    "pentagon",
    "hourglass",
]
ROLE_SYMBOLS = {
    KOMMUNE: "circle",
    KOSTRAGRUPPE: "square",
    LANDET: "diamond",
    FYLKE: "triangle-up",
    ESTIMATE: "triangle-down",
    **dict(zip(SERIES, SERIES_SYMBOLS, strict=True)),
}


def symbol(color: str) -> str:
    """The marker shape that goes with a colour role, so lines differ by more than colour."""
    return ROLE_SYMBOLS.get(color, "square")


def _luminance(hex_color: str) -> float:
    channels = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(hex_color: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(hex_color), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink(hex_color: str) -> str:
    """The colour darkened just enough for text on white (4.5:1): labels of reference lines
    drawn in a role colour (the TBU norm's vermillion is 3.9:1 as it is)."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    factor = 1.0
    while contrast(f"#{int(r * factor):02X}{int(g * factor):02X}{int(b * factor):02X}") < 4.5:
        factor -= 0.02
    return f"#{int(r * factor):02X}{int(g * factor):02X}{int(b * factor):02X}"


# Diverging scale centred on the TBU norm: below norm vermillion, above norm blue.
DIVERGING = [
    [0.0, "#B2182B"],
    [0.25, "#EF8A62"],
    [0.5, "#F7F7F7"],
    [0.75, "#67A9CF"],
    [1.0, "#2166AC"],
]


def tint(hex_color: str, alpha: float) -> str:
    """A role colour made translucent ('#0072B2', 0.15 → 'rgba(0,114,178,0.15)'), for bands
    and highlighted table rows."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Plotly cannot wrap text, so titles and source lines are broken into lines up front:
# narrow on phones (390 px), wide elsewhere. The UI sets this per script run. Titles take
# 56 characters a line: at 62 an English title in a half-width column at 1280 px was cut off.
SOURCE_NOTE = "source"  # the annotation holding the source line (charts.margins moves it)
COMPACT: ContextVar[bool] = ContextVar("compact", default=False)
WIDTHS = {False: (56, 110, 55), True: (36, 44, 30)}  # title, source, legend chars per line


def wrap(text: str, width: int) -> str:
    """Plotly does not wrap text: break it into lines joined by <br>."""
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def _legend_entries(fig: go.Figure) -> list[str]:
    return [tr.name or "" for tr in fig.data if tr.showlegend is not False and tr.name]


def legend_rows(entries: list[str], width: int) -> int:
    """Rows a horizontal legend takes: plotly starts a new row when the next entry does not
    fit, so entries are packed greedily (a sum of lengths undercounts: at 390 px three
    entries of 7, 16 and 6 characters take three rows, not two)."""
    rows, used = 0, width
    for entry in entries:
        size = len(entry) + 6  # the symbol and the gap after it
        if used + size > width:
            rows, used = rows + 1, 0
        used += size
    return rows


def _merge(base: dict, extra: dict) -> None:
    """Merge `extra` into the layout dict `base` as plotly's update would: nested dicts are
    merged, other values (and an empty dict, which resets a property) replace.
    """
    for key, value in extra.items():
        if isinstance(value, dict) and value and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def style(
    fig: go.Figure,
    *,
    title: str,
    source: str,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 400,
    legend: bool = True,
    narrow: bool | None = None,
) -> go.Figure:
    """Apply the house layout: finding-stating title, axis titles with units, source line.

    Title on top; legend and source line below the x axis, so nothing overlaps at 390 px.
    The layout is merged as a plain dict and set once: plotly's update_layout/update_xaxes
    parse and validate every property path again, which cost ~25 ms a figure per rerun.
    `narrow` wraps the texts as on a phone (default: as the reader's layout), for a figure
    in half the page.
    """
    title_width, source_width, legend_width = WIDTHS[COMPACT.get() if narrow is None else narrow]
    title_lines = wrap(title, title_width)
    source_lines = wrap(source, source_width)
    entries = _legend_entries(fig) if legend else []
    title_px = 16 + 21 * (title_lines.count("<br>") + 1)  # plotly anchors by the first line
    source_px = 16 + 14 * source_lines.count("<br>")
    legend_px = 22 * legend_rows(entries, legend_width)
    axis_px = 62 if x_title else 34
    bottom = axis_px + legend_px + source_px + 8
    total = height + title_px + 12 + bottom
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # the figure keeps its template when the layout is set
    _merge(
        layout,
        {
            "title": {
                "text": title_lines,
                "x": 0.01,
                "xanchor": "left",
                "xref": "container",
                "y": 1 - 16 / total,
                "yanchor": "top",
                "yref": "container",
                "font": {"size": 16},
            },
            "font": {"family": FONT, "size": 13, "color": "#1b1f24"},
            "separators": plotly_separators(),
            "height": total,
            "margin": {"l": 10, "r": 16, "t": title_px + 12, "b": bottom},
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "hoverlabel": {"font": {"family": FONT}},
            "showlegend": bool(entries),
            "legend": {
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "yref": "container",
                "y": (source_px + 6) / total,
                "yanchor": "bottom",
                "title": {},
                "font": {"size": 12},
            },
        },
    )
    x_axis = {
        "title": {"text": x_title} if x_title is not None else {},
        "showgrid": False,
        "linecolor": "#888",
        "ticks": "outside",
        "automargin": True,
    }
    y_axis = {
        "title": {"text": y_title} if y_title is not None else {},
        "gridcolor": "#e6e6e6",
        "zerolinecolor": "#999",
        "automargin": True,
    }
    for name in ["xaxis", "yaxis", *layout]:  # every axis, as update_xaxes/yaxes would
        if name.startswith(("xaxis", "yaxis")):
            _merge(layout.setdefault(name, {}), x_axis if name[0] == "x" else y_axis)
    source_note = {
        "name": SOURCE_NOTE,
        "text": source_lines,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -bottom + 4,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "align": "left",
        "font": {"size": 10.5, "color": "#555"},
    }
    layout["annotations"] = [*layout.get("annotations", ()), source_note]
    fig.layout = layout
    return fig


# plotly.js's own English texts that a reader meets (the mode bar's button names, which its
# toolbar also reads out to screen readers, and the note while a PNG is made), by key.
PLOTLY_TEXTS = {
    "Download plot as a PNG": N_("a11y.plotly_png"),
    "Zoom": N_("a11y.plotly_zoom"),
    "Pan": N_("a11y.plotly_pan"),
    "Zoom in": N_("a11y.plotly_zoom_in"),
    "Zoom out": N_("a11y.plotly_zoom_out"),
    "Reset axes": N_("a11y.plotly_reset_axes"),
    "Reset": N_("a11y.plotly_reset"),
    "Reset view": N_("a11y.plotly_reset_view"),
    "Show closest data on hover": N_("a11y.plotly_closest"),
    "Compare data on hover": N_("a11y.plotly_compare"),
    "Toggle show closest data on hover": N_("a11y.plotly_toggle_closest"),
    "Preparing image - this may take a few seconds": N_("a11y.plotly_preparing"),
}


def plotly_config(filename: str) -> dict:
    """Streamlit/plotly config: a clean mode bar whose camera saves a 2× PNG named `filename`,
    its texts in the current language (plotly.js's own locale mechanism)."""
    lang = current()
    return {
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "locale": lang,
        "locales": {lang: {"dictionary": {text: t(key) for text, key in PLOTLY_TEXTS.items()}}},
    }
