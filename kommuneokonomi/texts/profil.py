"""Texts for the Kommuneprofil (start) page: cards and summary sentences."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {}
