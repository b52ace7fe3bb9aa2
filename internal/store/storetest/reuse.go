package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// ReuseBackend is a store that also keeps the copies stage's results.
type ReuseBackend interface {
	store.Store
	store.ReuseStore
}

// RunReuse runs the store.ReuseStore conformance suite. open is called once
// per subtest and must return a new, empty store; RunReuse closes it.
func RunReuse(t *testing.T, open func(t *testing.T) ReuseBackend) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s ReuseBackend)
	}{
		{"RoundTrip", testReuseRoundTrip},
		{"ReplaceSignature", testReuseReplaceSignature},
		{"ReplaceLinkReversed", testReuseReplaceLink},
		{"Errors", testReuseErrors},
		{"Provenance", testReuseProvenance},
		{"Original", testReuseOriginal},
		{"SignaturesMany", testReuseSignaturesMany},
		{"SignaturesStop", testReuseSignaturesStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// putArticles stores one article per id.
func putArticles(t *testing.T, s store.Store, ids ...string) {
	t.Helper()
	batch := make([]*news.Article, len(ids))
	for i, id := range ids {
		batch[i] = article(id, "Body of "+id+": the ferry timetable changed.")
	}
	if _, err := s.Put(t.Context(), batch); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func link(cp, orig string, kind news.ReuseKind, coverage float64) news.Link {
	return news.Link{Copy: cp, Original: orig, Kind: kind, Coverage: coverage, DirectionConfidence: 0.75,
		Evidence: kind2evidence(kind), Pairs: []news.AlignedPair{{Copy: 0, Original: 1, Similarity: 0.5}, {Copy: 2, Original: 2, Similarity: 1}}}
}

func kind2evidence(k news.ReuseKind) string { return string(k) + ": test evidence" }

func signatures(t *testing.T, s store.ReuseStore) []store.ReuseSignature {
	t.Helper()
	var out []store.ReuseSignature
	if err := s.Signatures(t.Context(), func(sg store.ReuseSignature) error {
		out = append(out, sg)
		return nil
	}); err != nil {
		t.Fatalf("Signatures: %v", err)
	}
	return out
}

func links(t *testing.T, s store.ReuseStore, id string) []news.Link {
	t.Helper()
	ls, err := s.Links(t.Context(), id)
	if err != nil {
		t.Fatalf("Links(%q): %v", id, err)
	}
	return ls
}

func sameLinks(t *testing.T, what string, got, want []news.Link) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d links %+v, want %d %+v", what, len(got), got, len(want), want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Copy != w.Copy || g.Original != w.Original || g.Kind != w.Kind || g.Coverage != w.Coverage ||
			g.DirectionConfidence != w.DirectionConfidence || g.Evidence != w.Evidence || !slices.Equal(g.Pairs, w.Pairs) {
			t.Errorf("%s[%d] = %+v, want %+v", what, i, g, w)
		}
	}
}

func testReuseRoundTrip(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "a", "b", "c")
	sigs := []store.ReuseSignature{
		{Article: "b", Version: 3, Keys: []uint64{1, 1 << 63, 42}},
		{Article: "a", Version: 3, Keys: []uint64{7}},
		{Article: "c", Version: 3, Keys: []uint64{}},
	}
	ba := link("b", "a", news.ReuseParaphrase, 0.6)
	ca := link("c", "a", news.ReuseNear, 0.9)
	if err := s.PutReuse(t.Context(), sigs, []news.Link{ba, ca}); err != nil {
		t.Fatalf("PutReuse: %v", err)
	}
	got := signatures(t, s)
	// In the order the articles were first stored: a, b, c.
	want := []store.ReuseSignature{sigs[1], sigs[0], sigs[2]}
	if len(got) != len(want) {
		t.Fatalf("Signatures = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Article != want[i].Article || got[i].Version != want[i].Version || !slices.Equal(got[i].Keys, want[i].Keys) {
			t.Errorf("Signatures[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	t.Run("as original", func(t *testing.T) { sameLinks(t, "Links(a)", links(t, s, "a"), []news.Link{ca, ba}) })
	t.Run("as copy", func(t *testing.T) { sameLinks(t, "Links(b)", links(t, s, "b"), []news.Link{ba}) })
	t.Run("unknown", func(t *testing.T) { sameLinks(t, "Links(zz)", links(t, s, "zz"), nil) })
}

func testReuseReplaceSignature(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "a")
	for v := 1; v <= 2; v++ {
		if err := s.PutReuse(t.Context(), []store.ReuseSignature{{Article: "a", Version: v, Keys: []uint64{uint64(v)}}}, nil); err != nil {
			t.Fatalf("PutReuse: %v", err)
		}
	}
	got := signatures(t, s)
	if len(got) != 1 || got[0].Version != 2 || !slices.Equal(got[0].Keys, []uint64{2}) {
		t.Errorf("Signatures = %+v, want one of version 2", got)
	}
}

func testReuseReplaceLink(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "a", "b")
	first := link("b", "a", news.ReusePartial, 0.4)
	second := link("a", "b", news.ReuseParaphrase, 0.7)
	for _, l := range []news.Link{first, second} {
		if err := s.PutReuse(t.Context(), nil, []news.Link{l}); err != nil {
			t.Fatalf("PutReuse: %v", err)
		}
	}
	sameLinks(t, "Links(a)", links(t, s, "a"), []news.Link{second})
	sameLinks(t, "Links(b)", links(t, s, "b"), []news.Link{second})
}

func testReuseErrors(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "a", "b")
	tests := []struct {
		name  string
		sigs  []store.ReuseSignature
		links []news.Link
		want  error
	}{
		{"unknown copy", nil, []news.Link{link("zz", "a", news.ReuseNear, 0.9)}, news.ErrNotFound},
		{"unknown signature", []store.ReuseSignature{{Article: "zz", Version: 1}}, nil, news.ErrNotFound},
		{"self link", nil, []news.Link{link("a", "a", news.ReuseNear, 0.9)}, news.ErrInvalid},
		{"no kind", nil, []news.Link{link("a", "b", "", 0.9)}, news.ErrInvalid},
		{"coverage above 1", nil, []news.Link{link("a", "b", news.ReuseNear, 1.5)}, news.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The valid parts of the call must not be written either.
			sigs := append([]store.ReuseSignature{{Article: "a", Version: 9, Keys: []uint64{9}}}, tt.sigs...)
			links2 := append([]news.Link{link("b", "a", news.ReusePartial, 0.3)}, tt.links...)
			err := s.PutReuse(t.Context(), sigs, links2)
			if !errors.Is(err, tt.want) {
				t.Fatalf("PutReuse error = %v, want %v", err, tt.want)
			}
			if got := signatures(t, s); len(got) != 0 {
				t.Errorf("Signatures after failed PutReuse = %+v, want none", got)
			}
			if got := links(t, s, "a"); len(got) != 0 {
				t.Errorf("Links after failed PutReuse = %+v, want none", got)
			}
		})
	}
}

func testReuseProvenance(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "copy", "dup1", "dup2", "para", "part")
	err := s.PutReuse(t.Context(), nil, []news.Link{
		link("copy", "dup1", news.ReuseNear, 0.8),
		link("copy", "dup2", news.ReuseVerbatim, 1),
		link("copy", "part", news.ReusePartial, 0.35),
		link("copy", "para", news.ReuseParaphrase, 0.6),
	})
	if err != nil {
		t.Fatalf("PutReuse: %v", err)
	}
	tests := []struct {
		id      string
		dup     string
		derived []news.Derivation
	}{
		{"copy", "dup2", []news.Derivation{
			{ID: "para", Kind: news.ReuseParaphrase, Coverage: 0.6, Confidence: 0.75},
			{ID: "part", Kind: news.ReusePartial, Coverage: 0.35, Confidence: 0.75},
		}},
		{"dup1", "", []news.Derivation{}},
		{"unknown", "", []news.Derivation{}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			dup, derived, err := s.Provenance(t.Context(), tt.id)
			if err != nil {
				t.Fatalf("Provenance: %v", err)
			}
			if dup != tt.dup {
				t.Errorf("duplicateOf = %q, want %q", dup, tt.dup)
			}
			if derived == nil || !slices.Equal(derived, tt.derived) {
				t.Errorf("derivedFrom = %#v, want %#v", derived, tt.derived)
			}
		})
	}
}

func testReuseOriginal(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "root", "mid", "leaf", "part", "x", "y", "z", "alone")
	err := s.PutReuse(t.Context(), nil, []news.Link{
		link("mid", "root", news.ReuseNear, 0.9),
		link("leaf", "mid", news.ReuseParaphrase, 0.6),
		link("part", "root", news.ReusePartial, 0.4),
		// A cycle, which direction errors could leave.
		link("x", "y", news.ReuseParaphrase, 0.6),
		link("y", "z", news.ReuseParaphrase, 0.6),
		link("z", "x", news.ReuseParaphrase, 0.6),
	})
	if err != nil {
		t.Fatalf("PutReuse: %v", err)
	}
	tests := []struct{ id, want string }{
		{"root", "root"}, {"mid", "root"}, {"leaf", "root"}, {"part", "part"},
		{"alone", "alone"}, {"unknown", "unknown"}, {"x", "z"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := s.Original(t.Context(), tt.id)
			if err != nil {
				t.Fatalf("Original: %v", err)
			}
			if got != tt.want {
				t.Errorf("Original(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

func testReuseSignaturesMany(t *testing.T, s ReuseBackend) {
	const n = 1100 // more than one page (the SQLite store reads 1024 at a time)
	ids := make([]string, n)
	sigs := make([]store.ReuseSignature, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("art%04d", i)
		sigs[i] = store.ReuseSignature{Article: ids[i], Version: 1, Keys: []uint64{uint64(i), uint64(i) * 31}}
	}
	putArticles(t, s, ids...)
	if err := s.PutReuse(t.Context(), sigs, nil); err != nil {
		t.Fatalf("PutReuse: %v", err)
	}
	got := signatures(t, s)
	if len(got) != n {
		t.Fatalf("Signatures gave %d, want %d", len(got), n)
	}
	for i := range got {
		if got[i].Article != ids[i] || !slices.Equal(got[i].Keys, sigs[i].Keys) {
			t.Fatalf("Signatures[%d] = %+v, want %+v", i, got[i], sigs[i])
		}
	}
}

func testReuseSignaturesStop(t *testing.T, s ReuseBackend) {
	putArticles(t, s, "a", "b")
	if err := s.PutReuse(t.Context(), []store.ReuseSignature{{Article: "a", Version: 1}, {Article: "b", Version: 1}}, nil); err != nil {
		t.Fatalf("PutReuse: %v", err)
	}
	stop := errors.New("stop")
	calls := 0
	err := s.Signatures(t.Context(), func(store.ReuseSignature) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Signatures = %v after %d calls, want stop after 1", err, calls)
	}
}
