"""The app's own server sends content-hashed static files from their precompressed twins."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from kommuneokonomi import assets
from kommuneokonomi.precompressed import IMMUTABLE, PrecompressedStatic, accepted, resolve


def _get(app, path: str, accept_encoding: str) -> tuple[dict, bytes]:
    """One GET through the ASGI app: (headers, body)."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": [(b"accept-encoding", accept_encoding.encode())],
        "query_string": b"",
        "http_version": "1.1",
    }
    sent, asked = [], []

    async def receive():  # the request once, then a client that stays until the answer ends
        asked.append(1)
        if len(asked) > 1:
            await asyncio.sleep(3600)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # A thread of its own: the suite's Playwright browser runs an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {"status": start["status"], **headers}, body


async def _inner(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"x-inner", b"1")]})
    await send({"type": "http.response.body", "body": b"streamlit"})


def test_encodings_are_chosen_brotli_first():
    assert accepted("gzip, deflate, br, zstd") == [("br", ".br"), ("gzip", ".gz")]
    assert accepted("gzip;q=1.0") == [("gzip", ".gz")]
    assert accepted("") == []


def test_paths_outside_the_static_routes_or_escaping_them_are_not_ours(tmp_path: Path):
    assert resolve("/driftsresultat", tmp_path) is None
    assert resolve("/app/static/vendor/../../app.py", tmp_path) is None
    assert resolve("/static/js/x.js", tmp_path)[0] == assets.streamlit_mirror(tmp_path) / "js/x.js"


def test_vendored_script_goes_out_compressed_and_immutable(tmp_path: Path):
    script = assets.vendor_plotly_js(tmp_path)
    app = PrecompressedStatic(_inner, vendor_dir=tmp_path)
    path = f"/app/static/vendor/{script.name}"
    headers, body = _get(app, path, "gzip, deflate, br")
    assert headers["content-encoding"] == "br" and headers["cache-control"] == IMMUTABLE
    assert headers["content-type"].startswith("text/javascript")
    assert brotli.decompress(body) == script.read_bytes()
    headers, body = _get(app, path, "gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == script.read_bytes()
    headers, body = _get(app, path, "identity")
    assert headers.get("x-inner") == "1", "no twin the client takes: Streamlit answers"


def test_streamlit_assets_are_mirrored_with_twins(tmp_path: Path):
    source = tmp_path / "source"
    (source / "js").mkdir(parents=True)
    (source / "js" / "index.abc123.js").write_text("var streamlit = 1;\n" * 200)
    (source / "media").mkdir()
    (source / "media" / "font.woff2").write_bytes(b"\x00" * 4000)
    mirror = assets.mirror_streamlit_assets(tmp_path / "vendor", source)
    assert (mirror / "js" / "index.abc123.js").resolve() == source / "js" / "index.abc123.js"
    assert (mirror / "js" / "index.abc123.js.br").exists()
    assert not (mirror / "media" / "font.woff2.gz").exists(), "fonts are compressed already"
    app = PrecompressedStatic(_inner, vendor_dir=tmp_path / "vendor")
    headers, body = _get(app, "/static/js/index.abc123.js", "br")
    assert brotli.decompress(body) == (source / "js" / "index.abc123.js").read_bytes()
    assert headers["cache-control"] == IMMUTABLE


def test_pages_announce_plotly_js_and_the_charts_module_for_preloading(tmp_path: Path):
    async def page(scope, receive, send):
        headers = [(b"content-type", b"text/html; charset=utf-8")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"<!doctype html>"})

    headers, _ = _get(PrecompressedStatic(page, vendor_dir=tmp_path), "/driftsresultat", "br")
    plotly, charts = assets.plotly_script_name(), assets.chart_script_name()
    assert headers["link"] == (
        f"</app/static/vendor/{plotly}>; rel=preload; as=script, "
        f"</app/static/vendor/{charts}>; rel=modulepreload"
    )
    headers, _ = _get(PrecompressedStatic(_inner, vendor_dir=tmp_path), "/_stcore/health", "")
    assert "link" not in headers, "only pages"
