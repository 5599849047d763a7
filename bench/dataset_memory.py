"""Memory the datasets take in one process, and proof that a second reader gets the same copy.

Compare the total with the server's RSS growth per session in bench/load_ws.py: if sessions
copied datasets, every session would add about this much.

    .venv/bin/python bench/dataset_memory.py
"""

from __future__ import annotations

import os

from benchlib import print_machine, rss_bytes

from kommuneokonomi import data
from kommuneokonomi.datasets import DATASETS


def main() -> None:
    """Load every dataset, print its in-memory size, the total, and the process RSS."""
    print_machine()
    mib = 1024 * 1024
    rss_before = rss_bytes(os.getpid())
    store = data.store()
    total = 0
    for name, dataset in sorted(DATASETS.items()):
        if dataset.fmt == "geojson":
            store.geojson(name)
            prov = store.provenance(name)
            size = (prov.directory / prov.entry["file"]).stat().st_size
            kind = "GeoJSON, size on disk"
        else:
            frame = store.frame(name)
            size = int(frame.memory_usage(deep=True).sum())
            kind = f"{len(frame)} rows"
            assert data.frame(name) is frame, f"{name} was loaded twice"
        total += size
        print(f"  {name:<26} {size / mib:7.1f} MiB  ({kind})")
    print(
        f"  total {total / mib:.0f} MiB; process RSS {rss_before / mib:.0f} -> "
        f"{rss_bytes(os.getpid()) / mib:.0f} MiB; a second read returns the same objects"
    )


if __name__ == "__main__":
    main()
