"""Compressed, long-cached static files from the app's own server (`make run`, serve.py).

Streamlit serves its own scripts uncompressed on purpose (compressing 4 MB bundles per request
costs the event loop; it expects a proxy in front), and the app's static files without a
cache lifetime. For a phone on a mobile network that is most of the first visit. This ASGI
middleware answers the requests for content-hashed files from the precompressed twins that
kommuneokonomi.assets writes at set-up, with `Cache-Control: immutable`:

- `/static/…`: Streamlit's assets, from the mirror static/vendor/streamlit-<version>/;
- `/app/static/vendor/…`: the vendored plotly.js and the charts' module;
- `/app/static/embeds/…`: static embeds (their `.gz`/`.br` twins; cached an hour, as nginx).

Anything else, a file without a twin, or a client that accepts neither brotli nor gzip goes
on to Streamlit unchanged. Pages (HTML) get a `Link` header that preloads plotly.js and the
charts' module, so the browser fetches them alongside Streamlit's scripts instead of after the
first chart's component has loaded. Behind nginx the same files and header come from nginx
itself.
"""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from streamlit import config

from kommuneokonomi.assets import (
    VENDOR_DIR,
    chart_script_name,
    plotly_script_name,
    streamlit_mirror,
)

IMMUTABLE = "public, max-age=31536000, immutable"
HOUR = "public, max-age=3600"
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".ttf": "font/ttf",
}


def accepted(accept_encoding: str) -> list[tuple[str, str]]:
    """(encoding, twin suffix) the client takes, best first: brotli, then gzip."""
    offered = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
    return [(name, suffix) for name, suffix in (("br", ".br"), ("gzip", ".gz")) if name in offered]


def resolve(path: str, vendor_dir: Path = VENDOR_DIR) -> tuple[Path, str] | None:
    """The file on disk a request path names, and its cache lifetime; None when the path is
    not one of ours or tries to leave its directory."""
    routes = (
        ("/static/", streamlit_mirror(vendor_dir), IMMUTABLE),
        ("/app/static/vendor/", vendor_dir, IMMUTABLE),
        ("/app/static/embeds/", vendor_dir.parent / "embeds", HOUR),
    )
    for prefix, root, cache_control in routes:
        if path.startswith(prefix):
            relative = path[len(prefix) :]
            if not relative or ".." in relative.split("/") or relative.startswith("/"):
                return None
            return root / relative, cache_control
    return None


def base_path() -> str:
    """'/kommune' for `server.baseUrlPath = "kommune"`, '' without one."""
    prefix = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{prefix}" if prefix else ""


def preload_link(prefix: str = "") -> bytes:
    """The Link header that has the browser fetch plotly.js and the charts' module as soon as
    a page arrives."""
    vendor = f"{prefix}/app/static/vendor"
    return (
        f"<{vendor}/{plotly_script_name()}>; rel=preload; as=script, "
        f"<{vendor}/{chart_script_name()}>; rel=modulepreload"
    ).encode()


class PrecompressedStatic:
    """ASGI middleware: send a precompressed twin of a content-hashed file, and announce
    plotly.js and the charts' module on pages (see module doc)."""

    def __init__(self, app: ASGIApp, vendor_dir: Path = VENDOR_DIR) -> None:
        self.app = app
        self.vendor_dir = vendor_dir

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        prefix = base_path()
        path = scope.get("path", "")
        if prefix and path.startswith(prefix + "/"):
            path = path[len(prefix) :]
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            found = resolve(path, self.vendor_dir)
            if found is not None:
                file, cache_control = found
                encodings = accepted(Headers(scope=scope).get("accept-encoding", ""))
                for encoding, suffix in encodings:
                    twin = file.with_name(file.name + suffix)
                    if file.suffix in MEDIA_TYPES and twin.is_file():
                        response = FileResponse(
                            twin,
                            media_type=MEDIA_TYPES[file.suffix],
                            headers={
                                "Content-Encoding": encoding,
                                "Cache-Control": cache_control,
                                "Vary": "Accept-Encoding",
                                "X-Content-Type-Options": "nosniff",
                            },
                        )
                        await response(scope, receive, send)
                        return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        link = preload_link(prefix)

        async def send_with_preload(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    message = {**message, "headers": [*headers, (b"link", link)]}
            await send(message)

        await self.app(scope, receive, send_with_preload)
