package extract

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// The -update flag rewrites golden files. html_test.go in this package
// may register it too; package variables are initialised before init
// functions run, so whichever file declares it first, the flag exists
// once.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

// updating reports whether -update was given.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// textGolden is the expectation for one invented article in
// testdata/text. The metadata and the first and last body sentences are
// rewritten by -update; Gone and Kept are written by hand and kept.
type textGolden struct {
	Title         string   `json:"title"`
	Author        string   `json:"author"`
	Source        string   `json:"source"`
	URL           string   `json:"url"`
	Published     string   `json:"published"`
	FirstSentence string   `json:"first_sentence"`
	LastSentence  string   `json:"last_sentence"`
	Gone          []string `json:"gone"` // furniture that must not reach the body
	Kept          []string `json:"kept"` // body text that must survive
}

func TestText_Fixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 6 {
		t.Fatalf("found %d fixtures, want at least 6", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Text(string(raw), Hints{}, TextOptions{})
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			got := textGolden{
				Title:         res.Title,
				Author:        res.Author,
				Source:        res.Source,
				URL:           res.URL,
				Published:     res.Published.String(),
				FirstSentence: firstSentence(res.Text),
				LastSentence:  lastSentence(res.Text),
			}
			goldenPath := strings.TrimSuffix(file, ".txt") + ".golden.json"
			var want textGolden
			if b, err := os.ReadFile(goldenPath); err == nil {
				if err := json.Unmarshal(b, &want); err != nil {
					t.Fatalf("read %s: %v", goldenPath, err)
				}
			} else if !updating() {
				t.Fatalf("no golden file: %v (run with -update)", err)
			}
			if updating() {
				got.Gone, got.Kept = want.Gone, want.Kept
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(goldenPath, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				want = got
			}
			if os.Getenv("TEXT_DEBUG") != "" {
				t.Logf("body:\n%s\nremoved:\n%s", res.Text, strings.Join(res.Removed, "\n"))
			}
			checks := []struct{ field, got, want string }{
				{"title", got.Title, want.Title},
				{"author", got.Author, want.Author},
				{"source", got.Source, want.Source},
				{"url", got.URL, want.URL},
				{"published", got.Published, want.Published},
				{"first sentence", got.FirstSentence, want.FirstSentence},
				{"last sentence", got.LastSentence, want.LastSentence},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			for _, s := range want.Gone {
				if strings.Contains(res.Text, s) {
					t.Errorf("body keeps furniture %q", s)
				}
			}
			for _, s := range want.Kept {
				if !strings.Contains(res.Text, s) {
					t.Errorf("body lost %q", s)
				}
			}
			if len(want.Gone) == 0 || len(want.Kept) == 0 {
				t.Errorf("golden file lists no gone or kept strings")
			}
		})
	}
}

// sentences splits text at sentence ends followed by a capital or an
// opening quote; good enough for the fixtures' own prose.
func sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		start := 0
		rs := []rune(para)
		for i := 0; i < len(rs); i++ {
			if !strings.ContainsRune(".!?", rs[i]) {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune("\"”’)", rs[j]) {
				j++
			}
			if j+1 < len(rs) && rs[j] == ' ' && (unicode.IsUpper(rs[j+1]) || strings.ContainsRune("\"“", rs[j+1])) {
				out = append(out, strings.TrimSpace(string(rs[start:j])))
				start = j + 1
				i = j
			}
		}
		if s := strings.TrimSpace(string(rs[start:])); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func firstSentence(text string) string {
	if s := sentences(text); len(s) > 0 {
		return s[0]
	}
	return ""
}

func lastSentence(text string) string {
	if s := sentences(text); len(s) > 0 {
		return s[len(s)-1]
	}
	return ""
}

func TestText_Errors(t *testing.T) {
	for _, in := range []string{"", "   \n\t\r\n  ", "\uFEFF", "\uFEFF \r\n"} {
		t.Run(strings.ToValidUTF8(in, "?"), func(t *testing.T) {
			_, err := Text(in, Hints{}, TextOptions{})
			if !errors.Is(err, news.ErrEmpty) {
				t.Errorf("Text(%q) error = %v, want news.ErrEmpty", in, err)
			}
		})
	}
	t.Run("only furniture", func(t *testing.T) {
		_, err := Text("Subscribe\nShare this article\n* indicates required\n", Hints{}, TextOptions{})
		if !errors.Is(err, news.ErrEmpty) {
			t.Errorf("error = %v, want news.ErrEmpty", err)
		}
	})
}

// para is an ordinary body paragraph used by the small cases below.
const para = "The city council approved the budget on Tuesday after a long debate about the cost of repairing the old bridge over the river."

func TestText_Cases(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		h         Hints
		title     string
		author    string
		published string
		source    string
		url       string
		body      string // the whole expected body, when set
		keep      []string
		gone      []string
	}{
		{
			name:  "markdown heading",
			in:    "# Bridge budget approved\n\n" + para + "\n",
			title: "Bridge budget approved",
			body:  para,
		},
		{
			name:  "setext heading",
			in:    "Bridge budget approved\n======================\n\n" + para + "\n",
			title: "Bridge budget approved",
			body:  para,
		},
		{
			name:  "all caps title",
			in:    "BRIDGE BUDGET APPROVED AFTER LONG DEBATE\n\n" + para + "\n",
			title: "BRIDGE BUDGET APPROVED AFTER LONG DEBATE",
			body:  para,
		},
		{
			name:  "no title",
			in:    para + "\n\n" + para + " It was the third vote this year.\n",
			title: "",
			keep:  []string{"It was the third vote this year."},
		},
		{
			name:  "crlf and bom",
			in:    "\uFEFFBridge budget approved\r\n\r\nBy Jo Park\r\n\r\n" + para + "\r\n",
			title: "Bridge budget approved", author: "Jo Park",
			body: para,
		},
		{
			name:  "markdown links reduced",
			in:    "Bridge budget approved\n\nThe [city council](https://example.org/council) approved the budget on Tuesday after a long [debate](#) about the bridge.\n",
			title: "Bridge budget approved",
			body:  "The city council approved the budget on Tuesday after a long debate about the bridge.",
		},
		{
			name:      "hints win",
			in:        "Bridge budget approved\n\nBy Jo Park\nMay 2, 2024\n\n" + para + "\n",
			h:         Hints{Title: "Hinted", Author: "Hinted Author", Source: "Hinted Source", URL: "https://example.org/a", Published: news.Time{T: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionYear}},
			title:     "Hinted",
			author:    "Hinted Author",
			published: "2020",
			source:    "Hinted Source",
			url:       "https://example.org/a",
			body:      para,
		},
		{
			name:   "source from hinted url",
			in:     "Bridge budget approved\n\n" + para + "\n",
			h:      Hints{URL: "https://www.thecitytimes.example/2024/bridge"},
			title:  "Bridge budget approved",
			source: "The City Times",
			url:    "https://www.thecitytimes.example/2024/bridge",
			body:   para,
		},
		{
			name:      "month precision date line",
			in:        "Bridge budget approved\nDecember 2023\n\n" + para + "\n",
			title:     "Bridge budget approved",
			published: "2023-12",
			body:      para,
		},
		{
			name:  "subscribers and members survive",
			in:    "Streaming service grows\n\nThe company said it added two million subscribers in the quarter, and that members of its premium plan watched more live sport.\n\nSubscribe to our newsletter\n",
			title: "Streaming service grows",
			body:  "The company said it added two million subscribers in the quarter, and that members of its premium plan watched more live sport.",
		},
		{
			name:  "a sentence that starts with By is not a byline",
			in:    "Troops pull back\n\nBy Christmas, the army had pulled back from the town, residents said on Friday after a week of fighting.\n",
			title: "Troops pull back", author: "",
			body: "By Christmas, the army had pulled back from the town, residents said on Friday after a week of fighting.",
		},
		{
			name:  "hard-wrapped paragraph joined",
			in:    "Bridge budget approved\n\nThe city council approved the budget on Tuesday after a long\ndebate about the cost of repairing the old bridge.\n",
			title: "Bridge budget approved",
			body:  "The city council approved the budget on Tuesday after a long debate about the cost of repairing the old bridge.",
		},
		{
			name:  "quote-only line kept",
			in:    "Bridge budget approved\n\n" + para + "\n\n\"It is about time.\"\n\n" + para + "\n",
			title: "Bridge budget approved",
			keep:  []string{"\"It is about time.\""},
		},
		{
			name: "prose that names furniture words survives",
			in: "Platforms remove video\n\nBy JANE ROE, ASSOCIATED PRESS\n9:15 AM EST, Mon March 3, 2025\n\n" +
				"Facebook, Twitter and Instagram removed the video after it was shared widely on Monday, the companies said.\n\n" +
				"We must protect our members' rights before the vote, and we must do it now, whatever the cost to the union and its allies.\n\n" +
				"The photo, taken in 1945, shows soldiers crossing the river at dawn.\n\nTwitter said it would comply.\n\nAdvertisement\n\n" +
				"\"We are going to win,\" said the coach, \"and our fans know it.\"\n",
			title: "Platforms remove video", author: "JANE ROE", published: "2025-03-03T09:15:00-05:00",
			keep: []string{"removed the video after it was shared", "our members' rights", "The photo, taken in 1945", "our fans know it", "Twitter said it would comply."},
			gone: []string{"Advertisement", "ASSOCIATED PRESS"},
		},
		{
			name: "short closing paragraph after an advertisement",
			in: "Bridge reopens after repairs\n\nThe old bridge over the river reopened to traffic on Monday after eight months of repairs that cost the city about 3 million dollars, officials said.\n\n" +
				"Drivers had used a long detour through the industrial area while the deck was replaced.\n\nAdvertisement\n\n" +
				"The speed limit on the bridge is 30 km/h.\n\nShare this article\nFacebook\nEmail\n",
			title: "Bridge reopens after repairs",
			keep:  []string{"The speed limit on the bridge is 30 km/h."},
			gone:  []string{"Advertisement", "Share this", "Facebook", "Email"},
		},
		{
			name: "feed of other stories without a heading",
			in: "Port strike ends after three weeks\n\nJanuary 5, 2025\n\n" +
				"Dock workers at the port returned to work on Sunday after union leaders and employers agreed on a new contract that raises wages by 12 percent.\n\n" +
				"Both sides said the agreement would be signed formally next week.\n\n" +
				"2 hours ago\nMayor announces new budget for road repairs in the spring.\n\n" +
				"5 hours ago\nPolice close main street after water pipe bursts near the station.\n\n" +
				"Copyright © 2025 Coastline Media Ltd. All rights reserved.\n",
			title: "Port strike ends after three weeks", published: "2025-01-05", source: "Coastline Media Ltd",
			keep: []string{"signed formally next week."},
			gone: []string{"hours ago", "Mayor announces", "Police close", "Copyright"},
		},
		{
			name: "live blog entries under time stamps are kept",
			in: "Live: election night results\n\n21:05\nPolls have closed across the country and counting has begun in all 300 districts, the electoral commission said.\n\n" +
				"21:40\nFirst results from the northern districts show the governing party ahead, but turnout appears lower than four years ago.\n\n" +
				"22:50\nWith a third of the votes counted, the two main parties are separated by less than two points.\n",
			title: "Live: election night results",
			keep:  []string{"Polls have closed", "First results from the northern districts", "With a third of the votes counted"},
		},
		{
			name:  "copyright names the outlet",
			in:    "Bridge budget approved\n\n" + para + "\n\n© 2024 Riverside Chronicle Media. All rights reserved.\n",
			title: "Bridge budget approved", source: "Riverside Chronicle Media",
			body: para,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.in, tt.h, TextOptions{})
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			checks := []struct{ field, got, want string }{
				{"title", res.Title, tt.title},
				{"author", res.Author, tt.author},
				{"published", res.Published.String(), tt.published},
				{"source", res.Source, tt.source},
				{"url", res.URL, tt.url},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			if tt.body != "" && res.Text != tt.body {
				t.Errorf("body =\n%q\nwant\n%q", res.Text, tt.body)
			}
			for _, s := range tt.keep {
				if !strings.Contains(res.Text, s) {
					t.Errorf("body lost %q:\n%s", s, res.Text)
				}
			}
			for _, s := range tt.gone {
				if strings.Contains(res.Text, s) {
					t.Errorf("body keeps %q", s)
				}
			}
		})
	}
}

func TestText_Repeated(t *testing.T) {
	const banner = "Tune in to the Morning Show with Dee Kay every weekday"
	// The banner sits between two paragraphs, where a sentence-like line
	// is kept unless the outlet's other articles repeat it.
	mid := "Bridge budget approved\n\n" + para + "\n\n" + banner + ".\n\n" + para + " More follows.\n"
	idx := NewLineIndex(100)
	res, err := Text(mid, Hints{}, TextOptions{Repeated: idx.Repeated("Acme")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, banner) {
		t.Fatalf("banner dropped before the outlet repeats it:\n%s", res.Text)
	}
	idx.Observe("Acme", "Other story\n\n"+banner+".\n")
	idx.Observe("Acme", "Third story\n\n"+banner+".\n")
	res, err = Text(mid, Hints{}, TextOptions{Repeated: idx.Repeated("Acme")})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Text, banner) {
		t.Errorf("banner kept although two other articles of the outlet carry it:\n%s", res.Text)
	}
	// Another outlet's index says nothing about this one.
	res, err = Text(mid, Hints{}, TextOptions{Repeated: idx.Repeated("Other")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, banner) {
		t.Errorf("banner dropped on another outlet's counts")
	}
}

func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("# T\n\n[a](b) ![c](d) <https://x.example/y>\n\n* indicates required\n")
	f.Add("by A B January 26, 2024 2:41 PM 2 min read\r\n\r\nOriginal url:\n<https://x.example>")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := Text(in, Hints{}, TextOptions{})
		if err != nil && !errors.Is(err, news.ErrEmpty) {
			t.Fatalf("Text error %v does not wrap news.ErrEmpty", err)
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("body is not valid UTF-8: %q", res.Text)
		}
		// The body is made of the input's own lines: never longer than the
		// decoded input plus the blank lines put between paragraphs.
		limit := len(normalizeText(in)) + strings.Count(in, "\n") + strings.Count(in, "\r") + 8
		if len(res.Text) > limit {
			t.Fatalf("body of %d bytes from %d bytes of input", len(res.Text), len(in))
		}
	})
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	var inputs []string
	size := 0
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, in := range inputs {
			if _, err := Text(in, Hints{}, TextOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
