"""The local SSB server speaks SSB's PxWebApi v2 and KLASS v1 contract, limits and errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
import requests

from kommuneokonomi.indicators import INDICATORS
from kommuneokonomi.settings import load_settings
from loaders.ssb import jsonstat
from tests.ssb_server.tables import SYNTHETIC_NOTE

FIXTURES = load_settings().seed_dir / "fixtures" / "ssb-api"
RECORDED_ERRORS = {
    case["case"]: case
    for case in json.loads((FIXTURES / "v2_error_responses.json").read_text())["responses"]
}

OSLO_FRIE_INNTEKTER = {
    "selection": [
        {"variableCode": "KOKkommuneregion0000", "valueCodes": ["0301"]},
        {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
        {"variableCode": "Tid", "valueCodes": ["2015", "2016"]},
    ]
}


def post_data(server, table_id: str, body: dict, **params) -> requests.Response:
    return requests.post(
        f"{server.api_url}/tables/{table_id}/data",
        params={"lang": "no", "outputFormat": "json-stat2", **params},
        json=body,
        timeout=10,
    )


# --- PxWebApi: discovery -----------------------------------------------------------------------


def test_config_reports_800000_cells_and_zeroed_rate_limit_fields_like_ssb(ssb_server):
    config = requests.get(f"{ssb_server.api_url}/config", timeout=5).json()
    assert config["maxDataCells"] == 800_000
    assert config["maxCallsPerTimeWindow"] == 0 and config["timeWindow"] == 0
    assert config["defaultDataFormat"] == "json-stat2"
    assert {"id": "no", "label": "Norsk"} in config["languages"]


def test_search_for_framskrevet_folkemengde_lists_14746_newest_then_14288_with_page_info(
    ssb_server,
):
    answer = requests.get(
        f"{ssb_server.api_url}/tables",
        params={"query": "framskrevet folkemengde", "lang": "no"},
        timeout=5,
    ).json()
    assert [t["id"] for t in answer["tables"]] == ["14746", "14288"]
    newest, older = answer["tables"]
    assert newest["updated"] > older["updated"]
    assert (newest["firstPeriod"], newest["lastPeriod"]) == ("2026", "2050")
    assert newest["discontinued"] is False
    assert {link["rel"] for link in newest["links"]} == {"self", "metadata", "data"}
    assert answer["page"] == {"pageNumber": 1, "pageSize": 20, "totalElements": 2, "totalPages": 1}


def test_search_pages_and_answers_a_page_past_the_end_with_non_existent_page(ssb_server):
    url = f"{ssb_server.api_url}/tables"
    query = {"query": "framskrevet folkemengde", "pageSize": 1}
    second = requests.get(url, params={**query, "pageNumber": 2}, timeout=5).json()
    assert [t["id"] for t in second["tables"]] == ["14288"]
    assert second["page"]["totalPages"] == 2
    assert any(link["rel"] == "previous" for link in second["links"])
    beyond = requests.get(url, params={**query, "pageNumber": 3}, timeout=5)
    assert beyond.status_code == 404
    assert beyond.json()["title"] == "Non-existent page"


def test_table_listing_has_label_updated_periods_and_discontinued(ssb_server):
    table = requests.get(f"{ssb_server.api_url}/tables/12134", timeout=5).json()
    assert table["id"] == "12134" and table["language"] == "no"
    assert table["label"].startswith("12134: Utvalgte nøkkeltall for kommuneregnskap")
    assert (table["firstPeriod"], table["lastPeriod"]) == ("2015", "2025")
    assert table["discontinued"] is False


def test_metadata_is_jsonstat2_with_every_12134_region_content_and_year(ssb_server):
    meta = requests.get(f"{ssb_server.api_url}/tables/12134/metadata", timeout=5).json()
    assert meta["class"] == "dataset" and meta["value"] == []
    assert meta["id"] == ["KOKkommuneregion0000", "ContentsCode", "Tid"]
    regions = meta["dimension"]["KOKkommuneregion0000"]["category"]["index"]
    assert {"EAK", "EAKUO", "EKG01", "EKG17", "EAFK46", "0301", "4601", "0101"} <= set(regions)
    assert 800 < len(regions) < 900
    assert list(meta["dimension"]["ContentsCode"]["category"]["index"]) == list(INDICATORS)
    assert list(meta["dimension"]["Tid"]["category"]["index"]) == [
        str(y) for y in range(2015, 2026)
    ]
    assert meta["dimension"]["Tid"]["extension"]["elimination"] is False
    assert meta["role"] == {
        "time": ["Tid"],
        "geo": ["KOKkommuneregion0000"],
        "metric": ["ContentsCode"],
    }


def test_metadata_07459_uses_ssb_codes_for_region_sex_and_age(ssb_server):
    meta = requests.get(f"{ssb_server.api_url}/tables/07459/metadata", timeout=5).json()
    dims = meta["dimension"]
    assert meta["id"] == ["Region", "Kjonn", "Alder", "ContentsCode", "Tid"]
    assert {"0", "03", "46", "0301"} <= set(dims["Region"]["category"]["index"])
    assert list(dims["Kjonn"]["category"]["index"]) == ["1", "2"]
    ages = list(dims["Alder"]["category"]["index"])
    assert ages[:2] == ["000", "001"] and ages[-1] == "105+" and len(ages) == 106
    assert list(dims["ContentsCode"]["category"]["index"]) == ["Personer1"]
    assert dims["Kjonn"]["extension"]["elimination"] is True


# --- PxWebApi: data ----------------------------------------------------------------------------


def test_post_data_serves_the_snapshots_real_figures_without_synthetic_marks(ssb_server):
    answer = post_data(ssb_server, "12134", OSLO_FRIE_INNTEKTER)
    assert answer.status_code == 200
    frame = jsonstat.parse(answer.json())
    assert frame["value"].tolist() == [56542.0, 60170.0]
    assert SYNTHETIC_NOTE not in answer.json().get("note", [])
    assert "synthetic" not in answer.json()["extension"]


def test_get_data_with_value_codes_and_top_expression_sums_eliminated_sex_and_age(ssb_server):
    answer = requests.get(
        f"{ssb_server.api_url}/tables/07459/data",
        params={
            "lang": "no",
            "outputFormat": "json-stat2",
            "valueCodes[Region]": "0301",
            "valueCodes[ContentsCode]": "Personer1",
            "valueCodes[Tid]": "top(3)",
        },
        timeout=20,
    )
    assert answer.status_code == 200
    frame = jsonstat.parse(answer.json())
    assert answer.json()["id"] == ["Region", "ContentsCode", "Tid"]
    assert dict(zip(frame["Tid"], frame["value"], strict=True))["2024"] == 717_710


def test_get_url_longer_than_2100_characters_gets_ssbs_recorded_html_404(ssb_server):
    codes = ",".join(f"{n:04d}" for n in range(1000, 1500))
    answer = requests.get(
        f"{ssb_server.api_url}/tables/12134/data",
        params={"valueCodes[KOKkommuneregion0000]": codes, "valueCodes[Tid]": "2024"},
        timeout=5,
    )
    assert answer.status_code == 404
    assert answer.headers["Content-Type"].startswith("text/html")
    assert answer.content == (FIXTURES / "v2_long_get_url_404.html").read_bytes()


def test_more_cells_than_max_data_cells_gets_400_too_many_cells_selected(ssb_server):
    ssb_server.configure(max_cells=10)
    body = {
        "selection": [
            {"variableCode": "KOKkommuneregion0000", "valueCodes": ["*"]},
            {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
            {"variableCode": "Tid", "valueCodes": ["2024"]},
        ]
    }
    answer = post_data(ssb_server, "12134", body)
    assert answer.status_code == 400
    assert answer.json() == {
        "type": "Parameter error",
        "title": "Too many cells selected",
        "detail": "Too many cells selected",
        "status": 400,
    }


@pytest.mark.parametrize(
    ("case", "table_id", "body"),
    [
        ("ugyldig tabell-ID", "99999", OSLO_FRIE_INNTEKTER),
        (
            "ugyldig kommune-kode",
            "12134",
            {
                "selection": [
                    {"variableCode": "KOKkommuneregion0000", "valueCodes": ["9999"]},
                    {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
                    {"variableCode": "Tid", "valueCodes": ["2024"]},
                ]
            },
        ),
        (
            "manglende mandatory",
            "12134",
            {"selection": [{"variableCode": "Tid", "valueCodes": ["2024"]}]},
        ),
    ],
)
def test_errors_are_ssbs_recorded_status_and_body(ssb_server, case, table_id, body):
    recorded = RECORDED_ERRORS[case]
    answer = post_data(ssb_server, table_id, body)
    assert answer.status_code == recorded["http_status"]
    assert answer.json() == recorded["body"]


def test_metadata_of_a_missing_table_is_http_404(ssb_server):
    answer = requests.get(f"{ssb_server.api_url}/tables/99999/metadata", timeout=5)
    assert answer.status_code == 404
    assert answer.json()["title"] == "Non-existent table"


def test_a_repeated_value_code_gets_500_with_an_empty_body_like_ssb(ssb_server):
    body = json.loads(json.dumps(OSLO_FRIE_INNTEKTER))
    body["selection"][2]["valueCodes"] = ["2015", "2015"]
    answer = post_data(ssb_server, "12134", body)
    assert answer.status_code == 500 and answer.content == b""


def test_cells_without_a_real_figure_are_synthetic_repdigits_and_the_answer_says_so(ssb_server):
    body = {
        "selection": [
            {"variableCode": "KOKkommuneregion0000", "valueCodes": ["0301", "1101"]},
            {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
            {"variableCode": "Tid", "valueCodes": ["2015"]},
        ]
    }
    doc = post_data(ssb_server, "12134", body).json()
    values = jsonstat.parse(doc)["value"].tolist()
    assert values[0] == 56542.0
    assert values[1] in {float(d * 1111) for d in range(1, 10)}
    assert SYNTHETIC_NOTE in doc["note"]
    assert doc["extension"]["synthetic"]["cells"] == 1


def test_with_synthetic_fill_off_missing_cells_are_null(ssb_server):
    ssb_server.configure(synthetic=False)
    body = {
        "selection": [
            {"variableCode": "KOKkommuneregion0000", "valueCodes": ["1101"]},
            {"variableCode": "ContentsCode", "valueCodes": ["KOSAG110000"]},
            {"variableCode": "Tid", "valueCodes": ["2015"]},
        ]
    }
    doc = post_data(ssb_server, "12134", body).json()
    assert doc["value"] == [None]
    assert "synthetic" not in doc["extension"]


# --- Limits and faults -------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after_and_counts_it(ssb_server):
    ssb_server.configure(rate_calls=3, rate_window_s=60)
    statuses = [requests.get(f"{ssb_server.api_url}/config", timeout=5) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    throttled = statuses[-1]
    assert 1 <= int(throttled.headers["Retry-After"]) <= 60
    assert throttled.json()["status"] == 429
    assert statuses[0].headers["x-ratelimit-policy"] == "3;w=60s"
    assert ssb_server.stats()["throttled"] == 1


def test_faults_armed_over_http_hit_the_next_requests_only(ssb_server):
    control = f"{ssb_server.base_url}/_faults"
    requests.post(control, json={"kind": "status", "n": 2, "status": 503}, timeout=5)
    codes = [requests.get(f"{ssb_server.api_url}/config", timeout=5).status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    stats = requests.get(f"{ssb_server.base_url}/_stats", timeout=5).json()
    assert stats["statuses"] == {"200": 1, "503": 2} and stats["requests"] == 3


def test_drop_fault_closes_the_connection_without_an_answer(ssb_server):
    ssb_server.faults.add("drop")
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{ssb_server.api_url}/config", timeout=5)


def test_hang_fault_outlasts_the_clients_timeout(ssb_server):
    ssb_server.faults.add("hang", seconds=1.0)
    with pytest.raises(requests.Timeout):
        requests.get(f"{ssb_server.api_url}/config", timeout=0.2)


def test_truncate_fault_cuts_the_json_in_half(ssb_server):
    ssb_server.faults.add("truncate", path="/data")
    answer = post_data(ssb_server, "12134", OSLO_FRIE_INNTEKTER)
    assert answer.status_code == 200
    with pytest.raises(ValueError):
        answer.json()


def test_renamed_dimension_and_discontinued_table_faults(ssb_server):
    ssb_server.faults.rename_dimension("12134", "KOKkommuneregion0000", "Region", in_metadata=False)
    doc = post_data(ssb_server, "12134", OSLO_FRIE_INNTEKTER).json()
    assert doc["id"][0] == "Region"
    ssb_server.faults.discontinue("12134")
    listing = requests.get(f"{ssb_server.api_url}/tables/12134", timeout=5).json()
    assert listing["discontinued"] is True
    assert post_data(ssb_server, "12134", OSLO_FRIE_INNTEKTER).status_code == 400


def test_retry_after_fault_can_send_an_http_date(ssb_server):
    when = format_datetime(datetime.now(UTC), usegmt=True)
    ssb_server.faults.fail_next(status=429, retry_after=when)
    answer = requests.get(f"{ssb_server.api_url}/config", timeout=5)
    assert answer.status_code == 429 and answer.headers["Retry-After"] == when


# --- KLASS -------------------------------------------------------------------------------------


def test_klass_131_codes_at_2026_is_the_recorded_klass_answer(ssb_server):
    answer = requests.get(
        f"{ssb_server.klass_url}/classifications/131/codesAt", params={"date": "2026-01-01"}
    ).json()
    recorded = json.loads((FIXTURES / "klass_131_codesAt_2026-01-01_response.json").read_text())
    assert sorted(answer["codes"], key=lambda c: c["code"]) == sorted(
        recorded["codes"], key=lambda c: c["code"]
    )


def test_klass_131_codes_at_2019_has_the_pre_reform_municipalities(ssb_server):
    codes = requests.get(
        f"{ssb_server.klass_url}/classifications/131/codesAt", params={"date": "2019-06-01"}
    ).json()["codes"]
    by_code = {c["code"]: c["name"] for c in codes}
    assert by_code["0101"] == "Halden" and "3101" not in by_code and "0301" in by_code
    assert len(by_code) == 423  # 422 municipalities in 2019 and 9999 Uoppgitt


def test_klass_131_changes_in_2024_include_the_aalesund_haram_split(ssb_server):
    changes = requests.get(
        f"{ssb_server.klass_url}/classifications/131/changes",
        params={"from": "2024-01-01", "to": "2024-12-31"},
    ).json()["codeChanges"]
    split = {(c["oldCode"], c["newCode"]) for c in changes if c["oldCode"] == "1507"}
    assert split == {("1507", "1508"), ("1507", "1580")}
    assert {c["changeOccurred"] for c in changes} == {"2024-01-01"}


def test_klass_112_corresponds_at_maps_kostra_groups_to_municipalities(ssb_server):
    items = requests.get(
        f"{ssb_server.klass_url}/classifications/112/correspondsAt",
        params={"targetClassificationId": "131", "date": "2024-01-01"},
    ).json()["correspondenceItems"]
    oslo = next(i for i in items if i["targetCode"] == "0301")
    assert oslo["sourceCode"] == "EKG13" and oslo["targetName"] == "Oslo - Oslove"
    assert len(items) == 357


def test_klass_without_a_required_parameter_is_400(ssb_server):
    answer = requests.get(f"{ssb_server.klass_url}/classifications/131/codesAt", timeout=5)
    assert answer.status_code == 400 and "date" in answer.json()["message"]
