package claim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/evaldata/seeds"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// seedArticles reads the seed articles as ingest reads scraped text.
func seedArticles(t testing.TB) []*news.Article {
	t.Helper()
	arts := seeds.Articles(t)
	if len(arts) != 5 {
		t.Fatalf("read %d seed articles, want 5", len(arts))
	}
	return arts
}

// seedGold is the part of eval/seeds/gold.json the analysis is held to.
type seedGold struct {
	Articles map[string]struct {
		Outlet *string `json:"outlet"`
		Frame  string  `json:"headline_frame"`
	} `json:"articles"`
	Claims []struct {
		ID      string                 `json:"id"`
		Text    string                 `json:"text"`
		Origin  string                 `json:"origin"`
		Denies  string                 `json:"denies"`
		Stances map[string]news.Stance `json:"stances"`
	} `json:"claims"`
	Cited  map[string][]string `json:"cited_sources"`
	Unique map[string][]string `json:"unique_details"`
}

func readSeedGold(t testing.TB) seedGold {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(evaldata.Dir(t, "seeds"), "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// stemSet is the content stems of s.
func stemSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words(lang.Fold(s)) {
		if !lang.IsStopWord(w) && len(w) > 2 {
			m[lang.Stem(w)] = true
		}
	}
	return m
}

// overlap is the share of a's stems found in b.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// mapClaims maps every gold claim to one of ours (one to one, greedily by
// the overlap of the gold text with our text and evidence); a gold denial
// maps only to a denial, other claims only to claims. Unmapped gold
// claims map to -1.
func mapClaims(g seedGold, got []news.Claim) []int {
	type pair struct {
		gi, ci int
		s      float64
	}
	var pairs []pair
	for gi, gc := range g.Claims {
		gs := stemSet(gc.Text)
		for ci, c := range got {
			if (gc.Denies != "") != (c.Denies != "") {
				continue
			}
			s := overlap(gs, stemSet(c.Text))
			for _, e := range c.Evidence {
				s = max(s, 0.8*overlap(gs, stemSet(e)))
			}
			if s >= 0.25 {
				pairs = append(pairs, pair{gi, ci, s})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].s > pairs[j].s })
	m := make([]int, len(g.Claims))
	for i := range m {
		m[i] = -1
	}
	used := map[int]bool{}
	for _, p := range pairs {
		if m[p.gi] < 0 && !used[p.ci] {
			m[p.gi] = p.ci
			used[p.ci] = true
		}
	}
	return m
}

// stanceClass folds the stances the seed target compares: reporting a
// claim (asserts, attributes, hedges), denying it, or leaving it out.
func stanceClass(s news.Stance) string {
	switch s {
	case news.Asserts, news.Attributes, news.Hedges:
		return "reports"
	case news.Denies, news.ReportsDenial:
		return "denies"
	}
	return "omits"
}

// sameName compares source names ignoring case and a leading "the".
func sameName(a, b string) bool {
	norm := func(s string) string { return strings.TrimPrefix(strings.ToLower(s), "the ") }
	return norm(a) == norm(b)
}

// TestAnalyze_Seeds holds the analysis to the hand annotation of the
// five seed articles (001 is a paraphrased copy of 000).
func TestAnalyze_Seeds(t *testing.T) {
	arts := seedArticles(t)
	gold := readSeedGold(t)
	copyOf := map[string]string{"001_412aa13479560ff1": "000_c987c02f159e2868"}
	res := Analyze(arts, Options{CopyOf: copyOf})
	verbose := os.Getenv("CLAIM_DEBUG") != ""
	if verbose {
		for _, c := range res.Claims {
			t.Logf("%s denies=%q origin=%q %v\n    %s", c.ID, c.Denies, c.Origin, c.Stances, c.Text)
		}
	}

	// Claims and stances: gold claims mapped to ours by text overlap.
	m := mapClaims(gold, res.Claims)
	found, agree, cells := 0, 0, 0
	ids := map[string]int{}
	for gi, gc := range gold.Claims {
		ids[gc.ID] = m[gi]
		var c news.Claim
		if m[gi] >= 0 {
			found++
			c = res.Claims[m[gi]]
		} else {
			t.Logf("gold %s not found: %s", gc.ID, gc.Text)
		}
		for id, s := range gc.Stances {
			cells++
			if stanceClass(c.Stances[id]) == stanceClass(s) {
				agree++
			} else {
				t.Logf("cell %s × %s: gold %s, got %q (%q)", gc.ID, id[:3], s, c.Stances[id], c.Evidence[id])
			}
		}
	}
	share := float64(agree) / float64(cells)
	t.Logf("claims found %d/%d, stance cells %d/%d = %.1f%%", found, len(gold.Claims), agree, cells, 100*share)
	if found < 10 {
		t.Errorf("found %d of the %d gold claims, want ≥ 10", found, len(gold.Claims))
	}
	if share < 0.9 {
		t.Errorf("stance agreement %.1f%%, want ≥ 90%%", 100*share)
	}
	for _, c := range res.Claims {
		if n := len(strings.Fields(c.Text)); n > maxClaimWords {
			t.Errorf("claim %s has %d words, want ≤ %d: %s", c.ID, n, maxClaimWords, c.Text)
		}
	}

	// The denial: linked to the claim it denies, omitted by 002 and 004.
	denial, denied := ids["C2"], ids["C1"]
	if denial < 0 || denied < 0 {
		t.Fatalf("gold C1 or C2 not found")
	}
	if got, want := res.Claims[denial].Denies, res.Claims[denied].ID; got != want {
		t.Errorf("denial %s denies %q, want %q", res.Claims[denial].ID, got, want)
	}
	omitted := map[string]bool{}
	for _, o := range res.OmittedDenials {
		if o.Claim == res.Claims[denial].ID {
			omitted[o.Article[:3]] = true
		}
	}
	if !omitted["002"] || !omitted["004"] || len(omitted) != 2 {
		t.Errorf("articles omitting the denial %v, want 002 and 004", omitted)
	}

	// Cited sources: every gold source with at least its articles.
	for name, want := range gold.Cited {
		var got []string
		for _, s := range res.CitedSources {
			if sameName(s.Name, name) {
				got = s.Articles
			}
		}
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("cited source %s: articles %v lack %s", name, got, id)
			}
		}
	}
	if res.Origins.OriginalReports != 1 || res.Origins.Articles != 5 || res.Origins.AnonymousSources != 2 {
		t.Errorf("origins %+v, want 5 articles, 1 original report, 2 anonymous sources", res.Origins)
	}

	// Frames: what each headline leads with.
	for _, f := range res.Frames {
		if want := gold.Articles[f.Article].Frame; f.Frame != want || !f.Supported {
			t.Errorf("frame of %s = %s (supported %v), want %s, supported", f.Article[:3], f.Frame, f.Supported, want)
		}
	}

	// Unique details: found among the article's unique statements.
	hits, total := 0, 0
	for id, details := range gold.Unique {
		for _, d := range details {
			total++
			ds := stemSet(d)
			best := 0.0
			for _, u := range res.Unique {
				if u.Article == id {
					best = max(best, overlap(ds, stemSet(u.Text)))
				}
			}
			if best >= 0.5 {
				hits++
			} else {
				t.Logf("unique detail of %s not found: %s", id[:3], d)
			}
		}
	}
	t.Logf("unique details %d/%d", hits, total)
	if hits < 7 {
		t.Errorf("found %d of %d unique details, want ≥ 7", hits, total)
	}
	if verbose {
		for _, s := range res.CitedSources {
			t.Logf("source %q kind=%s via=%q %v", s.Name, s.Kind, s.Via, s.Articles)
		}
		for _, u := range res.Unique {
			t.Logf("unique %s unconfirmable=%v: %s", u.Article[:3], u.Unconfirmable, u.Text)
		}
	}
}
