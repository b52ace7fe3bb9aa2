package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

func TestRun_Stories(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for i, src := range []string{"Harbour Gazette", "Valley Courier", "Harbour Gazette"} {
		id := string(rune('a' + i))
		arts = append(arts, &news.Article{ID: id, Source: src, Title: "Ferry strike\tcontinues " + id, Text: "Body " + id})
	}
	if _, err := db.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2031, 3, 14, 9, 0, 0, 0, time.UTC)
	err = db.RecordStories(ctx, []store.StoryAssignment{
		{Article: "a", Story: "s1", At: at}, {Article: "b", Story: "s1", At: at.Add(time.Hour)}, {Article: "c", Story: "s2", At: at},
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	t.Run("Table", func(t *testing.T) {
		env, out, _ := testEnv("")
		if err := Run(ctx, []string{"stories", "--db", path}, env); err != nil {
			t.Fatalf("stories: %v", err)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 3 {
			t.Fatalf("stories printed %d lines, want a header and 2 rows:\n%s", len(lines), out)
		}
		for _, want := range []string{"s1", "2", "Ferry strike continues a", "Harbour Gazette, Valley Courier", "2031-03-14 10:00"} {
			if !strings.Contains(lines[1], want) {
				t.Errorf("first row %q lacks %q", lines[1], want)
			}
		}
	})
	t.Run("JSON", func(t *testing.T) {
		env, out, _ := testEnv("")
		if err := Run(ctx, []string{"stories", "--db", path, "--json", "--limit", "1"}, env); err != nil {
			t.Fatalf("stories: %v", err)
		}
		var got news.Story
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("stories --json: %v\n%s", err, out)
		}
		if got.ID != "s1" || got.ArticleCount != 2 || got.IndependentOrigins != 2 {
			t.Errorf("stories --json = %+v, want s1 with 2 articles and 2 origins", got)
		}
	})
	t.Run("Usage", func(t *testing.T) {
		env, _, _ := testEnv("")
		if err := Run(ctx, []string{"stories", "--db", path, "extra"}, env); err == nil {
			t.Error("stories with an argument: no error")
		}
	})
}

func TestStoryClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a headline that is too long", 10, "a headlin…"},
		{"Zürich örtlich", 5, "Züri…"},
	}
	for _, tt := range tests {
		if got := storyClip(tt.in, tt.n); got != tt.want {
			t.Errorf("storyClip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
