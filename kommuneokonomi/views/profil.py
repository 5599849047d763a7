"""Exhibits for the profil page."""

EXHIBITS: dict = {}
