package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// openTemp opens a store on a new file in the test's temporary directory.
func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func TestDB_Store(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// sample is a valid article for the SQLite-specific tests.
func sample(id, text string) *news.Article {
	pub, _ := news.ParseTime("2031-05-02T08:15:00+03:00")
	return &news.Article{
		ID: id, Source: "Valley Courier", Title: "Title " + id, Text: text, Published: pub,
		Sentences: []news.Span{{Start: 0, End: len(text)}}, Format: news.FormatText,
	}
}

func TestOpen_Reopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "dirs", "parallax.db")
	ctx := t.Context()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	v1 := sample("a", "The valley road was resurfaced.")
	v2 := sample("a", "The valley road was resurfaced in spring.")
	if _, err := db.Put(ctx, []*news.Article{v1, sample("b", "Orchards bloomed early.")}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if _, err := db.Put(ctx, []*news.Article{v2}); err != nil {
		t.Fatalf("Put: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if n, err := db.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count after reopen = %d, %v; want 2", n, err)
	}
	got, err := db.Article(ctx, "a")
	if err != nil {
		t.Fatalf("Article after reopen: %v", err)
	}
	if got.Text != v2.Text || got.Revision != 2 || got.Published.String() != v2.Published.String() {
		t.Errorf("Article after reopen = %q rev %d published %s, want %q rev 2 %s", got.Text, got.Revision, got.Published, v2.Text, v2.Published)
	}
	if revs, err := db.Revisions(ctx, "a"); err != nil || len(revs) != 2 {
		t.Errorf("Revisions after reopen = %d, %v; want 2", len(revs), err)
	}
	if hits, err := db.Search(ctx, "orchards", 5); err != nil || len(hits) != 1 || hits[0].ID != "b" {
		t.Errorf("Search after reopen = %v, %v; want b", hits, err)
	}
	outcomes, err := db.Put(ctx, []*news.Article{sample("b", "Orchards bloomed early.")})
	if err != nil || outcomes[0] != store.Unchanged {
		t.Errorf("re-put after reopen = %v, %v; want unchanged", outcomes, err)
	}
	checkIntegrity(t, db)
}

// checkIntegrity runs SQLite's and FTS5's own consistency checks.
func checkIntegrity(t *testing.T, db *DB) {
	t.Helper()
	ctx := t.Context()
	var res string
	if err := db.writer.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	rows, err := db.writer.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		t.Fatalf("foreign_key_check: %v", err)
	}
	if rows.Next() {
		t.Errorf("foreign_key_check found violations")
	}
	rows.Close()
	// 'integrity-check' with rank 1 also compares the index with the
	// external content table.
	if _, err := db.writer.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("fts integrity-check: %v", err)
	}
}

func TestOpen_Migrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	ctx := t.Context()
	schema := func() (int, string) {
		t.Helper()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		defer db.Close()
		var v int
		if err := db.writer.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			t.Fatal(err)
		}
		rows, err := db.writer.QueryContext(ctx, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var typ, name, sql string
			if err := rows.Scan(&typ, &name, &sql); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %s %s\n", typ, name, sql)
		}
		return v, b.String()
	}
	v1, s1 := schema()
	v2, s2 := schema()
	if v1 != len(migrations) || v2 != v1 {
		t.Errorf("user_version = %d then %d, want %d", v1, v2, len(migrations))
	}
	if s1 != s2 {
		t.Errorf("schema changed on reopen:\n%s\nthen\n%s", s1, s2)
	}
	for _, name := range []string{"articles", "revisions", "revisions_content_hash", "latest_revisions", "articles_fts"} {
		if !strings.Contains(s1, " "+name+" ") {
			t.Errorf("schema lacks %s:\n%s", name, s1)
		}
	}

	// Steps appended later run on files made before them, and a step that
	// fails leaves the file at the previous version.
	withSteps := func(t *testing.T, extra ...migration) {
		orig := migrations
		migrations = append(slices.Clip(orig), extra...)
		t.Cleanup(func() { migrations = orig })
	}
	tableExists := func(t *testing.T, name string) bool {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = ?", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	t.Run("failing step", func(t *testing.T) {
		withSteps(t, migration{name: "broken", sql: "CREATE TABLE half_done (a); SELECT no_such_function();"})
		_, err := Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "broken") {
			t.Fatalf("Open with a failing step = %v, want an error naming it", err)
		}
		migrations = migrations[:len(migrations)-1]
		if tableExists(t, "half_done") {
			t.Error("failing step left its first table behind")
		}
	})
	t.Run("added step", func(t *testing.T) {
		withSteps(t, migration{name: "extra", sql: "CREATE TABLE extra (a TEXT)"})
		if !tableExists(t, "extra") {
			t.Error("added step did not run")
		}
		if v, _ := schema(); v != len(migrations) {
			t.Errorf("user_version = %d, want %d", v, len(migrations))
		}
	})

	t.Run("newer file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "newer.db")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.writer.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "newer") {
			t.Errorf("Open of a newer schema = %v, want an error saying so", err)
		}
	})
}

func TestOpen_ConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	dbs := make([]*DB, 4)
	for i := range dbs {
		wg.Go(func() { dbs[i], errs[i] = Open(t.Context(), path) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open %d: %v", i, err)
			continue
		}
		// Each handle writes, as separate processes would.
		a := sample(fmt.Sprint("h", i), fmt.Sprint("Handle ", i, " writes its own report."))
		if _, err := dbs[i].Put(t.Context(), []*news.Article{a}); err != nil {
			t.Errorf("Put on handle %d: %v", i, err)
		}
	}
	for _, db := range dbs {
		if db != nil {
			db.Close()
		}
	}
}

func TestOpen_NotADatabase(t *testing.T) {
	dir := t.TempDir()
	text := bytes.Repeat([]byte("These are my notes, not a database.\n"), 200)
	tests := []struct {
		name    string
		path    string
		content []byte
		want    string
	}{
		{"text file", filepath.Join(dir, "notes.txt"), text, "not a SQLite database"},
		{"short file", filepath.Join(dir, "short.db"), []byte("hello"), "not a SQLite database"},
		{"directory", dir, nil, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.content != nil {
				if err := os.WriteFile(tt.path, tt.content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			db, err := Open(t.Context(), tt.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%s) succeeded", tt.path)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.path) || !strings.Contains(msg, tt.want) {
				t.Errorf("Open error = %q, want it to name %s and say %q", msg, tt.path, tt.want)
			}
			if tt.content != nil {
				got, _ := os.ReadFile(tt.path)
				if !bytes.Equal(got, tt.content) {
					t.Errorf("Open changed the file")
				}
				for _, suffix := range []string{"-wal", "-shm", "-journal"} {
					if _, err := os.Stat(tt.path + suffix); err == nil {
						t.Errorf("Open left %s behind", tt.path+suffix)
					}
				}
			}
		})
	}
}

// TestDB_PutRollback makes SQLite itself fail in the middle of a batch,
// after some of its rows were written, and checks that the rollback leaves
// the earlier state, full-text index included, as it was.
func TestDB_PutRollback(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	kept := sample("kept", "The granary roof held through the storm.")
	if _, err := db.Put(ctx, []*news.Article{kept}); err != nil {
		t.Fatal(err)
	}
	// A trigger stands in for a disk error or a crash between statements.
	if _, err := db.writer.ExecContext(ctx, `CREATE TEMP TRIGGER fail BEFORE INSERT ON main.revisions
		WHEN NEW.source = 'fail here' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	revised := sample("kept", "The granary roof collapsed in the storm.")
	first := sample("new1", "A mill was sold.")
	bad := sample("new2", "This one fails.")
	bad.Source = "fail here"
	_, err := db.Put(ctx, []*news.Article{revised, first, bad})
	if err == nil || !strings.Contains(err.Error(), "injected failure") || !strings.Contains(err.Error(), "new2") {
		t.Fatalf("Put error = %v, want the injected failure naming new2", err)
	}
	if revised.Revision != 0 || first.Revision != 0 {
		t.Errorf("failed Put set revisions %d, %d", revised.Revision, first.Revision)
	}
	got, err := db.Article(ctx, "kept")
	if err != nil || got.Text != kept.Text || got.Revision != 1 {
		t.Errorf("Article(kept) = %+v, %v; want revision 1 untouched", got, err)
	}
	if _, err := db.Article(ctx, "new1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(new1) error = %v, want ErrNotFound", err)
	}
	if hits, _ := db.Search(ctx, "collapsed", 5); len(hits) != 0 {
		t.Errorf("Search found rolled-back text: %v", hits)
	}
	if hits, _ := db.Search(ctx, "granary held", 5); len(hits) != 1 {
		t.Errorf("Search lost the kept text: %v", hits)
	}
	checkIntegrity(t, db)

	// The connection is usable afterwards.
	if _, err := db.writer.ExecContext(ctx, "DROP TRIGGER temp.fail"); err != nil {
		t.Fatal(err)
	}
	outcomes, err := db.Put(ctx, []*news.Article{revised, first, bad})
	if err != nil {
		t.Fatalf("Put after rollback: %v", err)
	}
	want := []store.Outcome{store.Revised, store.Inserted, store.Inserted}
	for i := range want {
		if outcomes[i] != want[i] {
			t.Errorf("outcome %d = %v, want %v", i, outcomes[i], want[i])
		}
	}
	checkIntegrity(t, db)
}

// TestDB_PutCancelMidway cancels a large batch while SQLite is writing it:
// nothing of it may be stored, and the store must keep working.
func TestDB_PutCancelMidway(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	r := rand.New(rand.NewPCG(7, 8))
	batch := make([]*news.Article, 3000)
	for i := range batch {
		batch[i] = storetest.BenchArticle(r, i)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := db.Put(ctx, batch)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Put error = %v, want DeadlineExceeded", err)
	}
	if n, err := db.Count(t.Context()); err != nil || n != 0 {
		t.Errorf("Count after cancelled Put = %d, %v; want 0", n, err)
	}
	outcomes, err := db.Put(t.Context(), batch[:10])
	if err != nil || len(outcomes) != 10 || outcomes[0] != store.Inserted {
		t.Errorf("Put after cancelled Put = %v, %v", outcomes, err)
	}
	checkIntegrity(t, db)
}

func TestDB_Integrity(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	for i := range 20 {
		var batch []*news.Article
		for j := range 10 {
			batch = append(batch, sample(fmt.Sprint("id", j), fmt.Sprintf("Report %d of %d about the harvest fair.", i, j)))
		}
		if _, err := db.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	checkIntegrity(t, db)
	revs, err := db.Revisions(ctx, "id3")
	if err != nil || len(revs) != 20 {
		t.Errorf("Revisions = %d, %v; want 20", len(revs), err)
	}

	// Rebuilding the index from its content gives the same index: the
	// content view holds exactly the latest revisions.
	if _, err := db.writer.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')"); err != nil {
		t.Fatalf("fts rebuild: %v", err)
	}
	checkIntegrity(t, db)
	for _, q := range []struct {
		query string
		want  int
	}{{"report 19", 10}, {"report 18", 0}, {"harvest", 10}} {
		if hits, err := db.Search(ctx, `"`+q.query+`"`, 20); err != nil || len(hits) != q.want {
			t.Errorf("Search(%q) after rebuild = %d hits, %v; want %d", q.query, len(hits), err, q.want)
		}
	}
}

func TestDB_CloseTwice(t *testing.T) {
	db := openTemp(t)
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	if _, err := db.Count(context.Background()); err == nil {
		t.Error("Count after Close succeeded")
	}
}
