"""Texts for the Sammenlign (compare) page."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {}
