package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// BriefGold is a hand annotation of one or more stories in the layout of
// seeds/gold.json: the articles with their headline frames, the stories,
// and per story claims × articles stances, quotes, cited sources, a
// timeline and details only one outlet reports.
type BriefGold struct {
	Articles map[string]struct {
		Frame string `json:"headline_frame"`
	} `json:"articles"`
	Stories [][]string `json:"stories"`
	Claims  []struct {
		ID      string            `json:"id"`
		Text    string            `json:"text"`
		Origin  string            `json:"origin"`
		Denies  string            `json:"denies"`
		Stances map[string]string `json:"stances"`
	} `json:"claims"`
	Unique map[string][]string `json:"unique_details"`
	Quotes []struct {
		Speaker  string            `json:"speaker"`
		Articles []string          `json:"articles"`
		Text     string            `json:"text"`
		Group    string            `json:"variant_group"`
		Variants map[string]string `json:"variants"`
	} `json:"quotes"`
	CitedSources map[string][]string `json:"cited_sources"`
	Timeline     []struct {
		Date     string   `json:"date"`
		Event    string   `json:"event"`
		Articles []string `json:"articles"`
	} `json:"timeline"`
}

// ReadBriefGold reads a gold.json annotation.
func ReadBriefGold(path string) (BriefGold, error) {
	var g BriefGold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, fmt.Errorf("read brief gold: %w", err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return g, fmt.Errorf("read brief gold %s: %w", path, err)
	}
	return g, nil
}

// BriefReport scores one brief against its gold annotation. Each gold
// item is matched to the brief's by content words (stems, stop words
// left out), one to one, best matches first, so a brief cannot score
// twice with one claim.
type BriefReport struct {
	Articles int `json:"articles"`
	// Claims found: gold claims matched to a claim of the brief.
	GoldClaims    int               `json:"gold_claims"`
	ClaimsFound   int               `json:"claims_found"`
	ClaimMatch    map[string]string `json:"claim_match"` // gold id → brief id
	BriefClaims   int               `json:"brief_claims"`
	StanceCells   int               `json:"stance_cells"`
	StanceAgree   int               `json:"stance_agree"` // support / deny / omit classes
	StanceExact   int               `json:"stance_exact"` // the six stances
	DenialsLinked int               `json:"denials_linked"`
	GoldDenials   int               `json:"gold_denials"`
	// Omitted denials: articles that report the denied claim but not the
	// denial, as gold implies them, against those the brief flags.
	OmitGold  []string `json:"omit_gold"`
	OmitBrief []string `json:"omit_brief"`
	// Cited sources: gold names found with the same articles.
	GoldSources   int      `json:"gold_sources"`
	SourcesFound  int      `json:"sources_found"`
	SourcesExact  int      `json:"sources_exact_articles"`
	SourcesMissed []string `json:"sources_missed,omitempty"`
	FramesRight   int      `json:"frames_right"`
	GoldFrames    int      `json:"gold_frames"`
	GoldUnique    int      `json:"gold_unique"`
	UniqueFound   int      `json:"unique_found"`
	// Quotes: gold quotes found with the right speaker; variant groups
	// found as one quote spanning all their articles.
	GoldQuotes    int `json:"gold_quotes"`
	QuotesFound   int `json:"quotes_found"`
	QuotesSpeaker int `json:"quotes_speaker"`
	GoldGroups    int `json:"gold_variant_groups"`
	GroupsFound   int `json:"variant_groups_found"`
	// Timeline: gold dated events found at the same date and precision.
	GoldEvents  int      `json:"gold_events"`
	EventsFound int      `json:"events_found"`
	EventsMiss  []string `json:"events_missed,omitempty"`
}

// stanceClass folds the stances into what the seed bar compares: the
// claim is supported (asserted, attributed or hedged), denied, or left
// out.
func stanceClass(s string) string {
	switch news.Stance(s) {
	case news.Asserts, news.Attributes, news.Hedges:
		return "support"
	case news.Denies, news.ReportsDenial:
		return "deny"
	}
	return "omit"
}

// contentStems are the distinct stems of the content words of s.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range lang.Words(lang.Fold(s)) {
		if len(w) > 1 && !lang.IsStopWord(w) {
			out[lang.Stem(w)] = true
		}
	}
	return out
}

// share is the part of a's stems also in b.
func share(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// Matching thresholds: the least share of a gold item's content stems a
// brief item must cover to be taken for it.
const (
	claimShare  = 0.3
	uniqueShare = 0.4
	quoteShare  = 0.6
)

// ScoreBrief scores b, the brief of one story, against g.
func ScoreBrief(b *news.Brief, g BriefGold) BriefReport {
	r := BriefReport{Articles: len(b.Articles), BriefClaims: len(b.Claims), ClaimMatch: map[string]string{}}
	in := map[string]bool{}
	for _, id := range b.Articles {
		in[id] = true
	}
	r.scoreClaims(b, g)
	r.scoreSources(b, g)
	for id, a := range g.Articles {
		if !in[id] || a.Frame == "" {
			continue
		}
		r.GoldFrames++
		for _, f := range b.Frames {
			if f.Article == id && f.Frame == a.Frame {
				r.FramesRight++
			}
		}
	}
	for art, details := range g.Unique {
		for _, d := range details {
			r.GoldUnique++
			ds := contentStems(d)
			for _, u := range b.Unique {
				if u.Article == art && share(ds, contentStems(u.Text)) >= uniqueShare {
					r.UniqueFound++
					break
				}
			}
		}
	}
	r.scoreQuotes(b, g)
	for _, e := range g.Timeline {
		r.GoldEvents++
		found := false
		for _, t := range b.Timeline {
			if t.Date == e.Date {
				found = true
				break
			}
		}
		if found {
			r.EventsFound++
		} else {
			r.EventsMiss = append(r.EventsMiss, e.Date)
		}
	}
	return r
}

func (r *BriefReport) scoreClaims(b *news.Brief, g BriefGold) {
	type cand struct {
		gold, brief int
		score       float64
	}
	var cands []cand
	for gi, gc := range g.Claims {
		gs := contentStems(gc.Text)
		for bi, bc := range b.Claims {
			text := bc.Text
			for _, ev := range bc.Evidence {
				text += " " + ev
			}
			if s := share(gs, contentStems(text)); s >= claimShare {
				// Prefer the claim whose own text covers the gold claim.
				cands = append(cands, cand{gi, bi, s + share(gs, contentStems(bc.Text))})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	goldTaken, briefTaken := map[int]int{}, map[int]bool{}
	for _, c := range cands {
		if _, ok := goldTaken[c.gold]; ok || briefTaken[c.brief] {
			continue
		}
		goldTaken[c.gold] = c.brief
		briefTaken[c.brief] = true
	}
	r.GoldClaims = len(g.Claims)
	briefID := func(gi int) (news.Claim, bool) {
		bi, ok := goldTaken[gi]
		if !ok {
			return news.Claim{}, false
		}
		return b.Claims[bi], true
	}
	goldIdx := map[string]int{}
	for gi, gc := range g.Claims {
		goldIdx[gc.ID] = gi
	}
	for gi, gc := range g.Claims {
		bc, ok := briefID(gi)
		if ok {
			r.ClaimsFound++
			r.ClaimMatch[gc.ID] = bc.ID
		}
		for art, want := range gc.Stances {
			r.StanceCells++
			got := string(news.Omits)
			if ok && bc.Stances[art] != "" {
				got = string(bc.Stances[art])
			}
			if stanceClass(got) == stanceClass(want) {
				r.StanceAgree++
			}
			if got == want {
				r.StanceExact++
			}
		}
		if gc.Denies == "" {
			continue
		}
		r.GoldDenials++
		denied, okD := briefID(goldIdx[gc.Denies])
		if ok && okD && bc.Denies == denied.ID {
			r.DenialsLinked++
		}
		// Gold implies the omissions: articles that carry the denied
		// claim but not the denial.
		for art, s := range g.Claims[goldIdx[gc.Denies]].Stances {
			if stanceClass(s) == "support" && stanceClass(gc.Stances[art]) == "omit" {
				r.OmitGold = append(r.OmitGold, art)
			}
		}
		if ok {
			for _, o := range b.OmittedDenials {
				if o.Claim == bc.ID {
					r.OmitBrief = append(r.OmitBrief, o.Article)
				}
			}
		}
	}
	sort.Strings(r.OmitGold)
	sort.Strings(r.OmitBrief)
}

// sourceKey folds a source name for comparison: case, a leading "the"
// and a trailing "news" do not matter.
func sourceKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(s, " news")
	return s
}

func (r *BriefReport) scoreSources(b *news.Brief, g BriefGold) {
	names := make([]string, 0, len(g.CitedSources))
	for n := range g.CitedSources {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		r.GoldSources++
		var hit *news.CitedSource
		for i := range b.CitedSources {
			if sourceKey(b.CitedSources[i].Name) == sourceKey(name) {
				hit = &b.CitedSources[i]
				break
			}
		}
		if hit == nil {
			r.SourcesMissed = append(r.SourcesMissed, name)
			continue
		}
		r.SourcesFound++
		if sameSet(hit.Articles, g.CitedSources[name]) {
			r.SourcesExact++
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

// lastName is the last word of a speaker's name, folded.
func lastName(s string) string {
	f := strings.Fields(lang.Fold(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func (r *BriefReport) scoreQuotes(b *news.Brief, g BriefGold) {
	// quoteHas finds a brief quote printing text in art.
	quoteHas := func(art, text string) (int, bool) {
		gs := contentStems(text)
		for i, q := range b.Quotes {
			if q.Articles != nil && !contains(q.Articles, art) && !hasVariant(q, art) {
				continue
			}
			if share(gs, contentStems(q.Text)) >= quoteShare {
				return i, true
			}
			for _, v := range q.Variants {
				if v.Article == art && share(gs, contentStems(v.Text)) >= quoteShare {
					return i, true
				}
			}
		}
		return 0, false
	}
	for _, gq := range g.Quotes {
		if gq.Group == "" {
			for _, art := range gq.Articles {
				r.GoldQuotes++
				if i, ok := quoteHas(art, gq.Text); ok {
					r.QuotesFound++
					if lastName(b.Quotes[i].Speaker) == lastName(gq.Speaker) {
						r.QuotesSpeaker++
					}
				}
			}
			continue
		}
		r.GoldGroups++
		r.GoldQuotes++
		arts := make([]string, 0, len(gq.Variants))
		for a := range gq.Variants {
			arts = append(arts, a)
		}
		sort.Strings(arts)
		first, one := -1, true
		for _, a := range arts {
			i, ok := quoteHas(a, gq.Variants[a])
			if !ok || first >= 0 && i != first {
				one = false
				break
			}
			first = i
		}
		if first >= 0 {
			r.QuotesFound++
			if lastName(b.Quotes[first].Speaker) == lastName(gq.Speaker) {
				r.QuotesSpeaker++
			}
		}
		if one && first >= 0 {
			r.GroupsFound++
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasVariant(q news.Quote, art string) bool {
	for _, v := range q.Variants {
		if v.Article == art {
			return true
		}
	}
	return false
}

// Write prints the report as a table, each figure beside the seed bar of
// the issues (#5 and #6).
func (r BriefReport) Write(w io.Writer) error {
	pct := func(a, b int) string {
		if b == 0 {
			return "   n/a"
		}
		return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
	}
	lines := []string{
		fmt.Sprintf("brief of %d articles, %d claims", r.Articles, r.BriefClaims),
		fmt.Sprintf("%-34s %3d / %-3d %s   bar ≥ 9 of 11", "gold claims found", r.ClaimsFound, r.GoldClaims, pct(r.ClaimsFound, r.GoldClaims)),
		fmt.Sprintf("%-34s %3d / %-3d %s   bar ≥ 85%%", "stance cells (support/deny/omit)", r.StanceAgree, r.StanceCells, pct(r.StanceAgree, r.StanceCells)),
		fmt.Sprintf("%-34s %3d / %-3d %s", "stance cells (exact stance)", r.StanceExact, r.StanceCells, pct(r.StanceExact, r.StanceCells)),
		fmt.Sprintf("%-34s %3d / %-3d", "denials linked to their claim", r.DenialsLinked, r.GoldDenials),
		fmt.Sprintf("%-34s gold %v, brief %v", "omitted denials", r.OmitGold, r.OmitBrief),
		fmt.Sprintf("%-34s %3d / %-3d (same articles: %d)  missed %v", "cited sources found", r.SourcesFound, r.GoldSources, r.SourcesExact, r.SourcesMissed),
		fmt.Sprintf("%-34s %3d / %-3d", "headline frames right", r.FramesRight, r.GoldFrames),
		fmt.Sprintf("%-34s %3d / %-3d   bar ≥ 7 of 9", "unique details found", r.UniqueFound, r.GoldUnique),
		fmt.Sprintf("%-34s %3d / %-3d (right speaker: %d)", "quotes found", r.QuotesFound, r.GoldQuotes, r.QuotesSpeaker),
		fmt.Sprintf("%-34s %3d / %-3d", "quote variant groups as one quote", r.GroupsFound, r.GoldGroups),
		fmt.Sprintf("%-34s %3d / %-3d  missed %v", "timeline dates found", r.EventsFound, r.GoldEvents, r.EventsMiss),
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}
