"""Liknende kommuner on Sammenlign: the municipalities most like the chosen one, each with its
similarity and, in plain words with both values, the figures that make it close and the one
that differs most; a map that marks them; and the sentence that names the nearest three on
the profile page.

Everything comes from one call, queries.liknende.nearest(kommune, weights), with the weights
of the view (views.vekter), so the list, its reasons, the map and the set the other
Sammenlign exhibits compare with (queries.sammenlign.comparison) are always the same ten.
The method is described on Om dataene (views.liknende_metode) and in docs/liknende.md.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kommuneokonomi import data
from kommuneokonomi.charts import theme
from kommuneokonomi.charts.maps import Area, Scale, choropleth, mercator_aspect, spread_markers
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import markdown_literal, number, percent, percent_suffix, signed
from kommuneokonomi.i18n import N_, t, tn
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries import liknende
from kommuneokonomi.queries.driftsresultat import Boundaries
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.queries.liknende.features import FEATURE_CODES, FeatureSource
from kommuneokonomi.queries.sammenlign import SIMILAR
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import vekter
from kommuneokonomi.views.landsoversikt import MAP_HEIGHT, MAP_WIDTH, map_extent
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.om import VINTAGES
from kommuneokonomi.views.regions import region_name, region_names

LIST_ID = "sammenlign-liknende"
MAP_ID = "sammenlign-liknende-kart"
PROFILE_COUNT = 3  # the profile page names this many
SIMILARITY_MAX = 100
# The map's shades: light for the least similar of the ten, dark for the most (ColorBrewer
# Purples, from its third step, so even the lightest stands out from the grey of the others).
SHADES = [[0.0, "#DADAEB"], [0.5, "#9E9AC8"], [1.0, "#3F007D"]]
# Degrees around the map's municipalities: west, east (room for the chosen one's label,
# written to the right of it) and north and south.
MAP_PAD = (0.8, 2.0, 0.3)
MAP_MAX = 620  # px: a list spread over all of Norway makes a tall map
COLOUR_BAR = 90  # px of the map's width the colour bar takes
LABEL_CHAR_PX = 8.5  # px a character of the chosen one's label takes (14 px bold)
LABEL_OFFSET = 10  # px from the dot's centre to the label
MARKER_GAP = 22  # px between the centres of two numbered markers (18 px wide)
RANK_MARKER = {"size": 18, "color": "white", "line": {"color": "#3A3A3A", "width": 1.2}}

# A reason in words: 'mye mer sentral', 'omtrent like mange innbyggere'. Direction is that
# of the neighbour against the chosen municipality (model.reasons).
MORE = {
    "folketall": N_("liknende.more.folketall"),
    "vekst_10ar": N_("liknende.more.vekst_10ar"),
    "vekst_2050": N_("liknende.more.vekst_2050"),
    "andel_0_19": N_("liknende.more.andel_0_19"),
    "andel_67": N_("liknende.more.andel_67"),
    "andel_80": N_("liknende.more.andel_80"),
    "sentralitet": N_("liknende.more.sentralitet"),
    "tetthet": N_("liknende.more.tetthet"),
    "driftsinntekter": N_("liknende.more.driftsinntekter"),
    "utgiftsbehov": N_("liknende.more.utgiftsbehov"),
}
LESS = {
    "folketall": N_("liknende.less.folketall"),
    "vekst_10ar": N_("liknende.less.vekst_10ar"),
    "vekst_2050": N_("liknende.less.vekst_2050"),
    "andel_0_19": N_("liknende.less.andel_0_19"),
    "andel_67": N_("liknende.less.andel_67"),
    "andel_80": N_("liknende.less.andel_80"),
    "sentralitet": N_("liknende.less.sentralitet"),
    "tetthet": N_("liknende.less.tetthet"),
    "driftsinntekter": N_("liknende.less.driftsinntekter"),
    "utgiftsbehov": N_("liknende.less.utgiftsbehov"),
}
SAME = {
    "folketall": N_("liknende.same.folketall"),
    "vekst_10ar": N_("liknende.same.vekst_10ar"),
    "vekst_2050": N_("liknende.same.vekst_2050"),
    "andel_0_19": N_("liknende.same.andel_0_19"),
    "andel_67": N_("liknende.same.andel_67"),
    "andel_80": N_("liknende.same.andel_80"),
    "sentralitet": N_("liknende.same.sentralitet"),
    "tetthet": N_("liknende.same.tetthet"),
    "driftsinntekter": N_("liknende.same.driftsinntekter"),
    "utgiftsbehov": N_("liknende.same.utgiftsbehov"),
}
BAND_WORDS = {  # model.BANDS beyond 'same'
    "somewhat": N_("liknende.band.somewhat"),
    "clearly": N_("liknende.band.clearly"),
    "much": N_("liknende.band.much"),
}
PAIRS = {  # both values with their unit; the other features: liknende.pair
    "sentralitet": N_("liknende.pair.sentralitet"),
    "tetthet": N_("liknende.pair.tetthet"),
    "driftsinntekter": N_("liknende.pair.driftsinntekter"),
    "utgiftsbehov": N_("liknende.pair.utgiftsbehov"),
}
WHOLE = ("folketall", "sentralitet")  # features that are whole numbers
# Export field names of the features (headers in export.HEADERS).
FIELDS = {
    "folketall": "folketall",
    "vekst_10ar": "vekst_10ar_pct",
    "vekst_2050": "vekst_2050_pct",
    "andel_0_19": "andel_0_19_pct",
    "andel_67": "andel_67_pct",
    "andel_80": "andel_80_pct",
    "sentralitet": "sentralitet_klasse",
    "tetthet": "innbyggere_per_km2",
    "driftsinntekter": "brutto_driftsinntekter_kr_per_innbygger",
    "utgiftsbehov": "utgiftsbehov_indeks",
}


# --- Words ----------------------------------------------------------------------------------


def value_text(feature: str, value: float) -> str:
    """One figure as the reasons show it: '21 000', '+12,3 %', '16,8 %', '2', '0,6', '1,05'."""
    if feature in ("vekst_10ar", "vekst_2050"):
        return signed(value, 1, percent_suffix())
    if feature.startswith("andel_"):
        return percent(value, 1)
    if feature == "tetthet":
        return number(value, 1 if value < 100 else 0)
    if feature == "utgiftsbehov":
        return number(value, 2)
    return number(value, 0)


def pair_text(feature: str, other: float, own: float) -> str:
    """Both values, the listed municipality's first: '21 000 mot 19 800', 'klasse 2 mot 4'."""
    a, b = value_text(feature, other), value_text(feature, own)
    if feature in PAIRS:
        return t(PAIRS[feature], a=a, b=b)
    return t("liknende.pair", a=a, b=b)


def reason_text(feature: str, band: str, direction: str | None, other: float, own: float) -> str:
    """A reason in plain words with both values: 'mye mer sentral (klasse 2 mot 4)'."""
    if band == "same" or direction is None:
        what = t(SAME[feature])
    else:
        words = MORE if direction == "more" else LESS
        what = t("liknende.reason_band", band=t(BAND_WORDS[band]), what=t(words[feature]))
    return t("liknende.reason", what=what, values=pair_text(feature, other, own))


def similarity_text(value: float) -> str:
    """'likhet 71 av 100' (whole numbers: the scale is for ranking, not for decimals)."""
    return t("liknende.similarity", value=number(value, 0), top=SIMILARITY_MAX)


def _joined(parts: list[str]) -> str:
    """'a, b og c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {t('common.and')} {parts[-1]}"


def _feature_list(codes: list[str] | tuple[str, ...]) -> str:
    return _joined([vekter.feature_name(c).lower() for c in codes])


# --- The list -------------------------------------------------------------------------------


def _neighbours(state: ViewState) -> tuple[vekter.Vekter, liknende.Neighbours]:
    weights = vekter.of_state(state)
    return weights, liknende.nearest(state.kommune, weights.weights)


def _reason_rows(result: liknende.Neighbours) -> dict[str, dict[str, pd.Series]]:
    """Per neighbour, its reasons frame rows by feature."""
    rows: dict[str, dict[str, pd.Series]] = {}
    for _, row in result.reasons.iterrows():
        rows.setdefault(row["kommune_code"], {})[row["feature"]] = row
    return rows


def _words(row: pd.Series) -> str:
    return reason_text(
        row["feature"], row["band"], row["direction"], row["other_value"], row["own_value"]
    )


def _reasons_in_words(result: liknende.Neighbours) -> pd.DataFrame:
    """Per neighbour: its close figures and the one that differs most in words, and the
    weighted figures it could not be compared on (either side lacks them)."""
    by_code = _reason_rows(result)
    out = []
    for item in result.table.itertuples():
        rows = by_code[item.kommune_code]
        lacking = [
            f
            for f, r in rows.items()
            if r["weight"] > 0 and pd.isna(r["other_value"]) and f not in result.own_missing
        ]
        out.append(
            {
                "kommune_code": item.kommune_code,
                "close": "; ".join(_words(rows[f]) for f in item.close),
                "differs": _words(rows[item.differs]) if item.differs else "",
                "not_compared": _feature_list(lacking),
            }
        )
    return pd.DataFrame(out, columns=["kommune_code", "close", "differs", "not_compared"])


def feature_refs() -> list[SourceRef]:
    """The sources of the figures compared, one per dataset, narrowed to the tables used."""
    tables: dict[str, set[str]] = {}
    for source in liknende.standardised().table.sources.values():
        for dataset in source.datasets:
            known = set(data.provenance(dataset).table_ids)
            tables.setdefault(dataset, set()).update(
                i for i in source.table_id.split(", ") if i in known
            )
    return [SourceRef.of(d, tuple(sorted(ids)) or None) for d, ids in tables.items()]


def source_words(source: FeatureSource) -> str:
    """Where a figure comes from, in words: 'SSB tabell 07459', 'KLASS 112', or the
    third-party extraction of the Grønt hefte, labelled so."""
    if source.third_party:
        return t("liknende.source_third_party")
    ids = source.table_id.split(", ")
    if all(i.isdigit() for i in ids):
        return t("liknende.ssb_table", id=source.table_id)
    return source.table_id


def _source_detail(code: str) -> str:
    """'Vekst siste 10 år: SSB tabell 07459, 1.1.2016–1.1.2026. Beregnet som …'."""
    source = liknende.standardised().table.sources[code]
    parts = [source_words(source)]
    if source.period:
        parts.append(source.period)
    if source.vintage:
        parts += [t(VINTAGES[v]) if v in VINTAGES else v for v in source.vintage.split(", ")]
    text = t("liknende.source_item", name=vekter.feature_name(code), source=", ".join(parts))
    if source.basis:
        text += " " + t("liknende.source_computed", basis=source.basis)
    return text


def _columns() -> dict[str, str]:
    return {
        "rank": "rank",
        "kommune_code": "kommune_code",
        "kommune": "kommune",
        "similarity": "similarity",
        "coverage": "compared_weight_share",
        **{code: FIELDS[code] for code in FEATURE_CODES},
        "close": "close_in",
        "differs": "differs_most",
        "not_compared": "not_compared",
    }


def _params(weights: vekter.Vekter) -> dict[str, str]:
    text = weights.text()
    return {"mot": SIMILAR, **({vekter.PARAM: text} if text else {})}


def _list_title(kommune: str, result: liknende.Neighbours) -> str:
    name = region_name(kommune)
    if result.table.empty:
        return t("liknende.list_none", kommune=name)
    first = result.table.iloc[0]
    return tn(
        "liknende.list_title",
        len(result.table),
        kommune=name,
        first=region_name(first["kommune_code"]),
        similarity=similarity_text(first["similarity"]),
    )


def _list_notes(kommune: str, result: liknende.Neighbours) -> list[str]:
    """The scale and the order of the values; what the municipality itself lacks."""
    name = region_name(kommune)
    line = [t("liknende.scale_note", kommune=name)]
    if result.own_missing:
        line.append(
            t("liknende.own_missing", kommune=name, features=_feature_list(result.own_missing))
        )
    return line


@cached_view()
def similar(state: ViewState) -> Exhibit:
    """The ten municipalities most like the chosen one, nearest first, with their similarity,
    the figures compared and, in words, what makes each close and what differs most; the
    municipality itself is the first row (rank 0), so the export holds both sides."""
    weights, result = _neighbours(state)
    frame = liknende.figures(state.kommune, weights.weights).copy()
    words = _reasons_in_words(result)
    frame = frame.merge(words, on="kommune_code", how="left")
    coverage = dict(zip(result.table["kommune_code"], result.table["coverage"], strict=True))
    frame["coverage"] = frame["kommune_code"].map(coverage)
    frame["kommune"] = region_names(frame["kommune_code"])
    for code in WHOLE:  # counts and classes, written as whole numbers in the files
        frame[code] = frame[code].astype("Int64")
    columns = _columns()
    sources = feature_refs()
    details = [
        vekter.weights_words(weights.weights),
        t("liknende.method_detail"),
        *(_source_detail(code) for code in FEATURE_CODES),
    ]
    return Exhibit(
        id=LIST_ID,
        title=_list_title(state.kommune, result),
        data=frame[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(sources),
        source_text=source_line(sources),
        period="",
        notes=one_line(_list_notes(state.kommune, result)),
        details=tuple(details),
        kommune_code=state.kommune,
        slug="liknende-kommuner",
        params=_params(weights),
    )


@in_its_language
def list_items(exhibit: Exhibit) -> list[str]:
    """The list as the page shows it: one Markdown paragraph per municipality, nearest first,
    with its similarity, what makes it close and what differs most (from the exhibit's data,
    so the screen and the export say the same)."""
    items = []
    for row in exhibit.data[exhibit.data["rank"] > 0].itertuples():
        lines = [
            t(
                "liknende.item_head",
                rank=row.rank,
                name=markdown_literal(row.kommune),
                similarity=similarity_text(row.similarity),
            )
        ]
        close = row.close or t("liknende.no_close")
        lines.append(t("liknende.item_close", reasons=markdown_literal(close)))
        if row.differs:
            lines.append(t("liknende.item_differs", reason=markdown_literal(row.differs)))
        if row.not_compared:
            lines.append(t("liknende.item_not_compared", features=row.not_compared))
        items.append("  \n".join(lines))
    return items


# --- The map --------------------------------------------------------------------------------


def _map_title(kommune: str, codes: list[str]) -> str:
    counties = {index().county(c)[0] for c in codes}
    return tn("liknende.map_title", len(counties), total=len(codes), kommune=region_name(kommune))


def _rank_markers(
    ranks: list[int], hover: list[str], at: list[tuple[float, float]]
) -> go.Scattergeo:
    """A numbered marker on each of the ten (its place in the list): colour is not the only
    cue, and the numbers tie the map to the list."""
    return go.Scattergeo(
        lon=[p[0] for p in at],
        lat=[p[1] for p in at],
        mode="markers+text",
        marker=RANK_MARKER,
        text=[str(r) for r in ranks],
        textposition="middle center",
        textfont={"size": 10, "color": "#1A1A1A"},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        name=t("liknende.map_ranks"),
        showlegend=True,
    )


def _leaders(points: list[tuple[float, float]], at: list[tuple[float, float]]) -> go.Scattergeo:
    """Thin lines from a municipality to its marker where the marker was moved off it (the
    markers of close neighbours would cover each other)."""
    lon: list[float | None] = []
    lat: list[float | None] = []
    for (x0, y0), (x1, y1) in zip(points, at, strict=True):
        if (x0, y0) != (x1, y1):
            lon += [x0, x1, None]
            lat += [y0, y1, None]
    return go.Scattergeo(
        lon=lon,
        lat=lat,
        mode="lines",
        line={"color": "#3A3A3A", "width": 1},
        hoverinfo="skip",
        showlegend=False,
    )


def _placed(
    codes: list[str],
    points: dict[str, tuple[float, float]],
    chosen: tuple[float, float] | None,
    name: str,
    extent: tuple[float, float, float, float],
    size: tuple[float, float],
) -> tuple[list[int], list[tuple[float, float]], list[tuple[float, float]]]:
    """Which of the ten have a label point (their indices), those points, and where their
    markers go: moved apart (and off the chosen one's dot and its label `name`) where they
    would overlap."""
    shown = [i for i, c in enumerate(codes) if c in points]
    where = [points[codes[i]] for i in shown]
    fixed = [chosen] if chosen else []
    label = _label_px(name) * (1 if _label_side(chosen, name, extent, size) == "right" else -1)
    at = spread_markers(
        [*fixed, *where], extent, size, MARKER_GAP, fixed=len(fixed), clear_beside=label
    )
    return shown, where, at[len(fixed) :]


def _label_px(name: str) -> float:
    return LABEL_CHAR_PX * len(name) + LABEL_OFFSET


def _label_side(
    point: tuple[float, float] | None,
    name: str,
    extent: tuple[float, float, float, float],
    size: tuple[float, float],
) -> str:
    """'right' of the chosen one's dot if its name fits there (or fits better than on the
    left), else 'left': on a phone the name of a municipality near the map's east edge
    would run off the map."""
    if point is None:
        return "right"
    per_degree = size[0] / (extent[2] - extent[0])
    right, left = (extent[2] - point[0]) * per_degree, (point[0] - extent[0]) * per_degree
    return "right" if right >= _label_px(name) or right >= left else "left"


def _extent(bounds: Boundaries, codes: list[str]) -> tuple[float, float, float, float] | None:
    """The municipalities in view with some land around them (the map is a locator: where
    they are matters more than their shape) and room for the chosen one's label."""
    box = map_extent(bounds, codes)
    if box is None:
        return None
    west, east, lat = MAP_PAD
    return box[0] - west, box[1] - lat, box[2] + east, box[3] + lat


@cached_view()
def kart(state: ViewState) -> Exhibit:
    """The map: the ten shaded by similarity and numbered as in the list, the others grey,
    the chosen municipality outlined and labelled."""
    weights, result = _neighbours(state)
    table = result.table
    codes, ranks = list(table["kommune_code"]), [int(r) for r in table["rank"]]
    similarity = dict(zip(codes, table["similarity"], strict=True))
    bounds = ndr_queries.boundaries()
    ix = index()
    hover = [
        t(
            "liknende.map_hover",
            rank=rank,
            name=region_name(code),
            county=ix.county(code)[1],
            similarity=similarity_text(similarity[code]),
        )
        for code, rank in zip(codes, ranks, strict=True)
    ]
    hover_by_code = dict(zip(codes, hover, strict=True))
    areas = [
        Area(code, hover_by_code.get(code, region_name(code)), similarity.get(code))
        for code in bounds.label_points
    ]
    scale = Scale(
        SIMILARITY_MAX / 2,
        SIMILARITY_MAX / 2,
        t("liknende.map_scale"),
        number(SIMILARITY_MAX / 2),
        lambda v: number(v),
        colorscale=SHADES,
        step=25.0,
    )
    extent = _extent(bounds, [*codes, state.kommune])
    name = region_name(state.kommune)
    chosen = next((a for a in areas if a.code == state.kommune), None)
    own_point = bounds.label_points.get(state.kommune)
    width = MAP_WIDTH[theme.COMPACT.get()] - COLOUR_BAR
    height = min(max(width * mercator_aspect(extent), MAP_HEIGHT[0]), MAP_MAX) if extent else None
    fig = choropleth(
        bounds.geojson,
        areas,
        scale,
        missing_name=t("liknende.map_others"),
        chosen=chosen,
        chosen_name=name,
        label_point=own_point,
        label_side=_label_side(own_point, name, extent, (width, height)) if extent else "right",
        extent=extent,
    )
    if extent:
        shown, where, at = _placed(
            codes, bounds.label_points, own_point, name, extent, (width, height)
        )
        fig.add_trace(_leaders(where, at))
        fig.add_trace(_rank_markers([ranks[i] for i in shown], [hover[i] for i in shown], at))
    sources = [*feature_refs(), SourceRef.of("kommunegrenser")]
    sources = list({r.dataset: r for r in sources}.values())
    source = source_line(sources)
    title = _map_title(state.kommune, codes) if codes else t("liknende.list_none", kommune=name)
    # The map sits beside the list, in half the page: its title and long source line are
    # wrapped as on a phone, or they would run past its edge at 1280 px.
    theme.style(fig, title=title, source=source, height=int(height or MAP_HEIGHT[1]), narrow=True)
    rows = pd.DataFrame(
        {
            "rank": ranks,
            "kommune_code": codes,
            "kommune": [region_name(c) for c in codes],
            "county": [ix.county(c)[1] for c in codes],
            "similarity": [similarity[c] for c in codes],
        }
    )
    return Exhibit(
        id=MAP_ID,
        title=title,
        data=rows,
        columns={c: c for c in rows.columns},
        sources=tuple(sources),
        source_text=source,
        period="",
        figure=fig,
        notes=(t("liknende.map_note", kommune=name),),
        details=(vekter.weights_words(weights.weights),),
        kommune_code=state.kommune,
        slug="liknende-kommuner-kart",
        params=_params(weights),
    )


# --- The profile page -----------------------------------------------------------------------


def profile_sentence(state: ViewState) -> str | None:
    """The three municipalities most like this one (default weights), in one sentence; None
    when it cannot be compared with anyone."""
    nearest = liknende.nearest(state.kommune).table["kommune_code"][:PROFILE_COUNT]
    if nearest.empty:
        return None
    names = _joined([markdown_literal(region_name(c)) for c in nearest])
    return t(
        "liknende.profile_sentence",
        kommune=markdown_literal(region_name(state.kommune)),
        names=names,
    )


def profile_link(state: ViewState) -> dict[str, str]:
    """The URL values of Sammenlign with the most similar municipalities under the default
    weights, the ones the profile sentence names."""
    return {"kommune": state.kommune, "mot": SIMILAR, vekter.PARAM: liknende.DEFAULT_PRESET}


EXHIBITS = {LIST_ID: similar, MAP_ID: kart}
