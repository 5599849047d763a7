"""Typed errors for data problems, so callers can tell the user what is wrong in plain words."""

from __future__ import annotations


class DataError(Exception):
    """Base class: a dataset cannot be served as asked."""


class DatasetMissing(DataError):
    """No usable file exists for the dataset in either the live cache or the snapshot."""


class DatasetCorrupt(DataError):
    """A dataset file exists but cannot be read, or does not match its manifest or schema."""
