package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A migration is one step of the schema, run once in its own transaction.
type migration struct {
	name string
	sql  string // one or more statements
}

// migrations build the schema in order; schema_migrations holds one row
// per step applied. To change the schema, append a step; never edit,
// reorder or remove one that has been released, since databases in the
// field have already run it. A step runs in one transaction with its
// schema_migrations row, so it happens completely or not at all.
// TestOpen_Migrations checks that every step applies to a new schema, that
// reopening changes nothing and that concurrent openers do not collide.
var migrations = []migration{
	{name: "articles, revisions and full-text index", sql: `
-- English stems without stop words: the search language treats every word
-- as one the user meant.
CREATE TEXT SEARCH DICTIONARY parallax_stem (TEMPLATE = pg_catalog.snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION parallax (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION parallax
	ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
	WITH parallax_stem;

CREATE TABLE articles (
	seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- order in which ids were first stored
	id       TEXT NOT NULL UNIQUE,
	revision INTEGER NOT NULL, -- number of the latest revision
	tsv      TSVECTOR NOT NULL -- title (A) and text (D) of the latest revision
);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE revisions (
	rid          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article      BIGINT NOT NULL REFERENCES articles (seq),
	revision     INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	source       TEXT NOT NULL,
	title        TEXT NOT NULL,
	author       TEXT NOT NULL,
	published    TEXT NOT NULL, -- news.Time String form, '' when unknown
	url          TEXT NOT NULL,
	language     TEXT NOT NULL,
	text         TEXT NOT NULL,
	sentences    BYTEA,         -- varint spans, see sentences.go
	format       TEXT NOT NULL,
	origin       TEXT NOT NULL,
	ingested     BIGINT NOT NULL, -- Unix nanoseconds, UTC
	UNIQUE (article, revision)
);
CREATE UNIQUE INDEX revisions_content_hash ON revisions (content_hash);
`},
	{name: "copies: signatures and links", sql: `
CREATE TABLE reuse_signatures (
	article BIGINT PRIMARY KEY REFERENCES articles (seq),
	version INTEGER NOT NULL,
	keys    BYTEA NOT NULL -- little-endian uint64 keys
);

CREATE TABLE reuse_links (
	copy       BIGINT NOT NULL REFERENCES articles (seq),
	original   BIGINT NOT NULL REFERENCES articles (seq),
	kind       TEXT NOT NULL,             -- news.ReuseKind
	coverage   DOUBLE PRECISION NOT NULL, -- share of the copy aligned to the original
	confidence DOUBLE PRECISION NOT NULL, -- direction confidence, 0.5 to 1
	evidence   TEXT NOT NULL,
	pairs      TEXT NOT NULL,             -- JSON array of news.AlignedPair
	CHECK (copy <> original)
);
CREATE UNIQUE INDEX reuse_links_pair ON reuse_links (LEAST(copy, original), GREATEST(copy, original));
CREATE INDEX reuse_links_copy ON reuse_links (copy);
CREATE INDEX reuse_links_original ON reuse_links (original);
`},
	{name: "stories and story assignments", sql: `
CREATE TABLE stories (
	id          TEXT PRIMARY KEY,
	merged_into TEXT REFERENCES stories (id), -- NULL while the story is live
	first_seen  BIGINT NOT NULL,              -- Unix nanoseconds, UTC
	last_seen   BIGINT NOT NULL
);
CREATE INDEX stories_live ON stories (last_seen) WHERE merged_into IS NULL;

CREATE TABLE story_articles (
	seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- assignment order
	article TEXT NOT NULL UNIQUE REFERENCES articles (id),
	story   TEXT NOT NULL REFERENCES stories (id),           -- always a live story
	at      BIGINT NOT NULL                                  -- clustering time, Unix ns UTC
);
CREATE INDEX story_articles_story ON story_articles (story, seq);
CREATE INDEX story_articles_at ON story_articles (at);
`},
}

// migrateLock is the advisory lock key that serialises schema changes in a
// database: any 64-bit constant other code does not use.
const migrateLock int64 = 0x70617261_6d696772 // "paramigr"

// schemaVersion is the number of steps of a fully migrated schema.
func schemaVersion() int { return len(migrations) }

// migrate applies the steps the schema lacks, one transaction each.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	for {
		done, err := migrateOne(ctx, pool)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing step under the advisory lock, so a
// concurrent opener waits and then finds the step done. It reports done
// when no step is missing.
func migrateOne(ctx context.Context, pool *pgxpool.Pool) (done bool, err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreClosed(tx.Rollback(context.WithoutCancel(ctx))))
		}
	}()
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
		return false, fmt.Errorf("migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	var v int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	switch {
	case v > schemaVersion():
		return false, fmt.Errorf("migrate: schema version %d is newer than this program's %d", v, schemaVersion())
	case v == schemaVersion():
		return true, tx.Commit(ctx)
	}
	m := migrations[v]
	// Simple protocol: a step is several statements.
	if _, err := tx.Exec(ctx, m.sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, v+1, m.name); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	return false, nil
}

// ignoreClosed drops the error of rolling back a transaction that already
// ended.
func ignoreClosed(err error) error {
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}
