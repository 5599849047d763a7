"""Every exhibit the app can show, by id, so embeds and exports can rebuild any of them.

Each views module declares `EXHIBITS = {"id": builder}` where a builder takes a ViewState
and returns an Exhibit; this module merges them (ids must be unique). Builders from here make
their texts in the state's language, whatever language the caller runs in (an embed, an
export, a test).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.i18n import language
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import (
    befolkning,
    driftsresultat,
    framskriving,
    landsoversikt,
    liknende,
    liknende_metode,
    om,
    profil,
    sammenlign_grafer,
    sammenlign_tabell,
)

Builder = Callable[[ViewState], Exhibit]

# Every views module with exhibits; add a new one here.
AREAS = (
    profil,
    driftsresultat,
    landsoversikt,
    befolkning,
    framskriving,
    sammenlign_tabell,
    sammenlign_grafer,
    liknende,
    om,
    liknende_metode,
)


def in_state_language(builder: Builder) -> Builder:
    """The builder, run in the language of the ViewState it is given."""

    @functools.wraps(builder)
    def build(state: ViewState) -> Exhibit:
        with language(state.lang):
            return builder(state)

    return build


EXHIBITS: dict[str, Builder] = {}
for _module in AREAS:
    _clash = EXHIBITS.keys() & _module.EXHIBITS.keys()
    if _clash:
        raise KeyError(f"exhibit ids defined twice: {sorted(_clash)}")
    EXHIBITS.update({name: in_state_language(b) for name, b in _module.EXHIBITS.items()})


def build(exhibit_id: str, state: ViewState) -> Exhibit:
    """The exhibit `exhibit_id` for `state`; KeyError names the known ids if it is unknown."""
    try:
        builder = EXHIBITS[exhibit_id]
    except KeyError:
        raise KeyError(f"unknown exhibit {exhibit_id!r}; known: {', '.join(EXHIBITS)}") from None
    return builder(state)
