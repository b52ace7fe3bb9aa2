package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// A migration is one step of the schema, run once in its own transaction.
type migration struct {
	name string
	sql  string // one or more statements
}

// migrations build the schema in order. PRAGMA user_version holds how many
// of them a database has applied, so opening a file runs only the steps it
// lacks, and a file written by a newer Parallax is refused rather than
// misread.
//
// To change the schema, append a step to the end: a new table, an index,
// an ALTER TABLE ... ADD COLUMN, or a data fix, for example
//
//	{name: "stories", sql: `CREATE TABLE stories (id TEXT PRIMARY KEY, ...);
//		CREATE TABLE story_articles (story TEXT NOT NULL REFERENCES stories (id),
//			article TEXT NOT NULL REFERENCES articles (id), ...);`},
//
// Never edit, reorder or remove a step that has been released, since files
// in the field have already run it. A step runs in one transaction with the
// version bump, so it happens completely or not at all; its statements must
// be ones SQLite allows in a transaction (no VACUUM, no PRAGMA
// journal_mode). TestOpen_Migrations checks that every step applies to a
// new file and that reopening changes nothing.
var migrations = concat(articleMigrations, reuseMigrations, storyMigrations)

// concat joins the per-feature lists. Until the first release the lists may
// grow independently; after it, new steps go at the end of the last list so
// that released files never see a step inserted before one they ran.
func concat(lists ...[]migration) []migration {
	var all []migration
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}

// articleMigrations build the articles, their revisions and the full-text
// index (this file). reuseMigrations (schema_reuse.go) and storyMigrations
// (schema_stories.go) add the copies and stories stages' tables.
var articleMigrations = []migration{
	{name: "articles, revisions and full-text index", sql: `
CREATE TABLE articles (
	seq      INTEGER PRIMARY KEY, -- order in which ids were first stored
	id       TEXT NOT NULL UNIQUE,
	revision INTEGER NOT NULL     -- number of the latest revision
);

CREATE TABLE revisions (
	rid          INTEGER PRIMARY KEY, -- also the full-text rowid
	article      INTEGER NOT NULL REFERENCES articles (seq),
	revision     INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	source       TEXT NOT NULL,
	title        TEXT NOT NULL,
	author       TEXT NOT NULL,
	published    TEXT NOT NULL, -- news.Time String form, '' when unknown
	url          TEXT NOT NULL,
	language     TEXT NOT NULL,
	text         TEXT NOT NULL,
	sentences    BLOB,          -- varint spans, see sentences.go
	format       TEXT NOT NULL,
	origin       TEXT NOT NULL,
	ingested     INTEGER NOT NULL, -- Unix nanoseconds, UTC
	UNIQUE (article, revision)
);

CREATE UNIQUE INDEX revisions_content_hash ON revisions (content_hash);

-- Each article's latest revision: the content of the full-text index.
CREATE VIEW latest_revisions AS
	SELECT r.rid, r.title, r.text
	FROM articles a JOIN revisions r ON r.article = a.seq AND r.revision = a.revision;

-- The title and text of each article's latest revision. External content:
-- FTS5 reads the columns back from the view by rid, so snippet() works
-- without storing the body twice, and 'rebuild' or 'integrity-check'
-- compare the index with exactly the rows it should hold. Put keeps it in
-- sync.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'latest_revisions', content_rowid = 'rid',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Merge index segments eight at a time instead of four: measured ~12%
-- faster ingest, for slightly more segments to read per query.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
`},
}

// schemaVersion is the user_version of a database with every step applied.
func schemaVersion() int { return len(migrations) }

// migrate applies the steps db lacks. db is the writer, whose transactions
// begin IMMEDIATE, so two processes opening a new file at once do not both
// run a step: the second waits for the lock and then sees the new version.
func migrate(ctx context.Context, db *sql.DB) error {
	for {
		done, err := migrateOne(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing step, reporting done when there is
// none.
func migrateOne(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	switch {
	case v > schemaVersion():
		return false, fmt.Errorf("migrate: schema version %d is newer than this program's %d", v, schemaVersion())
	case v == schemaVersion():
		return true, tx.Rollback()
	}
	m := migrations[v]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	// PRAGMA takes no bound parameters; v is an int we control.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate step %d (%s): %w", v+1, m.name, err)
	}
	return false, nil
}
