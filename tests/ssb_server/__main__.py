"""Run the local SSB server standalone (benchmarks): `python -m tests.ssb_server --port 8765`.

Point the app or a refresh at it with SSB_API_URL and SSB_KLASS_URL (printed at start).
It reads the offline snapshot of the current settings and never writes anything.
"""

from __future__ import annotations

import argparse
import logging

from tests.ssb_server.server import SsbServer


def main(argv: list[str] | None = None) -> None:
    """Parse options, start the server and serve until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m tests.ssb_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--max-cells", type=int, default=800_000)
    parser.add_argument("--rate-calls", type=int, default=30, help="requests per window")
    parser.add_argument("--rate-window", type=float, default=60.0, help="window in seconds")
    parser.add_argument(
        "--no-synthetic", action="store_true", help="serve null instead of SYNTHETIC fill"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    server = SsbServer(
        host=args.host,
        port=args.port,
        max_cells=args.max_cells,
        rate_calls=args.rate_calls,
        rate_window_s=args.rate_window,
        synthetic=not args.no_synthetic,
    )
    print(f"SSB_API_URL={server.api_url}", flush=True)
    print(f"SSB_KLASS_URL={server.klass_url}", flush=True)
    print(f"faults: POST {server.base_url}/_faults   stats: GET {server.base_url}/_stats")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
