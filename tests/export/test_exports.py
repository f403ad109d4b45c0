"""Each export against its column list, with the values of a real incident (al-Sina'a prison, Jan 2022)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export.acled import ACLED_COLUMNS
from marsad.export.source import ExportData, ExportFilter, group_claims, load_db, load_run_dir
from marsad.export.ucdp import UCDP_COLUMNS, priogrid_gid
from marsad.export.writer import export
from marsad.model import Article, Claim, Event
from marsad.reconcile.estimates import reconcile

ISIS, SDF, CIV = "Islamic State (ISIS)", "Syrian Democratic Forces (SDF)", "Civilians"


def corpus() -> tuple[list[Event], list[Claim], dict[str, Article]]:
    arts = {
        "h1": Article("h1", "هجوم\n\nقتل 16 عنصرا من داعش", published="2022-01-21", outlet="Al-Bawaba News"),
        "h4": Article("h4", "قسد\n\nانتشال 374 جثة وأربعة مدنيين ونفي هروب نحو 200", published="2022-01-31",
                      outlet="Al-Hal Net"),
        "k1": Article("k1", "الكرادة\n\nمقتل 7 مدنيين", published="2023-03-02", outlet="Baghdad Today"),
    }
    prison = Event(event_id="SYR-20220120-abc", event_type="Battles", sub_event_type="Armed clash",
                   disorder_type="Political violence", date="2022-01-20", date_end="2022-01-30",
                   country="SYR", admin1="Al-Hasakeh", admin2="Al-Hasakeh", location="Ghwayran",
                   latitude=36.47, longitude=40.75, geo_precision=1, actor1=ISIS, actor2=SDF, inter1=2,
                   inter2=2, interaction=22, actors=[ISIS, SDF], doc_ids=["h1", "h4"])
    blast = Event(event_id="IRQ-20230301-def", event_type="Explosions/Remote violence",
                  sub_event_type="Remote explosive/landmine/IED", disorder_type="Political violence",
                  civilian_targeting=True, date="2023-03-01", country="IRQ", admin1="Baghdad",
                  location="Karrada",
                  latitude=33.305, longitude=44.428, geo_precision=1, actor1="Unidentified Armed Group",
                  actor2=CIV, inter1=2, inter2=7, interaction=27, doc_ids=["k1"])
    past = Event(event_id="SYR-20150101-old", event_type="Battles", date="2015-01-01", country="SYR",
                 background=True, doc_ids=["h1"])
    claims = [
        Claim("h1", "killed", 16, who=ISIS, qualifier="at_least", event_id=prison.event_id, start=8),
        Claim("h4", "killed", 374, who=ISIS, source=SDF, event_id=prison.event_id, start=12),
        Claim("h4", "killed", 4, who=CIV, source=SDF, event_id=prison.event_id, start=20),
        Claim("h4", "escaped", 200, who=ISIS, source=SDF, stance="denied", qualifier="about",
              event_id=prison.event_id, start=30),
        Claim("k1", "killed", 7, who=CIV, event_id=blast.event_id, start=10),
    ]
    events = [prison, blast, past]
    reconcile(events, claims, arts)
    return events, claims, arts


def data() -> ExportData:
    events, claims, arts = corpus()
    return ExportData(events, group_claims(claims), arts)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_acled_columns_and_values(tmp_path):
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"
    out = tmp_path / "acled.csv"
    assert export(data(), "acled", out) == 2  # the background recollection is not exported
    header, rows = read_csv(out)
    assert header == ACLED_COLUMNS
    prison = rows[0]
    assert (prison["event_id_cnty"], prison["event_date"]) == ("SYR-20220120-abc", "2022-01-20")
    assert prison["year"] == "2022"
    assert (prison["iso"], prison["country"], prison["region"]) == ("760", "Syria", "Middle East")
    assert prison["fatalities"] == "378"
    assert prison["time_precision"] == "3"  # an 11-day incident
    assert prison["source"] == "Al-Bawaba News; Al-Hal Net"
    notes = prison["notes"]
    assert notes.startswith("On 2022-01-20 to 2022-01-30: Battles (Armed clash) in Ghwayran, Al-Hasakeh, "
                            "Syria involving Islamic State (ISIS) vs Syrian Democratic Forces (SDF).")
    assert ("Islamic State (ISIS) killed: best 374 (range 16-374); reported: "
            "at least 16 (per Al-Bawaba News, "
            "2022-01-21); 374 (per Syrian Democratic Forces (SDF), 2022-01-31).") in notes
    assert ("escaped: no undisputed figure, disputed; reported: about 200 "
            "(denied by Syrian Democratic Forces") in notes
    blast = rows[1]
    assert (blast["iso"], blast["fatalities"]) == ("368", "7")
    assert blast["civilian_targeting"] == "Civilian targeting"
    assert blast["timestamp"] == "1677715200"  # 2023-03-02, the latest report


def test_ucdp_columns_and_values(tmp_path):
    assert len(UCDP_COLUMNS) == 49
    out = tmp_path / "ged.csv"
    export(data(), "ucdp", out)
    header, rows = read_csv(out)
    assert header == UCDP_COLUMNS
    prison, blast = rows
    assert (prison["side_a"], prison["side_b"], prison["type_of_violence"]) == (ISIS, SDF, "2")
    assert (prison["deaths_a"], prison["deaths_b"], prison["deaths_civilians"], prison["deaths_unknown"]) == \
        ("374", "0", "4", "0")
    assert (prison["best"], prison["low"], prison["high"]) == ("378", "378", "378")
    assert (prison["date_prec"], prison["where_prec"], prison["country_id"]) == ("4", "1", "652")
    assert prison["geom_wkt"] == "POINT (40.75 36.47)"
    assert prison["priogrid_gid"] == str(priogrid_gid(36.47, 40.75)) == "181882"
    assert prison["number_of_sources"] == "2"
    assert prison["source_original"] == SDF
    assert (blast["type_of_violence"], blast["deaths_civilians"], blast["date_prec"]) == ("3", "7", "1")


def test_geojson_feature_collection(tmp_path):
    out = tmp_path / "events.geojson"
    assert export(data(), "geojson", out) == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    first = doc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [40.75, 36.47]}
    assert first["properties"]["event_id"] == "SYR-20220120-abc" and first["properties"]["fatalities"] == 378
    assert "latitude" not in first["properties"]
    assert doc["features"][2]["geometry"] is None


def test_jsonl_is_the_contract_and_run_folder_round_trips(tmp_path):
    events, claims, arts = corpus()
    run = tmp_path / "run"
    run.mkdir()
    for name, rows in (("events", events), ("claims", claims), ("documents", list(arts.values()))):
        dicts = [r.to_dict() for r in rows]
        for d in dicts if name == "documents" else []:
            d.pop("text")  # `marsad run` writes documents without their text
        lines = [json.dumps(d, ensure_ascii=False) + "\n" for d in dicts]
        (run / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")
    loaded = load_run_dir(run)
    assert [e.event_id for e in loaded.events] == [e.event_id for e in events]
    assert loaded.articles["h4"].outlet == "Al-Hal Net" and loaded.articles["h4"].text == ""
    assert loaded.events[0].estimates[0].best == events[0].estimates[0].best
    out = tmp_path / "events.jsonl"
    export(loaded, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [e.to_dict() for e in events]
    only_iraq = load_run_dir(run, ExportFilter(country="irq"))
    assert [e.event_id for e in only_iraq.events] == ["IRQ-20230301-def"]
    window = load_run_dir(run, ExportFilter(since="2022-01-25", until="2022-12-31"))
    assert [e.event_id for e in window.events] == ["SYR-20220120-abc"]  # overlaps by its end date
    battles = load_run_dir(run, ExportFilter(event_type="battles", since="2020-01-01"))
    assert [e.event_id for e in battles.events] == ["SYR-20220120-abc"]

    result = CliRunner().invoke(app, ["export", "--run", str(run), "--format", "acled", "--out",
                                      str(tmp_path / "cli.csv"), "--country", "SYR"])
    assert result.exit_code == 0, result.output
    assert read_csv(tmp_path / "cli.csv")[1][0]["event_id_cnty"] == "SYR-20220120-abc"
    bad = CliRunner().invoke(app, ["export", "--run", str(run), "--format", "xls", "--out",
                                   str(tmp_path / "x")])
    assert bad.exit_code == 2


def test_export_from_the_store(tmp_path):
    store = pytest.importorskip("marsad.store.db")
    events, claims, arts = corpus()
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    store.save_run(url, list(arts.values()), claims, events)
    loaded = load_db(url, ExportFilter(country="SYR", since="2020-01-01"))
    assert [e.event_id for e in loaded.events] == ["SYR-20220120-abc"]
    assert sorted(c.value for c in loaded.claims["SYR-20220120-abc"]) == [4, 16, 200, 374]
    out = tmp_path / "store.csv"
    result = CliRunner().invoke(app, ["export", "--db", url, "--format", "acled", "--out", str(out)])
    assert result.exit_code == 0, result.output
    header, rows = read_csv(out)
    assert header == ACLED_COLUMNS
    assert {r["event_id_cnty"]: r["fatalities"] for r in rows} == {"SYR-20220120-abc": "378",
                                                                   "IRQ-20230301-def": "7"}


@pytest.mark.parametrize(("args", "message"), [
    (["--country", "SY"], "marsad: --country 'SY' is not an ISO 3166-1 alpha-3 code Marsad knows "
                          "(an ISO alpha-2 code? perhaps SYR)"),
    (["--since", "2018-13-45"], "marsad: --since '2018-13-45' is not a real date"),
    (["--until", "last week"], "marsad: --until 'last week' is not an ISO date; use YYYY-MM-DD"),
    (["--since", "2019-01-01", "--until", "2018-01-01"],
     "marsad: --since 2019-01-01 is after --until 2018-01-01"),
])
def test_export_refuses_bad_filters_with_one_line_and_exit_2(tmp_path, args, message):
    store = pytest.importorskip("marsad.store.db")
    events, claims, arts = corpus()
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    store.save_run(url, list(arts.values()), claims, events)
    result = CliRunner().invoke(app, ["export", "--db", url, "--format", "acled",
                                      "--out", str(tmp_path / "o.csv"), *args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(message) and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "o.csv").exists()


def test_export_of_a_mistyped_store_creates_nothing_and_stdout_export(tmp_path):
    typo = tmp_path / "typo" / "marsad.db"
    result = CliRunner().invoke(app, ["export", "--db", f"sqlite:///{typo}", "--format", "acled",
                                      "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert result.output == (f"marsad: --db: no store at {typo} (check the path; "
                             "`marsad run --out DIR` creates DIR/marsad.db)\n")
    assert not typo.parent.exists()
    store = pytest.importorskip("marsad.store.db")
    events, claims, arts = corpus()
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    store.save_run(url, list(arts.values()), claims, events)
    out = CliRunner().invoke(app, ["export", "--db", url, "--format", "jsonl", "--out", "-",
                                   "--country", "syr", "--since", "2020-01-01"])
    assert out.exit_code == 0, out.output
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert [json.loads(line)["event_id"] for line in lines] == ["SYR-20220120-abc"]
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_ucdp_names_governments_codes_coalition_strikes_state_based_and_drops_zero_deaths(tmp_path):
    arts = {"y1": Article("y1", "غارة\n\nمقتل 9 مدنيين في غارة للتحالف", published="2018-08-09",
                          outlet="Saba"),
            "s1": Article("s1", "اشتباك\n\nمقتل 5 من داعش و3 جنود", published="2018-05-02", outlet="SANA"),
            "p1": Article("p1", "تظاهرة\n\nتظاهرة سلمية", published="2018-05-03", outlet="SANA")}
    strike = Event(event_id="YEM-20180809-a", event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike", date="2018-08-09", country="YEM",
                   actor1="Saudi-led coalition", actor2=CIV, inter1=8, inter2=7, doc_ids=["y1"])
    clash = Event(event_id="SYR-20180502-b", event_type="Battles", date="2018-05-02", country="SYR",
                  actor1=ISIS, actor2="Military Forces of Syria", inter1=2, inter2=1, doc_ids=["s1"])
    protest = Event(event_id="SYR-20180503-c", event_type="Protests", date="2018-05-03", country="SYR",
                    doc_ids=["p1"])
    claims = [Claim("y1", "killed", 9, who=CIV, event_id=strike.event_id, start=12),
              Claim("s1", "killed", 5, who=ISIS, event_id=clash.event_id, start=12),
              Claim("s1", "killed", 3, who="Military Forces of Syria", event_id=clash.event_id, start=20)]
    reconcile([strike, clash, protest], claims, arts)
    out = tmp_path / "ged.csv"
    assert export(ExportData([strike, clash, protest], group_claims(claims), arts), "ucdp", out) == 2
    _, (y, s) = read_csv(out)  # the protest, with no death, is no GED row
    assert (y["side_a"], y["side_b"], y["type_of_violence"]) == ("Saudi-led coalition", "", "1")
    assert (y["deaths_civilians"], y["best"]) == ("9", "9")
    assert (s["side_a"], s["side_b"], s["type_of_violence"]) == ("Government of Syria", ISIS, "1")
    assert (s["deaths_a"], s["deaths_b"], s["best"]) == ("3", "5", "8")
    assert (s["conflict_name"], s["dyad_name"]) == ("Syria: Government of Syria",
                                                    f"Government of Syria - {ISIS}")
    assert s["gwnoa"] == "652" and s["gwnob"] == ""
    for col in ("conflict_new_id", "dyad_new_id", "side_a_new_id", "side_b_new_id"):
        assert 9_000_000 <= int(s[col]) <= 9_999_999, col
    again = tmp_path / "again.csv"
    export(ExportData([clash], group_claims(claims), arts), "ucdp", again)
    assert read_csv(again)[1][0]["dyad_new_id"] == s["dyad_new_id"]  # stable across exports
