"""Render an exhibit on a page: the chart (title and source inside), notes, and its menu."""

from __future__ import annotations

import streamlit as st

from kommuneokonomi.charts.theme import plotly_config
from kommuneokonomi.exhibit import Exhibit


def show(exhibit: Exhibit, *, key: str | None = None) -> None:
    """Draw the exhibit's figure (or say plainly that there is nothing to draw) and its notes."""
    if exhibit.figure is not None:
        st.plotly_chart(
            exhibit.figure,
            key=key or f"chart-{exhibit.id}",
            config=plotly_config(exhibit.filename_stem),
            theme=None,
        )
    for note in exhibit.notes:
        st.caption(note)
