package cluster_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

var base = time.Date(2031, 5, 2, 8, 0, 0, 0, time.UTC)

// art is an invented article published days after base.
func art(id string, days int, title, text string) *news.Article {
	return &news.Article{ID: id, Title: title, Text: text,
		Published: news.Time{T: base.AddDate(0, 0, days), Precision: news.PrecisionDay}}
}

// Invented stories: a dam failure in one valley, a port strike elsewhere.
var (
	dam1   = art("dam-1", 0, "Dam breach floods Ostrava valley villages", "A dam on the Morava river burst early on Tuesday, flooding three villages in the Ostrava valley. Rescue teams evacuated 1,200 residents, regional governor Petra Holm said.")
	strike = art("port-1", 0, "Dockers strike shuts Port Kessel", "Dockers at Port Kessel walked out on Tuesday over pay, halting container traffic. The harbour union said the strike would last 48 hours.")
	dam2   = art("dam-2", 1, "Ostrava valley villages under water after Morava dam breach", "Three villages in the Ostrava valley remained flooded after the Morava river dam burst. Governor Petra Holm said 1,200 residents were evacuated.")
	dam3   = art("dam-3", 2, "Morava dam breach: inquiry opened", "Prosecutors opened an inquiry into the Morava river dam breach that flooded the Ostrava valley, governor Petra Holm said.")
	// The same words a year later: another breach, another story.
	damLater = art("dam-9", 400, "Dam breach floods Ostrava valley villages again", "A dam on the Morava river burst on Sunday, flooding villages in the Ostrava valley, governor Petra Holm said.")
)

func TestClusterer_Add(t *testing.T) {
	c := cluster.New(cluster.Config{})
	got := map[string]cluster.Assignment{}
	for _, a := range []*news.Article{dam1, strike, dam2, dam3, damLater} {
		got[a.ID] = c.Add(a, cluster.Hint{})
	}
	t.Run("founders", func(t *testing.T) {
		for _, id := range []string{"dam-1", "port-1", "dam-9"} {
			if !got[id].New {
				t.Errorf("%s joined %s, want a new story", id, got[id].Story)
			}
			if want := cluster.StoryID(id); got[id].Story != want {
				t.Errorf("%s founded %s, want id %s", id, got[id].Story, want)
			}
		}
	})
	t.Run("followers", func(t *testing.T) {
		for _, id := range []string{"dam-2", "dam-3"} {
			if got[id].Story != got["dam-1"].Story || got[id].New {
				t.Errorf("%s went to %s (new %v), want the dam story %s", id, got[id].Story, got[id].New, got["dam-1"].Story)
			}
			if got[id].Similarity < c.Config().Threshold {
				t.Errorf("%s similarity %.3f below the threshold", id, got[id].Similarity)
			}
		}
	})
	t.Run("time", func(t *testing.T) {
		if got["dam-9"].Story == got["dam-1"].Story {
			t.Error("an article 400 days later joined the old story")
		}
	})
	t.Run("revision", func(t *testing.T) {
		again := c.Add(dam2, cluster.Hint{})
		if again.Story != got["dam-1"].Story || again.New {
			t.Errorf("re-adding dam-2 gave %+v, want its story", again)
		}
	})
	t.Run("StoryOf", func(t *testing.T) {
		if got, want := c.StoryOf("dam-3"), c.Resolve(got["dam-1"].Story); got != want {
			t.Errorf("StoryOf(dam-3) = %q, want %q", got, want)
		}
		if got := c.StoryOf("unknown"); got != "" {
			t.Errorf("StoryOf(unknown) = %q, want empty", got)
		}
	})
}

func TestClusterer_Deterministic(t *testing.T) {
	run := func() []string {
		c := cluster.New(cluster.Config{})
		var out []string
		for _, a := range []*news.Article{dam1, strike, dam2, dam3, damLater} {
			as := c.Add(a, cluster.Hint{})
			out = append(out, fmt.Sprintf("%s %s %v %.6f", as.Article, as.Story, as.Merged, as.Similarity))
		}
		return out
	}
	first := run()
	for range 5 {
		if got := run(); !slices.Equal(got, first) {
			t.Fatalf("second run differs:\n%v\n%v", got, first)
		}
	}
}

func TestClusterer_Hint(t *testing.T) {
	c := cluster.New(cluster.Config{})
	d := c.Add(dam1, cluster.Hint{})
	c.Add(strike, cluster.Hint{})
	cp := art("copy", 0, "Orchard prices", "Nothing here resembles the dam story.")
	got := c.Add(cp, cluster.Hint{SameAs: "dam-1"})
	if got.Story != d.Story || got.New {
		t.Errorf("hinted copy went to %+v, want the dam story %s", got, d.Story)
	}
	// A hint naming an unknown article is ignored.
	other := c.Add(art("lone", 0, "Glacier retreat measured", "Surveyors measured the glacier retreat in metres."), cluster.Hint{SameAs: "nope"})
	if !other.New {
		t.Errorf("unknown hint: %+v, want a new story", other)
	}
}

func TestClusterer_Seed(t *testing.T) {
	// A rebuilt clusterer puts a follow-up where the first run would.
	c := cluster.New(cluster.Config{})
	c.Seed(dam1, "s-dam")
	c.Seed(strike, "s-port")
	got := c.Add(dam2, cluster.Hint{})
	if got.Story != "s-dam" {
		t.Errorf("after Seed, dam-2 went to %q, want s-dam", got.Story)
	}
	c.Alias("s-old", "s-dam")
	if got := c.Resolve("s-old"); got != "s-dam" {
		t.Errorf("Resolve(s-old) = %q, want s-dam", got)
	}
}

func TestClusterer_Merge(t *testing.T) {
	// A join threshold no article reaches makes every article found a
	// story; the merge step then finds the second story to be the first
	// one told again, and the older id survives.
	c := cluster.New(cluster.Config{Threshold: 0.99})
	a := c.Add(dam1, cluster.Hint{})
	b := c.Add(dam2, cluster.Hint{})
	if !b.New {
		t.Fatalf("dam-2 joined %s at similarity %.3f, want a story of its own before the merge", b.Story, b.Similarity)
	}
	if got, want := b.Merged, []string{cluster.StoryID("dam-2")}; !slices.Equal(got, want) {
		t.Errorf("Merged = %v, want %v", got, want)
	}
	if b.Story != a.Story {
		t.Errorf("Story after merge = %s, want the older %s", b.Story, a.Story)
	}
	if got := c.Resolve(cluster.StoryID("dam-2")); got != a.Story {
		t.Errorf("Resolve(absorbed) = %s, want %s", got, a.Story)
	}
	if got := c.StoryOf("dam-2"); got != a.Story {
		t.Errorf("StoryOf(dam-2) = %s, want %s", got, a.Story)
	}
	// An unrelated story is not merged.
	if as := c.Add(strike, cluster.Hint{}); len(as.Merged) != 0 || as.Story == a.Story {
		t.Errorf("strike: story %s merged %v, want a story of its own", as.Story, as.Merged)
	}
}

func TestClusterer_Cohesion(t *testing.T) {
	// Two fires of one kind in two towns share the kind's words. Once the
	// first story is tight, an article about the other fire is further
	// from it than its articles are from each other, and founds a story.
	first := []*news.Article{
		art("f1", 0, "Warehouse fire in Brenn destroys textile stock", "Firefighters in Brenn, in the Ostmark region, fought a warehouse fire through the night. The Brenn textile depot of Halvar Mills burned down, fire chief Ona Maris said."),
		art("f2", 0, "Brenn warehouse fire: Halvar Mills depot burned down", "The Halvar Mills textile depot in Brenn burned down in a night warehouse fire, Brenn fire chief Ona Maris said."),
		art("f3", 1, "Halvar Mills counts losses after Brenn warehouse fire", "Halvar Mills said the Brenn warehouse fire destroyed its textile stock; fire chief Ona Maris said the cause is unknown."),
	}
	other := art("g1", 1, "Warehouse fire destroys textile stock of Ristmo", "Firefighters fought a night warehouse fire in Kolde, in the Ostmark region. The textile depot of Ristmo burned down, the Ostmark fire service said; the cause is unknown.")
	for _, tt := range []struct {
		name     string
		cohesion float64
		apart    bool
	}{{"default", 0, true}, {"without cohesion", 1e-9, false}} {
		t.Run(tt.name, func(t *testing.T) {
			c := cluster.New(cluster.Config{Cohesion: tt.cohesion})
			var story string
			for i, a := range first {
				as := c.Add(a, cluster.Hint{})
				if i == 0 {
					story = as.Story
				} else if as.Story != story {
					t.Fatalf("%s went to %s, want %s", a.ID, as.Story, story)
				}
			}
			as := c.Add(other, cluster.Hint{})
			if got := as.Story != story; got != tt.apart {
				t.Errorf("Kolde fire apart from Brenn fire = %v (similarity %.3f), want %v", got, as.Similarity, tt.apart)
			}
		})
	}
}

func TestClusterer_WindowGap(t *testing.T) {
	// A story that resumes after seven weeks of silence is still the same
	// story; after ten weeks it is a new one.
	for _, tt := range []struct {
		name string
		days int
		same bool
	}{{"seven weeks", 49, true}, {"ten weeks", 70, false}} {
		t.Run(tt.name, func(t *testing.T) {
			c := cluster.New(cluster.Config{})
			first := c.Add(dam1, cluster.Hint{})
			c.Add(dam2, cluster.Hint{})
			later := art("dam-later", 1+tt.days, dam3.Title, dam3.Text)
			got := c.Add(later, cluster.Hint{})
			if same := got.Story == first.Story; same != tt.same {
				t.Errorf("%d days after the last article: same story %v, want %v", tt.days, same, tt.same)
			}
		})
	}
}

func TestClusterer_Window(t *testing.T) {
	// Memory is bounded: stories out of the window are evicted.
	c := cluster.New(cluster.Config{Window: 24 * time.Hour})
	for i := range 3000 {
		c.Add(art(fmt.Sprintf("w%d", i), i/10, fmt.Sprintf("Story number %d", i), fmt.Sprintf("Unique words token%d token%dx", i, i)), cluster.Hint{})
	}
	if n := c.Len(); n > 1100 {
		t.Errorf("%d live stories with a one-day window and 10 articles a day, want ≤ 1100", n)
	}
}

func TestTimeOf(t *testing.T) {
	ing := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    news.Article
		want time.Time
	}{
		{"published", news.Article{Published: news.Time{T: pub, Precision: news.PrecisionMinute}, Ingested: ing}, pub},
		{"day", news.Article{Published: news.Time{T: pub, Precision: news.PrecisionDay}, Ingested: ing}, pub},
		{"month only", news.Article{Published: news.Time{T: pub, Precision: news.PrecisionMonth}, Ingested: ing}, ing},
		{"unknown", news.Article{Ingested: ing}, ing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cluster.TimeOf(&tt.a); !got.Equal(tt.want) {
				t.Errorf("TimeOf = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStoryID(t *testing.T) {
	got := cluster.StoryID("article-1")
	if len(got) != 13 || got[0] != 's' || got != cluster.StoryID("article-1") || got == cluster.StoryID("article-2") {
		t.Errorf("StoryID = %q: want s + 12 hex digits, stable and distinct", got)
	}
}

// TestClusterer_Seeds: the five seed articles, read as scraped text the way
// ingest reads them, form one story.
func TestClusterer_Seeds(t *testing.T) {
	dir := evaldata.Dir(t, "seeds/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed files: %v, %v", files, err)
	}
	ingested := time.Date(2024, 1, 27, 0, 0, 0, 0, time.UTC)
	c := cluster.New(cluster.Config{})
	stories := map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := extract.Text(string(raw), extract.Hints{}, extract.TextOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		a := &news.Article{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Title: lang.Normalize(res.Title),
			Text: lang.Normalize(res.Text), Published: res.Published, Ingested: ingested}
		as := c.Add(a, cluster.Hint{})
		stories[as.Story] = true
		t.Logf("%s → %s (new %v, similarity %.3f)", a.ID, as.Story, as.New, as.Similarity)
	}
	live := map[string]bool{}
	for s := range stories {
		live[c.Resolve(s)] = true
	}
	if len(live) != 1 {
		t.Errorf("seeds form %d stories, want 1", len(live))
	}
}

func FuzzClusterer_Add(f *testing.F) {
	f.Add("Dam breach floods Ostrava valley", "A dam on the Morava river burst, flooding 1,200 homes.", 0)
	f.Add("", "Lindsay Grey checks into rehab\nMay 3, 2013\nThe actor checked in.", 3)
	f.Add("É", "’’.. ,1,2 ÀÉ Ü's 3.5 \n\n", -5)
	f.Fuzz(func(t *testing.T, title, text string, days int) {
		c := cluster.New(cluster.Config{})
		for i := range 3 {
			a := art(fmt.Sprintf("f%d", i), days+i, title, text)
			as := c.Add(a, cluster.Hint{})
			if as.Story == "" || as.Article != a.ID {
				t.Fatalf("Add gave %+v", as)
			}
			if as.Similarity < 0 || as.Similarity > 1+1e-9 {
				t.Fatalf("similarity %v out of [0, 1]", as.Similarity)
			}
			if c.StoryOf(a.ID) != c.Resolve(as.Story) {
				t.Fatalf("StoryOf(%s) = %q, want %q", a.ID, c.StoryOf(a.ID), c.Resolve(as.Story))
			}
		}
	})
}

func TestClusterer_MaxStories(t *testing.T) {
	c := cluster.New(cluster.Config{MaxStories: 100})
	for i := range 1000 {
		c.Add(art(fmt.Sprintf("x%d", i), 0, fmt.Sprintf("Headline token%d", i), fmt.Sprintf("Words word%d other%d", i, i)), cluster.Hint{})
		if n := c.Len(); n > 101 {
			t.Fatalf("after %d articles %d live stories, want ≤ 101", i+1, n)
		}
	}
}

func TestClusterer_Undated(t *testing.T) {
	// An archive ingested years later: the undated report of the same
	// event must not look years newer than the dated ones around it.
	c := cluster.New(cluster.Config{})
	first := c.Add(dam1, cluster.Hint{})
	c.Add(dam2, cluster.Hint{})
	undated := &news.Article{ID: "dam-undated", Title: dam3.Title, Text: dam3.Text,
		Ingested: base.AddDate(3, 0, 0)}
	if got := c.Add(undated, cluster.Hint{}); got.Story != first.Story {
		t.Errorf("undated report ingested 3 years later went to %s, want the dated story %s", got.Story, first.Story)
	}
	// A dated article still decays: the year-later breach is another story.
	if got := c.Add(damLater, cluster.Hint{}); got.Story == first.Story {
		t.Errorf("a breach 400 days later joined the first story")
	}
}
