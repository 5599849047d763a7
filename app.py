"""Kommuneøkonomi: routes to the pages (st.navigation); the pages hold the content."""

import streamlit as st

from kommuneokonomi.i18n import t
from kommuneokonomi.ui.controls import current_lang

st.set_page_config(page_title="Kommuneøkonomi", page_icon="📊", layout="wide")
lang = current_lang()
pages = [
    st.Page("pages/kommuneprofil.py", title=t("nav.profil", lang), url_path="kommuneprofil",
            default=True),
]  # fmt: skip
st.navigation(pages, position="top").run()
