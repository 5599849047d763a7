"""SSB API: client, JSON-stat2 parser and one module per table to refresh."""
