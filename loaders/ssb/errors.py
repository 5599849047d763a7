"""Typed errors for SSB's APIs, so a refresh can say in plain words what went wrong and where."""

from __future__ import annotations


class SsbError(Exception):
    """Base class: SSB could not give us what we asked for."""


class TableNotFound(SsbError):
    """The table id does not exist in PxWebApi (e.g. "table 99999 does not exist")."""


class InvalidValue(SsbError):
    """A selection names a value code the table's variable does not have."""


class MissingSelection(SsbError):
    """A variable that cannot be eliminated has no values in the selection."""


class TooManyCells(SsbError):
    """A request asks for more cells than SSB allows in one call (`maxDataCells`)."""


class RateLimited(SsbError):
    """SSB kept answering 429 Too Many Requests until the retry budget was spent."""


class ServerUnavailable(SsbError):
    """SSB answered 5xx, timed out or dropped the connection on every attempt."""


class BadResponse(SsbError):
    """SSB answered, but not with what the contract promises (HTML, cut JSON, wrong shape)."""


class UnexpectedDimensions(BadResponse):
    """A table's dimensions are not the ones the caller selected (renamed or dropped by SSB)."""


class TableDiscontinued(SsbError):
    """SSB marks the table as discontinued: it is no longer updated, so use its successor."""
