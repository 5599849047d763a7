"""The start-up heap is frozen once per server (kommuneokonomi.heap)."""

from __future__ import annotations

import gc

from kommuneokonomi import heap


def test_the_start_up_heap_is_frozen_once_and_later_objects_are_collected():
    heap.freeze_after_start_up()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    heap.freeze_after_start_up()
    assert gc.get_freeze_count() == frozen, "a second run freezes nothing more"

    class Cycle:
        pass

    made = Cycle()
    made.me = made
    del made
    assert gc.collect() > 0, "garbage made after the freeze is still collected"
