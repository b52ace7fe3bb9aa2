// Package pgtest gives tests a PostgreSQL database of their own: the
// server of $PARALLAX_TEST_POSTGRES, else the one this machine and CI run
// (127.0.0.1:5432, trust auth, database test; scripts/postgres.sh starts
// or installs it), with a fresh schema per test, dropped when the test
// ends. Tests skip when no server answers.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultDSN is the server this machine and CI run.
const DefaultDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// DSN returns $PARALLAX_TEST_POSTGRES, else DefaultDSN, or skips tb when
// neither answers within 3 s.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("PARALLAX_TEST_POSTGRES")
	if dsn == "" {
		dsn = DefaultDSN
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Skipf("no PostgreSQL to test against (set PARALLAX_TEST_POSTGRES, or run scripts/postgres.sh): %v", err)
	}
	conn.Close(ctx)
	return dsn
}

// FreshSchema creates an empty schema named prefix + random hex, dropped
// when tb ends, and returns a DSN whose search_path selects it.
func FreshSchema(tb testing.TB, prefix string) string {
	tb.Helper()
	dsn := DSN(tb)
	b := make([]byte, 6)
	rand.Read(b)
	schema := prefix + hex.EncodeToString(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return WithSearchPath(dsn, schema)
}

// WithSearchPath adds a search_path run-time parameter to a URL or
// key=value DSN.
func WithSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema
}
