"""How long the 10 nearest municipalities take (kommuneokonomi.queries.liknende.nearest).

Cold: a fresh process, from import to the first list (reading the datasets, building the
features, standardising, all pairwise distances for the weights, the list with reasons),
phase by phase. In one process afterwards: a repeated call (cached), a new municipality
under the same weights, new weights (all pairwise distances again), and the model rebuilt
with the datasets already read. Beside it, for scale, the existing Sammenlign query for a
KOSTRA group (comparison set and its table) for the same municipalities.

    .venv/bin/python bench/liknende_timing.py [--cold-runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time

from benchlib import print_machine, summary

COLD = r"""
import json, time
t0 = time.perf_counter()
from kommuneokonomi.queries import liknende
from kommuneokonomi.queries.liknende import features, model
t1 = time.perf_counter()
from kommuneokonomi import data
for name in ("kommuner", "befolkning_grupper", "framskriving", "kostra", "kommune_kjennetegn",
             "utgiftsbehov"):
    data.frame(name)
data.geojson("kommunegrenser")
t2 = time.perf_counter()
liknende.standardised()
t3 = time.perf_counter()
liknende.pairwise_distances(model.weights())
t4 = time.perf_counter()
liknende.nearest("4601")
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "read datasets": t2 - t1, "features + z": t3 - t2,
                  "pairwise": t4 - t3, "nearest + reasons": t5 - t4, "total": t5 - t0}))
"""


def cold(runs: int) -> None:
    """Fresh processes: each phase's time until the first list."""
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, check=True
        ).stdout
        for phase, seconds in json.loads(out.strip().splitlines()[-1]).items():
            phases.setdefault(phase, []).append(seconds)
    print(f"\ncold, fresh process ({runs} runs):")
    for phase, values in phases.items():
        print(f"  {phase:<18} {summary(values)}")


def timed(call, *args) -> float:
    start = time.perf_counter()
    call(*args)
    return time.perf_counter() - start


def warm() -> None:
    """In one process: cached calls, new municipalities, new weights, rebuilt model."""
    from kommuneokonomi.queries import liknende, sammenlign
    from kommuneokonomi.queries.liknende import model

    codes = list(liknende.standardised().z.index)
    default = model.weights()
    liknende.nearest("4601", default)
    print("\nwarm, one process:")
    repeat = [timed(liknende.nearest, "4601", default) for _ in range(200)]
    print(f"  repeated call (cached)         {summary(repeat, 1e6, 'µs')}")
    fresh = [timed(liknende.nearest, code, default) for code in codes]
    print(f"  new municipality, same weights {summary(fresh)}")
    rng = random.Random(14)
    changed = []
    for _ in range(30):
        feature = rng.choice([c for c, _ in default])
        chosen = model.weights("standard", {feature: rng.choice([0.0, 0.5, 2.5, 4.0])})
        liknende.pairwise_distances.cache_clear()
        liknende.nearest.cache_clear()
        changed.append(timed(liknende.nearest, rng.choice(codes), chosen))
    print(f"  new weights (pairwise again)   {summary(changed)}")
    rebuilt = []
    for _ in range(5):
        for query in (liknende.standardised, liknende.pairwise_distances, liknende.nearest):
            query.cache_clear()
        rebuilt.append(timed(liknende.nearest, "4601", default))
    print(f"  model rebuilt, data read       {summary(rebuilt)}")

    def kostragruppe(code: str) -> None:
        chosen = sammenlign.comparison(code, "kostragruppe", (), 2024)
        sammenlign.table(chosen.members, 2025)

    sample = rng.sample(codes, 60)
    kostragruppe(sample[0])
    reference = [timed(kostragruppe, code) for code in sample[1:]]
    print(
        f"  for scale: Sammenlign kostragruppe set + table, new municipality {summary(reference)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold-runs", type=int, default=3)
    args = parser.parse_args()
    print_machine()
    cold(args.cold_runs)
    warm()


if __name__ == "__main__":
    main()
