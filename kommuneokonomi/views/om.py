"""Exhibits for the om page."""

EXHIBITS: dict = {}
