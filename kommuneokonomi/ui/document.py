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
# (Streamlit fades both with opacity 0.6) in a grey at 6:1; the label of a control that is
# switched off (Sammenlign's base year) at 5.3:1 instead of Streamlit's 2.5:1, so it can be
# read while it waits (WCAG exempts inactive controls, but a reader still needs its name);
# and one clear focus ring (6.7:1) on every control reached by Tab, where Streamlit's own is a
# faint change of border colour on its pickers and none on some buttons.
CSS = f"""
.st-key-{KEY} {{ display: none; }}
[data-testid="stCaptionContainer"], [class*="st-key-tabell-"] summary {{
  opacity: 1; color: #5f6368; }}
[data-testid="stWidgetLabel"][disabled] p {{ color: #6b6e72; }}
:is(a, button, summary, [role="switch"], [tabindex="0"]):focus-visible {{
  outline: 2px solid #1f5f99 !important; outline-offset: 2px; }}
[role="group"]:has(> input:focus-visible) {{ outline: 2px solid #1f5f99; outline-offset: 1px; }}
"""


@cache
def _component():
    return st.components.v2.component(
        "kommuneokonomi.document", js=JS, css=CSS, isolate_styles=False
    )


def document_language(lang: str) -> None:
    """Set the page's `<html lang>` to the UI language ('nb', 'nn' or 'en')."""
    _component()(key=KEY, data=lang)
