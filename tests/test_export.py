"""Exports load unchanged in the tools their users use: DuckDB for csv and parquet, a GDELT
reader written from the codebook for cameo-tsv, the PLOVER field list for plover-json."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from factions.cli import main
from factions.export import (
    FLAT_SCHEMA,
    ExportRow,
    gdelt_row,
    plover_record,
    read_actor_code,
    write_event_exports,
)
from factions.ontology import PLOVER_TYPES
from factions.store import EventFilter, Store
from tests.conftest import EXAMPLES, ROOT, RunCli

# The GDELT 2.0 event table as its codebook lists it (GDELT-Event_Codebook-V2.0.pdf), written
# out here on purpose rather than imported, so that a mistake in the exporter's list shows.
GDELT_CODEBOOK = [
    ("GLOBALEVENTID", "BIGINT"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[
        (f"Actor{n}{field}", "VARCHAR")
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ],
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "VARCHAR"),
    ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *[
        (f"{who}Geo_{field}", kind)
        for who in ("Actor1", "Actor2", "Action")
        for field, kind in (
            ("Type", "INTEGER"),
            ("FullName", "VARCHAR"),
            ("CountryCode", "VARCHAR"),
            ("ADM1Code", "VARCHAR"),
            ("ADM2Code", "VARCHAR"),
            ("Lat", "DOUBLE"),
            ("Long", "DOUBLE"),
            ("FeatureID", "VARCHAR"),
        )
    ],
    ("DATEADDED", "BIGINT"),
    ("SOURCEURL", "VARCHAR"),
]

# PLOVER specification (openeventdata/PLOVER, PLOVER_MANUAL.tex, table "PLOVER JSON").
PLOVER_REQUIRED = {"id", "date", "source", "event"}
PLOVER_OPTIONAL = {
    "has_event", "time", "enddate", "endtime", "recipient", "event_loc", "event_text",
    "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
PLOVER_ACTOR = {
    "code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc",
    "religion", "ethnicity", "office", "gender", "age",
}  # fmt: skip
PLOVER_CITE = {
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright",
    "coder", "codebook", "version",
}  # fmt: skip
PLOVER_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

WIRE = {
    "id": "wire-42",
    "url": "https://news.example/syria?a=1&b=2",
    "published": "2016-03-01",
    "title": "Strikes near Aleppo",
    "text": "Strikes near Aleppo\n\nRussian warplanes bombed rebel positions near Aleppo on"
    ' Monday, the "Syrian Observatory", a monitoring group, said.\n\nThe United Nations'
    " condemned the strikes, and Turkey accused Russia of killing civilians, a charge Moscow"
    " rejected.",
}


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`factions ingest examples/ --db news.duckdb`, plus one record with its own id and URL."""
    folder = tmp_path_factory.mktemp("export")
    examples = Path(shutil.copytree(EXAMPLES, folder / "examples"))
    (examples / "wire.jsonl").write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    db = folder / "news.duckdb"
    with pytest.raises(SystemExit) as exited:
        main(["ingest", str(examples), "--db", str(db)])
    assert exited.value.code == 0
    return db


def query(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def store_ids(db: Path, where: str = "true") -> list[str]:
    return [r[0] for r in query(db, f"SELECT event_id FROM events WHERE {where} ORDER BY 1")]


def column_types(con: Any, relation: str) -> dict[str, str]:
    return {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()}


# -- parquet and csv, loaded in DuckDB ---------------------------------------------------------


def test_parquet_loads_in_duckdb_with_the_stores_rows_and_types(
    run_cli: RunCli, news: Path, tmp_path: Path
):
    out = tmp_path / "events.parquet"
    result = run_cli("events", "--db", news, "--format", "parquet", "-o", out)
    assert result.code == 0, result.err
    with duckdb.connect(str(news), read_only=True) as con:
        parquet = f"read_parquet('{out}')"
        assert list(column_types(con, parquet)) == FLAT_SCHEMA.names
        assert (
            con.execute(f"SELECT count(*) FROM {parquet}").fetchone()
            == con.execute("SELECT count(*) FROM events").fetchone()
        )
        types = column_types(con, parquet)
        stored = column_types(con, "events")
        same = [c for c in types if c in stored]
        assert len(same) > 30
        assert {c: types[c] for c in same} == {c: stored[c] for c in same}
        assert types["span_start"] == "INTEGER" and stored["span_start"] == "INTEGER"
        assert types["doc_published"] == "DATE" and types["date"] == "DATE"
        assert types["negated"] == "BOOLEAN" and types["goldstein"] == "DOUBLE"
        # Every value equals the store's, the document's own id and URL included.
        differing = con.execute(
            f"SELECT count(*) FROM {parquet} p JOIN events e USING (event_id)"
            " JOIN documents d ON d.doc_id = e.doc_id"
            " WHERE p.source_code IS DISTINCT FROM e.source_code"
            " OR p.date IS DISTINCT FROM e.date OR p.goldstein IS DISTINCT FROM e.goldstein"
            " OR p.quad_class IS DISTINCT FROM e.quad_class OR p.negated <> e.negated"
            " OR p.doc_url IS DISTINCT FROM d.url OR p.doc_ext_id IS DISTINCT FROM d.ext_id"
            " OR p.doc_published IS DISTINCT FROM d.published"
        ).fetchone()
        assert differing == (0,)
        wire = con.execute(
            f"SELECT DISTINCT doc_ext_id, doc_url, doc_ref FROM {parquet} WHERE doc_ext_id"
            " IS NOT NULL"
        ).fetchall()
    assert wire == [("wire-42", WIRE["url"], "wire-42")]


def test_csv_loads_in_duckdb_with_the_same_columns_rows_and_text(
    run_cli: RunCli, news: Path, tmp_path: Path
):
    out = tmp_path / "events.csv"
    result = run_cli("events", "--db", news, "--format", "csv", "-o", out)
    assert result.code == 0, result.err
    with duckdb.connect(str(news), read_only=True) as con:
        table = f"read_csv('{out}')"
        types = column_types(con, table)
        assert list(types) == FLAT_SCHEMA.names
        assert (
            con.execute(f"SELECT count(*) FROM {table}").fetchone()
            == con.execute("SELECT count(*) FROM events").fetchone()
        )
        # Types DuckDB infers by itself for the columns that hold values.
        assert types["date"] == "DATE" and types["doc_published"] == "DATE"
        assert types["negated"] == "BOOLEAN" and types["caption"] == "BOOLEAN"
        assert types["span_start"] in {"INTEGER", "BIGINT"}
        assert types["goldstein"] == "DOUBLE" and types["confidence"] == "DOUBLE"
        # Sentences with quotes and commas come back as stored.
        mismatched = con.execute(
            f"SELECT count(*) FROM {table} c JOIN events e USING (event_id)"
            " JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
            " WHERE c.sentence <> s.text OR c.span_start <> e.span_start"
        ).fetchone()
        assert mismatched == (0,)
        quoted = con.execute(
            f"SELECT count(*) FROM {table} WHERE sentence LIKE '%\"Syrian Observatory\",%'"
        ).fetchone()
    assert quoted is not None and quoted[0] >= 1


def test_jsonl_is_the_event_record_of_every_stored_event(
    run_cli: RunCli, news: Path, tmp_path: Path
):
    result = run_cli("events", "--db", news)
    assert result.code == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert lines == [e.to_json() for e in Store(news).events()]
    assert sorted(r["event_id"] for r in lines) == store_ids(news)
    out = tmp_path / "events.jsonl"
    assert run_cli("events", "--db", news, "--format", "jsonl", "-o", out).code == 0
    assert out.read_text(encoding="utf-8") == result.out


# -- cameo-tsv, read as GDELT files are read ---------------------------------------------------


def gdelt_rows(text: str) -> Iterator[dict[str, str]]:
    """A GDELT reader from the codebook: tab-separated, no quoting, 61 columns a line."""
    names = [name for name, _ in GDELT_CODEBOOK]
    for number, fields in enumerate(csv.reader(io.StringIO(text), delimiter="\t",
                                               quoting=csv.QUOTE_NONE), 1):  # fmt: skip
        assert len(fields) == len(names), f"line {number} has {len(fields)} columns"
        yield dict(zip(names, fields, strict=True))


def test_cameo_tsv_reads_as_the_gdelt_event_table(run_cli: RunCli, news: Path):
    import pycountry

    result = run_cli("events", "--db", news, "--format", "cameo-tsv")
    assert result.code == 0, result.err
    assert len(GDELT_CODEBOOK) == 61
    rows = list(gdelt_rows(result.out))
    stored = {
        int(r[0][:16], 16) >> 1: r
        for r in query(
            news,
            "SELECT e.event_id, e.cameo, e.quad_class, e.goldstein, e.source_code,"
            " e.target_code, coalesce(e.date, d.published), d.url FROM events e"
            " JOIN documents d USING (doc_id)"
            " WHERE NOT e.negated AND NOT coalesce(e.caption, false) AND e.cameo IS NOT NULL",
        )
    }
    assert len(rows) == len(stored) > 50
    assert {int(r["GLOBALEVENTID"]) for r in rows} == set(stored)
    for row in rows:
        _, cameo, quad, goldstein, source, target, day, url = stored[int(row["GLOBALEVENTID"])]
        assert row["EventCode"] == cameo
        assert row["EventBaseCode"] == cameo[:3] and row["EventRootCode"] == cameo[:2]
        assert (int(row["QuadClass"]), float(row["GoldsteinScale"])) == (quad, goldstein)
        assert row["Actor1Code"] == (source or "") and row["Actor2Code"] == (target or "")
        assert row["SQLDATE"] == day.strftime("%Y%m%d") and row["Year"] == str(day.year)
        assert row["MonthYear"] == day.strftime("%Y%m")
        assert re.fullmatch(r"\d{14}", row["DATEADDED"])
        assert row["SOURCEURL"] == (url or "")
        assert row["IsRootEvent"] in {"0", "1"} and row["NumMentions"] == "1"
        assert row["AvgTone"] == "" and row["Actor1EthnicCode"] == ""
        if source and pycountry.countries.get(alpha_3=source[:3]):
            assert row["Actor1CountryCode"] == source[:3]
            if source[3:6] in {"GOV", "MIL", "REB", "COP", "JUD", "LEG"}:
                assert row["Actor1Type1Code"] == source[3:6]
    assert {r["SOURCEURL"] for r in rows} >= {WIRE["url"]}
    assert any(r["IsRootEvent"] == "1" for r in rows)
    assert any(r["Actor1KnownGroupCode"] == "UNO" and r["Actor1Type1Code"] == "IGO" for r in rows)


def test_cameo_tsv_loads_in_duckdb_with_the_codebook_types(
    run_cli: RunCli, news: Path, tmp_path: Path
):
    out = tmp_path / "events.tsv"
    assert run_cli("events", "--db", news, "--format", "cameo-tsv", "-o", out).code == 0
    columns = "{" + ", ".join(f"'{n}': '{t}'" for n, t in GDELT_CODEBOOK) + "}"
    with duckdb.connect() as con:
        rows = con.execute(
            f"SELECT count(*), count(DISTINCT GLOBALEVENTID), min(FractionDate),"
            f" max(GoldsteinScale) FROM read_csv('{out}', delim='\\t', header=false,"
            f" quote='', columns={columns})"
        ).fetchone()
    assert rows is not None and rows[0] == rows[1] > 50
    assert 1900 < rows[2] < 2100 and rows[3] <= 10


def test_cameo_tsv_header_names_the_codebook_columns(run_cli: RunCli, news: Path):
    result = run_cli("events", "--db", news, "--format", "cameo-tsv", "--header", "--type", "AID")
    assert result.code == 0, result.err
    header, *body = result.out.splitlines()
    assert header.split("\t") == [name for name, _ in GDELT_CODEBOOK]
    assert body and all(line.split("\t")[26][:2] == "07" for line in body)


def place_row(**changes: Any) -> ExportRow:
    values: dict[str, Any] = dict.fromkeys(ExportRow._fields)
    values.update(
        event_id="0123456789abcdef0123",
        doc_id="d",
        sent_idx=1,
        span_start=0,
        span_end=10,
        trigger="shelled",
        source_id="HTS",
        source_name="Hayat\tTahrir\nal-Sham",
        source_mention="HTS",
        source_kind="armed_group",
        source_code="SYRREBHTS",
        plover="ASSAULT",
        cameo="1951",
        quad_class=4,
        goldstein=-10.0,
        negated=False,
        caption=False,
        confidence=0.8,
        lead=True,
        date=date(2015, 9, 30),
        place_name="Syria",
        place_country="SYR",
        place_lat=35.0,
        place_lon=38.0,
        place_precision="country",
        doc_ingested_at=datetime(2020, 1, 2, 3, 4, 5),
    )
    values.update(changes)
    return ExportRow(**values)


def test_gdelt_row_fills_codes_places_and_survives_tabs_in_names():
    row = dict(
        zip((n for n, _ in GDELT_CODEBOOK), gdelt_row(place_row()), strict=True)
    )  # a name with a tab and a line break still gives 61 fields
    assert row["GLOBALEVENTID"] == str(int("0123456789abcdef", 16) >> 1)
    assert row["Actor1Name"] == "HAYAT TAHRIR AL-SHAM"
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("SYR", "REB")
    assert row["Actor1KnownGroupCode"] == "HTS" and row["Actor2Code"] == ""
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("1951", "195", "19")
    assert row["FractionDate"] == "2015.7397"  # 2015 + (8 * 30 + 30) / 365, as GDELT has it
    assert row["ActionGeo_Type"] == "1" and row["ActionGeo_CountryCode"] == "SY"
    assert row["ActionGeo_FeatureID"] == "SY" and row["ActionGeo_Lat"] == "35.0"
    assert row["Actor1Geo_Type"] == "0" and row["Actor1Geo_FullName"] == ""
    city = dict(
        zip(
            (n for n, _ in GDELT_CODEBOOK),
            gdelt_row(place_row(place_name="Aleppo", place_precision="city")),
            strict=True,
        )
    )
    assert city["ActionGeo_Type"] == "4" and city["ActionGeo_FeatureID"] == ""
    texas = gdelt_row(place_row(place_country="USA", place_precision="province"))
    assert texas[[n for n, _ in GDELT_CODEBOOK].index("ActionGeo_Type")] == "2"


def test_actor_codes_come_apart_into_country_group_religion_and_types():
    hts = read_actor_code("SYRREBHTS")
    assert (hts.top, hts.country, hts.known_group, hts.types) == ("SYR", "SYR", "HTS", ("REB",))
    unhcr = read_actor_code("IGOUNOREFHCR")
    assert (unhcr.top, unhcr.country, unhcr.known_group) == ("IGO", None, "HCR")
    assert unhcr.types == ("IGO", "REF")
    isis = read_actor_code("IMGMUSISI")
    assert (isis.religions, isis.known_group, isis.country) == (("MUS",), "ISI", None)
    eu = read_actor_code("IGOEUREEC")
    assert (eu.country, eu.known_group) == ("EUR", "EEC")
    civilians = read_actor_code("CVL")
    assert (civilians.top, civilians.country, civilians.types) == (None, None, ("CVL",))
    assert read_actor_code(None).types == ()


# -- plover-json, against the specification's fields -------------------------------------------


def test_plover_json_has_the_fields_the_plover_spec_requires(run_cli: RunCli, news: Path):
    result = run_cli("events", "--db", news, "--format", "plover-json")
    assert result.code == 0, result.err
    records = [json.loads(line) for line in result.out.splitlines()]
    expected = store_ids(
        news, "NOT negated AND NOT coalesce(caption, false) AND plover IS NOT NULL"
    )
    assert sorted(r["id"] for r in records) == expected and len(expected) > 50
    extensions = {"cameo", "modality", "confidence", "doc_id"}
    for record in records:
        assert PLOVER_REQUIRED <= set(record) <= PLOVER_REQUIRED | PLOVER_OPTIONAL | extensions
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["date"])
        assert len(record["event"]) == 1 and record["event"][0] in PLOVER_TYPES
        assert record["quad_code"] == PLOVER_QUAD[record["event"][0]]
        assert isinstance(record["mode"], list) and isinstance(record["event_text"], list)
        assert set(record["cite_info"]) <= PLOVER_CITE
        info = record["text_info"]
        assert record["text"] and info["start"] < info["end"]
        assert isinstance(record["source"], list) and isinstance(record["recipient"], list)
        for actor in record["source"] + record["recipient"]:
            assert set(actor) - {"kind", "cameo_code"} <= PLOVER_ACTOR
            assert actor["identifier_id"] and actor["identifier_text"]
            assert actor["code"] is None or re.fullmatch(r"[A-Z]{3}", actor["code"])
            assert actor["sector"] is None or len(actor["sector"]) in (3, 6)
    wire = [r for r in records if r["cite_info"]["citation"] == "wire-42"]
    assert wire and all(r["cite_info"]["url"] == WIRE["url"] for r in wire)
    russia = [r for r in wire if r["event"] == ["ASSAULT"]]
    assert russia and russia[0]["source"][0]["code"] == "RUS"
    assert russia[0]["source"][0]["sector"] == "MIL"


def test_plover_location_uses_geonames_field_names():
    record = plover_record(place_row(), "factions test")
    assert record["event_loc"] == {
        "name": "Syria",
        "latitude": 35.0,
        "longitude": 38.0,
        "country code": "SY",
        "cc3": "SYR",
        "geonameid": 163843,
        "feature class": "A",
        "feature code": "PCLI",
    }
    assert record["source"][0]["code"] == "SYR" and record["source"][0]["sector"] == "REB"
    assert record["recipient"] == []


# -- filters, errors, streaming ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "cameo-tsv", "plover-json"])
def test_filters_select_the_same_events_in_every_format(run_cli: RunCli, news: Path, fmt: str):
    result = run_cli(
        "events", "--db", news, "--format", fmt, "--type", "assault", "--since", "2012-01-01",
        "--until", "2019-12-31",
    )  # fmt: skip
    assert result.code == 0, result.err
    lines = result.out.splitlines()[1:] if fmt == "csv" else result.out.splitlines()
    where = (
        "plover = 'ASSAULT' AND coalesce(e.date, d.published) BETWEEN DATE '2012-01-01'"
        " AND DATE '2019-12-31'"
    )
    if fmt in ("cameo-tsv", "plover-json"):
        where += " AND NOT negated AND NOT coalesce(caption, false)"
    (expected,) = query(
        news, f"SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE {where}"
    )[0]
    assert len(lines) == expected > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "BOMBARD"], "Invalid value for '--type'"),
        (["--since", "2015-02-30"], "not a date in the form YYYY-MM-DD"),
        (["--until", "yesterday"], "not a date in the form YYYY-MM-DD"),
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--format", "csv", "--header"], "--header goes with --format cameo-tsv"),
    ],
)
def test_bad_filter_values_are_usage_errors(
    run_cli: RunCli, news: Path, args: list[str], message: str
):
    result = run_cli("events", "--db", news, *args)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert result.out == ""


def test_a_failed_export_leaves_no_file(run_cli: RunCli, tmp_path: Path):
    out = tmp_path / "events.parquet"
    result = run_cli("events", "--db", tmp_path / "none.duckdb", "--format", "parquet", "-o", out)
    assert result.code == 1 and "no database at" in result.err
    assert list(tmp_path.iterdir()) == []


def test_events_stream_in_batches_in_the_order_of_events(news: Path):
    store = Store(news)
    in_order = [e.event_id for e in store.events()]
    batches = list(store.event_batches(EventFilter(), rows=16))
    assert len(batches) > 3 and all(b.num_rows <= 16 for b in batches)
    assert [e for b in batches for e in b.column("event_id").to_pylist()] == in_order
    # A few documents per query, as in an export of millions: same rows, same order.
    chunked = list(store.event_batches(EventFilter(), rows=16, chunk_events=12))
    assert [e for b in chunked for e in b.column("event_id").to_pylist()] == in_order
    assert sum(b.num_rows for b in chunked) == len(in_order)
    assert chunked[0].schema == batches[0].schema
    assert [e.to_json() for e in store.stream_events()] == [e.to_json() for e in store.events()]


# -- export --all ------------------------------------------------------------------------------


def test_export_all_writes_every_format_and_a_readme(run_cli: RunCli, news: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run_cli("export", "--all", out, "--db", news, "--since", "2015-01-01")
    assert result.code == 0, result.err
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "on or after 2015-01-01" in readme
    events = ["events.jsonl", "events.csv", "events.parquet", "events.cameo.tsv"]
    for name in [*events, "events.plover.jsonl"]:
        assert (out / name).stat().st_size > 0 and name in readme and name in result.out
    graph = ["graph.json", "graph.graphml", "graph.gexf", "graph.png", "coalitions.json"]
    for name in graph:
        assert (out / name).exists() and name in readme
    (since,) = query(
        news,
        "SELECT count(*) FROM events e JOIN documents d USING (doc_id)"
        " WHERE coalesce(e.date, d.published) >= DATE '2015-01-01'",
    )[0]
    with duckdb.connect() as con:
        assert con.execute(f"SELECT count(*) FROM '{out / 'events.parquet'}'").fetchone() == (
            since,
        )
    assert len((out / "events.jsonl").read_text(encoding="utf-8").splitlines()) == since
    assert not list(out.glob("*.part"))


def test_write_event_exports_lists_each_file_with_its_count(news: Path, tmp_path: Path):
    files = write_event_exports(Store(news), tmp_path, EventFilter(plover="SUPPORT"))
    (support,) = query(news, "SELECT count(*) FROM events WHERE plover = 'SUPPORT'")[0]
    assert [name for name, _ in files] == [
        "events.jsonl",
        "events.csv",
        "events.parquet",
        "events.cameo.tsv",
        "events.plover.jsonl",
    ]
    assert files[0][1].startswith(f"{support} events: ")
    assert "of type SUPPORT" in (tmp_path / "README.txt").read_text(encoding="utf-8")


# -- data files --------------------------------------------------------------------------------


def test_export_data_files_cover_our_roles_and_every_plover_type():
    folder = ROOT / "src" / "factions" / "data"
    codes = yaml.safe_load((folder / "export" / "cameo_actor_codes.yaml").read_text("utf-8"))
    roles = yaml.safe_load((folder / "actors" / "roles.yaml").read_text("utf-8"))["roles"]
    assert set(roles) <= set(codes["types"])
    for table in ("international", "types", "religions", "regions"):
        assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes[table])
    quads = yaml.safe_load((folder / "export" / "plover.yaml").read_text("utf-8"))["quad_codes"]
    assert quads == PLOVER_QUAD


def test_every_actor_code_we_ship_reads_with_a_known_top_part():
    import pycountry

    folder = ROOT / "src" / "factions" / "data" / "actors"
    codes = {
        entry["code"]
        for path in folder.glob("*.yaml")
        if path.name != "roles.yaml"
        for entry in yaml.safe_load(path.read_text("utf-8"))["actors"]
        if entry.get("code")
    }
    assert len(codes) > 300
    historic = {"SUN", "YUG", "CSK", "DDR", "XKX"}
    for code in codes:
        parts = read_actor_code(code)
        if parts.top and parts.top not in {"IGO", "NGO", "IMG"}:
            assert pycountry.countries.get(alpha_3=parts.top) or parts.top in historic, code


def test_an_empty_selection_still_gives_files_the_tools_can_open(
    run_cli: RunCli, news: Path, tmp_path: Path
):
    out = tmp_path / "none.parquet"
    args = ["--db", news, "--actor", "Nobody At All"]
    assert run_cli("events", *args, "--format", "parquet", "-o", out).code == 0
    with duckdb.connect() as con:
        assert con.execute(f"SELECT count(*) FROM '{out}'").fetchone() == (0,)
        assert [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM '{out}'").fetchall()] == (
            FLAT_SCHEMA.names
        )
    csv_out = run_cli("events", *args, "--format", "csv")
    assert csv_out.code == 0 and csv_out.out.splitlines() == [
        ",".join(f'"{name}"' for name in FLAT_SCHEMA.names)
    ]
    assert run_cli("events", *args, "--format", "cameo-tsv").out == ""
