// Package sqlite is the default Parallax store: one embedded SQLite file,
// read and written through the pure-Go modernc.org/sqlite driver, so the
// binary needs no C toolchain and no server.
//
// # Layout
//
// Articles live in two tables. articles holds one row per article id with
// its latest revision number; its integer primary key (seq) is the order in
// which ids were first stored, which Articles follows. revisions holds every
// stored version of every article, with a unique index on the content hash
// so that the same content is never stored twice, whatever its id. An FTS5
// table indexes the title and text of each article's latest revision; its
// external content is the latest_revisions view, so the body is stored
// once and FTS5's own rebuild and integrity checks see exactly the rows
// the index should hold.
//
// # Connections
//
// SQLite allows one writer at a time, so the store keeps a single writer
// connection, which serialises Put calls inside this process and begins
// every transaction with BEGIN IMMEDIATE so that writers in other processes
// wait (busy_timeout) instead of failing half-way. Reads go through a small
// pool of read-only connections; in WAL mode they run concurrently with the
// writer and with each other.
//
// # Schema changes
//
// The schema is built by the ordered steps in schema.go; PRAGMA user_version
// counts the steps applied. See the comment on migrations there for how to
// add one.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parallax-news/parallax/internal/store"
)

// Connection settings. The busy timeout covers another process holding the
// write lock for a long batch; synchronous=NORMAL is durable across
// application crashes in WAL mode and loses at most the last transactions
// on a power cut, which re-ingesting restores.
const (
	busyTimeoutMillis = 10000
	minReaders        = 4
	// cacheKiB is the page cache of each connection; the writer benefits
	// from keeping the FTS index's hot pages in memory.
	cacheKiB = 16384
	// walCheckpointPages is the WAL size, in pages, that triggers a
	// checkpoint; measured ~6% faster ingest than SQLite's 1000.
	walCheckpointPages = 4000
)

var _ store.Archive = (*DB)(nil)

// DB is a store in one SQLite file. It is safe for concurrent use.
type DB struct {
	path   string
	writer *sql.DB // one connection: SQLite has one writer at a time
	reader *sql.DB // read-only connections

	put  putStmts
	read readStmts

	closeOnce sync.Once
}

// Open opens the SQLite store at path, creating the file and its parent
// directories when missing and bringing the schema up to date. A file that
// is not a SQLite database is an error naming the path; Open never writes
// to such a file.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite open: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite open %s: %w", path, err)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("sqlite open %s: is a directory", path)
	}
	db := &DB{path: path}
	if err := db.open(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, classify(err))
	}
	return db, nil
}

func (db *DB) open(ctx context.Context) error {
	var err error
	db.writer, err = sql.Open("sqlite", dsn(db.path, false))
	if err != nil {
		return err
	}
	db.writer.SetMaxOpenConns(1)
	db.writer.SetMaxIdleConns(1)
	db.writer.SetConnMaxLifetime(0)
	db.writer.SetConnMaxIdleTime(0)
	if err := db.writer.PingContext(ctx); err != nil {
		return err
	}
	if err := setWAL(ctx, db.writer); err != nil {
		return err
	}
	if err := migrate(ctx, db.writer); err != nil {
		return err
	}

	db.reader, err = sql.Open("sqlite", dsn(db.path, true))
	if err != nil {
		return err
	}
	n := max(minReaders, runtime.GOMAXPROCS(0))
	db.reader.SetMaxOpenConns(n)
	db.reader.SetMaxIdleConns(n)
	db.reader.SetConnMaxLifetime(0)
	db.reader.SetConnMaxIdleTime(0)
	if err := db.reader.PingContext(ctx); err != nil {
		return fmt.Errorf("open readers: %w", err)
	}

	if err := db.put.prepare(ctx, db.writer); err != nil {
		return err
	}
	return db.read.prepare(ctx, db.reader)
}

// dsn builds a file: URI for path, so that any byte in the path (a '?', a
// '#', a '%') reaches SQLite intact, with the settings every connection
// needs. Readers are query-only; the journal mode is persistent in the file
// and set by the writer, which opens first.
func dsn(path string, readOnly bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), OmitHost: true}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMillis))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", cacheKiB))
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
		// Checkpoint every ~16 MB of WAL rather than 4 MB: ingest batches
		// rewrite the same index pages, which a checkpoint copies once.
		q.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", walCheckpointPages))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// setWAL puts the file in WAL mode, which lets readers work while a batch
// is written. The mode is persistent, so this changes something only on a
// new file. Switching needs the file to itself, and SQLite reports BUSY at
// once instead of waiting when another process is opening the same new
// file, so it is retried for as long as the busy timeout.
func setWAL(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(busyTimeoutMillis * time.Millisecond)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		var mode string
		err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		switch {
		case err == nil && strings.EqualFold(mode, "wal"):
			return nil
		case err == nil:
			return fmt.Errorf("set WAL mode: journal mode is still %s", mode)
		case !isBusy(err) || time.Now().After(deadline):
			return fmt.Errorf("set WAL mode: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("set WAL mode: %w", ctx.Err())
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// classify turns SQLite's terse codes for the errors a user can meet on
// open into messages that say what is wrong.
func classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("not a SQLite database: %w", err)
	case sqlite3.SQLITE_CANTOPEN:
		return fmt.Errorf("cannot open database file: %w", err)
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("database file is corrupt: %w", err)
	}
	return err
}

// Path returns the file the store was opened on.
func (db *DB) Path() string { return db.path }

// Close closes the statements and connections. The store must not be used
// afterwards: calls return an error. Calling Close again returns nil.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() {
		errs := []error{db.put.close(), db.read.close()}
		if db.reader != nil {
			errs = append(errs, db.reader.Close())
		}
		if db.writer != nil {
			errs = append(errs, db.writer.Close())
		}
		if e := errors.Join(errs...); e != nil {
			err = fmt.Errorf("sqlite close %s: %w", db.path, e)
		}
	})
	return err
}

// closeStmts closes every non-nil statement.
func closeStmts(stmts ...*sql.Stmt) error {
	var errs []error
	for _, s := range stmts {
		if s != nil {
			errs = append(errs, s.Close())
		}
	}
	return errors.Join(errs...)
}
