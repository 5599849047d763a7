"""Live refresh from SSB (`python -m loaders refresh`): declarative specs, one shared client.

Modules: `spec` (what a loader declares), `klass`, `befolkning`, `framskriving`, `kostra`
(the loaders), `run` (fetch, validate, publish), `cache` (the live cache directory) and
`progress` (bar or log lines). See docs/refresh.md.
"""

from loaders.refresh.run import SPECS, RefreshReport, refresh, specs_for

__all__ = ["SPECS", "RefreshReport", "refresh", "specs_for"]
