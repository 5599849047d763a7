"""sammenlign page (being built)."""

import streamlit as st

from kommuneokonomi.i18n import t
from kommuneokonomi.ui import page

ctx = page.header("nav.sammenlign")
st.info(t("common.coming", ctx.lang))
