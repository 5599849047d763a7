"""Command line for the loaders: one subcommand per job, each with a clear exit code."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from kommuneokonomi.data import DataStore
from kommuneokonomi.errors import DataError
from kommuneokonomi.settings import load_settings
from loaders.snapshot import build_snapshot
from loaders.snapshot.base import SeedMissing
from loaders.ssb.jsonstat import JsonStatError, parse
from loaders.store import ValidationError


def _snapshot(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        report = build_snapshot(settings, if_stale=args.if_stale)
    except SeedMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValidationError, ValueError) as exc:
        print(f"error: snapshot not built, the seed data failed a check: {exc}", file=sys.stderr)
        return 1
    if report.built:
        print(f"snapshot built in {report.seconds:.2f} s -> {settings.snapshot_dir}")
    else:
        print(f"snapshot is up to date ({settings.snapshot_dir})")
    return 0


def _status(args: argparse.Namespace) -> int:
    rows = DataStore(load_settings()).status()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(
            f"{'dataset':<24} {'origin':<8} {'rows':>9} {'years':<11} {'kommuner':>8} "
            f"{'as of':<10} source"
        )
        for r in rows:
            if r.get("error"):
                print(f"{r['dataset']:<24} {'-':<8} ERROR: {r['error']}")
                continue
            years = "–".join(map(str, r["years"])) if r["years"] else "-"
            print(
                f"{r['dataset']:<24} {r['origin']:<8} {r['rows'] or '-':>9} {years:<11} "
                f"{r['kommuner'] if r['kommuner'] is not None else '-':>8} "
                f"{r['as_of'] or '-':<10} {r['source']}"
            )
            if r.get("live_problem"):
                print(f"{'':<24} live cache not used: {r['live_problem']}")
    return 1 if any(r.get("error") for r in rows) else 0


def _refresh(args: argparse.Namespace) -> int:
    from loaders.refresh import refresh
    from loaders.refresh.cache import RefreshBusy

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    try:
        report = refresh(settings, args.datasets, force=args.force)
    except (ValueError, RefreshBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write the live cache {settings.live_dir}: {exc}", file=sys.stderr)
        return 2
    print(f"refresh: {report.requests} requests to SSB in {report.seconds:.1f} s", file=sys.stderr)
    return 0 if report.ok else 1


def _parse(args: argparse.Namespace) -> int:
    try:
        frame = parse(args.file.read_bytes())
    except (OSError, JsonStatError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    if args.no_labels:
        frame = frame.drop(columns=[f"{c}_label" for c in frame.columns if f"{c}_label" in frame])
    frame.to_csv(sys.stdout, index=False)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="build the offline snapshot from the seed files")
    snap.add_argument(
        "--if-stale", action="store_true", help="only build when missing or older than inputs"
    )
    snap.set_defaults(func=_snapshot)
    status = sub.add_parser("status", help="show what each dataset holds and where it comes from")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=_status)
    refresh_cmd = sub.add_parser(
        "refresh", help="fetch the newest data from SSB into the live cache (needs network)"
    )
    refresh_cmd.add_argument(
        "datasets", nargs="*", metavar="DATASET", help="datasets to refresh (default: all)"
    )
    refresh_cmd.add_argument(
        "--force", action="store_true", help="fetch even when SSB has not updated the table"
    )
    refresh_cmd.set_defaults(func=_refresh)
    parse_cmd = sub.add_parser("parse", help="print a saved SSB JSON-stat2 response as CSV")
    parse_cmd.add_argument("file", type=Path, help="a JSON-stat2 dataset file")
    parse_cmd.add_argument("--no-labels", action="store_true", help="codes only, no label columns")
    parse_cmd.set_defaults(func=_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one loader subcommand; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
