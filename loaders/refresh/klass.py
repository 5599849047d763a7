"""Live loaders for KLASS: municipalities (131) with counties (104), code changes (131), and
KOSTRA-group membership (112 ↔ 131) per year."""

from __future__ import annotations

import pandas as pd

from loaders.codes import kodeendringer_frame
from loaders.refresh.spec import Context, Fetched, KlassCall, Spec
from loaders.snapshot.kommuner import UNKNOWN_CODE

FIRST_CHANGE_DATE = "2011-01-01"  # KLASS 131 changes are fetched from here on
FIRST_GROUP_YEAR = 2015  # KOSTRA-group membership from the first 12134 year on


def _kommuner_calls(ctx: Context) -> list[KlassCall]:
    day = ctx.today.isoformat()
    return [
        KlassCall("codes", "codes_at", lambda c: (131, day)),
        KlassCall("counties", "codes_at", lambda c: (104, day)),
        KlassCall("changes", "changes", lambda c: (131, FIRST_CHANGE_DATE, day)),
    ]


def _tidy_kommuner(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    codes = pd.DataFrame(fetched.klass["codes"])
    codes = codes[codes["code"] != UNKNOWN_CODE]
    counties = {c["code"]: c["name"] for c in fetched.klass["counties"]}
    kommuner = pd.DataFrame(
        {"kommune_code": codes["code"].astype(str), "kommune_name": codes["name"].astype(str)}
    )
    kommuner["county_code"] = kommuner["kommune_code"].str[:2]
    kommuner["county_name"] = kommuner["county_code"].map(counties)
    kodeendringer = kodeendringer_frame(pd.DataFrame(fetched.klass["changes"]))
    return {"kommuner": kommuner, "kodeendringer": kodeendringer}


def _medlemskap_calls(ctx: Context) -> list[KlassCall]:
    calls = []
    for year in range(FIRST_GROUP_YEAR, ctx.today.year + 1):
        day = f"{year}-01-01"
        calls.append(
            KlassCall(str(year), "corresponds_at", lambda c, d=day: (112, 131, d), optional=True)
        )
    return calls


def _group_code(code: str) -> str:
    """KOSTRA-group code as 12134 writes it (EKG01 …), whether KLASS gives '1', '01' or 'EKG01'."""
    return f"EKG{int(code):02d}" if code.isdigit() else code


def _tidy_medlemskap(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    rows = []
    for year, items in fetched.klass.items():
        for item in items:
            rows.append(
                (
                    str(item["targetCode"]),
                    int(year),
                    _group_code(str(item["sourceCode"])),
                    str(item["sourceName"]),
                )
            )
    frame = pd.DataFrame(
        rows, columns=["kommune_code", "year", "kostragruppe_code", "kostragruppe_name"]
    )
    return {"kostragruppe_medlemskap": frame}


KOMMUNER = Spec(
    name="klass131",
    produces=("kommuner", "kodeendringer"),
    tidy=_tidy_kommuner,
    title="KLASS 131 kommuner og endringer",
    klass=_kommuner_calls,
    needs_codes=False,
    klass_sources={
        "kommuner": (
            ("KLASS 131 Standard for kommuneinndeling, gyldige koder", "KLASS 131", "131/codesAt"),
            ("KLASS 104 Standard for fylkesinndeling, gyldige koder", "KLASS 104", "104/codesAt"),
        ),
        "kodeendringer": (
            ("KLASS 131 endringer i kommuneinndelingen", "KLASS 131", "131/changes"),
        ),
    },
)
MEDLEMSKAP = Spec(
    name="klass112",
    produces=("kostragruppe_medlemskap",),
    tidy=_tidy_medlemskap,
    title="KLASS 112 KOSTRA-grupper",
    klass=_medlemskap_calls,
    needs_codes=False,
    klass_sources={
        "kostragruppe_medlemskap": (
            (
                "KOSTRA-grupper (KLASS 112) per kommune (KLASS 131)",
                "KLASS 112",
                "112/correspondsAt",
            ),
        ),
    },
)
