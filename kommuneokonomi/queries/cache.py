"""Memoise small query results per process, dropped when the served data changes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from kommuneokonomi import data

P = ParamSpec("P")
R = TypeVar("R")


def cached(maxsize: int = 1024) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a pure query on its (hashable) arguments and the data generation.

    Results are shared between sessions, so callers must not mutate returned frames.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.lru_cache(maxsize=maxsize)
        def keyed(_generation: int, *args: P.args, **kwargs: P.kwargs) -> R:
            return func(*args, **kwargs)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return keyed(data.generation(), *args, **kwargs)

        wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
