"""The page as a whole, for screen readers and keyboards: its language and a few styles.

NOTE: Streamlit serves every page as `<html lang="en">`, and a reader who switches language
never reloads the page. A tiny component (no iframe, nothing drawn) sets the document's
language on every script run, so screen readers pronounce bokmål, nynorsk or English as
such, and adds the styles below once: captions dark enough to read (Streamlit fades them to
4.4:1 against white, WCAG 2.1 AA asks 4.5:1).
"""

from __future__ import annotations

from functools import cache

import streamlit as st

KEY = "document-language"

JS = """
export default function ({ data }) {
  if (data && document.documentElement.lang !== data) document.documentElement.lang = data;
}
"""

# The component's own element takes no room; captions and the charts' "Vis som tabell"
# (Streamlit fades both with opacity 0.6) in a grey at 6:1.
CSS = f"""
.st-key-{KEY} {{ display: none; }}
[data-testid="stCaptionContainer"], [class*="st-key-tabell-"] summary {{
  opacity: 1; color: #5f6368; }}
"""


@cache
def _component():
    return st.components.v2.component(
        "kommuneokonomi.document", js=JS, css=CSS, isolate_styles=False
    )


def document_language(lang: str) -> None:
    """Set the page's `<html lang>` to the UI language ('nb', 'nn' or 'en')."""
    _component()(key=KEY, data=lang)
