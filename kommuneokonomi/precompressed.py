"""Compressed, long-cached static files from the app's own server (`make run`, serve.py).

Streamlit serves its own scripts uncompressed on purpose (compressing 4 MB bundles per request
costs the event loop; it expects a proxy in front), and the app's static files without a
cache lifetime. For a phone on a mobile network that is most of the first visit. This ASGI
middleware answers the requests for content-hashed files from the precompressed twins that
kommuneokonomi.assets writes at set-up, with `Cache-Control: immutable`:

- `/static/…`: Streamlit's assets, from the mirror static/vendor/streamlit-<version>/;
- `/app/static/vendor/…`: the vendored plotly.js;
- `/app/static/embeds/…`: static embeds (their `.gz`/`.br` twins; cached an hour, as nginx).

Anything else, a file without a twin, or a client that accepts neither brotli nor gzip goes
on to Streamlit unchanged. Behind nginx the same files come from nginx itself.
"""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from kommuneokonomi.assets import VENDOR_DIR, streamlit_mirror

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


class PrecompressedStatic:
    """ASGI middleware: send a precompressed twin of a content-hashed file (see module doc)."""

    def __init__(self, app: ASGIApp, vendor_dir: Path = VENDOR_DIR) -> None:
        self.app = app
        self.vendor_dir = vendor_dir

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            found = resolve(scope["path"], self.vendor_dir)
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
        await self.app(scope, receive, send)
