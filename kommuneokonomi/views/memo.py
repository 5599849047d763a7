"""Memoise exhibit builders, so a rerun for a view seen before reuses the built figure."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from kommuneokonomi import i18n
from kommuneokonomi.charts import theme
from kommuneokonomi.queries.cache import cached

P = ParamSpec("P")
R = TypeVar("R")


def cached_view(maxsize: int = 64) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a builder like a query (queries.cache.cached: arguments and data generation),
    and on the phone/desktop layout and the language its texts are made in too.

    Building a figure costs 10–50 ms (the map more); sessions share the cache, so switching
    back to a municipality, or a second reader of the same one, skips it. The layout flag is
    part of the key because builders size figures for phones, the language (i18n.current)
    because every title and note is text: bokmål and English of one view are two entries,
    also for builders that take no ViewState. Exhibits are never mutated.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @cached(maxsize)
        def keyed(_compact: bool, _language: str, *args: P.args, **kwargs: P.kwargs) -> R:
            return func(*args, **kwargs)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return keyed(theme.COMPACT.get(), i18n.current(), *args, **kwargs)

        wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
