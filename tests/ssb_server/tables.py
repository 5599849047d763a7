"""The tables the test SSB server serves: dense cubes built from the snapshot's REAL data.

Each table is a cube of float64 cells (NaN where the snapshot has no SSB figure) with a mask
of real cells. Where a test needs a full table the server fills the other cells with SYNTHETIC
values: repdigits (1111, 2222, ... 9999) chosen by a hash of the cell, so they are
deterministic, obviously artificial, and every answer containing one says so.

Dimension ids and code conventions follow SSB (checked against PxWebApi v2 answers and public
client code): 12134 `KOKkommuneregion0000`/`ContentsCode`/`Tid`; 12137
`KOKkommuneregion0000`/`KOKregnskapsbegrep0000`/`ContentsCode`/`Tid` (NOTE: its two
ContentsCode ids, an amount in 1000 kr and kr per innbygger, are this server's own: no
recorded answer shows SSB's, and the loader reads the measure from each code's unit);
07459 `Region`/`Kjonn`/`Alder` (000–104, 105+)/`ContentsCode` (Personer1)/`Tid`;
projections 14288/14746 `Region`/`Alder`/`ContentsCode` (Personer = MMMM, Personer1 = LLML,
Personer2 = HHMH)/`Tid`.
NOTE: the real projection tables also have `Kjonn` and single-year `Alder` codes with
aggregation codelists; the snapshot holds neither, so here `Alder` uses the age-group codes
of the snapshot and `Kjonn` is left out.
"""

from __future__ import annotations

import json
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kommuneokonomi.data import DataStore
from kommuneokonomi.indicators import (
    AMOUNT_TABLE,
    AMOUNTS,
    BELOP,
    INDICATORS,
    PER_INNBYGGER,
)
from loaders.ssb.jsonstat import Dimension

SYNTHETIC_NOTE = (
    "SYNTHETIC TEST DATA: cells without a real SSB figure in the offline snapshot hold "
    "artificial repdigit values (1111 ... 9999) from the local test server. Never publish them."
)

ALTERNATIVE_CODES = {
    "MMMM": ("Personer", "Hovedalternativet (MMMM)"),
    "LLML": ("Personer1", "Lav nasjonal vekst (LLML)"),
    "HHMH": ("Personer2", "Høy nasjonal vekst (HHMH)"),
}


@dataclass
class Cube:
    """A table's cells: values (NaN = no real figure), the real mask and status symbols."""

    dimensions: list[Dimension]
    values: np.ndarray
    real: np.ndarray
    statuses: dict[int, str] = field(default_factory=dict)


@dataclass
class ServedTable:
    """One table: its listing facts and a lazily built cube of cells."""

    table_id: str
    label: str
    updated: str
    first_period: str
    last_period: str
    subject_code: str
    variable_names: list[str]
    notes: list[str]
    build: Callable[[], Cube]
    _cube: Cube | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def cube(self) -> Cube:
        """The cells, built from the snapshot on first use."""
        with self._lock:
            if self._cube is None:
                self._cube = self.build()
            return self._cube


def synthetic_values(table_id: str, flat: np.ndarray) -> np.ndarray:
    """Deterministic, obviously artificial values for cells: 1111, 2222, ... 9999."""
    seed = zlib.crc32(table_id.encode())
    digit = (flat.astype(np.uint64) * np.uint64(2654435761) + np.uint64(seed)) >> np.uint64(7)
    return ((digit % np.uint64(9)) + np.uint64(1)).astype(np.float64) * 1111.0


def build_catalog(store: DataStore, fixtures: Path) -> dict[str, ServedTable]:
    """The served tables by id; cubes are built only when a test first asks for data."""
    notes_12134 = json.loads((fixtures / "v2_12134_data_jsonstat2.json").read_text())["note"]
    return {
        "12134": ServedTable(
            "12134",
            "12134: Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region og år",
            "2026-03-16T07:00:00Z",
            "2015",
            "2025",
            "os",
            ["region", "statistikkvariabel", "år"],
            list(notes_12134[:2]),
            lambda: _kostra_cube(store),
        ),
        AMOUNT_TABLE: ServedTable(
            AMOUNT_TABLE,
            f"{AMOUNT_TABLE}: Finansielle nøkkeltall i kroner per innbygger, kommunekonsern, "
            "etter region, regnskapsbegrep, statistikkvariabel og år",
            "2026-06-15T06:00:00Z",
            "2015",
            "2025",
            "os",
            ["region", "regnskapsbegrep", "statistikkvariabel", "år"],
            [],
            lambda: _amounts_cube(store),
        ),
        "07459": ServedTable(
            "07459",
            "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
            "2026-02-25T07:00:00Z",
            "2005",
            "2026",
            "be",
            ["region", "kjønn", "alder", "statistikkvariabel", "år"],
            [],
            lambda: _population_cube(store),
        ),
        "14288": ServedTable(
            "14288",
            "14288: Framskrevet folkemengde 1. januar, etter region, alder, "
            "statistikkvariabel og år (2024-framskrivingen)",
            "2024-06-13T06:00:00Z",
            "2024",
            "2050",
            "be",
            ["region", "alder", "statistikkvariabel", "år"],
            [],
            lambda: _projection_cube(store, "14288", range(2024, 2051)),
        ),
        "14746": ServedTable(
            "14746",
            "14746: Framskrevet folkemengde 1. januar, etter region, alder, "
            "statistikkvariabel og år (2026-framskrivingen)",
            "2026-02-26T07:00:00Z",
            "2026",
            "2050",
            "be",
            ["region", "alder", "statistikkvariabel", "år"],
            [],
            lambda: _projection_cube(store, "14746", range(2026, 2051)),
        ),
    }


# ---------------------------------------------------------------------------------------------
# Dimensions
# ---------------------------------------------------------------------------------------------


def _dimension(
    dim_id: str,
    label: str,
    codes: list[str],
    labels: list[str],
    *,
    elimination: bool,
    unit: dict | None = None,
    link: dict | None = None,
) -> Dimension:
    """A dimension with SSB's extension fields (elimination, show)."""
    return Dimension(
        dim_id,
        label,
        tuple(codes),
        tuple(labels),
        extension={"elimination": elimination, "show": "code_value"},
        unit=unit,
        link=link,
    )


def _years(years: range) -> Dimension:
    """SSB's time dimension `Tid` (mandatory)."""
    codes = [str(y) for y in years]
    return _dimension("Tid", "år", codes, codes, elimination=False)


def _historical(store: DataStore) -> pd.DataFrame:
    """Municipality codes no longer in use, labelled with their last year: "Moss (-2019)"."""
    changes = store.frame("kodeendringer")
    current = set(store.frame("kommuner")["kommune_code"])
    old = changes[~changes["old_code"].isin(current)].drop_duplicates("old_code")
    last_year = (old["changed_on"].str[:4].astype(int) - 1).astype(str)
    return pd.DataFrame(
        {"code": old["old_code"], "name": old["old_name"] + " (-" + last_year + ")"}
    )


def _kostra_regions(store: DataStore) -> Dimension:
    """12134's `KOKkommuneregion0000`: aggregates first, then current and historical codes."""
    kommuner = store.frame("kommuner")
    groups = store.frame("kostragrupper")
    counties = kommuner.drop_duplicates("county_code").sort_values("county_code")
    historical = _historical(store)
    municipal = pd.concat(
        [
            pd.DataFrame({"code": kommuner["kommune_code"], "name": kommuner["kommune_name"]}),
            historical,
        ]
    ).sort_values("code")
    codes = ["EAK", "EAKUO", *groups["kostragruppe_code"]]
    labels = ["Landet", "Landet uten Oslo", *groups["kostragruppe_name"]]
    codes += [f"EAFK{c}" for c in counties["county_code"]]
    labels += [f"{n} (fylkeskommune)" for n in counties["county_name"]]
    link = {
        "describedby": [{"extension": {"KOKkommuneregion0000": "urn:ssb:classification:klass:231"}}]
    }
    return _dimension(
        "KOKkommuneregion0000",
        "region",
        [*codes, *municipal["code"]],
        [*labels, *municipal["name"]],
        elimination=False,
        link=link,
    )


def _population_regions(store: DataStore) -> Dimension:
    """07459's `Region`: "0" Hele landet, counties, current and historical municipalities."""
    kommuner = store.frame("kommuner")
    counties = kommuner.drop_duplicates("county_code").sort_values("county_code")
    historical = _historical(store)
    codes = ["0", *counties["county_code"], *kommuner["kommune_code"], *historical["code"]]
    labels = [
        "Hele landet",
        *counties["county_name"],
        *kommuner["kommune_name"],
        *historical["name"],
    ]
    return _dimension("Region", "region", codes, labels, elimination=False)


def _projection_regions(store: DataStore) -> Dimension:
    """Projection `Region`: "0", counties and every current municipality."""
    kommuner = store.frame("kommuner")
    counties = kommuner.drop_duplicates("county_code").sort_values("county_code")
    codes = ["0", *counties["county_code"], *kommuner["kommune_code"]]
    labels = ["Hele landet", *counties["county_name"], *kommuner["kommune_name"]]
    return _dimension("Region", "region", codes, labels, elimination=False)


# ---------------------------------------------------------------------------------------------
# Cubes
# ---------------------------------------------------------------------------------------------


def _fill(dims: list[Dimension], columns: dict[str, pd.Series], values: pd.Series) -> Cube:
    """A cube with `values` placed at the cells named by `columns` (rows off the cube ignored)."""
    shape = tuple(len(d.codes) for d in dims)
    flat = np.zeros(len(values), dtype=np.int64)
    keep = np.ones(len(values), dtype=bool)
    stride = 1
    for dim in reversed(dims):
        pos = pd.Index(dim.codes).get_indexer(columns[dim.id].astype(str))
        keep &= pos >= 0
        flat += np.where(pos >= 0, pos, 0).astype(np.int64) * stride
        stride *= len(dim.codes)
    cube = np.full(int(np.prod(shape)), np.nan)
    real = np.zeros(cube.size, dtype=bool)
    cube[flat[keep]] = values.to_numpy(dtype=np.float64, na_value=np.nan)[keep]
    real[flat[keep]] = True
    return Cube(dims, cube.reshape(shape), real.reshape(shape))


def _kostra_cube(store: DataStore) -> Cube:
    """12134 from the snapshot's `kostra` rows (values and status symbols as published)."""
    frame = store.frame("kostra")
    frame = frame[frame["indicator_code"].isin(INDICATORS)]
    contents = _dimension(
        "ContentsCode",
        "statistikkvariabel",
        list(INDICATORS),
        [
            f"{i.name_nb} ({'prosent' if i.unit == 'prosent' else i.unit})"
            for i in INDICATORS.values()
        ],
        elimination=False,
        unit={
            code: {"base": i.unit, "decimals": 1 if i.unit == "prosent" else 0}
            for code, i in INDICATORS.items()
        },
    )
    dims = [_kostra_regions(store), contents, _years(range(2015, 2026))]
    cube = _fill(
        dims,
        {
            "KOKkommuneregion0000": frame["region_code"],
            "ContentsCode": frame["indicator_code"],
            "Tid": frame["year"],
        },
        frame["value"],
    )
    statuses = frame["status"].astype(object)
    with_status = frame[statuses.notna() & (statuses != "")]
    if len(with_status):
        positions = [
            pd.Index(d.codes).get_indexer(with_status[col].astype(str))
            for d, col in zip(dims, ["region_code", "indicator_code", "year"], strict=True)
        ]
        flat = np.ravel_multi_index(positions, cube.values.shape)
        cube.statuses = dict(zip(flat.tolist(), with_status["status"].tolist(), strict=True))
    return cube


# This server's ContentsCodes for 12137's two measures, with SSB-style labels and units.
AMOUNT_CONTENTS = {
    BELOP: ("KOSbelop0000", "Beløp (1000 kr)", "1000 kr"),
    PER_INNBYGGER: ("KOSbelopinnbygg0000", "Kroner per innbygger (kr)", "kr"),
}
BEGREP_LABELS = {
    "AGD13": "Brutto driftsinntekter",
    "AGD23": "Netto driftsresultat",
    "KG31": "Netto lånegjeld",
}


def _amounts_cube(store: DataStore) -> Cube:
    """12137 from the snapshot's amount rows (`kostra` rows of the 12137 indicator codes),
    under today's code and, where SSB published a year under an older number, under that too
    (as the seed file has them)."""
    frame = store.frame("kostra")
    frame = frame[frame["indicator_code"].isin(AMOUNTS)]
    older = frame[frame["source_code"] != frame["region_code"]]
    frame = pd.concat([frame, older.assign(region_code=older["source_code"])])
    begrep, _, measure = frame["indicator_code"].str.partition("_").T.to_numpy()
    dims = [
        _kostra_regions(store),
        _dimension(
            "KOKregnskapsbegrep0000",
            "regnskapsbegrep",
            list(BEGREP_LABELS),
            list(BEGREP_LABELS.values()),
            elimination=False,
        ),
        _dimension(
            "ContentsCode",
            "statistikkvariabel",
            [code for code, _, _ in AMOUNT_CONTENTS.values()],
            [label for _, label, _ in AMOUNT_CONTENTS.values()],
            elimination=False,
            unit={
                code: {"base": unit, "decimals": 0} for code, _, unit in AMOUNT_CONTENTS.values()
            },
        ),
        _years(range(2015, 2026)),
    ]
    return _fill(
        dims,
        {
            "KOKkommuneregion0000": frame["region_code"],
            "KOKregnskapsbegrep0000": pd.Series(begrep, index=frame.index),
            "ContentsCode": pd.Series([AMOUNT_CONTENTS[m][0] for m in measure], index=frame.index),
            "Tid": frame["year"],
        },
        frame["value"],
    )


def _population_cube(store: DataStore) -> Cube:
    """07459 from the snapshot's single-year `befolkning` rows; estimated splits are left out.

    NOTE: the seed's pre-2024 figures for 1508/1580 (and pre-2020 for 1806/1875, 5055/5056/
    5059) are splits of the old municipality, not SSB figures, so they are not served as real.
    """
    frame = store.frame("befolkning")
    frame = frame[~frame["estimated"]]
    ages = [f"{a:03d}" for a in range(105)] + ["105+"]
    age_labels = [f"{a} år" for a in range(105)] + ["105 år eller eldre"]
    dims = [
        _population_regions(store),
        _dimension("Kjonn", "kjønn", ["1", "2"], ["Menn", "Kvinner"], elimination=True),
        _dimension("Alder", "alder", ages, age_labels, elimination=True),
        _dimension(
            "ContentsCode",
            "statistikkvariabel",
            ["Personer1"],
            ["Personer"],
            elimination=False,
            unit={"Personer1": {"base": "personer", "decimals": 0}},
        ),
        _years(range(2005, 2027)),
    ]
    age_codes = np.where(frame["age"] >= 105, "105+", frame["age"].map("{:03d}".format))
    return _fill(
        dims,
        {
            "Region": frame["region_code"],
            "Kjonn": frame["sex"],
            "Alder": pd.Series(age_codes, index=frame.index),
            "ContentsCode": pd.Series("Personer1", index=frame.index),
            "Tid": frame["year"],
        },
        frame["persons"],
    )


def _projection_cube(store: DataStore, table_id: str, years: range) -> Cube:
    """14288/14746 from the snapshot's `framskriving` rows of that table."""
    frame = store.frame("framskriving")
    frame = frame[(frame["table_id"] == table_id) & (frame["age_group"] != "total")]
    groups = ["0", "1-5", "6-12", "13-15", "16-19", "20-44", "45-66", "67-79", "80-89", "90+"]
    group_labels = [f"{g} år" if g != "90+" else "90 år eller eldre" for g in groups]
    dims = [
        _projection_regions(store),
        _dimension("Alder", "alder", groups, group_labels, elimination=True),
        _dimension(
            "ContentsCode",
            "statistikkvariabel",
            [code for code, _ in ALTERNATIVE_CODES.values()],
            [label for _, label in ALTERNATIVE_CODES.values()],
            elimination=False,
            unit={
                code: {"base": "personer", "decimals": 0} for code, _ in ALTERNATIVE_CODES.values()
            },
        ),
        _years(years),
    ]
    return _fill(
        dims,
        {
            "Region": frame["region_code"],
            "Alder": frame["age_group"],
            "ContentsCode": frame["alternative"].map(lambda a: ALTERNATIVE_CODES[a][0]),
            "Tid": frame["year"],
        },
        frame["persons"],
    )
