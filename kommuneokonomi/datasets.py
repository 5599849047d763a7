"""The registry of datasets the app reads: name, tidy schema, keys and titles.

Snapshot builders, live loaders, the data layer and the test SSB server all use these
definitions, so a dataset has one schema whichever path produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyarrow as pa

from kommuneokonomi.i18n import N_, language, t

LICENCE_SSB = "Kilde: Statistisk sentralbyrå (CC BY 4.0)"
LICENCE_KARTVERKET = "Kart: Kartverket (CC BY 4.0)"

# Region levels used across datasets. Region codes are SSB's own: "0301" kommune,
# "46" fylke, "EKG12" KOSTRA group, "EAK" Landet, "EAKUO" Landet uten Oslo,
# and "0" for the whole country in population tables (SSB's "Hele landet").
REGION_LEVELS = ("kommune", "fylke", "kostragruppe", "landet")
LANDET = "0"
KOSTRA_LANDET = "EAK"
KOSTRA_LANDET_UTEN_OSLO = "EAKUO"

PROJECTION_ALTERNATIVES = ("MMMM", "LLML", "HHMH")

_KOSTRA_LEVELS = (
    (re.compile(r"^\d{4}$"), "kommune"),
    (re.compile(r"^EKG\d+$"), "kostragruppe"),
    (re.compile(rf"^({KOSTRA_LANDET}|{KOSTRA_LANDET_UTEN_OSLO})$"), "landet"),
    (re.compile(r"^EAFK\d{2}$"), "fylke"),
)


def kostra_region_level(code: str) -> str | None:
    """The level of a KOSTRA region code ('kommune', 'kostragruppe', 'landet', 'fylke'), or
    None for codes the app does not use."""
    return next((level for pattern, level in _KOSTRA_LEVELS if pattern.match(code)), None)


@dataclass(frozen=True)
class Dataset:
    """A named tidy dataset: its arrow schema, primary key and the text key of its title."""

    name: str
    title_key: str
    schema: pa.Schema | None
    keys: tuple[str, ...] = ()
    schema_version: int = 1
    fmt: str = "parquet"
    year_column: str | None = "year"
    kommune_column: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def title(self) -> str:
        """The title in the current UI language."""
        return t(self.title_key)

    @property
    def title_nb(self) -> str:
        """The bokmål title, as manifests record it (loaders write title_nb and title_en)."""
        with language("nb"):
            return t(self.title_key)

    @property
    def title_en(self) -> str:
        """The English title, as manifests record it."""
        with language("en"):
            return t(self.title_key)

    @property
    def filename(self) -> str:
        """File name of the dataset inside a cache directory."""
        return f"{self.name}.{'geojson' if self.fmt == 'geojson' else 'parquet'}"


def _schema(*fields: tuple[str, pa.DataType, bool]) -> pa.Schema:
    return pa.schema([pa.field(name, typ, nullable=nullable) for name, typ, nullable in fields])


S, I16, I32, I64, F64, B = pa.string(), pa.int16(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            "kommuner",
            N_("datasett.kommuner"),
            _schema(
                ("kommune_code", S, False),
                ("kommune_name", S, False),
                ("county_code", S, False),
                ("county_name", S, False),
            ),
            keys=("kommune_code",),
            year_column=None,
            kommune_column="kommune_code",
        ),
        Dataset(
            "kodeendringer",
            N_("datasett.kodeendringer"),
            _schema(
                ("old_code", S, False),
                ("old_name", S, False),
                ("new_code", S, False),
                ("new_name", S, False),
                ("changed_on", S, False),
                ("change_type", S, False),
            ),
            keys=("old_code", "new_code", "changed_on"),
            year_column=None,
        ),
        Dataset(
            "kostragruppe_medlemskap",
            N_("datasett.kostragruppe_medlemskap"),
            _schema(
                ("kommune_code", S, False),
                ("year", I16, False),
                ("kostragruppe_code", S, False),
                ("kostragruppe_name", S, False),
            ),
            keys=("kommune_code", "year"),
            kommune_column="kommune_code",
        ),
        Dataset(
            "kommune_kjennetegn",
            N_("datasett.kommune_kjennetegn"),
            _schema(
                ("kommune_code", S, False),
                ("year", I16, False),
                ("sentralitet", S, True),
                ("robek", B, True),
            ),
            keys=("kommune_code", "year"),
            kommune_column="kommune_code",
        ),
        Dataset(
            "kostragrupper",
            N_("datasett.kostragrupper"),
            _schema(
                ("kostragruppe_code", S, False),
                ("kostragruppe_name", S, False),
                ("folkemengde", S, True),
                ("bundne_kostnader", S, True),
                ("frie_disponible_inntekter", S, True),
                ("antall_kommuner", I16, True),
            ),
            keys=("kostragruppe_code",),
            year_column=None,
        ),
        Dataset(
            "befolkning",
            N_("datasett.befolkning"),
            _schema(
                ("region_code", S, False),
                ("year", I16, False),
                ("sex", S, False),
                ("age", I16, False),
                ("persons", I32, False),
                ("estimated", B, False),
            ),
            keys=("region_code", "year", "sex", "age"),
            kommune_column="region_code",
            notes=(
                "NOTE: før 2024 er 1508 Ålesund og 1580 Haram en 50/50-deling av gamle 1507, "
                "og før 2020 er 1806/1875 og 5055/5056/5059 vektede delinger: anslag, "
                "ikke SSB-tall (estimated = true).",
            ),
        ),
        Dataset(
            "befolkning_grupper",
            N_("datasett.befolkning_grupper"),
            _schema(
                ("region_code", S, False),
                ("region_level", S, False),
                ("year", I16, False),
                ("age_group", S, False),
                ("persons", I64, False),
                ("estimated", B, False),
            ),
            keys=("region_code", "year", "age_group"),
            kommune_column="region_code",
        ),
        Dataset(
            "framskriving",
            N_("datasett.framskriving"),
            _schema(
                ("table_id", S, False),
                ("region_code", S, False),
                ("region_level", S, False),
                ("alternative", S, False),
                ("year", I16, False),
                ("age_group", S, False),
                ("persons", I64, True),
            ),
            keys=("table_id", "region_code", "alternative", "year", "age_group"),
            kommune_column="region_code",
        ),
        Dataset(
            "kostra",
            N_("datasett.kostra"),
            _schema(
                ("region_code", S, False),
                ("region_name", S, False),
                ("region_level", S, False),
                ("indicator_code", S, False),
                ("indicator_label", S, False),
                ("unit", S, False),
                ("year", I16, False),
                ("value", F64, True),
                ("status", S, True),
                ("vintage", S, False),
                ("published", S, True),
                ("source", S, False),
                ("table_id", S, False),
                ("source_code", S, False),
            ),
            keys=("region_code", "indicator_code", "year"),
            schema_version=2,
            kommune_column="region_code",
            notes=(
                "NOTE: foreløpige tall 15. mars, endelige 15. juni; eldre år revideres.",
                "NOTE: source_code er regionkoden SSB publiserte tallet under; den skiller seg fra "
                "region_code når kommunen har fått nytt nummer uten å endre grenser.",
                "NOTE: brudd i KOSTRA-gruppene mellom 2019 og 2020 (ny inndeling).",
            ),
        ),
        Dataset(
            "tbu_kommunesektoren",
            N_("datasett.tbu_kommunesektoren"),
            _schema(
                ("year", I16, False),
                ("netto_driftsresultat_pct", F64, True),
                ("tbu_norm_pct", F64, True),
                ("disposisjonsfond_pct", F64, True),
            ),
            keys=("year",),
        ),
        Dataset(
            "utgiftsbehov",
            N_("datasett.utgiftsbehov"),
            _schema(
                ("kommune_code", S, False),
                ("year", I16, False),
                ("indeks", F64, True),
                ("note", S, True),
            ),
            keys=("kommune_code", "year"),
            kommune_column="kommune_code",
        ),
        Dataset(
            "naboer",
            N_("datasett.naboer"),
            _schema(("kommune_code", S, False), ("nabo_code", S, False)),
            keys=("kommune_code", "nabo_code"),
            year_column=None,
            kommune_column="kommune_code",
        ),
        Dataset(
            "kommunegrenser",
            N_("datasett.kommunegrenser"),
            None,
            fmt="geojson",
            year_column=None,
        ),
        Dataset(
            "fylkesgrenser",
            N_("datasett.fylkesgrenser"),
            None,
            fmt="geojson",
            year_column=None,
        ),
    ]
}


def get(name: str) -> Dataset:
    """Return the registered dataset called `name`, or raise KeyError naming the valid ones."""
    try:
        return DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None
