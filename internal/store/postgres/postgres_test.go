package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// openTemp opens a store on a new schema.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(t.Context(), pgtest.FreshSchema(t, "p_"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func TestDB_Store(t *testing.T) {
	pgtest.DSN(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestDB_Stories(t *testing.T) {
	pgtest.DSN(t)
	storetest.RunStories(t, func(t *testing.T) store.StoryStore { return openTemp(t) })
}

func TestDB_ReuseStore(t *testing.T) {
	pgtest.DSN(t)
	storetest.RunReuse(t, func(t *testing.T) storetest.ReuseBackend { return openTemp(t) })
}

// sample is a valid article for the backend-specific tests.
func sample(id, text string) *news.Article { return storetest.Sample(id, text) }

func TestOpen_Migrations(t *testing.T) {
	dsn := pgtest.FreshSchema(t, "p_")
	ctx := t.Context()

	t.Run("concurrent openers", func(t *testing.T) {
		const openers = 4
		var wg sync.WaitGroup
		errs := make([]error, openers)
		for i := range openers {
			wg.Go(func() {
				db, err := Open(ctx, dsn)
				if err == nil {
					err = db.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("opener %d: %v", i, err)
			}
		}
	})

	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	versions := func() []int {
		rows, err := db.pool.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
		if err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil {
			t.Fatalf("read schema_migrations: %v", err)
		}
		return got
	}
	t.Run("every step once", func(t *testing.T) {
		got := versions()
		if len(got) != schemaVersion() {
			t.Fatalf("schema_migrations = %v, want %d steps", got, schemaVersion())
		}
		for i, v := range got {
			if v != i+1 {
				t.Errorf("step %d recorded as %d", i+1, v)
			}
		}
	})

	t.Run("reopen keeps data", func(t *testing.T) {
		if _, err := db.Put(ctx, []*news.Article{sample("kept", "The granary roof held through the storm.")}); err != nil {
			t.Fatal(err)
		}
		again, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer again.Close()
		if n, err := again.Count(ctx); err != nil || n != 1 {
			t.Errorf("Count after reopen = %d, %v; want 1", n, err)
		}
		if got := versions(); len(got) != schemaVersion() {
			t.Errorf("schema_migrations after reopen = %v", got)
		}
	})

	t.Run("newer schema refused", func(t *testing.T) {
		if _, err := db.pool.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')`, schemaVersion()+1); err != nil {
			t.Fatal(err)
		}
		newer, err := Open(ctx, dsn)
		if err == nil {
			newer.Close()
			t.Fatal("Open of a newer schema succeeded")
		}
		if !strings.Contains(err.Error(), "newer") {
			t.Errorf("Open error = %v, want it to say the schema is newer", err)
		}
	})
}

func TestOpen_Errors(t *testing.T) {
	dsn := pgtest.DSN(t)
	tests := []struct {
		name string
		dsn  string
	}{
		{"bad dsn", "postgres://%zz"},
		{"missing schema", pgtest.WithSearchPath(dsn, "p_does_not_exist_anywhere")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(t.Context(), tt.dsn)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want an error")
			}
		})
	}
}

// TestDB_PutAtomic: a failure after some of a batch is written leaves
// nothing of it.
func TestDB_PutAtomic(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	kept := sample("kept", "The granary roof held through the storm.")
	if _, err := db.Put(ctx, []*news.Article{kept}); err != nil {
		t.Fatal(err)
	}
	// A check constraint stands in for a disk error between statements:
	// the articles are written before the revisions are copied.
	if _, err := db.pool.Exec(ctx, `ALTER TABLE revisions ADD CONSTRAINT fail CHECK (source <> 'fail here')`); err != nil {
		t.Fatal(err)
	}
	revised := sample("kept", "The granary roof collapsed in the storm.")
	bad := sample("bad", "This one fails.")
	bad.Source = "fail here"
	_, err := db.Put(ctx, []*news.Article{revised, sample("new", "A new report."), bad})
	if err == nil {
		t.Fatal("Put succeeded past the injected failure")
	}
	if got, err := db.Article(ctx, "kept"); err != nil || got.Revision != 1 || got.Text != kept.Text {
		t.Errorf("Article(kept) = %+v, %v; want revision 1 unchanged", got, err)
	}
	if _, err := db.Article(ctx, "new"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(new) = %v, want ErrNotFound", err)
	}
	if hits, err := db.Search(ctx, "collapsed", 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(collapsed) = %v, %v; want no hits", hits, err)
	}
}

// TestDB_PutInvalidText: text PostgreSQL cannot hold is news.ErrInvalid
// before anything of the batch is written.
func TestDB_PutInvalidText(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	tests := []struct {
		name string
		edit func(a *news.Article)
	}{
		{"NUL in text", func(a *news.Article) { a.Text = "Before\x00after." }},
		{"invalid UTF-8 in title", func(a *news.Article) { a.Title = "Bad \xff byte" }},
		{"NUL in id", func(a *news.Article) { a.ID = "id\x00" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := sample("bad", "A report.")
			tt.edit(bad)
			_, err := db.Put(ctx, []*news.Article{sample("good", "A good report."), bad})
			if !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("Put error = %v, want ErrInvalid", err)
			}
			if n, err := db.Count(ctx); err != nil || n != 0 {
				t.Errorf("Count = %d, %v; want 0", n, err)
			}
		})
	}
}

// TestDB_SearchOddQueries: bytes PostgreSQL refuses in text never make a
// query fail.
func TestDB_SearchOddQueries(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	if _, err := db.Put(ctx, []*news.Article{sample("a", "The ferry left at dawn.")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  int
	}{
		{"\xff", 0},
		{"ferry\x00", 1},
		{"fer\xffry", 0},
		{"\"ferry \xff left\"", 1},
		{"ferry -\x00", 1},
		{"½ ferry", 1},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := db.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if len(hits) != tt.want {
				t.Errorf("Search(%q) = %d hits, want %d", tt.query, len(hits), tt.want)
			}
		})
	}
}

func TestTsquery(t *testing.T) {
	tests := []struct {
		query string
		want  string
		args  []any
	}{
		{"", "", nil},
		{"-ferry", "", nil},
		{`" ! "`, "", nil},
		{"ferry", "((phraseto_tsquery('parallax', $1::text)))", []any{"ferry"}},
		{"a b OR c -d", "((phraseto_tsquery('parallax', $1::text)) && (phraseto_tsquery('parallax', $2::text) || phraseto_tsquery('parallax', $3::text)) && !!phraseto_tsquery('parallax', $4::text))",
			[]any{"a", "b", "c", "d"}},
		{`"ferry sailed" OR`, "((phraseto_tsquery('parallax', $1::text)))", []any{"ferry sailed"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, args := tsquery(tt.query, 1)
			if got != tt.want {
				t.Errorf("tsquery(%q) = %s, want %s", tt.query, got, tt.want)
			}
			if len(args) != len(tt.args) {
				t.Fatalf("args = %v, want %v", args, tt.args)
			}
			for i := range args {
				if args[i] != tt.args[i] {
					t.Errorf("args = %v, want %v", args, tt.args)
				}
			}
		})
	}
}

// FuzzTsquery: no query makes an expression PostgreSQL cannot run, and
// none fails.
func FuzzTsquery(f *testing.F) {
	for _, q := range []string{"ferry fog", `"ferry sailed`, "a OR b -c", `-"x y"`, "AND NOT ( ) * : ^", "\x00\"-"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr, args := tsquery(q, 1)
		if expr == "" {
			if len(args) != 0 {
				t.Errorf("tsquery(%q) = no expression but args %v", q, args)
			}
			return
		}
		if n := strings.Count(expr, "phraseto_tsquery"); n != len(args) {
			t.Errorf("tsquery(%q) has %d pieces and %d args", q, n, len(args))
		}
	})
}

// TestDB_StoriesIndependentOrigins: articles the copies stage linked as
// copies do not count as independent origins; partial reuse does.
func TestDB_StoriesIndependentOrigins(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	storetest.IndependentOrigins(t, db, func(ctx context.Context, copyID, kind string) error {
		_, err := db.pool.Exec(ctx, `INSERT INTO reuse_links (copy, original, kind, coverage, confidence, evidence, pairs)
			SELECT c.seq, o.seq, $1, 1, 1, '', '[]' FROM articles c, articles o WHERE c.id = $2 AND o.id = 'orig'`, kind, copyID)
		return err
	})
}

// TestDB_TimesExact: ingest and assignment times come back to the
// nanosecond, although PostgreSQL's timestamps keep microseconds.
func TestDB_TimesExact(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	a := sample("a", "The tide came in early.")
	if _, err := db.Put(ctx, []*news.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Ingested.Equal(a.Ingested) {
		t.Errorf("Ingested = %v, want %v", got.Ingested, a.Ingested)
	}
	at := time.Date(2031, 3, 14, 9, 26, 53, 123456789, time.UTC)
	if err := db.RecordStories(ctx, []store.StoryAssignment{{Article: "a", Story: "s", At: at}}); err != nil {
		t.Fatal(err)
	}
	last, err := db.LastAssigned(ctx)
	if err != nil || !last.Equal(at) {
		t.Errorf("LastAssigned = %v, %v; want %v", last, err, at)
	}
}

// TestDB_ArticlesWhileWriting: stores opened on one schema, as separate
// processes would, write new articles while another walks them; every walk
// must be a prefix of the final first-stored order, that is skip no
// article that committed late.
func TestDB_ArticlesWhileWriting(t *testing.T) {
	dsn := pgtest.FreshSchema(t, "p_")
	ctx := t.Context()
	open := func() *DB {
		db, err := Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	writers := []*DB{open(), open()}
	walker := open()
	const perWriter, batches, batchSize = 2, 8, 60
	var wg sync.WaitGroup
	var running sync.WaitGroup
	for i, db := range writers {
		for w := range perWriter {
			running.Add(1)
			wg.Go(func() {
				defer running.Done()
				for b := range batches {
					var batch []*news.Article
					for j := range batchSize {
						id := fmt.Sprintf("h%d-w%d-b%d-%d", i, w, b, j)
						batch = append(batch, sample(id, "Report "+id+" from the quay."))
					}
					if _, err := db.Put(ctx, batch); err != nil {
						t.Errorf("Put: %v", err)
						return
					}
				}
			})
		}
	}
	done := make(chan struct{})
	go func() { running.Wait(); close(done) }()
	var walks [][]string
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
		}
		var ids []string
		if err := walker.Articles(ctx, func(a *news.Article) error { ids = append(ids, a.ID); return nil }); err != nil {
			t.Fatalf("Articles: %v", err)
		}
		walks = append(walks, ids)
	}
	wg.Wait()
	final := walks[len(walks)-1]
	if want := len(writers) * perWriter * batches * batchSize; len(final) != want {
		t.Fatalf("final walk visited %d, want %d", len(final), want)
	}
	for i, w := range walks {
		if !slices.Equal(w, final[:len(w)]) {
			t.Fatalf("walk %d of %d (%d articles) is not a prefix of the final order: it skipped an article", i, len(walks), len(w))
		}
	}
	t.Logf("%d walks", len(walks))
}
