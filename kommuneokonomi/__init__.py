"""Kommuneøkonomi: the domain package (data layer, queries, charts, text) behind the dashboard."""
