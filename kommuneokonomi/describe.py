"""Text alternatives for charts: what a screen reader announces after a chart's title.

A chart is described from its own figure, one describer per chart family (lines, year bars,
position bars, map, beeswarm, pyramid, panels, heatmap), so no view has to write words for
it: the description names the kind of chart and what its data show beyond the title (first
and last values, lowest and highest, reference lines, the highlighted municipality). Every
number in it is a number the chart draws; the full figures are in the table under the chart
("Vis som tabell"). Where a description sums figures (the pyramid's age groups), it says so.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import orjson

from kommuneokonomi.charts.theme import SOURCE_NOTE
from kommuneokonomi.formatting import number, percent
from kommuneokonomi.i18n import N_, language, t, tn

if TYPE_CHECKING:
    from kommuneokonomi.exhibit import Exhibit

MAX_SERIES = 6  # lines described one by one; the rest are counted
AGE_GROUPS = ((0, 19), (20, 66), (67, 79), (80, None))  # as the app's age-group panels

Format = Callable[[float], str]


def describe(exhibit: Exhibit) -> str:
    """The description of the exhibit's chart in the exhibit's language ('' without one):
    its kind, then sentences about its data."""
    if exhibit.figure is None:
        return ""
    spec = orjson.loads(exhibit.figure_json)
    data, layout = spec.get("data") or [], spec.get("layout") or {}
    with language(exhibit.lang):
        kind, sentences = _describer(data, layout)(data, layout)
        return " ".join([f"{kind}.", *(s for s in sentences if s)])


def _describer(data: list[dict], layout: dict) -> Callable[[list[dict], dict], tuple]:
    """The describer for the figure's chart family, told apart by its traces and axes."""
    types = {trace.get("type", "scatter") for trace in data}
    if "choropleth" in types:
        return _map
    if "heatmap" in types:
        return _heatmap
    if any(name.startswith("xaxis") and name != "xaxis" for name in layout):
        return _panels
    if "bar" in types:
        if layout.get("barmode") == "overlay":
            return _pyramid
        first = next(trace for trace in data if trace.get("type") == "bar")
        return _position if first.get("orientation") == "h" else _year_bars
    if (layout.get("yaxis") or {}).get("visible") is False:
        return _beeswarm
    return _lines


# --- words and numbers ------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def plain(text: object, line_break: str = " ") -> str:
    """Chart text (plotly's small HTML: <b>, <br>) as plain words on one line, its lines
    joined by `line_break`."""
    lines = [" ".join(_TAG.sub(" ", line).split()) for line in str(text or "").split("<br>")]
    return line_break.join(line for line in lines if line)


def _x(value: object) -> str:
    """An x value as written: years without decimals."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _formatter(axis: dict, *, unit: str = "") -> Format:
    """How the axis writes its values: per cent when its ticks (or `unit`) say so, whole
    numbers for counts, else one decimal (ratios, indices)."""
    if "%" in str(axis.get("ticksuffix") or "") or "%" in unit:
        return lambda v: percent(v, 1)
    if str(axis.get("tickformat") or "").startswith((",d", ",.0f", "d")):
        return lambda v: number(v, 0)
    return lambda v: number(v, 1)


def _axis_title(axis: dict) -> str:
    title = axis.get("title")
    return plain(title.get("text") if isinstance(title, dict) else title)


def _kind(key: str, unit: str = "") -> str:
    kind = t(key)
    return f"{kind}, {unit}" if unit else kind


def _points(trace: dict) -> list[tuple[object, float]]:
    """The (x, y) points of a trace that have a value."""
    return [
        (x, y)
        for x, y in zip(trace.get("x") or [], trace.get("y") or [], strict=False)
        if _is_number(y)
    ]


def _is_band(trace: dict) -> bool:
    return trace.get("fill") == "toself"


def _series(trace: dict, fmt: Format, *, extremes: bool = False, known: str = "") -> str:
    """'Bergen 2015–2025: fra 2,1 % til 1,0 %' (and its lowest and highest, if asked); the
    name is left out where it is `known` (a panel's heading)."""
    points = _points(trace)
    name = plain(trace.get("name"))
    name = "" if name == known else name
    if not points:
        return ""
    if len(points) == 1:
        ((x, y),) = points
        return t("a11y.series_one", name=name, x=_x(x), value=fmt(y)).strip()
    (x0, y0), (x1, y1) = points[0], points[-1]
    text = t(
        "a11y.series_change", name=name, first_x=_x(x0), last_x=_x(x1), first=fmt(y0), last=fmt(y1)
    ).strip()
    if extremes and len(points) > 2:
        low = min(points, key=lambda p: p[1])
        high = max(points, key=lambda p: p[1])
        text += ", " + t(
            "a11y.series_range",
            low=fmt(low[1]),
            low_x=_x(low[0]),
            high=fmt(high[1]),
            high_x=_x(high[0]),
        )
    return text


def _band(trace: dict, fmt: Format) -> str:
    """A shaded range at its last x: 'Lav–høy: 11 000–13 500 i 2050'."""
    xs, ys = trace.get("x") or [], trace.get("y") or []
    half = len(xs) // 2
    if not half:
        return ""
    high, low = ys[half - 1], ys[half]  # highs run forward, lows back
    if not (_is_number(high) and _is_number(low)):
        return ""
    return t(
        "a11y.band", name=plain(trace.get("name")), low=fmt(low), high=fmt(high), x=_x(xs[half - 1])
    )


def _marked(layout: dict, *, skip: Sequence[str] = (), years: bool = True) -> str:
    """'Markert i figuren: TBU-norm 1,75 %; Ny gruppering (2024)': the labelled reference and
    break lines (on a year axis, a vertical line's label gets the year it stands before)."""
    items = []
    for note in layout.get("annotations") or []:
        text = plain(note.get("text"))
        if not text or note.get("name") == SOURCE_NOTE or text in skip:
            continue
        xref, yref = str(note.get("xref", "")), str(note.get("yref", ""))
        on_year_axis = xref.startswith("x") and "domain" not in xref and yref.endswith("domain")
        if years and on_year_axis and _is_number(note.get("x")):
            text = f"{text} ({math.ceil(note['x'])})"
        items.append(text)
    return t("a11y.marked", items="; ".join(dict.fromkeys(items))) if items else ""


def _hollow(data: Sequence[dict]) -> str:
    """The sentence about hollow markers, when a trace has any."""
    for trace in data:
        symbols = (trace.get("marker") or {}).get("symbol")
        symbols = symbols if isinstance(symbols, list) else [symbols]
        if any(str(s).endswith("-open") for s in symbols):
            return t("a11y.hollow")
    return ""


def _lines_in(
    traces: Sequence[dict], fmt: Format, seen: set | None = None, known: str = ""
) -> list[str]:
    """Each line from first to last value (the first with its lowest and highest, unless in
    a panel headed `known`), then the shaded bands; lines already described (`seen`) are
    left out."""
    seen = set() if seen is None else seen
    lines, bands = [], []
    for trace in traces:
        if _is_band(trace):
            bands.append(_band(trace, fmt))
            continue
        key = (plain(trace.get("name")), json.dumps(trace.get("y")))
        if key in seen or not _points(trace):
            continue
        seen.add(key)
        lines.append(trace)
    # The chosen municipality is drawn last, on top (the widest line), and projections are
    # dashed: describe the widest solid line first.
    lines.sort(key=lambda tr: (_style(tr, "dash") not in (None, "solid"), -_style(tr, "width", 0)))
    out = [
        _series(trace, fmt, extremes=i == 0 and not known, known=known)
        for i, trace in enumerate(lines[:MAX_SERIES])
    ]
    if len(lines) > MAX_SERIES:
        out.append(tn("a11y.more_series", len(lines) - MAX_SERIES))
    return [*out, *(b for b in bands if b)]


def _style(trace: dict, name: str, default: object = None) -> object:
    return (trace.get("line") or {}).get(name, default)


# --- one describer per chart family ------------------------------------------------------------


def _lines(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    axis = layout.get("yaxis") or {}
    fmt = _formatter(axis)
    parts = _lines_in(data, fmt)
    sentences = ["; ".join(parts) + "." if parts else "", _marked(layout), _hollow(data)]
    return _kind(N_("a11y.kind_lines"), _axis_title(axis)), _ends(sentences)


def _year_bars(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    bars = next(trace for trace in data if trace.get("type") == "bar")
    values = [
        f"{_x(x)}: {text}"
        for x, y, text in zip(
            bars.get("x") or [], bars.get("y") or [], bars.get("text") or [], strict=False
        )
        if _is_number(y)
    ]
    unit = _axis_title(layout.get("yaxis") or {})
    return _kind(N_("a11y.kind_bars"), unit), _ends(["; ".join(values), _marked(layout)])


def _position(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    bars = next(trace for trace in data if trace.get("type") == "bar")
    values = [
        f"{plain(label)}: {text}"
        for label, x, text in zip(
            bars.get("y") or [], bars.get("x") or [], bars.get("text") or [], strict=False
        )
        if _is_number(x)
    ]
    unit = _axis_title(layout.get("xaxis") or {})
    marked = _marked(layout, years=False)
    return _kind(N_("a11y.kind_position"), unit), _ends(["; ".join(values), marked])


def _first_line(hover: object) -> str:
    """The name a hover text starts with ('<b>Bergen</b> (Vestland)<br>…' → 'Bergen (Vestland)')."""
    return plain(str(hover or "").split("<br>")[0])


def _beeswarm(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    dots, *chosen = [trace for trace in data if trace.get("type", "scatter") == "scatter"]
    fmt = _formatter(layout.get("xaxis") or {})
    points = [
        (x, hover)
        for x, hover in zip(dots.get("x") or [], dots.get("text") or [], strict=False)
        if _is_number(x)
    ]
    sentences = []
    if points:
        low, high = min(points, key=lambda p: p[0]), max(points, key=lambda p: p[0])
        sentences.append(
            t(
                "a11y.beeswarm",
                n=len(points),
                low_name=_first_line(low[1]),
                low=fmt(low[0]),
                high_name=_first_line(high[1]),
                high=fmt(high[0]),
            )
        )
    labels = [
        plain(note.get("text"))
        for note in layout.get("annotations") or []
        if note.get("showarrow") and note.get("name") != SOURCE_NOTE
    ]
    if chosen and labels:
        sentences.append(t("a11y.highlighted", label=labels[0]))
    sentences += [_marked(layout, skip=labels, years=False), _hollow(data)]
    unit = _axis_title(layout.get("xaxis") or {})
    return _kind(N_("a11y.kind_beeswarm"), unit), _ends(sentences)


def _map(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    """Maps (charts.maps): the coloured areas, the grey ones without a figure, the outlined
    chosen municipality."""
    valued = next(
        (tr for tr in data if tr.get("type") == "choropleth" and tr.get("colorbar")), None
    )
    flat = [tr for tr in data if tr.get("type") == "choropleth" and tr.get("showlegend")]
    outlined = [
        tr
        for tr in data
        if tr.get("type") == "choropleth" and not tr.get("showlegend") and tr is not valued
    ]
    sentences = []
    unit = ""
    if valued is not None:
        bar = valued.get("colorbar") or {}
        unit = plain((bar.get("title") or {}).get("text"))
        fmt = _formatter({}, unit=unit)
        areas = [
            (z, h)
            for z, h in zip(valued.get("z") or [], valued.get("text") or [], strict=False)
            if _is_number(z)
        ]
        ticks = dict(zip(bar.get("tickvals") or [], bar.get("ticktext") or [], strict=False))
        mid = valued.get("zmid")
        # NOTE: charts.maps always uses theme.DIVERGING: red below the centre, blue above.
        sentences.append(
            t(
                "a11y.map_scale",
                n=len(areas),
                low=fmt(valued.get("zmin")),
                mid=plain(ticks.get(mid, fmt(mid))),
                high=fmt(valued.get("zmax")),
            )
        )
        if areas:
            low, high = min(areas, key=lambda a: a[0]), max(areas, key=lambda a: a[0])
            sentences.append(
                t(
                    "a11y.map_extremes",
                    high_name=_first_line(high[1]),
                    high=fmt(high[0]),
                    low_name=_first_line(low[1]),
                    low=fmt(low[0]),
                )
            )
    sentences += [t("a11y.map_grey", name=plain(tr.get("name"))) for tr in flat]
    for trace in outlined:
        hover = (trace.get("text") or [""])[0]
        sentences.append(t("a11y.map_chosen", hover=plain(hover, ", ")))
    return _kind(N_("a11y.kind_map"), unit), _ends(sentences)


def _pyramid(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    """Pyramids (charts.pyramid): which side is which, and each side's share by age group,
    summed over single ages, beside the outline's (Norway)."""
    bars = [trace for trace in data if trace.get("type") == "bar"]
    outline = [trace for trace in data if trace.get("type", "scatter") == "scatter"]
    sides = [plain(note.get("text")) for note in layout.get("annotations") or []]
    sides = [s for s in sides if s][:2]
    ages = [a for trace in bars for a in trace.get("y") or [] if _is_number(a)]
    shares = _by_age(
        [(y, abs(x)) for trace in bars for x, y in zip(trace["x"], trace["y"], strict=False)]
    )
    other = {}
    if outline:
        points = [
            (y + 0.5, abs(x))
            for trace in outline
            for x, y in list(zip(trace.get("x") or [], trace.get("y") or [], strict=False))[::2]
        ]
        other = _by_age(points)
    groups = []
    for first, last in AGE_GROUPS:
        span = f"{first}–{last}" if last is not None else f"{first}+"
        share = percent(_group(shares, first, last), 1)
        if other:
            groups.append(
                t(
                    "a11y.age_share_other",
                    ages=span,
                    share=share,
                    other_name=plain(outline[0].get("name")),
                    other=percent(_group(other, first, last), 1),
                )
            )
        else:
            groups.append(t("a11y.age_share", ages=span, share=share))
    sentences = []
    if len(sides) == 2 and ages:
        right = sides[1][:1].lower() + sides[1][1:]
        sentences.append(
            t("a11y.pyramid", left=sides[0], right=right, first=min(ages), last=max(ages))
        )
    sentences.append(t("a11y.pyramid_groups", groups="; ".join(groups)))
    if outline:
        sentences.append(t("a11y.pyramid_outline", name=plain(outline[0].get("name"))))
    return t("a11y.kind_pyramid"), _ends(sentences)


def _by_age(points: list[tuple[float, float]]) -> dict[int, float]:
    """Share per single age, both sexes together."""
    shares: dict[int, float] = {}
    for age, share in points:
        if _is_number(age) and _is_number(share):
            shares[round(age)] = shares.get(round(age), 0.0) + share
    return shares


def _group(shares: dict[int, float], first: int, last: int | None) -> float:
    return sum(v for age, v in shares.items() if age >= first and (last is None or age <= last))


def _panels(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    """Panels and small multiples (charts.panels, charts.small_multiples): per panel its
    heading and its lines; a line repeated in every panel (the chosen municipality as a
    reference) is described once."""
    by_axis: dict[str, list[dict]] = {}
    for trace in data:
        by_axis.setdefault(trace.get("xaxis") or "x", []).append(trace)
    seen: set = set()
    sentences = []
    units = []
    for ref, traces in by_axis.items():
        suffix = ref[1:]
        x_axis = layout.get(f"xaxis{suffix}") or {}
        y_axis = layout.get(f"yaxis{suffix}") or layout.get("yaxis") or {}
        units.append(_axis_title(y_axis))
        heading = _heading(layout, x_axis, y_axis)
        parts = _lines_in(traces, _formatter(y_axis), seen, known=heading or "-")
        text = "; ".join(parts) or t("a11y.panel_empty")
        sentences.append(f"{heading} {text}" if text[:1].isdigit() else f"{heading}: {text}")
    unit = next((u for u in units if u), "")
    kind = _kind(N_("a11y.kind_panels"), unit)
    count = tn("a11y.panel_count", len(by_axis))
    return f"{kind}, {count}", _ends([*sentences, _hollow(data)])


def _heading(layout: dict, x_axis: dict, y_axis: dict) -> str:
    """The title above a panel: the annotation over its plot area."""
    x0, x1 = (x_axis.get("domain") or [0, 1])[:2]
    top = (y_axis.get("domain") or [0, 1])[1]
    best = ""
    distance = math.inf
    for note in layout.get("annotations") or []:
        if note.get("xref") != "paper" or note.get("yref") != "paper":
            continue
        if note.get("name") == SOURCE_NOTE or not _is_number(note.get("x")):
            continue
        if x0 - 0.01 <= note["x"] <= x1 + 0.01 and _is_number(note.get("y")):
            gap = abs(note["y"] - top)
            if gap < distance and gap < 0.2:
                best, distance = plain(note.get("text")), gap
    return best


def _heatmap(data: list[dict], layout: dict) -> tuple[str, list[str]]:
    heat = next(trace for trace in data if trace.get("type") == "heatmap")
    rows = [plain(y) for y in heat.get("y") or []]
    columns = heat.get("x") or []
    values = [v for row in heat.get("z") or [] for v in row if _is_number(v)]
    sentences = []
    if rows and columns and values:
        sentences.append(
            t(
                "a11y.heatmap",
                rows=len(rows),
                columns=len(columns),
                first_x=_x(columns[0]),
                last_x=_x(columns[-1]),
                low=number(min(values)),
                high=number(max(values)),
            )
        )
        sentences.append(t("a11y.heatmap_rows", names="; ".join(rows)))
    return t("a11y.kind_heatmap"), _ends(sentences)


def _ends(sentences: Sequence[str]) -> list[str]:
    """Sentences that end with a full stop."""
    return [s if s.endswith((".", "!", "?")) else f"{s}." for s in sentences if s]
