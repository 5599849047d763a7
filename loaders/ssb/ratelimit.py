"""A client-side sliding-window rate limit, so we stay under SSB's per-IP limit and never see 429.

NOTE: SSB documents 30 requests per 60 s per IP; responses have also announced
`x-ratelimit-policy: 40;w=60s`, and `/config` reports `maxCallsPerTimeWindow: 0`. We keep our
own, lower limit (settings: 25 per 60 s) rather than trusting any one of those numbers.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowLimiter:
    """At most `calls` acquisitions in any `window_s` seconds, shared by every thread using it.

    `clock` and `sleep` are injectable so tests can run minutes of traffic in no time.
    """

    def __init__(
        self,
        calls: int,
        window_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if calls < 1 or window_s <= 0:
            raise ValueError(f"need calls >= 1 and window_s > 0, got {calls} per {window_s} s")
        self.calls = calls
        self.window_s = window_s
        self._clock = clock
        self._sleep = sleep
        self._stamps: deque[float] = deque()
        self._blocked_until = 0.0
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Block until a request may be sent, record it, and return the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                while self._stamps and now - self._stamps[0] >= self.window_s:
                    self._stamps.popleft()
                wait = self._blocked_until - now
                if len(self._stamps) >= self.calls:
                    wait = max(wait, self._stamps[0] + self.window_s - now)
                if wait <= 0:
                    self._stamps.append(now)
                    return waited
            self._sleep(wait)
            waited += wait

    def hold(self, seconds: float) -> None:
        """Let nobody send for `seconds` (SSB said Retry-After), on top of the window rule."""
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)
