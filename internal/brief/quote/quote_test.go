package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestParseSource(t *testing.T) {
	tests := []struct {
		src, full, role string
		ok              bool
	}{
		{"Finance spokeswoman Jane Doe", "Jane Doe", "Finance spokeswoman", true},
		{"Jane Doe, a former adviser to the council", "Jane Doe", "former adviser to the council", true},
		{"Northland President Ivan Petrov", "Ivan Petrov", "Northland President", true},
		{"Doe", "Doe", "", true},
		{"Doe's office", "Doe", "", true},
		{"the ministry", "", "", false},
		{"two officials close to Jane Doe", "", "", false},
		{"he", "", "", false},
		{"NATO", "", "", false},
		{"The Daily Ledger", "", "", false},
		{"Foreign Secretary", "", "", false},
		{"Doe's spokesman", "", "", false},
		{"Actress Mira Sol", "Mira Sol", "Actress", true},
		{"a spokesman for Prime Minister Ivan Petrov", "", "", false},
		{"the company's chief executive, Lena Park", "Lena Park", "company's chief executive", true},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			p, ok := parseSource(tt.src)
			if ok != tt.ok || p.Full != tt.full || p.Role != tt.role {
				t.Errorf("parseSource(%q) = %q, %q, %v; want %q, %q, %v", tt.src, p.Full, p.Role, ok, tt.full, tt.role, tt.ok)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	canon := "We will not raise taxes this year, whatever happens."
	tests := []struct {
		name, text, want string
	}{
		{"identical but for marks", "We will not raise taxes this year — whatever happens", ""},
		{"shortened", "We will not raise taxes this year", "shortened"},
		{"extended", "We will not raise taxes this year, whatever happens, and we mean it.", "extended"},
		{"brackets and reworded", "[The government] will not raise taxes in the current year, whatever happens.", "brackets, reworded"},
		{"paraphrase", "Taxes stay where they are this year whatever may happen, we promise.", "paraphrase"},
	}
	c := featuresOf(canon)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diff(tt.text, featuresOf(tt.text), canon, c); got != tt.want {
				t.Errorf("diff = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLCS(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a b c d", "a c d", 3},
		{"a b c", "x y z", 0},
		{"", "a", 0},
		{"a b a b", "b a b a", 3},
	}
	for _, tt := range tests {
		if got := lcs(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("lcs(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// fixture is an invented story: one quote in three wordings, a quote only
// one article carries, and a second speaker.
var fixture = []*news.Article{
	{ID: "a1", Text: "Finance spokeswoman Jane Doe spoke on Monday.\n\n" +
		"“We will not raise taxes this year, whatever happens,” she said.\n\n" +
		"Opposition leader Omar Feld called the plan reckless. “It will empty the reserves by winter,” Feld said."},
	{ID: "a2", Text: "The ministry held a briefing.\n\n" +
		"“We will not raise taxes this year,” Doe told reporters.\n\n" +
		"“The reserves are sound and the budget balances,” she added."},
	{ID: "a3", Text: "Jane Doe, the ministry's spokeswoman, faced questions.\n\n" +
		"“[The government] will not raise taxes in the current year, whatever happens,” Doe said."},
}

func TestExtract_GroupsVariants(t *testing.T) {
	quotes := Extract(fixture)
	if len(quotes) == 0 {
		t.Fatal("Extract found no quotes")
	}
	q := quotes[0]
	if got, want := strings.Join(q.Articles, ","), "a1,a2,a3"; got != want {
		t.Fatalf("first quote articles = %s, want %s (quote %+v)", got, want, q)
	}
	if q.Speaker != "Jane Doe" {
		t.Errorf("speaker = %q, want Jane Doe", q.Speaker)
	}
	if q.Role != "Finance spokeswoman" {
		t.Errorf("role = %q, want Finance spokeswoman", q.Role)
	}
	wantDiff := map[string]string{"a1": "", "a2": "shortened", "a3": "brackets, reworded"}
	if len(q.Variants) != 3 {
		t.Fatalf("variants = %+v, want 3", q.Variants)
	}
	for _, v := range q.Variants {
		if v.Diff != wantDiff[v.Article] {
			t.Errorf("variant of %s: diff %q, want %q", v.Article, v.Diff, wantDiff[v.Article])
		}
	}
	// The other quotes stay apart, each with its own speaker.
	speakers := map[string]string{}
	for _, q := range quotes[1:] {
		if len(q.Articles) != 1 {
			t.Errorf("quote %q has articles %v, want one", q.Text, q.Articles)
		}
		speakers[q.Text] = q.Speaker
	}
	if got := speakers["It will empty the reserves by winter,"]; got != "Omar Feld" {
		t.Errorf("speaker of the opposition quote = %q, want Omar Feld", got)
	}
	if got := speakers["The reserves are sound and the budget balances,"]; got != "Jane Doe" {
		t.Errorf("speaker of the added quote = %q, want Jane Doe", got)
	}
}

func TestFind_Resolve(t *testing.T) {
	art := fixture[1]
	ms, resolve := Find(art)
	if len(ms) != 2 {
		t.Fatalf("Find = %d mentions, want 2", len(ms))
	}
	for _, m := range ms {
		if m.Speaker != "Doe" || !m.Person {
			t.Errorf("mention %q: speaker %q (person %v), want Doe", m.Text, m.Speaker, m.Person)
		}
	}
	she := strings.Index(art.Text, "she added")
	if got := resolve(news.Span{Start: she, End: she + len("she")}); got != "Doe" {
		t.Errorf("resolve(she) = %q, want Doe", got)
	}
}

func BenchmarkExtract(b *testing.B) {
	for range b.N {
		Extract(fixture)
	}
}

func TestNames_ByRole(t *testing.T) {
	n := newNames()
	n.add(person{Full: "Ivan Petrov", Last: "petrov", Role: "Northland Foreign Secretary"})
	n.add(person{Full: "Lena Park", Last: "park", Role: "museum director"})
	n.add(person{Full: "Omar Feld", Last: "feld", Role: "opposition leader"})
	tests := []struct{ src, want string }{
		{"the Foreign Secretary", "Ivan Petrov"},
		{"the director", "Lena Park"},
		{"the leader", "Omar Feld"},
		{"the minister", ""},
		{"the angry director", ""},
	}
	for _, tt := range tests {
		got, _, ok := n.byRole(tt.src)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("byRole(%q) = %q, %v; want %q", tt.src, got, ok, tt.want)
		}
	}
	n.add(person{Full: "Ada Merino", Last: "merino", Role: "deputy director"})
	if got, _, ok := n.byRole("the director"); ok {
		t.Errorf("byRole with two directors = %q, want none", got)
	}
}

func TestExtract_UnnamedSourcesDoNotBridgeSpeakers(t *testing.T) {
	arts := []*news.Article{
		{ID: "b1", Text: "“The harbour will stay closed until the storm passes,” Mayor Lina Vostrikova said."},
		{ID: "b2", Text: "“The harbour will stay closed until the storm passes,” officials said."},
		{ID: "b3", Text: "“The harbour will stay closed until the storm passes and the pier is safe,” harbour master Omar Feld said."},
	}
	for _, q := range Extract(arts) {
		var speakers []string
		for _, a := range q.Articles {
			if a == "b1" || a == "b3" {
				speakers = append(speakers, a)
			}
		}
		if len(speakers) == 2 {
			t.Errorf("quote %q joins the mayor's and the harbour master's words: %v", q.Text, q.Articles)
		}
	}
}

func TestFind_PronounAfterUnnamedRole(t *testing.T) {
	art := &news.Article{ID: "c1", Text: "The singer entered a clinic, her publicist confirmed.\n\n“We ask for privacy,” he said."}
	ms, _ := Find(art)
	if len(ms) != 1 {
		t.Fatalf("Find = %d mentions, want 1", len(ms))
	}
	if ms[0].Speaker != "her publicist" || ms[0].Person {
		t.Errorf("speaker = %q (person %v), want her publicist", ms[0].Speaker, ms[0].Person)
	}
}

func TestJoinQuoted(t *testing.T) {
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{[]string{"No decision has been taken,", "The bridge is safe."}, "No decision has been taken. The bridge is safe."},
		{[]string{"I think,", "we should wait."}, "I think, we should wait."},
		{[]string{"It is over,”", "“We go on."}, "It is over.” “We go on."},
		{[]string{"Only one,"}, "Only one,"},
	} {
		if got := joinQuoted(tt.parts); got != tt.want {
			t.Errorf("joinQuoted(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}
