"""Embedded single chart: only the exhibit (chart with its title and source line inside, or
a table with its title and source line) for an iframe in an article; no header or navigation.
"""

import logging

import streamlit as st

from kommuneokonomi import embed
from kommuneokonomi.charts import theme
from kommuneokonomi.errors import DataError
from kommuneokonomi.i18n import t, use_language
from kommuneokonomi.state import shown
from kommuneokonomi.ui import exhibit, page
from kommuneokonomi.ui.document import document_language
from kommuneokonomi.views import catalog

log = logging.getLogger(__name__)

# Fixed CSS (no user text): hide Streamlit's header, navigation (top or sidebar) and toolbar,
# trim padding. NOTE: the sidebar appears when Streamlit serves a deep link before anyone
# opened the app's root since the server started (it then treats pages/ as a v1 page folder).
st.markdown(
    "<style>[data-testid='stHeader'], [data-testid='stToolbar'], [data-testid='stDecoration'],"
    " [data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl']"
    " {display: none !important;} [data-testid='stMainBlockContainer'] {padding: 0.25rem 0.5rem"
    " 0 0.5rem !important; max-width: 100% !important;}</style>",
    unsafe_allow_html=True,
)
vis, state, notices = embed.request(st.query_params.get_all)
use_language(state.lang)  # the link's language, for every text below
document_language(state.lang)
theme.COMPACT.set(page.is_compact())
for notice in notices:
    st.caption(t(notice.key, **notice.values))
if not vis:
    st.info(t("eksport.embed_missing"), icon=":material/info:")
elif vis not in catalog.EXHIBITS:
    st.info(t("eksport.embed_unknown", value=shown(vis)), icon=":material/info:")
else:
    try:
        shown_exhibit = catalog.build(vis, state)
    except DataError:
        st.info(t("eksport.embed_failed"), icon=":material/info:")
    except Exception:  # an embed in someone's article must never show a traceback
        log.exception("embed %s failed for %s", vis, state.query())
        st.info(t("eksport.embed_failed"), icon=":material/info:")
    else:
        if shown_exhibit.figure is None and shown_exhibit.data.empty:
            st.info(shown_exhibit.title, icon=":material/info:")  # says why there is nothing
        exhibit.show(shown_exhibit, menu=False)
