"""Streamlit glue: shared controls, the page frame and exhibit rendering (no data logic)."""
