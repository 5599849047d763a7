"""Embedded single chart (being built): only the chart, its title and its source line."""

import streamlit as st

from kommuneokonomi.i18n import t
from kommuneokonomi.ui.controls import current_lang

st.info(t("common.coming", current_lang()))
