"""Benchmark: parse a >1 M-cell SSB JSON-stat2 response with loaders.ssb.jsonstat and pyjstat.

    .venv/bin/python bench/jsonstat_parse.py [--runs 5] [--pyjstat-runs 3]

The response has SSB table 07459's shape (Region × Kjonn × Alder × ContentsCode × Tid) and
holds the offline snapshot's population counts (`befolkning`, including its flagged estimates),
used here only to time parsing. Both parsers start from the same bytes and decode the JSON.
Peak memory is the rise in resident memory during one run in a fresh process (Linux only);
frame size is pandas' memory_usage(deep=True), which counts the shared None of an empty
`status` once per row (16 B).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from pyjstat import pyjstat

from kommuneokonomi import data
from loaders.ssb.jsonstat import Dimension, parse, to_jsonstat

OLDEST_AGE = 105  # NOTE: SSB's top age code in 07459 is "105+" (105 years or older)


def _age_code(age: int) -> str:
    return "105+" if age == OLDEST_AGE else f"{age:03d}"


def _age_label(age: int) -> str:
    return "105 år eller eldre" if age == OLDEST_AGE else f"{age} år"


def _tidy_population() -> pd.DataFrame:
    """The snapshot population table with 07459's dimension ids and codes."""
    pop = data.frame("befolkning")
    ages = range(OLDEST_AGE + 1)
    return pd.DataFrame(
        {
            "Region": pop["region_code"],
            "Kjonn": pop["sex"],
            "Alder": pop["age"].map(dict(zip(ages, map(_age_code, ages), strict=True))),
            "ContentsCode": "Personer1",
            "Tid": pop["year"].astype(str),
            "value": pop["persons"].astype("float64"),
        }
    )


def _dimensions(tidy: pd.DataFrame) -> list[Dimension]:
    """07459's dimensions, with municipality names from the snapshot."""
    names = data.frame("kommuner").set_index("kommune_code")["kommune_name"]
    regions = tuple(sorted(tidy["Region"].unique()))
    years = tuple(sorted(tidy["Tid"].unique()))
    ages = range(OLDEST_AGE + 1)
    return [
        Dimension("Region", "region", regions, tuple(names.get(r, r) for r in regions)),
        Dimension("Kjonn", "kjønn", ("1", "2"), ("Menn", "Kvinner")),
        Dimension("Alder", "alder", tuple(map(_age_code, ages)), tuple(map(_age_label, ages))),
        Dimension(
            "ContentsCode",
            "statistikkvariabel",
            ("Personer1",),
            ("Personer",),
            unit={"Personer1": {"base": "personer", "decimals": 0}},
        ),
        Dimension("Tid", "år", years, years),
    ]


def population_response() -> bytes:
    """The snapshot's population table serialised as a 07459-shaped JSON-stat2 response."""
    tidy = _tidy_population()
    doc = to_jsonstat(
        tidy,
        _dimensions(tidy),
        label="07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
        updated=f"{data.provenance('befolkning').as_of}T08:00:00Z",
    )
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def parse_with_ours(raw: bytes) -> pd.DataFrame:
    """loaders.ssb.jsonstat.parse: codes, labels, value and status."""
    return parse(raw)


def parse_with_pyjstat(raw: bytes) -> pd.DataFrame:
    """pyjstat's documented path: Dataset.read(json text).write("dataframe")."""
    return pyjstat.Dataset.read(raw.decode("utf-8")).write("dataframe")


PARSERS: dict[str, Callable[[bytes], pd.DataFrame]] = {
    "loaders.ssb.jsonstat": parse_with_ours,
    "pyjstat": parse_with_pyjstat,
}


def median_seconds(parser: Callable[[bytes], pd.DataFrame], raw: bytes, runs: int) -> float:
    """Median wall time of `runs` full parses of `raw`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parser(raw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _proc_status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


def peak_mib(name: str, raw: bytes) -> float:
    """Rise in resident memory (MiB) during one parse; runs in a fresh process."""
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current RSS
    before = _proc_status_kib("VmRSS")
    PARSERS[name](raw)
    return (_proc_status_kib("VmHWM") - before) / 1024


def main() -> None:
    """Build the response, time both parsers and print the figures."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5, help="timed runs of our parser")
    args.add_argument("--pyjstat-runs", type=int, default=3, help="timed runs of pyjstat")
    opts = args.parse_args()

    raw = population_response()
    ours = parse_with_ours(raw)
    theirs = parse_with_pyjstat(raw)
    same = ours["value"].to_numpy().tobytes() == theirs["value"].to_numpy().tobytes()
    cells = len(ours)
    print(f"response: {cells:,} cells, {len(raw):,} bytes ({len(raw) / 2**20:.1f} MiB)")
    print(f"values identical in both frames (NaN included): {same}")

    runs = {"loaders.ssb.jsonstat": opts.runs, "pyjstat": opts.pyjstat_runs}
    spawn = multiprocessing.get_context("spawn")
    seconds = {}
    for name, parser in PARSERS.items():
        seconds[name] = median_seconds(parser, raw, runs[name])
        with spawn.Pool(1) as pool:
            peak = pool.apply(peak_mib, (name, raw))
        frame_mib = (ours if parser is parse_with_ours else theirs).memory_usage(deep=True).sum()
        print(
            f"{name:<21} median of {runs[name]}: {seconds[name]:7.3f} s  "
            f"{cells / seconds[name]:>12,.0f} cells/s  peak +{peak:6.0f} MiB  "
            f"frame {frame_mib / 2**20:5.0f} MiB"
        )
    ratio = seconds["pyjstat"] / seconds["loaders.ssb.jsonstat"]
    print(f"loaders.ssb.jsonstat is {ratio:.1f}x faster than pyjstat")


if __name__ == "__main__":
    main()
