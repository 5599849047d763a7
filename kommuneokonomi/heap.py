"""The server's Python heap: what start-up loaded is kept out of the garbage collector's way.

A full collection walks every object the process holds. After start-up that is some 200 000
long-lived ones (Streamlit, pandas, plotly and their modules, the data snapshot, the first
views built), none of which become garbage; walking them took 60-100 ms, in the middle of a
script run, on about one page switch in four (bench/RESULTS.md). Frozen (gc.freeze), they
are skipped, and a full collection of what later runs leave takes a few ms. Objects made
after the freeze are collected as before.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_frozen = False


def freeze_after_start_up() -> None:
    """After the first complete script run: collect what start-up left as garbage, then
    freeze the rest. Later calls do nothing."""
    global _frozen
    with _lock:
        if _frozen:
            return
        gc.collect()
        gc.freeze()
        _frozen = True
