"""Refresh progress: a tqdm bar with ETA on a terminal, plain log lines otherwise.

The unit is one HTTP request to SSB: requests are what the rate limit meters, so their rate
is what the ETA should follow. The planned total grows as tables reveal how many chunks
their queries need.
"""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Counts requests against a planned total and reports steps, to a bar or as lines."""

    def __init__(self, total: int, *, stream: TextIO | None = None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        use_bar = self.stream.isatty() if bar is None else bar
        self.done = 0
        self.total = total
        self._bar = (
            tqdm(total=total, unit="req", file=self.stream, dynamic_ncols=True, leave=True)
            if use_bar
            else None
        )

    def plan(self, extra: int) -> None:
        """Add `extra` requests to the planned total (a query turned out to need more)."""
        self.total += extra
        if self._bar is not None:
            self._bar.total = self.total
            self._bar.refresh()

    def request(self) -> None:
        """One request was sent (counted by the rate limiter, so retries count too)."""
        self.done += 1
        if self.done > self.total:
            self.plan(self.done - self.total)
        if self._bar is not None:
            self._bar.update(1)

    def step(self, message: str) -> None:
        """Say what is happening now: the bar's description, or one log line."""
        if self._bar is not None:
            self._bar.set_description_str(message[:40])
        else:
            print(f"refresh: [{self.done}/{self.total} requests] {message}", file=self.stream)

    def note(self, message: str) -> None:
        """A line that must stay visible (a result, an error) without breaking the bar."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(f"refresh: {message}", file=self.stream)

    def close(self) -> None:
        """Finish the bar."""
        if self._bar is not None:
            self._bar.close()
