// Package postgres is the Parallax store for several processes on several
// machines: one PostgreSQL database, reached through pgx and a connection
// pool. It keeps the same contract as the SQLite store (store.Archive) and
// passes the same conformance suite (store/storetest).
//
// # Layout
//
// The tables mirror the SQLite store's. articles holds one row per article
// id with its latest revision number and the full-text vector of that
// revision; its identity column seq is the order in which ids were first
// stored, which Articles follows. revisions holds every stored version,
// with a unique index on the content hash so that the same content is never
// stored twice, whatever its id. Times are Unix nanoseconds in BIGINT
// columns, as in SQLite, so that they come back exactly as written
// (PostgreSQL's timestamps keep microseconds only).
//
// # Full-text search
//
// articles.tsv is the title (weight A) and text (weight D) of the latest
// revision, indexed with GIN, under a text search configuration of this
// schema ("parallax": English Snowball stems and no stop words, since the
// web-search query language of store.Store.Search treats every word as
// significant). Queries are parsed in Go (search.go) and built from
// phraseto_tsquery pieces joined with the tsquery operators, never with
// websearch_to_tsquery, whose grouping and exclusion rules differ.
//
// # Concurrency
//
// Every method may be called from many goroutines and many processes at
// once. Put takes transaction-scoped advisory locks on each article id and
// content hash of its batch, in a fixed order, before reading anything, so
// that two writers never both insert the same content or number two
// revisions of one id alike; the locks are released at commit. A batch
// that stores new ids also holds one lock per schema from taking their
// seq numbers to its commit, so that seq order is commit order and a walk
// never skips an article that commits late; the full-text vectors, the
// costly part of a write, are computed before it. Reads run on
// PostgreSQL's snapshots and never wait for writers.
//
// # Schema changes
//
// The schema is built by the ordered steps in schema.go; the
// schema_migrations table records the steps applied. Each step runs in its
// own transaction under an advisory lock, so processes opening a new
// database at once apply every step exactly once.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/store"
)

var _ store.Archive = (*DB)(nil)

// errClosed is returned by every method after Close.
var errClosed = errors.New("store is closed")

// DB is a store in one PostgreSQL database (or schema). It is safe for
// concurrent use.
type DB struct {
	pool   *pgxpool.Pool
	closed atomic.Bool
	// appendLock is the advisory lock key of this schema's new ids (see
	// writeArticles).
	appendLock int64
}

// Open connects to the PostgreSQL database that dsn names (a postgres://
// URL or a "key=value" string, as libpq reads them) and brings the schema
// up to date. Objects are created in the first schema of the connection's
// search_path, so a search_path parameter in the DSN gives one database
// several independent stores. The pool's size and lifetimes are read from
// the DSN too (pool_max_conns and the other pgxpool parameters). The error
// does not repeat the DSN, which may hold a password.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres open: parse dsn: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres open %s: %w", where(cfg), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres open %s: %w", where(cfg), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres open %s: %w", where(cfg), err)
	}
	// Stores in other schemas of the database append independently.
	var schema string
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres open %s: %w", where(cfg), err)
	}
	return &DB{pool: pool, appendLock: lockKey("append", schema)}, nil
}

// where names the server and database of cfg without its password.
func where(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s:%d/%s", c.Host, c.Port, c.Database)
}

// Close closes the pool. The store must not be used afterwards: calls
// return an error. Calling Close again returns nil.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	db.pool.Close()
	return nil
}

// check returns an error when the store is closed or ctx is done, so that
// methods fail the same way before touching the pool.
func (db *DB) check(ctx context.Context) error {
	if db.closed.Load() {
		return errClosed
	}
	return ctx.Err()
}
