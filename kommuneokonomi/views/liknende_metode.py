"""Liknende kommuner on Om dataene: the method in short and a table of the ten figures it
compares, each with its source, period, how the app computes it, how many municipalities
have it, who lacks it and why, and its weight in each preset (docs/liknende.md has it all).
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import markdown_literal
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.queries import liknende
from kommuneokonomi.queries.liknende import features, model
from kommuneokonomi.sources import source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import vekter
from kommuneokonomi.views.liknende import feature_refs, source_words
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.regions import region_name

EXHIBIT_ID = "om-liknende"
MISSING_REASONS = {  # features.FeatureTable.missing reasons
    features.ESTIMATED_BASE: N_("liknende.missing.estimated_base"),
    features.NOT_IN_SOURCE: N_("liknende.missing.not_in_source"),
    features.NO_VALUE: N_("liknende.missing.no_value"),
    features.FEATURE_ABSENT: N_("liknende.missing.feature_absent"),
}
COMPARED_AS = {True: N_("liknende.compared.ratio"), False: N_("liknende.compared.difference")}
MAX_NAMED = 8  # more municipalities lacking a figure are counted, not named


def method_text(state: ViewState) -> str:
    """The method in short, for readers: what is compared, how, what similarity means, and
    what the model does not know."""
    table = liknende.standardised().table
    return t(
        "liknende.om_method",
        n=len(features.FEATURES),
        kommuner=len(table.values),
        max=f"{model.MAX_WEIGHT:g}",
        cap=f"{model.Z_CAP:g}",
    )


def _lacking(missing: pd.DataFrame, code: str) -> str:
    """'Ålesund, Haram … (the start year is an estimate)' for one feature; '' if none."""
    rows = missing[missing["feature"] == code]
    parts = []
    for reason, group in rows.groupby("reason", sort=False):
        codes = list(group["kommune_code"])
        who = (
            ", ".join(region_name(c) for c in codes)
            if len(codes) <= MAX_NAMED
            else t("liknende.missing.count", n=len(codes))
        )
        parts.append(t("liknende.missing.item", who=who, why=t(MISSING_REASONS[reason])))
    return "; ".join(parts)


@cached_view()
def figures_table(state: ViewState) -> Exhibit:
    """The ten figures: source, period, computation, coverage, who lacks them, weights."""
    table = liknende.standardised().table
    rows = []
    for feature in features.FEATURES:
        code = feature.code
        source = table.sources[code]
        rows.append(
            {
                "feature": vekter.feature_name(code),
                "source": source_words(source),
                "period": source.period or "–",
                "computed": source.basis or "",
                "compared_as": t(COMPARED_AS[feature.log]),
                "with_value": int(table.values[code].notna().sum()),
                "lacking": _lacking(table.missing, code),
                **{
                    f"weight_{preset}": vekter.weight_number(dict(model.weights(preset))[code])
                    for preset in model.PRESETS
                },
            }
        )
    data = pd.DataFrame(rows)
    columns = {
        "feature": t("liknende.col.feature"),
        "source": t("liknende.col.source"),
        "period": t("liknende.col.period"),
        "computed": t("liknende.col.computed"),
        "compared_as": t("liknende.col.compared_as"),
        "with_value": t("liknende.col.with_value"),
        "lacking": t("liknende.col.lacking"),
        **{
            f"weight_{preset}": t("liknende.col.weight", preset=vekter.preset_name(preset))
            for preset in model.PRESETS
        },
    }
    sources = feature_refs()
    third = [vekter.feature_name(c) for c, s in table.sources.items() if s.third_party]
    notes = (
        (t("liknende.om_third_party", names=markdown_literal(", ".join(third))),) if third else ()
    )
    return Exhibit(
        id=EXHIBIT_ID,
        title=t("liknende.om_table_title", n=len(rows), kommuner=len(table.values)),
        data=data,
        columns=columns,
        sources=tuple(sources),
        source_text=source_line(sources),
        period="",
        notes=notes,
        slug="liknende-kommuner-metode",
    )


EXHIBITS = {EXHIBIT_ID: figures_table}
