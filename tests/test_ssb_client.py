"""The SSB client: POST data queries, splitting, retries, rate limit and typed errors.

Every test talks to the local SSB server on 127.0.0.1 (tests/ssb_server); never to SSB.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pandas as pd
import pytest
import requests

from kommuneokonomi.settings import load_settings
from loaders.ssb.client import SsbClient
from loaders.ssb.errors import (
    BadResponse,
    InvalidValue,
    MissingSelection,
    RateLimited,
    ServerUnavailable,
    TableDiscontinued,
    TableNotFound,
    UnexpectedDimensions,
)
from loaders.ssb.metadata import Variable
from loaders.ssb.ratelimit import SlidingWindowLimiter
from loaders.ssb.retry import RetryPolicy, retry_after_seconds
from loaders.ssb.selection import cell_count, expand, split
from tests.conftest import NetworkBlocked

KOSTRA_SELECTION = {
    "KOKkommuneregion0000": ["0301", "4601", "5001"],
    "ContentsCode": ["KOSAG110000"],
    "Tid": ["2024"],
}


class FakeClock:
    """A clock that only moves when someone sleeps on it; records every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(ssb_settings, clock):
    """A client of the local server whose waits run on a fake clock (tests never sleep)."""
    policy = RetryPolicy(max_attempts=4, base_delay_s=0.5, max_delay_s=4.0, random=lambda: 0.5)
    with SsbClient(ssb_settings, retry=policy, clock=clock, sleep=clock.sleep) as ssb:
        yield ssb


# --- Request shape -----------------------------------------------------------------------------


def test_client_sends_data_queries_by_post_in_ssbs_exact_shape(client, ssb_server):
    client.data("12134", KOSTRA_SELECTION)
    (sent,) = ssb_server.data_requests()
    assert sent.method == "POST"
    assert sent.path == "/api/pxwebapi/v2/tables/12134/data"
    assert sent.query == {"lang": ["no"], "outputFormat": ["json-stat2"]}
    assert sent.body == {
        "selection": [
            {"variableCode": "KOKkommuneregion0000", "valueCodes": ["0301", "4601", "5001"]},
            {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
            {"variableCode": "Tid", "valueCodes": ["2024"]},
        ]
    }
    assert sent.headers["User-Agent"].startswith("kommuneokonomi/")
    assert sent.headers["Content-Type"] == "application/json"


def test_client_expands_expressions_with_metadata_and_sends_explicit_deduplicated_codes(
    client, ssb_server
):
    selection = {
        "KOKkommuneregion0000": ["0301", "0301", "EKG1*"],
        "ContentsCode": ["KOSAG110000"],
        "Tid": ["top(2)"],
    }
    client.data("12134", selection)
    (sent,) = ssb_server.data_requests()
    codes = {s["variableCode"]: s["valueCodes"] for s in sent.body["selection"]}
    assert codes["Tid"] == ["2024", "2025"]
    assert codes["KOKkommuneregion0000"] == [
        "EKG10",
        "EKG11",
        "EKG12",
        "EKG13",
        "EKG14",
        "EKG15",
        "EKG16",
        "EKG17",
        "0301",
    ]


def test_data_frame_returns_the_tidy_frame_with_the_real_oslo_figure(client):
    frame = client.data_frame("12134", KOSTRA_SELECTION)
    oslo = frame[frame["KOKkommuneregion0000"] == "0301"]
    assert oslo["value"].tolist() == [81240.0]
    assert list(frame.columns[-2:]) == ["value", "status"]


def test_metadata_and_config_are_fetched_once_per_client(client, ssb_server):
    client.data("12134", KOSTRA_SELECTION)
    client.data("12134", {**KOSTRA_SELECTION, "Tid": ["2023"]})
    paths = [r.path for r in ssb_server.requests]
    assert paths.count("/api/pxwebapi/v2/tables/12134/metadata") == 1
    assert paths.count("/api/pxwebapi/v2/config") == 1


# --- Splitting ---------------------------------------------------------------------------------


def test_split_under_a_small_cell_limit_gives_the_same_frame_as_one_request(
    ssb_settings, ssb_server
):
    vestland = [f"46{n:02d}" for n in range(11, 26)]
    selection = {
        "KOKkommuneregion0000": ["EAK", "EAKUO", "EKG01", "EKG08", "0301", *vestland],
        "ContentsCode": ["KOSAG110000", "KOSAGD230000", "KOSKG320000"],
        "Tid": ["2021", "2022", "2023", "2024"],
    }
    with SsbClient(ssb_settings) as whole:
        expected = whole.data_frame("12134", selection)
    ssb_server.reset()
    ssb_server.configure(max_cells=50)
    with SsbClient(ssb_settings) as split_client:
        got = split_client.data_frame("12134", selection)
    sent = ssb_server.data_requests()
    assert len(sent) == 5
    for request in sent:
        cells = 1
        for s in request.body["selection"]:
            cells *= len(s["valueCodes"])
        assert cells <= 50
    pd.testing.assert_frame_equal(got, expected)


def test_split_chunks_cover_every_cell_once_and_stay_under_the_limit():
    resolved = {"a": list("abcdefg"), "b": list("xyz"), "c": ["1", "2", "3", "4", "5"]}
    for limit in (1, 2, 4, 7, 10, 30, 104, 105):
        chunks = split(resolved, limit)
        assert all(cell_count(chunk) <= limit for chunk in chunks)
        cells = [cell for chunk in chunks for cell in itertools.product(*chunk.values())]
        assert sorted(cells) == sorted(itertools.product(*resolved.values()))


def test_split_cuts_along_the_variable_needing_the_fewest_requests():
    resolved = {"region": [str(n) for n in range(100)], "year": ["2023", "2024"]}
    chunks = split(resolved, 100)
    assert len(chunks) == 2
    assert [c["year"] for c in chunks] == [["2023", "2024"], ["2023", "2024"]]


def test_split_keeps_every_variable_under_the_code_limit_for_a_sane_post_body():
    chunks = split({"region": [str(n) for n in range(5_000)], "year": ["2024"]}, 800_000, 2_000)
    assert [len(c["region"]) for c in chunks] == [2_000, 2_000, 1_000]


# --- Retries -----------------------------------------------------------------------------------


def test_client_retries_after_503_and_returns_data(client, ssb_server, clock, caplog):
    client.metadata("12134")
    ssb_server.faults.fail_next(2, status=503, path="/data")
    with caplog.at_level(logging.WARNING, logger="loaders.ssb.client"):
        frame = client.data_frame("12134", KOSTRA_SELECTION)
    assert len(frame) == 3
    assert len(ssb_server.data_requests()) == 3
    assert len(clock.sleeps) == 2
    assert [r.message.count("HTTP 503") for r in caplog.records] == [1, 1]


def test_client_waits_as_long_as_retry_after_says_on_429_then_succeeds(client, ssb_server, clock):
    client.metadata("12134")
    ssb_server.faults.fail_next(1, status=429, retry_after="7", path="/data")
    client.data("12134", KOSTRA_SELECTION)
    assert clock.sleeps == [7.0]


def test_client_honours_retry_after_given_as_an_http_date(client, ssb_server, clock):
    client.metadata("12134")
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    ssb_server.faults.fail_next(1, status=429, retry_after=when, path="/data")
    client.data("12134", KOSTRA_SELECTION)
    (slept,) = clock.sleeps
    assert 25 <= slept <= 30


def test_client_gives_up_with_server_unavailable_after_max_attempts(client, ssb_server):
    client.metadata("12134")
    ssb_server.faults.fail_next(10, status=503, path="/data")
    with pytest.raises(ServerUnavailable, match="gave up after 4 attempts"):
        client.data("12134", KOSTRA_SELECTION)
    assert len(ssb_server.data_requests()) == 4


def test_client_gives_up_with_rate_limited_when_429_persists(client, ssb_server):
    client.metadata("12134")
    ssb_server.faults.fail_next(10, status=429, retry_after="2", path="/data")
    with pytest.raises(RateLimited):
        client.data("12134", KOSTRA_SELECTION)


def test_client_does_not_wait_when_retry_after_exceeds_its_total_wait_budget(
    client, ssb_server, clock
):
    client.metadata("12134")
    ssb_server.faults.fail_next(1, status=429, retry_after="3600", path="/data")
    with pytest.raises(RateLimited, match="gave up after 1 attempts"):
        client.data("12134", KOSTRA_SELECTION)
    assert clock.sleeps == []


def test_client_retries_a_timeout_and_returns_data(ssb_settings, ssb_server, clock):
    settings = replace(ssb_settings, http_timeout_s=0.3)
    with SsbClient(settings, clock=clock, sleep=clock.sleep) as ssb:
        ssb.metadata("12134")
        ssb_server.faults.add("hang", 1, seconds=1.0, path="/data")
        started = time.monotonic()
        assert len(ssb.data("12134", KOSTRA_SELECTION)) == 1
    assert time.monotonic() - started < 2
    assert len(ssb_server.data_requests()) == 2


def test_client_retries_a_dropped_connection_and_returns_data(client, ssb_server):
    client.metadata("12134")
    ssb_server.faults.add("drop", 1, path="/data")
    assert len(client.data("12134", KOSTRA_SELECTION)) == 1
    assert len(ssb_server.data_requests()) == 2


def test_a_slow_answer_within_the_timeout_is_not_retried(client, ssb_server, clock):
    ssb_server.faults.add("slow", 1, seconds=0.2)
    client.config()
    assert clock.sleeps == []


# --- Typed errors ------------------------------------------------------------------------------


def test_html_page_instead_of_json_raises_bad_response_saying_to_use_post(client, ssb_server):
    ssb_server.faults.add("html", 1, path="/metadata")
    with pytest.raises(BadResponse, match="POST"):
        client.metadata("12134")


def test_truncated_json_raises_bad_response_and_is_never_parsed(client, ssb_server):
    client.metadata("12134")
    ssb_server.faults.add("truncate", 1, path="/data")
    with pytest.raises(BadResponse, match="cut off"):
        client.data_frame("12134", KOSTRA_SELECTION)


def test_unknown_table_raises_table_not_found(client):
    with pytest.raises(TableNotFound) as caught:
        client.data("99999", KOSTRA_SELECTION)
    assert str(caught.value) == "table 99999 does not exist"


def test_bad_value_raises_invalid_value_naming_value_and_variable_before_any_data_request(
    client, ssb_server
):
    selection = {**KOSTRA_SELECTION, "KOKkommuneregion0000": ["0301", "9999"]}
    with pytest.raises(InvalidValue, match="value 9999 is not a code of KOKkommuneregion0000"):
        client.data("12134", selection)
    assert ssb_server.data_requests() == []


def test_missing_mandatory_variable_raises_missing_selection_naming_it(client):
    with pytest.raises(MissingSelection, match="ContentsCode"):
        client.data("12134", {"KOKkommuneregion0000": ["0301"], "Tid": ["2024"]})


def test_dimension_renamed_in_the_answer_raises_unexpected_dimensions(client, ssb_server):
    ssb_server.faults.rename_dimension("12134", "KOKkommuneregion0000", "Region", in_metadata=False)
    with pytest.raises(UnexpectedDimensions, match="lacks dimension KOKkommuneregion0000") as err:
        client.data("12134", KOSTRA_SELECTION)
    assert "Region" in str(err.value)
    assert isinstance(err.value, BadResponse)


def test_dimension_renamed_in_metadata_is_caught_before_fetching_data(client, ssb_server):
    ssb_server.faults.rename_dimension("12134", "KOKkommuneregion0000", "Region", in_metadata=True)
    with pytest.raises(UnexpectedDimensions, match="renamed"):
        client.data("12134", KOSTRA_SELECTION)
    assert ssb_server.data_requests() == []


def test_discontinued_table_raises_table_discontinued(client, ssb_server):
    ssb_server.faults.discontinue("14288")
    assert client.table("14288")["discontinued"] is True
    with pytest.raises(TableDiscontinued, match="14288"):
        client.data("14288", {"Region": ["0"], "ContentsCode": ["Personer"], "Tid": ["2030"]})


# --- Table search and KLASS --------------------------------------------------------------------


def test_find_tables_reads_every_page(client, ssb_server):
    tables = client.find_tables("framskrevet folkemengde", page_size=1)
    assert [t["id"] for t in tables] == ["14746", "14288"]
    searches = [r for r in ssb_server.requests if r.path.endswith("/tables")]
    assert [r.query["pageNumber"] for r in searches] == [["1"], ["2"]]


def test_klass_codes_changes_and_correspondence(client):
    assert len(client.codes_at(131, "2026-01-01")) == 358
    changes = client.changes(131, "2020-01-01", "2020-12-31")
    assert {"oldCode": "0101", "newCode": "3001"}.items() <= changes[0].items()
    groups = client.corresponds_at(112, 131, "2023-01-01")
    assert {"sourceCode": "EKG13", "targetCode": "0301"}.items() <= next(
        g for g in groups if g["targetCode"] == "0301"
    ).items()


# --- Rate limit --------------------------------------------------------------------------------


def test_rate_limiter_never_lets_more_than_its_calls_into_any_window(clock):
    limiter = SlidingWindowLimiter(5, 60.0, clock=clock, sleep=clock.sleep)
    stamps = []
    for _ in range(23):
        limiter.acquire()
        stamps.append(clock.now)
    for start in stamps:
        assert sum(start <= t < start + 60.0 for t in stamps) <= 5
    assert stamps[-1] == pytest.approx(240.0)


def test_rate_limiter_hold_pauses_every_caller_after_a_429(clock):
    limiter = SlidingWindowLimiter(100, 60.0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    limiter.hold(12.5)
    limiter.acquire()
    assert clock.now == pytest.approx(12.5)


def test_rate_limiter_is_shared_safely_between_threads():
    limiter = SlidingWindowLimiter(4, 0.3)
    stamps: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(2):
            limiter.acquire()
            with lock:
                stamps.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stamps) == 12
    for start in stamps:  # stamps are taken just after acquire(): allow 50 ms of scheduling
        assert sum(start <= t < start + 0.25 for t in stamps) <= 4


def test_client_under_its_own_limit_never_gets_a_429_from_ssbs_limit(ssb_settings, ssb_server):
    ssb_server.configure(rate_calls=5, rate_window_s=0.5)
    settings = replace(ssb_settings, rate_limit_calls=4, rate_limit_window_s=0.5)
    with SsbClient(settings) as ssb:
        for _ in range(9):
            ssb.table("12134")
    assert ssb_server.stats()["throttled"] == 0
    assert ssb_server.stats()["requests"] == 9


# --- Units: retry timing, expressions ----------------------------------------------------------


def test_backoff_is_exponential_with_full_jitter_and_a_cap():
    top = RetryPolicy(base_delay_s=1.0, max_delay_s=30.0, random=lambda: 1.0)
    assert [top.backoff(n) for n in (1, 2, 3, 6, 10)] == [1.0, 2.0, 4.0, 30.0, 30.0]
    assert RetryPolicy(random=lambda: 0.0).backoff(5) == 0.0


def test_retry_after_accepts_seconds_and_http_dates_and_ignores_garbage():
    now = datetime(2026, 4, 25, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Sat, 25 Apr 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Sat, 25 Apr 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_expressions_expand_in_ssbs_order():
    years = Variable("Tid", "år", ("2021", "2022", "2023", "2024"), ("",) * 4, False, True)
    assert expand("t", years, ["top(2)"]) == ["2023", "2024"]
    assert expand("t", years, ["bottom(1)", "2024"]) == ["2021", "2024"]
    assert expand("t", years, ["from(2023)"]) == ["2023", "2024"]
    assert expand("t", years, ["range(2022,2023)"]) == ["2022", "2023"]
    assert expand("t", years, ["*"]) == list(years.values)
    with pytest.raises(InvalidValue, match="pattern 19\\* matches no code of Tid"):
        expand("t", years, ["19*"])


# --- Network guard -----------------------------------------------------------------------------


def test_real_ssb_is_unreachable_from_tests_so_a_forgotten_mock_fails_loudly():
    with pytest.raises(NetworkBlocked):
        requests.get("https://data.ssb.no/api/pxwebapi/v2/config", timeout=2)
    with SsbClient(load_settings()) as real, pytest.raises(NetworkBlocked):
        real.config()


def test_an_html_answer_blames_the_url_length_only_for_a_long_get_url():
    from loaders.ssb.client import GET_URL_LIMIT, _html_message

    def answer(url: str) -> requests.Response:
        response = requests.Response()
        response.status_code, response.url = 200, url
        return response

    short = _html_message(
        answer("https://data.ssb.no/api/klass/v1/classifications/131"), "GET", "KLASS 131"
    )
    assert "too long" not in short and "maintenance" in short
    long_url = "https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?" + "x" * GET_URL_LIMIT
    assert "too long" in _html_message(answer(long_url), "GET", "table 07459")
