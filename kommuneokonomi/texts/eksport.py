"""Texts for sharing, embedding and exporting exhibits."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {}
