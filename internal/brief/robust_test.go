package brief

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// prepared turns an eval record into an article as ingest prepares it.
func prepared(r evaldata.Article) *news.Article {
	text := lang.Normalize(r.Text)
	pub, _ := news.ParseTime(r.Published)
	return &news.Article{
		ID: r.ID, Source: r.Source, Title: lang.Normalize(r.Title), Published: pub, Text: text,
		Language: lang.Language(text), Sentences: lang.Sentences(text),
	}
}

// goldClusters reads the gold stories of an eval set: cluster id → article
// ids, in file order.
func goldClusters(tb testing.TB, set string) map[string][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join(evaldata.Dir(tb, set), "gold", "clusters.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) >= 2 && fields[0] != "id" {
			out[fields[1]] = append(out[fields[1]], fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// analyzeSafe runs Analyze, turning a panic into an error with its stack.
func analyzeSafe(arts []*news.Article, copyOf map[string]string) (b *news.Brief, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return Analyze(arts, copyOf, Options{}), nil
}

var validStances = map[news.Stance]bool{
	news.Asserts: true, news.Attributes: true, news.Hedges: true,
	news.Denies: true, news.ReportsDenial: true, news.Omits: true,
}

// briefDate is a timeline date: YYYY, YYYY-MM or YYYY-MM-DD (events are
// never dated finer than a day). The time returned orders dates of any
// precision as the timeline does, a month before its first day.
func briefDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// violations lists every broken invariant of b, the brief of arts. valid
// says the articles' texts are valid UTF-8, so the brief's must be too.
func violations(arts []*news.Article, b *news.Brief, validUTF8 bool) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	inStory := map[string]bool{}
	for _, a := range arts {
		inStory[a.ID] = true
	}
	if len(b.Articles) != len(inStory) {
		bad("brief lists %d articles, story has %d distinct", len(b.Articles), len(inStory))
	}
	listed := map[string]bool{}
	for _, id := range b.Articles {
		if !inStory[id] {
			bad("brief article %q not in the story", id)
		}
		listed[id] = true
	}
	if b.IndependentOrigins > len(b.Articles) {
		bad("independent origins %d > %d articles", b.IndependentOrigins, len(b.Articles))
	}
	if b.Summary == nil || b.Claims == nil || b.Quotes == nil || b.CitedSources == nil ||
		b.Timeline == nil || b.Unique == nil || b.Frames == nil {
		bad("a list of the brief is nil")
	}

	claims := map[string]news.Claim{}
	for _, c := range b.Claims {
		if c.ID == "" {
			bad("claim with no id: %q", c.Text)
		}
		if _, dup := claims[c.ID]; dup {
			bad("claim id %s twice", c.ID)
		}
		claims[c.ID] = c
	}
	for _, c := range b.Claims {
		if len(c.Stances) != len(b.Articles) {
			bad("claim %s has %d stances for %d articles", c.ID, len(c.Stances), len(b.Articles))
		}
		for _, id := range b.Articles {
			st, ok := c.Stances[id]
			if !ok {
				bad("claim %s has no stance for %s", c.ID, id)
			} else if !validStances[st] {
				bad("claim %s: stance %q of %s is not a stance", c.ID, st, id)
			}
		}
		for id := range c.Stances {
			if !listed[id] {
				bad("claim %s: stance for unknown article %q", c.ID, id)
			}
		}
		for id := range c.Evidence {
			if !listed[id] {
				bad("claim %s: evidence of unknown article %q", c.ID, id)
			}
		}
		if c.Denies != "" {
			if c.Denies == c.ID {
				bad("claim %s denies itself", c.ID)
			} else if _, ok := claims[c.Denies]; !ok {
				bad("claim %s denies unknown claim %q", c.ID, c.Denies)
			}
		}
	}
	for _, o := range b.OmittedDenials {
		if !listed[o.Article] {
			bad("omitted denial: unknown article %q", o.Article)
		}
		if c, ok := claims[o.Claim]; !ok {
			bad("omitted denial: unknown claim %q", o.Claim)
		} else if c.Denies == "" {
			bad("omitted denial: claim %s denies nothing", o.Claim)
		}
	}
	for i, q := range b.Quotes {
		if len(q.Articles) == 0 {
			bad("quote %d %q has no article", i, q.Text)
		}
		for _, id := range q.Articles {
			if !listed[id] {
				bad("quote %d: unknown article %q", i, id)
			}
		}
		for _, v := range q.Variants {
			if !listed[v.Article] {
				bad("quote %d: variant of unknown article %q", i, v.Article)
			}
		}
	}
	for i, s := range b.CitedSources {
		for _, id := range s.Articles {
			if !listed[id] {
				bad("cited source %d %q: unknown article %q", i, s.Name, id)
			}
		}
	}
	var prev time.Time
	for i, e := range b.Timeline {
		t, ok := briefDate(e.Date)
		if !ok {
			bad("timeline %d: date %q is not YYYY[-MM[-DD]]", i, e.Date)
			continue
		}
		if i > 0 && t.Before(prev) {
			bad("timeline %d: %s after a later date", i, e.Date)
		}
		prev = t
		if len(e.Articles) == 0 {
			bad("timeline %d has no article", i)
		}
		for _, id := range e.Articles {
			if !listed[id] {
				bad("timeline %d: unknown article %q", i, id)
			}
		}
		for _, d := range e.Disagreements {
			if !listed[d.Article] {
				bad("timeline %d: disagreement of unknown article %q", i, d.Article)
			}
			if _, ok := briefDate(d.Date); !ok {
				bad("timeline %d: disagreement date %q", i, d.Date)
			}
		}
	}
	for i, u := range b.Unique {
		if !listed[u.Article] {
			bad("unique %d: unknown article %q", i, u.Article)
		}
	}
	framed := map[string]bool{}
	for _, f := range b.Frames {
		if !listed[f.Article] {
			bad("frame of unknown article %q", f.Article)
		}
		if framed[f.Article] {
			bad("two frames for article %q", f.Article)
		}
		framed[f.Article] = true
		if f.Claim != "" {
			if _, ok := claims[f.Claim]; !ok {
				bad("frame of %s: unknown claim %q", f.Article, f.Claim)
			}
		}
	}
	for i, s := range b.Summary {
		if len(s.Articles) == 0 {
			bad("summary %d has no article", i)
		}
		for _, id := range s.Articles {
			if !listed[id] {
				bad("summary %d: unknown article %q", i, id)
			}
		}
	}

	for _, f := range []Format{Text, Markdown} {
		var buf bytes.Buffer
		if err := WriteBrief(&buf, b, f); err != nil {
			bad("write brief (format %d): %v", f, err)
		} else if validUTF8 && !utf8.Valid(buf.Bytes()) {
			bad("written brief (format %d) is not valid UTF-8", f)
		}
	}

	js, err := json.Marshal(b)
	if err != nil {
		bad("marshal: %v", err)
		return out
	}
	var back news.Brief
	if err := json.Unmarshal(js, &back); err != nil {
		bad("unmarshal: %v", err)
		return out
	}
	js2, err := json.Marshal(&back)
	if err != nil {
		bad("marshal again: %v", err)
		return out
	}
	// Invalid UTF-8 is written as the escape \ufffd and read back as the
	// rune, which is then written as itself: compare bytes only for valid
	// input, and what is read back always.
	var again news.Brief
	if err := json.Unmarshal(js2, &again); err != nil || !reflect.DeepEqual(back, again) || validUTF8 && string(js) != string(js2) {
		bad("JSON does not round-trip (err %v)", err)
	}
	if validUTF8 {
		var strs []string
		collectStrings(b, &strs)
		for _, s := range strs {
			if !utf8.ValidString(s) {
				bad("invalid UTF-8 in the brief from valid input: %q", s)
				break
			}
		}
	}
	return out
}

// collectStrings gathers the free texts of a brief.
func collectStrings(b *news.Brief, out *[]string) {
	*out = append(*out, b.Headline)
	for _, s := range b.Summary {
		*out = append(*out, s.Text)
	}
	for _, c := range b.Claims {
		*out = append(*out, c.Text, c.Origin)
		for _, e := range c.Evidence {
			*out = append(*out, e)
		}
	}
	for _, q := range b.Quotes {
		*out = append(*out, q.Speaker, q.Role, q.Text)
		for _, v := range q.Variants {
			*out = append(*out, v.Text)
		}
	}
	for _, s := range b.CitedSources {
		*out = append(*out, s.Name, s.Via)
	}
	for _, e := range b.Timeline {
		*out = append(*out, e.Text)
	}
	for _, u := range b.Unique {
		*out = append(*out, u.Text)
	}
	if b.Origins != nil {
		*out = append(*out, b.Origins.Text)
	}
}

// checkStory analyses arts and reports every broken invariant.
func checkStory(t *testing.T, name string, arts []*news.Article, copyOf map[string]string) *news.Brief {
	t.Helper()
	valid := true
	for _, a := range arts {
		valid = valid && utf8.ValidString(a.Text) && utf8.ValidString(a.Title)
	}
	b, err := analyzeSafe(arts, copyOf)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return nil
	}
	for _, v := range violations(arts, b, valid) {
		t.Errorf("%s: %s", name, v)
	}
	return b
}

// setStories returns the gold stories of an eval set as prepared articles,
// in cluster order.
func setStories(t *testing.T, set string) (names []string, stories [][]*news.Article) {
	t.Helper()
	byID := map[string]*news.Article{}
	for _, r := range evaldata.Articles(t, set) {
		byID[r.ID] = prepared(r)
	}
	cl := goldClusters(t, set)
	for c := range cl {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		var arts []*news.Article
		for _, id := range cl[c] {
			if a := byID[id]; a != nil {
				arts = append(arts, a)
			}
		}
		stories = append(stories, arts)
	}
	return names, stories
}

func TestAnalyze_GoldClustersInvariants(t *testing.T) {
	for _, set := range []string{"ecbplus-dev", "duc2004-dev", "multiling2011"} {
		t.Run(set, func(t *testing.T) {
			names, stories := setStories(t, set)
			if len(names) == 0 {
				t.Fatal("no gold clusters")
			}
			start := evaldata.CPUTime()
			for i, arts := range stories {
				if raceBuild() && i%4 != 0 {
					continue // the race detector is ten times slower: a sample
				}
				b := checkStory(t, set+"/"+names[i], arts, nil)
				if b != nil && i%4 == 0 {
					// Determinism: the same story gives the same brief.
					again, _ := json.Marshal(Analyze(arts, nil, Options{}))
					if first, _ := json.Marshal(b); string(first) != string(again) {
						t.Errorf("%s/%s: two runs give two briefs", set, names[i])
					}
				}
			}
			t.Logf("%d stories in %v of CPU", len(names), (evaldata.CPUTime() - start).Round(time.Millisecond))
		})
	}
}

// TestAnalyze_WholeSetInvariants runs ecbplus-dev, articles of 43 topics,
// as one story: the largest and least coherent story the brief can be
// asked for. The default run takes every third article (258, about 5 s of
// CPU); PARALLAX_BRIEF_FULL=1 runs all 772 (about 20 s of CPU) and -short
// skips it.
func TestAnalyze_WholeSetInvariants(t *testing.T) {
	if testing.Short() || raceBuild() {
		t.Skip("long: the brief of a few hundred articles")
	}
	stride := 3
	if os.Getenv("PARALLAX_BRIEF_FULL") != "" {
		stride = 1
	}
	var arts []*news.Article
	for i, r := range evaldata.Articles(t, "ecbplus-dev") {
		if i%stride == 0 {
			arts = append(arts, prepared(r))
		}
	}
	start := evaldata.CPUTime()
	b := checkStory(t, "ecbplus-dev as one story", arts, nil)
	if b != nil && len(b.Articles) != len(arts) {
		t.Errorf("brief of %d articles, want %d", len(b.Articles), len(arts))
	}
	t.Logf("%d articles in %v of CPU", len(arts), (evaldata.CPUTime() - start).Round(time.Millisecond))
}

// raceBuild reports whether the test runs under the race detector, which
// slows it down too much for CPU-time limits to mean anything.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

// invented returns an article of an invented outlet.
func invented(id, source, title, text string, day int) *news.Article {
	text = lang.Normalize(text)
	a := &news.Article{ID: id, Source: source, Title: title, Text: text, Language: lang.Language(text), Sentences: lang.Sentences(text)}
	if day > 0 {
		a.Published = news.Time{T: time.Date(2031, 5, day, 9, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	}
	return a
}

// bigArticle is an invented report of about n bytes: varied sentences
// with names, quotes, dates, numbers and denials, in paragraphs.
func bigArticle(n int) string {
	towns := []string{"Varnholm", "Ostrel", "Kettering Bay", "Lunsk", "Marroway"}
	people := []string{"Ida Brenner", "Tomas Quell", "Anja Sorel", "Piet Landvik", "Mara Oduya"}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		town, who := towns[i%len(towns)], people[(i/5)%len(people)]
		switch i % 6 {
		case 0:
			fmt.Fprintf(&sb, "Officials in %s said on March %d, 2031 that %d households had lost power. ", town, i%28+1, 100+i)
		case 1:
			fmt.Fprintf(&sb, "\"We are doing everything we can,\" said %s, the mayor of %s. ", who, town)
		case 2:
			fmt.Fprintf(&sb, "%s denied reports that the grid operator had ignored %d warnings. ", who, i%9+2)
		case 3:
			fmt.Fprintf(&sb, "The storm reportedly damaged %d bridges near %s, according to the regional council. ", i%7+1, town)
		case 4:
			fmt.Fprintf(&sb, "Repairs could take until June, two engineers told the Coast Ledger on Friday. ")
		default:
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

func TestAnalyze_MessyStories(t *testing.T) {
	ferry := ferryStory()
	dupes := make([]*news.Article, 30)
	copyOf := map[string]string{}
	for i := range dupes {
		a := *ferry[1]
		a.ID = fmt.Sprintf("dup%02d", i)
		a.Source = fmt.Sprintf("Outlet %d", i)
		dupes[i] = &a
		if i > 0 {
			copyOf[a.ID] = "dup00"
		}
	}
	noSentences := func(a *news.Article) *news.Article { c := *a; c.Sentences = nil; return &c }
	huge := bigArticle(2 << 20)
	// One sentence of 64 kB holding hundreds of dates, quotes and denials:
	// a transcript without full stops.
	run := strings.NewReplacer("\"", "", ".", ",").Replace(bigArticle(64 << 10))
	run = strings.Join(strings.Fields(run), " ")
	oneLine := strings.Repeat("ferry crews strike norrline islands rosters ", (2<<20)/44)
	tests := []struct {
		name   string
		arts   []*news.Article
		copyOf map[string]string
		check  func(t *testing.T, b *news.Brief) // besides the invariants
	}{
		{"titles only", []*news.Article{
			invented("t1", "Feed A", "Ferry crews plan June strike", "", 3),
			invented("t2", "Feed B", "Operator denies ferry strike plan", "", 4),
			invented("t3", "Feed C", "'No strike planned,' says ferry operator", "", 0),
		}, nil, nil},
		{"empty texts and titles", []*news.Article{
			invented("e1", "", "", "", 0),
			invented("e2", "", "", "   \n\n  ", 0),
			invented("e3", "Feed", "", "", 2),
		}, nil, nil},
		{"one empty article", []*news.Article{invented("e1", "", "", "", 0)}, nil, nil},
		{"texts with no sentence spans", []*news.Article{
			noSentences(ferry[0]), noSentences(ferry[1]), ferry[2],
		}, map[string]string{"b": "a"}, nil},
		{"no punctuation", []*news.Article{
			invented("p1", "A", "strike", "crews plan strike in june over rosters officials say nothing", 1),
			invented("p2", "B", "strike", "crews plan strike in june over rosters", 2),
		}, nil, nil},
		{"2 MB article", []*news.Article{
			invented("big", "Coast Ledger", "Storm cuts power across the coast", huge, 5),
			ferry[0],
		}, nil, nil},
		{"2 MB single sentence", []*news.Article{
			invented("line", "Wire", "Ferry strike", oneLine, 5),
			ferry[1],
		}, nil, nil},
		{"64 kB sentence, quote left open", []*news.Article{
			invented("o1", "Coast Ledger", "Mayor's speech", "Mayor Ida Brenner said: \""+run, 3),
			invented("o2", "Bay Herald", "Mayor speaks", "\""+run+",\" said Ida Brenner.", 4),
		}, nil, nil},
		{"1 MB word", []*news.Article{
			invented("w1", "A", "Word", "The word is "+strings.Repeat("a", 1<<20)+" and it was said on May 3, 2031.", 3),
			invented("w2", "B", "Word", "The word is "+strings.Repeat("a", 1<<20)+" and it was said on May 3, 2031.", 3),
		}, nil, nil},
		{"odd dates", []*news.Article{
			invented("d1", "A", "Dates", "The treaty of 0950 was signed on March 3, 9999. It ended in 10000 and on 31 February 2031. Officials said on May 5 that it began in the year 1.", 3),
			{ID: "d2", Source: "B", Title: "Year only", Text: "Officials said on May 5 that the bridge opened.",
				Published: news.Time{T: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionYear}},
			{ID: "d3", Source: "C", Title: "Month only", Text: "Officials said on May 5 that the bridge opened in the spring.",
				Published: news.Time{T: time.Date(2031, 5, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionMonth}},
			{ID: "d4", Source: "D", Title: "Far future", Text: "Officials said on May 5 that the bridge opened last month.",
				Published: news.Time{T: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}},
		}, nil, nil},
		{"control characters", []*news.Article{
			invented("c1", "A\tB", "Title\nwith\nlines", "Line one.\r\nLine two said \x00 nothing.\r\n\r\n\x07Officials said on May 3, 2031 that crews struck.", 3),
			invented("c2", "B", "Crews strike", "Crews struck on May 3, 2031, officials said.", 4),
		}, nil, nil},
		{"German, Russian, Chinese", []*news.Article{
			invented("de", "Nordkurier Ost", "Fährgesellschaft bestreitet Streikpläne",
				"Die Fährgesellschaft Norrline hat am Mittwoch Berichte über einen Streik im Juni zurückgewiesen. "+
					"„Es ist kein Streik geplant“, sagte Sprecherin Ada Krantz am 14. Mai 2031. "+
					"Die Besatzungen wollen laut Insel-Post zwei Wochen lang die Arbeit niederlegen.", 14),
			invented("ru", "Вести Залива", "Паромщики готовят забастовку",
				"Экипажи паромов компании Норрлайн готовят двухнедельную забастовку в июне, сообщили три члена экипажа. "+
					"«Никакой забастовки не планируется», — заявила пресс-секретарь Ада Кранц. "+
					"Компания опровергла эти сообщения 14 мая 2031 года.", 13),
			invented("zh", "海湾日报", "渡轮公司否认罢工计划",
				"渡轮公司周三否认了船员将在六月罢工的报道。"+
					"发言人说：“没有任何罢工计划。”"+
					"岛屿邮报曾报道船员正在准备为期两周的罢工。", 15),
			ferry[1],
		}, nil, nil},
		{"only quotes", []*news.Article{
			invented("q1", "A", "\"No strike\"", "\"There is no strike planned.\" \"We talk to the crews every day.\" \"Nothing has changed.\"", 3),
			invented("q2", "B", "Quotes", "“There is no strike planned,” “We talk to the crews every day.” “", 4),
			invented("q3", "C", "Quotes", "''There is no strike planned'' ''Nothing has changed''", 0),
		}, nil, nil},
		{"one article 30 times", dupes, nil, nil},
		{"one article 30 times, copies marked", dupes, copyOf, func(t *testing.T, b *news.Brief) {
			if b.IndependentOrigins != 1 {
				t.Errorf("independent origins = %d, want 1", b.IndependentOrigins)
			}
			for _, s := range b.Summary {
				if len(s.Articles) != 30 {
					t.Errorf("summary sentence %q carried by %d articles, want all 30", s.Text, len(s.Articles))
				}
			}
		}},
		{"same id twice", []*news.Article{ferry[0], ferry[0], ferry[1]}, nil, func(t *testing.T, b *news.Brief) {
			if len(b.Articles) != 2 {
				t.Errorf("articles = %v, want each id once", b.Articles)
			}
		}},
		{"copyOf naming absent articles", ferry, map[string]string{"zz": "a", "b": "yy", "c": "c"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if raceBuild() && strings.Contains(tt.name, "MB") {
				t.Skip("too slow under the race detector; nothing here runs concurrently")
			}
			// CPU time, not wall time, so that a busy machine does not fail
			// the test; the limits are well above what a part growing
			// linearly with the text needs (a 2 MB article took 4 minutes
			// while one part was quadratic).
			limit := time.Second
			switch {
			case strings.HasPrefix(tt.name, "2 MB"):
				limit = 20 * time.Second
			case strings.Contains(tt.name, "kB") || strings.Contains(tt.name, "1 MB"):
				limit = 5 * time.Second
			}
			start := evaldata.CPUTime()
			b := checkStory(t, tt.name, tt.arts, tt.copyOf)
			if b != nil && tt.check != nil {
				tt.check(t, b)
			}
			if d := evaldata.CPUTime() - start; d > limit && !raceBuild() {
				t.Errorf("%s took %v of CPU, want under %v", tt.name, d.Round(time.Millisecond), limit)
			}
		})
	}
}

func TestViolations_Detects(t *testing.T) {
	arts := []*news.Article{{ID: "a"}, {ID: "b"}}
	b := &news.Brief{
		Articles: []string{"a", "b"},
		Claims: []news.Claim{
			{ID: "C1", Stances: map[string]news.Stance{"a": news.Asserts, "b": "maybe"}},
			{ID: "C2", Denies: "C2", Stances: map[string]news.Stance{"a": news.Denies}},
		},
		OmittedDenials: []news.OmittedDenial{{Article: "x", Claim: "C1"}},
		Quotes:         []news.Quote{{Text: "q", Articles: []string{"a"}, Variants: []news.QuoteVariant{{Article: "z"}}}},
		Timeline:       []news.TimelineEntry{{Date: "2031-05-02", Articles: []string{"a"}}, {Date: "2031-05", Articles: []string{"a"}}, {Date: "May 3", Articles: []string{"a"}}},
		Frames:         []news.Frame{{Article: "a"}, {Article: "a"}},
		Summary:        []news.SummarySentence{{Text: "s", Articles: []string{"c"}}},
		Unique:         []news.UniqueDetail{{Article: "u"}},
		CitedSources:   []news.CitedSource{},
	}
	got := strings.Join(violations(arts, b, true), "\n")
	for _, want := range []string{
		`stance "maybe" of b`, "claim C2 has no stance for b", "claim C2 denies itself",
		`omitted denial: unknown article "x"`, "omitted denial: claim C1 denies nothing",
		`variant of unknown article "z"`, "timeline 1: 2031-05 after a later date", `date "May 3"`,
		`two frames for article "a"`, `summary 0: unknown article "c"`, `unique 0: unknown article "u"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("violations lack %q; got:\n%s", want, got)
		}
	}
}

func TestAnalyze_DuplicateAndNilArticles(t *testing.T) {
	ferry := ferryStory()
	b := Analyze([]*news.Article{ferry[0], nil, ferry[0], ferry[1]}, nil, Options{})
	if got, want := strings.Join(b.Articles, ","), "a,c"; got != want {
		t.Errorf("articles = %s, want %s: each id once, nil left out", got, want)
	}
	if b.IndependentOrigins != 2 {
		t.Errorf("independent origins = %d, want 2", b.IndependentOrigins)
	}
}
