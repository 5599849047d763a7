"""Kommuneøkonomi: routes to the pages (st.navigation); the pages hold the content."""

import streamlit as st

from kommuneokonomi.errors import DataError
from kommuneokonomi.heap import freeze_after_start_up
from kommuneokonomi.i18n import t, use_language
from kommuneokonomi.ui.controls import current_lang
from kommuneokonomi.ui.page import to_start

st.set_page_config(page_title="Kommuneøkonomi", page_icon="📊", layout="wide")
use_language(current_lang())  # navigation titles are texts too; the page header sets it again
# The start page answers at `/`; the hidden alias gives `/kommuneprofil` too (ui.page.to_start).
start = st.Page("pages/kommuneprofil.py", title=t("nav.profil"), url_path="", default=True)
pages = [
    start,
    st.Page("pages/driftsresultat.py", title=t("nav.driftsresultat"), url_path="driftsresultat"),
    st.Page("pages/befolkning.py", title=t("nav.befolkning"), url_path="befolkning"),
    st.Page("pages/sammenlign.py", title=t("nav.sammenlign"), url_path="sammenlign"),
    st.Page("pages/om_dataene.py", title=t("nav.om"), url_path="om-dataene"),
    st.Page("pages/embed.py", title=t("nav.embed"), url_path="embed", visibility="hidden"),
    st.Page(to_start(start), title=t("nav.profil"), url_path="kommuneprofil", visibility="hidden"),
]
try:
    st.navigation(pages, position="top").run()
except DataError as error:  # a missing or corrupt dataset: say which and how to fix it
    st.error(t("common.data_error", error=error), icon=":material/error:")
freeze_after_start_up()  # once per server: the start-up heap leaves the collector's way
