"""Texts for the "Om dataene" page: sources, definitions, coverage, freshness."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {}
