"""Every reader, on real files in tmp_path, through the real CLI and a real DuckDB file."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import duckdb

from tests.conftest import RunCli

ARTICLE = (
    "Rebels Seize Border Town\n\n"
    "Rebel fighters seized the town of Kidal on Monday, officials said.\n\n"
    "The government in Bamako condemned the attack and asked France for help."
)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def documents(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT title, published, url, outlet, ext_id, text FROM documents ORDER BY 1")


def test_plain_text_title_and_date_from_file_name(run_cli: RunCli, tmp_path: Path, db: Path):
    (tmp_path / "mali-2012-04-02.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("ingest", tmp_path / "mali-2012-04-02.txt", "--db", db)
    assert result.code == 0, result.err
    [(title, published, *_rest, text)] = documents(db)
    assert title == "Rebels Seize Border Town"
    assert published == date(2012, 4, 2)
    assert text == ARTICLE
    # A blank line is a sentence break: the title is a sentence of its own.
    sentences = rows(db, "SELECT text, start_char, end_char FROM sentences ORDER BY idx")
    assert sentences[0][0] == "Rebels Seize Border Town"
    for sent_text, start, end in sentences:
        assert ARTICLE[start:end] == sent_text


def test_published_option_is_the_fallback_and_missing_date_warns(
    run_cli: RunCli, tmp_path: Path, db: Path
):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + " More.", encoding="utf-8")
    result = run_cli("ingest", tmp_path / "a.txt", "--db", db, "--published", "2012-04-03")
    assert result.code == 0
    result = run_cli("ingest", tmp_path / "b.txt", "--db", db)
    assert result.code == 0, "a missing date is a warning, not a skip"
    assert "no publication date" in result.err and "b.txt" in result.err
    assert rows(db, "SELECT published FROM documents ORDER BY published NULLS LAST") == [
        (date(2012, 4, 3),),
        (None,),
    ]


def test_html_main_text_without_scripts_or_styles(run_cli: RunCli, tmp_path: Path, db: Path):
    page = f"""<!doctype html><html><head><title>Kidal falls</title>
    <meta property="article:published_time" content="2012-04-02T10:00:00Z">
    <style>.x {{ color: red }} SECRETSTYLE</style>
    <script>var SECRETSCRIPT = 1;</script></head>
    <body><nav>Home | World | SECRETNAV</nav><article><h1>Kidal falls</h1>
    {"".join(f"<p>{p}</p>" for p in ARTICLE.split(chr(10) + chr(10))[1:])}
    <p>Officials in Bamako said the army would try to retake the town within days.</p>
    </article><script>alert('SECRETSCRIPT2')</script></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = run_cli("ingest", tmp_path / "page.html", "--db", db)
    assert result.code == 0, result.err
    [(title, published, *_rest, text)] = documents(db)
    assert "Rebel fighters seized the town of Kidal" in text
    assert "SECRET" not in text
    assert title == "Kidal falls"
    assert published == date(2012, 4, 2)


def test_jsonl_fields_ids_and_custom_field_names(run_cli: RunCli, tmp_path: Path, db: Path):
    records = [
        {
            "id": "wire-1",
            "text": ARTICLE,
            "published": "2012-04-02T08:00:00Z",
            "url": "https://example.org/1",
            "outlet": "Example Wire",
            "title": "T1",
        },
        {
            "id": "wire-2",
            "text": "Iran sent aid to Syria.",
            "date": "Mon, 05 Oct 2015 10:00:00 GMT",
        },
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert run_cli("ingest", path, "--db", db).code == 0
    got = {r[4]: r for r in documents(db)}
    assert got["wire-1"][:5] == (
        "T1",
        date(2012, 4, 2),
        "https://example.org/1",
        "Example Wire",
        "wire-1",
    )
    assert got["wire-2"][1] == date(2015, 10, 5)

    custom = tmp_path / "custom.jsonl"
    custom.write_text(
        json.dumps({"story": "Chad closed its border.", "when": "2020-01-02", "key": "k9"}) + "\n",
        encoding="utf-8",
    )
    db2 = tmp_path / "custom.duckdb"
    result = run_cli(
        "ingest", custom, "--db", db2, "--field", "published=when", "--field", "id=key"
    )
    assert result.code == 0, result.err
    [(_t, published, _u, _o, ext_id, text)] = documents(db2)
    assert (published, ext_id, text) == (date(2020, 1, 2), "k9", "Chad closed its border.")


def test_json_array_csv_and_tsv(run_cli: RunCli, tmp_path: Path, db: Path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            [
                {"id": "j1", "body": "Niger expelled the French ambassador.", "date": "2023-08-25"},
                {"id": "j2", "body": "Mali recalled its envoy from Algeria.", "date": "2024-01-01"},
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text(
        'id,title,text,published\nc1,"Talks","Sudan, ""the army"" and the RSF met.",2023-05-06\n',
        encoding="utf-8",
    )
    (tmp_path / "c.tsv").write_text(
        "id\ttext\tdate\nt1\tChina warned the Philippines.\t2024-06-17\n", encoding="utf-8"
    )
    result = run_cli("ingest", tmp_path, "--db", db)
    assert result.code == 0, result.err
    got = {r[4]: (r[1], r[5]) for r in documents(db)}
    assert got == {
        "j1": (date(2023, 8, 25), "Niger expelled the French ambassador."),
        "j2": (date(2024, 1, 1), "Mali recalled its envoy from Algeria."),
        "c1": (date(2023, 5, 6), 'Sudan, "the army" and the RSF met.'),
        "t1": (date(2024, 6, 17), "China warned the Philippines."),
    }


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Junta expels envoy</title><link>https://sahel.example/1</link>
<guid>sahel-1</guid><pubDate>Tue, 31 Jan 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Burkina Faso expelled the French ambassador.&lt;/p&gt;
&lt;script&gt;bad()&lt;/script&gt;</description></item>
<item><title>Talks resume</title><link>https://sahel.example/2</link>
<pubDate>Wed, 01 Feb 2023 09:00:00 GMT</pubDate>
<description>Mali and Algeria resumed talks.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Pacific Desk</title><id>urn:desk</id><updated>2024-06-18T00:00:00Z</updated>
<entry><title>Coast guard boards boats</title><id>urn:desk:1</id>
<link href="https://desk.example/1"/><published>2024-06-17T12:00:00Z</published>
<content type="html">&lt;p&gt;China's coast guard boarded Philippine boats.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_and_atom_feeds(run_cli: RunCli, tmp_path: Path, db: Path):
    (tmp_path / "sahel.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.atom").write_text(ATOM, encoding="utf-8")
    result = run_cli("ingest", tmp_path, "--db", db)
    assert result.code == 0, result.err
    got = {r[2]: r for r in documents(db)}
    first = got["https://sahel.example/1"]
    assert first[0] == "Junta expels envoy"
    assert first[1] == date(2023, 1, 31)
    assert first[3] == "Sahel Wire" and first[4] == "sahel-1"
    assert "Burkina Faso expelled the French ambassador." in first[5]
    assert "bad()" not in first[5]
    assert got["https://sahel.example/2"][1] == date(2023, 2, 1)
    atom = got["https://desk.example/1"]
    assert atom[1] == date(2024, 6, 17) and atom[3] == "Pacific Desk"
    assert "China's coast guard boarded Philippine boats." in atom[5]


def test_directories_recursive_gzip_and_hidden_files(run_cli: RunCli, tmp_path: Path, db: Path):
    nested = tmp_path / "corpus" / "2015" / "10"
    nested.mkdir(parents=True)
    (nested / "one-2015-10-05.txt").write_text("Russia struck targets in Syria.", encoding="utf-8")
    with gzip.open(nested / "two.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Iran armed Hezbollah.", "date": "2015-10-04"}))
    (tmp_path / "corpus" / ".hidden.txt").write_text("Never read.", encoding="utf-8")
    result = run_cli("ingest", tmp_path / "corpus", "--db", db)
    assert result.code == 0, result.err
    texts = sorted(r[5] for r in documents(db))
    assert texts == ["Iran armed Hezbollah.", "Russia struck targets in Syria."]


def test_stdin_plain_and_gzipped(run_cli: RunCli, tmp_path: Path, db: Path):
    result = run_cli(
        "ingest",
        "-",
        "--db",
        db,
        "--published",
        "2020-02-02",
        stdin=b"Turkey shelled Kurdish positions.\n",
    )
    assert result.code == 0, result.err
    line = json.dumps({"id": "s1", "text": "Qatar mediated talks.", "date": "2020-02-03"})
    result = run_cli("ingest", "-", "--db", db, stdin=gzip.compress(line.encode()))
    assert result.code == 0, result.err
    assert sorted((r[1], r[5]) for r in documents(db)) == [
        (date(2020, 2, 2), "Turkey shelled Kurdish positions.\n"),
        (date(2020, 2, 3), "Qatar mediated talks."),
    ]
