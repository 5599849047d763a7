#!/usr/bin/env bash
# Kommuneøkonomi as several app processes behind nginx, on loopback, without root.
#
#   deploy/run_cluster.sh start            # two Streamlit processes + nginx, then return
#   deploy/run_cluster.sh status           # health of every process
#   deploy/run_cluster.sh stop             # stop nginx and the app processes
#   deploy/run_cluster.sh run -- CMD ...   # start, run CMD against the cluster, stop
#
# Settings (environment):
#   KOMMUNE_APP_PORTS   app ports, space or comma separated   (default "8541 8542")
#   KOMMUNE_NGINX_PORT  the port readers use                  (default 8540)
#   KOMMUNE_RUN_DIR     nginx prefix, logs, pid files         (default /tmp/kommuneokonomi-cluster-<nginx port>)
#   KOMMUNE_CACHE_DIR   the cache every process reads         (default ./cache, see settings.py)
#   NGINX               the nginx binary                      (default /usr/sbin/nginx)
#   BROTLI_MODULE       nginx's brotli_static module, used when present
#                       (default /usr/lib/nginx/modules/ngx_http_brotli_static_module.so)
#
# When the default nginx is missing, `start` installs Debian's nginx (and its brotli modules)
# with apt-get if it runs as root; otherwise it stops with one line saying what to install.
# Every app process reads the same cache directory (read-only for them); only the snapshot
# build here, or the refresh job (`python -m loaders refresh`) elsewhere, writes it. nginx
# keeps each reader on one process with a route cookie (see deploy/nginx.conf.template).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_PORTS="${KOMMUNE_APP_PORTS:-8541 8542}"
APP_PORTS="${APP_PORTS//,/ }"
NGINX_PORT="${KOMMUNE_NGINX_PORT:-8540}"
RUN_DIR="${KOMMUNE_RUN_DIR:-/tmp/kommuneokonomi-cluster-${NGINX_PORT}}"
NGINX="${NGINX:-/usr/sbin/nginx}"
BROTLI_MODULE="${BROTLI_MODULE:-/usr/lib/nginx/modules/ngx_http_brotli_static_module.so}"
STREAMLIT_ASSETS=""
PLOTLY_SCRIPT=""
CHART_SCRIPT=""
BIN="$ROOT/.venv/bin"

log() { printf '[run_cluster] %s\n' "$*" >&2; }

wait_healthy() { # url seconds
    local url="$1" deadline=$((SECONDS + $2))
    until curl -fs -o /dev/null "$url/_stcore/health"; do
        ((SECONDS < deadline)) || { log "$url not healthy after $2 s"; return 1; }
        sleep 0.2
    done
}

# Debian's nginx and its brotli modules (precompressed .br files for browsers that take them).
NGINX_PACKAGES="nginx libnginx-mod-http-brotli-static"

ensure_nginx() {
    [[ -x "$NGINX" ]] && return 0
    if [[ "$NGINX" == /usr/sbin/nginx && $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing Debian's nginx ($NGINX_PACKAGES) with apt-get"
        # The package's own site on port 80 is not started: policy-rc.d denies service starts.
        local policy=/usr/sbin/policy-rc.d made_policy=0
        if [[ ! -e $policy ]]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
        fi
        local ok=0
        { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            $NGINX_PACKAGES >"$RUN_DIR/logs/apt.log" 2>&1 ||
            { apt-get update -q >>"$RUN_DIR/logs/apt.log" 2>&1 &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                    $NGINX_PACKAGES >>"$RUN_DIR/logs/apt.log" 2>&1; }; } && ok=1
        ((made_policy)) && rm -f "$policy"
        ((ok)) && [[ -x "$NGINX" ]] && return 0
        log "apt-get could not install nginx (see $RUN_DIR/logs/apt.log)"
    fi
    log "$NGINX not found: install Debian's nginx (apt-get install $NGINX_PACKAGES) or set NGINX"
    return 1
}

render_config() {
    local servers="" user_line="# nginx runs as the invoking (non-root) user; no user directive."
    for port in $APP_PORTS; do
        servers+="server 127.0.0.1:${port} max_fails=1 fail_timeout=5s; "
    done
    if [[ $EUID -eq 0 ]]; then
        # Started as root (e.g. in a container): workers drop to nobody, who needs the temp dirs.
        user_line="user nobody nogroup;"
        chown -R nobody:nogroup "$RUN_DIR/tmp"
    fi
    # Debian's libnginx-mod-http-brotli-static: precompressed .br files where installed.
    local brotli_module="# no brotli_static module (apt-get install libnginx-mod-http-brotli-static)"
    local brotli_static="# brotli_static: module not installed"
    if [[ -f "$BROTLI_MODULE" ]]; then
        brotli_module="load_module $BROTLI_MODULE;"
        brotli_static="brotli_static on;"
    fi
    sed -e "s|@PREFIX@|$RUN_DIR|g" \
        -e "s|@LISTEN@|127.0.0.1:${NGINX_PORT}|g" \
        -e "s|@STATIC_DIR@|$ROOT/static|g" \
        -e "s|@UPSTREAM_SERVERS@|${servers}|g" \
        -e "s|@USER_LINE@|${user_line}|g" \
        -e "s|@BROTLI_MODULE@|${brotli_module}|g" \
        -e "s|@BROTLI_STATIC@|${brotli_static}|g" \
        -e "s|@STREAMLIT_ASSETS@|${STREAMLIT_ASSETS}|g" \
        -e "s|@PLOTLY_SCRIPT@|${PLOTLY_SCRIPT}|g" \
        -e "s|@CHART_SCRIPT@|${CHART_SCRIPT}|g" \
        "$ROOT/deploy/nginx.conf.template" >"$RUN_DIR/nginx.conf"
}

start() {
    if [[ -f "$RUN_DIR/nginx.pid" ]] && kill -0 "$(cat "$RUN_DIR/nginx.pid")" 2>/dev/null; then
        log "already running ($RUN_DIR)"; return 1
    fi
    for port in $APP_PORTS $NGINX_PORT; do
        if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
            log "port $port is already in use; stop what runs there first"; return 1
        fi
    done
    mkdir -p "$RUN_DIR"/{logs,tmp/client_body,tmp/proxy,tmp/fastcgi,tmp/uwsgi,tmp/scgi}
    ensure_nginx
    # The one writer: build the offline snapshot if it is missing or stale, before any reader.
    "$BIN/python" -m loaders snapshot --if-stale >"$RUN_DIR/logs/snapshot.log" 2>&1
    # plotly.js, Streamlit's assets and the charts' module, with .br/.gz twins, into static/vendor/
    # (served by nginx itself, compressed and cached for good).
    local prepared
    prepared="$("$BIN/python" -m kommuneokonomi.assets 2>>"$RUN_DIR/logs/snapshot.log")"
    PLOTLY_SCRIPT="$(basename "$(sed -n 1p <<<"$prepared")")"
    STREAMLIT_ASSETS="$(sed -n 2p <<<"$prepared")"
    CHART_SCRIPT="$(basename "$(sed -n 3p <<<"$prepared")")"
    if [[ ! -d "$STREAMLIT_ASSETS" ]]; then
        log "static assets not prepared (see $RUN_DIR/logs/snapshot.log)"; return 1
    fi
    # One cookie secret for all processes, so XSRF tokens are valid on any of them.
    local secret
    secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    cd "$ROOT"
    for port in $APP_PORTS; do
        # setsid makes the app the leader of its own process group, so stop() ends it whole.
        STREAMLIT_SERVER_COOKIE_SECRET="$secret" setsid "$BIN/streamlit" run app.py \
            --server.port "$port" --server.address 127.0.0.1 --server.headless true \
            >"$RUN_DIR/logs/app-$port.log" 2>&1 &
        echo $! >"$RUN_DIR/app-$port.pid"
    done
    for port in $APP_PORTS; do
        wait_healthy "http://127.0.0.1:$port" 90
    done
    render_config
    "$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log"
    "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log"
    wait_healthy "http://127.0.0.1:$NGINX_PORT" 10
    log "serving http://127.0.0.1:$NGINX_PORT (app processes on ${APP_PORTS// /, }; logs in $RUN_DIR/logs)"
}

stop() {
    if [[ -f "$RUN_DIR/nginx.pid" ]]; then
        "$NGINX" -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log" -s quit || true
        for _ in $(seq 50); do [[ -f "$RUN_DIR/nginx.pid" ]] || break; sleep 0.1; done
    fi
    for pidfile in "$RUN_DIR"/app-*.pid; do
        [[ -f "$pidfile" ]] || continue
        local pid
        pid="$(cat "$pidfile")"
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
        rm -f "$pidfile"
    done
    log "stopped ($RUN_DIR)"
}

status() {
    local failed=0
    for port in $APP_PORTS $NGINX_PORT; do
        if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/_stcore/health"; then
            echo "127.0.0.1:$port ok"
        else
            echo "127.0.0.1:$port DOWN"; failed=1
        fi
    done
    return $failed
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
run)
    shift
    [[ "${1:-}" == "--" ]] && shift
    trap stop EXIT
    start
    "$@"
    ;;
*)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
