"""The database schema, as an ordered list of migrations. Never edit one that has shipped: add one.

Only ``documents`` and ``actors`` carry primary keys: a document is written together with its
sentences, mentions and events in one transaction, and only when its id is new, so the other
tables cannot double up, and bulk inserts stay fast without an index to maintain per row.
"""

from __future__ import annotations

from typing import Any

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE documents (
        doc_id      VARCHAR PRIMARY KEY,
        ext_id      VARCHAR,
        url         VARCHAR,
        title       VARCHAR,
        outlet      VARCHAR,
        published   DATE,
        source      VARCHAR,
        text        VARCHAR NOT NULL,
        n_chars     INTEGER,
        run_id      INTEGER,
        ingested_at TIMESTAMP
    );
    CREATE TABLE sentences (
        doc_id     VARCHAR NOT NULL,
        idx        INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char   INTEGER NOT NULL,
        paragraph  INTEGER,
        text       VARCHAR NOT NULL
    );
    CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY,
        name     VARCHAR NOT NULL,
        kind     VARCHAR,
        code     VARCHAR,
        country  VARCHAR,
        parents  VARCHAR[],
        known    BOOLEAN
    );
    CREATE TABLE actor_aliases (
        alias    VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL
    );
    CREATE TABLE mentions (
        doc_id     VARCHAR NOT NULL,
        sent_idx   INTEGER,
        start_char INTEGER NOT NULL,
        end_char   INTEGER NOT NULL,
        text       VARCHAR NOT NULL,
        label      VARCHAR,
        actor_id   VARCHAR
    );
    CREATE TABLE events (
        event_id            VARCHAR NOT NULL,
        doc_id              VARCHAR NOT NULL,
        sent_idx            INTEGER,
        span_start          INTEGER,
        span_end            INTEGER,
        trigger             VARCHAR,
        trigger_start       INTEGER,
        source_id           VARCHAR,
        source_name         VARCHAR,
        source_mention      VARCHAR,
        source_kind         VARCHAR,
        source_code         VARCHAR,
        target_id           VARCHAR,
        target_name         VARCHAR,
        target_mention      VARCHAR,
        target_kind         VARCHAR,
        target_code         VARCHAR,
        plover              VARCHAR,
        plover_mode         VARCHAR,
        cameo               VARCHAR,
        quad_class          TINYINT,
        goldstein           DOUBLE,
        negated             BOOLEAN,
        modality            VARCHAR,
        attribution_name    VARCHAR,
        attribution_kind    VARCHAR,
        attribution_mention VARCHAR,
        date                DATE,
        date_end            DATE,
        date_precision      VARCHAR,
        place_name          VARCHAR,
        place_country       VARCHAR,
        place_lat           DOUBLE,
        place_lon           DOUBLE,
        place_precision     VARCHAR,
        caption             BOOLEAN,
        confidence          DOUBLE
    );
    CREATE TABLE runs (
        run_id          INTEGER PRIMARY KEY,
        started_at      TIMESTAMP NOT NULL,
        finished_at     TIMESTAMP,
        status          VARCHAR NOT NULL,
        command         VARCHAR,
        factions_version VARCHAR,
        documents_read  INTEGER,
        documents_added INTEGER,
        skipped         INTEGER
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: Any) -> int:
    """The schema version of an open database (0 for a new, empty one)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def migrate(con: Any) -> int:
    """Bring the schema up to date in one transaction; returns the version reached."""
    version = current_version(con)
    if version >= SCHEMA_VERSION:
        return version
    con.execute("BEGIN TRANSACTION")
    try:
        if version == 0:
            con.execute(
                "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)"
            )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            con.execute(MIGRATIONS[number - 1])
            con.execute("INSERT INTO schema_version VALUES (?, now())", [number])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION
