"""Every exhibit the app can show, by id, so embeds and exports can rebuild any of them.

Each views module declares `EXHIBITS = {"id": builder}` where a builder takes a ViewState
and returns an Exhibit; this module merges them (ids must be unique).
"""

from __future__ import annotations

from collections.abc import Callable

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import (
    befolkning,
    driftsresultat,
    framskriving,
    landsoversikt,
    om,
    profil,
    sammenlign,
)

Builder = Callable[[ViewState], Exhibit]

# Every views module with exhibits; add a new one here.
AREAS = (profil, driftsresultat, landsoversikt, befolkning, framskriving, sammenlign, om)

EXHIBITS: dict[str, Builder] = {}
for _module in AREAS:
    _clash = EXHIBITS.keys() & _module.EXHIBITS.keys()
    if _clash:
        raise KeyError(f"exhibit ids defined twice: {sorted(_clash)}")
    EXHIBITS.update(_module.EXHIBITS)


def build(exhibit_id: str, state: ViewState) -> Exhibit:
    """The exhibit `exhibit_id` for `state`; KeyError names the known ids if it is unknown."""
    try:
        builder = EXHIBITS[exhibit_id]
    except KeyError:
        raise KeyError(f"unknown exhibit {exhibit_id!r}; known: {', '.join(EXHIBITS)}") from None
    return builder(state)
