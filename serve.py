"""`make run`'s server: the app (app.py) with its static files sent precompressed and cached
for good (kommuneokonomi/precompressed.py). `streamlit run serve.py` finds `app` below.
Behind nginx (deploy/run_cluster.sh) the processes run app.py and nginx sends those files."""

import streamlit as st
from starlette.middleware import Middleware

from kommuneokonomi.precompressed import PrecompressedStatic

app = st.App("app.py", middleware=[Middleware(PrecompressedStatic)])
