"""Loaders: build the offline snapshot from seed files and refresh datasets from SSB's API."""
