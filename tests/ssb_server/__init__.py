"""A local SSB server for tests and benchmarks: PxWebApi v2 and KLASS v1 on 127.0.0.1."""

from tests.ssb_server.server import RecordedRequest, SsbServer

__all__ = ["RecordedRequest", "SsbServer"]
