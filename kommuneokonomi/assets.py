"""Scripts the browser downloads once and keeps: plotly.js and Streamlit's own assets, each
under a content-hashed name with precompressed twins, so they go out compressed without
compressing per request and may be cached for good.

- plotly.js is the trimmed bundle committed in plotlyjs/ (only the traces the app draws, see
  plotlyjs/README.md), copied to `static/vendor/plotly-<version>-<hash>.min.js` (served at
  `/app/static/vendor/…`) for the dashboard's charts and the static embeds.
- The charts' own script (kommuneokonomi/ui: chart_access.js, chart_overlay.js and
  plotly_react.js as one module) goes to `static/vendor/charts-<hash>.js`. Given to Streamlit
  inline, it went out again with every chart of every rerun (20 KB each).
- Streamlit's assets (`/static/…`, names already content-hashed) are mirrored to
  `static/vendor/streamlit-<version>/`: a link to each file and, for text files, `.br` and
  `.gz` twins. nginx serves that directory itself (deploy/nginx.conf.template), and under
  `make run` kommuneokonomi/precompressed.py sends the twins.

Set-up (`make run`, deploy/run_cluster.sh) runs `python -m kommuneokonomi.assets`; every
file is written atomically and only when missing, so app processes can share static/.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import brotli
import streamlit

from kommuneokonomi.files import write_atomic
from kommuneokonomi.settings import PROJECT_ROOT

VENDOR_DIR = PROJECT_ROOT / "static" / "vendor"
PLOTLY_BUNDLE = PROJECT_ROOT / "plotlyjs" / "plotly-kommune.min.js"
CHART_SOURCES = tuple(
    Path(__file__).parent / "ui" / name
    for name in ("chart_access.js", "chart_overlay.js", "plotly_react.js")
)
STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static" / "static"
# Worth compressing (fonts as .woff2 and images are compressed already).
TEXT_SUFFIXES = frozenset({".js", ".mjs", ".css", ".json", ".svg", ".html", ".txt", ".ttf"})
# Brotli's best level for our own bundle (compressed once per build); a faster one for
# Streamlit's 23 MB of assets, compressed at set-up once per Streamlit version.
BROTLI_BEST, BROTLI_FAST = 11, 9
MIN_TWIN_BYTES = 1024
COMPLETE = ".complete"


@cache
def plotly_version() -> str:
    """The plotly.js version of the committed bundle (from its banner)."""
    head = PLOTLY_BUNDLE.read_bytes()[:200].decode("utf-8", errors="replace")
    match = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", head)
    if match is None:
        raise ValueError(f"{PLOTLY_BUNDLE} has no 'plotly.js vX.Y.Z' banner")
    return match.group(1)


@cache
def plotly_script_name() -> str:
    """'plotly-4.1.1-<12 hex digits>.min.js': a new build gets a new name, so browsers and
    caches may keep each file for good."""
    digest = hashlib.sha256(PLOTLY_BUNDLE.read_bytes()).hexdigest()[:12]
    return f"plotly-{plotly_version()}-{digest}.min.js"


def write_twins(path: Path, quality: int = BROTLI_BEST) -> None:
    """Write `<path>.gz` and `<path>.br` beside `path` unless they exist (nginx's gzip_static
    and brotli_static, and kommuneokonomi/precompressed.py, send them as they are)."""
    body = None
    for suffix, compress in (
        (".gz", lambda b: gzip.compress(b, 9, mtime=0)),
        (".br", lambda b: brotli.compress(b, quality=quality)),
    ):
        twin = path.with_name(path.name + suffix)
        if not twin.exists():
            body = path.read_bytes() if body is None else body
            write_atomic(twin, compress(body))


@cache
def _bundle_twins() -> dict[str, bytes]:
    """The bundle's .gz and .br, compressed once per process (brotli's best level takes
    seconds) however many directories receive a copy."""
    body = PLOTLY_BUNDLE.read_bytes()
    return {
        ".gz": gzip.compress(body, 9, mtime=0),
        ".br": brotli.compress(body, quality=BROTLI_BEST),
    }


def vendor_plotly_js(directory: Path = VENDOR_DIR, *, twins: bool = True) -> Path:
    """Copy the plotly.js bundle (and, with `twins`, its .gz and .br) into `directory` unless
    this build is already there; return the path of the JavaScript file."""
    target = directory / plotly_script_name()
    if not target.exists():
        write_atomic(target, PLOTLY_BUNDLE.read_bytes())
    for suffix in (".gz", ".br") if twins else ():
        twin = target.with_name(target.name + suffix)
        if not twin.exists():
            write_atomic(twin, _bundle_twins()[suffix])
    return target


@cache
def chart_script() -> bytes:
    """The charts' module: CHART_SOURCES in one file, naming plotly.js, which lies beside it
    in static/vendor/."""
    js = "".join(source.read_text(encoding="utf-8") for source in CHART_SOURCES)
    return js.replace("__PLOTLY_SCRIPT__", plotly_script_name()).encode()


@cache
def chart_script_name() -> str:
    """'charts-<12 hex digits>.js': changed code gets a new name, so it may be cached for
    good."""
    return f"charts-{hashlib.sha256(chart_script()).hexdigest()[:12]}.js"


def vendor_chart_js(directory: Path = VENDOR_DIR, *, twins: bool = True) -> Path:
    """Write the charts' module (and, with `twins`, its .gz and .br) into `directory` unless
    this build is already there; return its path."""
    target = directory / chart_script_name()
    if not target.exists():
        write_atomic(target, chart_script())
    if twins:
        write_twins(target)
    return target


def streamlit_mirror(directory: Path = VENDOR_DIR) -> Path:
    """Where Streamlit's assets of the installed version are mirrored (see the module doc)."""
    return directory / f"streamlit-{streamlit.__version__}"


def mirror_streamlit_assets(directory: Path = VENDOR_DIR, source: Path = STREAMLIT_STATIC) -> Path:
    """Mirror Streamlit's `/static/` assets into streamlit_mirror(directory): a symbolic link
    to each file and `.br`/`.gz` twins of its text files. Done once per Streamlit version (a
    `.complete` marker is written last); returns the mirror's directory."""
    mirror = streamlit_mirror(directory)
    if (mirror / COMPLETE).exists():
        return mirror
    texts = []
    for file in sorted(p for p in source.rglob("*") if p.is_file()):
        link = mirror / file.relative_to(source)
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.is_symlink():
            tmp = link.with_name(f".{link.name}.tmp")
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(file)
            os.replace(tmp, link)
        if file.suffix in TEXT_SUFFIXES and file.stat().st_size >= MIN_TWIN_BYTES:
            texts.append(link)
    # zlib and brotli release the GIL while they compress, so threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda p: write_twins(p, BROTLI_FAST), texts))
    write_atomic(mirror / COMPLETE, b"")
    return mirror


def main() -> int:
    """Set-up: vendor plotly.js, mirror Streamlit's assets and write the charts' module,
    printing where each went (deploy/run_cluster.sh reads the lines in this order)."""
    print(vendor_plotly_js())
    print(mirror_streamlit_assets())
    print(vendor_chart_js())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
