"""Exhibits for the sammenlign page."""

EXHIBITS: dict = {}
