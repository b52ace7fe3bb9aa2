package attrib

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata/seeds"
)

// seedRelations cleans each seed article as ingest does and finds its
// relations, keyed by article id.
func seedRelations(t *testing.T) (map[string]string, map[string][]Relation) {
	t.Helper()
	texts := map[string]string{}
	rels := map[string][]Relation{}
	for _, a := range seeds.Articles(t) {
		texts[a.ID] = a.Text
		rels[a.ID] = Find(a.Text, a.Sentences)
	}
	return texts, rels
}

// TestFind_Seeds holds Find to what the founding articles show: the
// denials reported in three of them, the anonymous sources four rest on,
// and the outlet citing its sources.
func TestFind_Seeds(t *testing.T) {
	texts, rels := seedRelations(t)
	has := func(id string, ok func(Relation) bool) bool {
		for full, rs := range rels {
			if strings.HasPrefix(full, id) {
				for _, r := range rs {
					if ok(r) {
						return true
					}
				}
			}
		}
		return false
	}
	for _, id := range []string{"000", "001", "003"} {
		if !has(id, func(r Relation) bool { return r.Denial }) {
			t.Errorf("%s: no denial found", id)
		}
	}
	for _, id := range []string{"000", "002", "003", "004"} {
		if !has(id, func(r Relation) bool { return r.Anonymous }) {
			t.Errorf("%s: no anonymous source found", id)
		}
	}
	if !has("002", func(r Relation) bool { return r.ViaText != "" && strings.Contains(r.ViaText, "sources") }) {
		t.Error("002: no source cited through its sources")
	}
	if !has("003", func(r Relation) bool { return r.SourceText == "Reuters" && r.Verb == "report" }) {
		t.Error("003: the agency reporting the denial is not found")
	}
	for id, rs := range rels {
		for _, r := range rs {
			if r.SourceText == "" || r.Cue.End <= r.Cue.Start || r.Content.End > len(texts[id]) {
				t.Errorf("%s: malformed relation %+v", id, r)
			}
		}
	}
	if os.Getenv("ATTRIB_DEBUG") != "" {
		ids := make([]string, 0, len(rels))
		for id := range rels {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			for _, r := range rels[id] {
				t.Logf("%s [%s] src=%q via=%q direct=%v denial=%v anon=%v\n    %q", id[:3], r.Verb, r.SourceText, r.ViaText, r.Direct, r.Denial, r.Anonymous, texts[id][r.Content.Start:r.Content.End])
			}
		}
	}
}
