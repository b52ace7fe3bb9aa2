package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// demoDB ingests the demo corpus shipped in the repository into a fresh
// SQLite file and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	_ = 0
	env, _, errOut := testEnv("")
	if err := Run(context.Background(), []string{"ingest", "--quiet", "--db", path, filepath.Join("..", "..", "demo")}, env); err != nil {
		t.Fatalf("ingest demo: %v\n%s", err, errOut)
	}
	return path
}

// bridgeBrief returns the brief of the demo's bridge story, the one with
// the most articles.
func demoBriefs(t *testing.T, path string) []news.Brief {
	t.Helper()
	env, out, errOut := testEnv("")
	if err := Run(context.Background(), []string{"export", "--db", path, "--what", "briefs"}, env); err != nil {
		t.Fatalf("export briefs: %v\n%s", err, errOut)
	}
	var briefs []news.Brief
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var b news.Brief
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil {
			t.Fatalf("export briefs: line is not a brief: %v\n%s", err, sc.Text())
		}
		briefs = append(briefs, b)
	}
	return briefs
}

func TestRun_Brief(t *testing.T) {
	ctx := context.Background()
	path := demoDB(t)
	briefs := demoBriefs(t, path)
	if len(briefs) < 2 {
		t.Fatalf("export briefs gave %d briefs, want one per demo story (≥ 2)", len(briefs))
	}
	var bridge news.Brief
	for _, b := range briefs {
		if len(b.Articles) > len(bridge.Articles) {
			bridge = b
		}
	}

	t.Run("Contract", func(t *testing.T) {
		if bridge.Story == "" || bridge.Headline == "" {
			t.Errorf("brief lacks story or headline: %q %q", bridge.Story, bridge.Headline)
		}
		if got, want := len(bridge.Articles), 5; got != want {
			t.Errorf("bridge story has %d articles, want %d", got, want)
		}
		// QuickNews rewrites the Courier: five articles, four origins.
		if got, want := bridge.IndependentOrigins, 4; got != want {
			t.Errorf("independent origins = %d, want %d (articles %v)", got, want, bridge.Articles)
		}
		if len(bridge.Summary) == 0 {
			t.Fatal("empty summary")
		}
		for _, s := range bridge.Summary {
			if len(s.Articles) == 0 || s.Text == "" {
				t.Errorf("summary sentence without text or articles: %+v", s)
			}
		}
		// The contract's lists are arrays, never null.
		var raw map[string]json.RawMessage
		env, out, _ := testEnv("")
		if err := Run(ctx, []string{"brief", "--db", path, "--format", "json", bridge.Story}, env); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
			t.Fatalf("brief --format json: %v", err)
		}
		for _, k := range []string{"articles", "summary", "claims", "quotes", "cited_sources", "timeline", "unique", "frames"} {
			if v, ok := raw[k]; !ok || string(v) == "null" {
				t.Errorf("brief JSON field %q = %s, want an array", k, v)
			}
		}
	})

	t.Run("Markdown", func(t *testing.T) {
		env, out, _ := testEnv("")
		if err := Run(ctx, []string{"brief", "--db", path, "--format", "markdown", "--words", "40", bridge.Story}, env); err != nil {
			t.Fatal(err)
		}
		md := out.String()
		for _, want := range []string{"# " + bridge.Headline, "## Articles", "## Summary", "Varnholm Courier"} {
			if !strings.Contains(md, want) {
				t.Errorf("markdown brief lacks %q:\n%s", want, md)
			}
		}
		var words int
		for _, line := range strings.Split(md[strings.Index(md, "## Summary"):], "\n")[1:] {
			if strings.HasPrefix(line, "- ") {
				text := line[2:strings.LastIndex(line, " (")]
				words += len(strings.Fields(text))
			}
		}
		if words == 0 || words > 40 {
			t.Errorf("--words 40 gave a summary of %d words", words)
		}
	})

	t.Run("UnknownStory", func(t *testing.T) {
		env, _, errOut := testEnv("")
		err := Run(ctx, []string{"brief", "--db", path, "s-no-such-story"}, env)
		if err == nil || !strings.Contains(errOut.String(), "s-no-such-story") {
			t.Errorf("brief of an unknown story: err %v, stderr %q; want an error naming it", err, errOut)
		}
	})

	t.Run("BadFormat", func(t *testing.T) {
		env, _, _ := testEnv("")
		if err := Run(ctx, []string{"brief", "--db", path, "--format", "pdf"}, env); err == nil {
			t.Error("--format pdf: no error")
		}
	})
}
