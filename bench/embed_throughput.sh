#!/usr/bin/env bash
# Static-embed throughput: wrk against one static chart embed (a self-contained HTML file),
# served by Streamlit's static serving on one app process directly, and by nginx from the
# same static/ directory (deploy/run_cluster.sh), each without and with gzip.
#
#   bench/embed_throughput.sh                # start the cluster, measure both, stop it
#   bench/embed_throughput.sh --no-start     # against a cluster already running
#
# Settings (environment): KOMMUNE_APP_PORTS, KOMMUNE_NGINX_PORT (as for run_cluster.sh),
# WRK_THREADS (2), WRK_CONNECTIONS (50), WRK_DURATION (20s), EMBED_FILE (a path under
# static/; default: the Oslo ndr-trend embed, written by `python -m kommuneokonomi.embed`).
# If the embed cannot be written, a plotly figure saved with write_html (plotly.js inlined,
# like the real embeds) stands in, and the output says so.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KOMMUNE_APP_PORTS="${KOMMUNE_APP_PORTS:-8541 8542}"
export KOMMUNE_NGINX_PORT="${KOMMUNE_NGINX_PORT:-8540}"
THREADS="${WRK_THREADS:-2}"
CONNECTIONS="${WRK_CONNECTIONS:-50}"
DURATION="${WRK_DURATION:-20s}"
PY="$ROOT/.venv/bin/python"
STAND_IN="static/bench-plotly-write-html.html"

if [[ "${1:-}" != "--no-start" && "${1:-}" != "--measure" ]]; then
    exec "$ROOT/deploy/run_cluster.sh" run -- "$0" --measure
fi

cd "$ROOT"
file="${EMBED_FILE:-}"
if [[ -z "$file" ]]; then
    if written="$("$PY" -m kommuneokonomi.embed --kommune 0301 --lang nb --vis ndr-trend 2>/dev/null | tail -1)" \
        && [[ -f "$written" ]]; then
        file="${written#"$ROOT"/}"
    else
        "$PY" - "$STAND_IN" <<'EOF'
import sys

import plotly.graph_objects as go

fig = go.Figure(go.Scatter(x=[2021, 2022, 2023], y=[1.0, 2.0, 3.0]))  # synthetic stand-in
fig.write_html(sys.argv[1], include_plotlyjs=True, full_html=True)
EOF
        file="$STAND_IN"
        trap 'rm -f "$ROOT/$STAND_IN"' EXIT
        echo "# NOTE: static embed not available; measuring a plotly write_html stand-in"
    fi
fi
if [[ ! -f "$ROOT/$file.gz" ]]; then
    # nginx sends <file>.gz to gzip clients (gzip_static); the app writes one beside every
    # embed, the stand-in gets one for the run.
    gzip -k -6 "$ROOT/$file"
    trap 'rm -f "$ROOT/$file.gz" "$ROOT/$STAND_IN"' EXIT
    echo "# NOTE: $file.gz made by this script (gzip -6) for nginx's gzip_static"
fi
path="/app/${file}"
bytes="$(stat -c %s "$ROOT/$file")"
first_port="${KOMMUNE_APP_PORTS//,/ }"
first_port="${first_port%% *}"

echo "# date=$(date -u '+%Y-%m-%d %H:%M UTC') nproc=$(nproc) ram=$(free -g | awk '/Mem:/{print $2}')G" \
    "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
    "nginx=$(/usr/sbin/nginx -v 2>&1 | cut -d/ -f2) $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "# file=$file bytes=$bytes wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
for target in "direct http://127.0.0.1:${first_port}${path}" \
    "nginx http://127.0.0.1:${KOMMUNE_NGINX_PORT}${path}"; do
    name="${target%% *}"
    url="${target#* }"
    status="$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)"
    [[ "$status" == 200 ]] || { echo "$name: $url answered $status" >&2; exit 1; }
    for encoding in identity gzip; do
        size="$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $encoding" "$url")"
        echo "== $name, Accept-Encoding: $encoding ($size bytes per response): $url"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $encoding" "$url" \
            | grep -E "Requests/sec|Transfer/sec|50%|99%|requests in|Non-2xx|Socket errors"
    done
done
