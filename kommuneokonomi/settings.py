"""One place for configuration: paths and API settings, each overridable by the environment.

Nothing here depends on the working directory: paths are resolved from the project root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Resolved configuration for one process."""

    seed_dir: Path
    cache_dir: Path
    ssb_api_url: str
    ssb_klass_url: str
    rate_limit_calls: int
    rate_limit_window_s: float
    http_timeout_s: float

    @property
    def snapshot_dir(self) -> Path:
        """Directory of the embedded offline snapshot built from the seed files."""
        return self.cache_dir / "snapshot"

    @property
    def live_dir(self) -> Path:
        """Directory of the live cache written by `python -m loaders refresh`."""
        return self.cache_dir / "live"


def load_settings() -> Settings:
    """Read settings from the environment, falling back to the documented defaults."""
    env = os.environ
    return Settings(
        seed_dir=Path(env.get("KOMMUNE_SEED_DIR", PROJECT_ROOT.parent / "shared" / "data")),
        cache_dir=Path(env.get("KOMMUNE_CACHE_DIR", PROJECT_ROOT / "cache")),
        ssb_api_url=env.get("SSB_API_URL", "https://data.ssb.no/api/pxwebapi/v2").rstrip("/"),
        ssb_klass_url=env.get("SSB_KLASS_URL", "https://data.ssb.no/api/klass/v1").rstrip("/"),
        rate_limit_calls=int(env.get("SSB_RATE_LIMIT_CALLS", "25")),
        rate_limit_window_s=float(env.get("SSB_RATE_LIMIT_WINDOW", "60")),
        http_timeout_s=float(env.get("SSB_HTTP_TIMEOUT", "30")),
    )
