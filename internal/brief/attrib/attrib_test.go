package attrib

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// rel is the readable form of a relation the tests compare.
type rel struct {
	source, verb, content string
	direct, denial, anon  bool
}

func readable(text string, r Relation) rel {
	return rel{
		source:  r.SourceText,
		verb:    r.Verb,
		content: text[r.Content.Start:r.Content.End],
		direct:  r.Direct,
		denial:  r.Denial,
		anon:    r.Anonymous,
	}
}

func TestFind_Patterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []rel
	}{
		{
			name: "said that",
			text: "Mayor Lina Vostrikova said that the bridge would reopen in May.",
			want: []rel{{source: "Mayor Lina Vostrikova", verb: "say", content: "that the bridge would reopen in May"}},
		},
		{
			name: "said without that, adverb and time",
			text: "The harbour authority also said on Tuesday it had closed two piers.",
			want: []rel{{source: "The harbour authority", verb: "say", content: "it had closed two piers"}},
		},
		{
			name: "clause then source and cue",
			text: "The ferry will resume next week, the operator said.",
			want: []rel{{source: "the operator", verb: "say", content: "The ferry will resume next week"}},
		},
		{
			name: "curly quote then inverted cue",
			text: "“We are ready to talk,” said Omar Feld, the union’s negotiator.",
			want: []rel{{source: "Omar Feld, the union’s negotiator", verb: "say", content: "“We are ready to talk,”", direct: true}},
		},
		{
			name: "straight quote then source and cue",
			text: `"The figures are wrong," Treasury spokeswoman Ada Merino told reporters on Friday.`,
			want: []rel{{source: "Treasury spokeswoman Ada Merino", verb: "tell", content: `"The figures are wrong,"`, direct: true, denial: true}},
		},
		{
			name: "according to first",
			text: "According to the Valmont Herald, the deal was signed in March.",
			want: []rel{{source: "the Valmont Herald", verb: "according to", content: "the deal was signed in March"}},
		},
		{
			name: "according to last",
			text: "The deal was signed in March, according to two people familiar with the talks.",
			want: []rel{{source: "two people familiar with the talks", verb: "according to", content: "The deal was signed in March", anon: true}},
		},
		{
			name: "citing",
			text: "The Northern Courier, citing unnamed officials, reported that the minister would resign.",
			want: []rel{
				{source: "The Northern Courier", verb: "report", content: "that the minister would resign"},
				{source: "unnamed officials", verb: "cite", content: "that the minister would resign", anon: true},
			},
		},
		{
			name: "told with recipient",
			text: "Kofi Brandt told the parliament that taxes would not rise.",
			want: []rel{{source: "Kofi Brandt", verb: "tell", content: "that taxes would not rise"}},
		},
		{
			name: "denied",
			text: "The ministry denied reports that it had sold the land.",
			want: []rel{{source: "The ministry", verb: "deny", content: "reports that it had sold the land", denial: true}},
		},
		{
			name: "called false",
			text: "Ms. Ilves called the report “completely false.”",
			want: []rel{{source: "Ms. Ilves", verb: "call", content: "the report “completely false.”", denial: true}},
		},
		{
			name: "split quote",
			text: "“The plan is sound,” she said, “and we will defend it.”",
			want: []rel{{source: "she", verb: "say", content: "“The plan is sound,” she said, “and we will defend it.”", direct: true}},
		},
		{
			name: "multi-sentence quote and continuation",
			text: "“Prices rose. Wages did not,” Ana Ruiz said.\n\n“That is the problem.”",
			want: []rel{
				{source: "Ana Ruiz", verb: "say", content: "“Prices rose. Wages did not,”", direct: true},
				{source: "Ana Ruiz", verb: "say", content: "“That is the problem.”", direct: true},
			},
		},
		{
			name: "colon then quote",
			text: "The coach said: “We lost our focus.”",
			want: []rel{{source: "The coach", verb: "say", content: "“We lost our focus.”", direct: true}},
		},
		{
			name: "reportedly is a hedge",
			text: "The singer reportedly left the band in June.",
			want: nil,
		},
		{
			name: "passive said to is no attribution",
			text: "The general was said to have fled the capital.",
			want: nil,
		},
		{
			name: "noun report is no cue",
			text: "A new report from the agency shows rising prices.",
			want: nil,
		},
		{
			name: "call for is no cue",
			text: "The senator called for calm after the vote.",
			want: nil,
		},
		{
			name: "anonymous official",
			text: "An official who asked not to be named said the talks had stalled.",
			want: []rel{{source: "An official who asked not to be named", verb: "say", content: "the talks had stalled", anon: true}},
		},
		{
			name: "appositive source",
			text: "Rosa Dahl, a former adviser to the council, said the vote was rigged.",
			want: []rel{{source: "Rosa Dahl, a former adviser to the council", verb: "say", content: "the vote was rigged"}},
		},
		{
			name: "two apostrophes as quotation marks",
			text: "''The ferry is late again,'' Mr. Oduya said.",
			want: []rel{{source: "Mr. Oduya", verb: "say", content: "''The ferry is late again,''", direct: true}},
		},
		{
			name: "title-case headline",
			text: "Mayor Says She Will Not Run Again",
			want: []rel{{source: "Mayor", verb: "say", content: "She Will Not Run Again"}},
		},
		{
			name: "relative pronoun takes its antecedent",
			text: "The talks were led by Interior Minister Ravi Sandhu, who said the camp would close.",
			want: []rel{{source: "Interior Minister Ravi Sandhu", verb: "say", content: "the camp would close"}},
		},
		{
			name: "parenthesis between source and cue",
			text: "Senator Ama Osei (D-Ore.) told reporters that the bill was dead.",
			want: []rel{{source: "Senator Ama Osei", verb: "tell", content: "that the bill was dead"}},
		},
		{
			name: "question closing its sentence before the attribution",
			text: "“Is it over?” the coach asked.",
			want: []rel{{source: "the coach", verb: "ask", content: "“Is it over?”", direct: true}},
		},
		{
			name: "colon after any verb",
			text: "She then turned to the crowd: “We will win this.”",
			want: []rel{{source: "She", verb: ":", content: "“We will win this.”", direct: true}},
		},
		{
			name: "continued after the quotation",
			text: "“And there is more,” he continued.",
			want: []rel{{source: "he", verb: "continue", content: "“And there is more,”", direct: true}},
		},
		{
			name: "phrase between cue and quotation",
			text: "Pell joked, again in a mock accent, “Come on up!”",
			want: []rel{{source: "Pell", verb: "joke", content: "“Come on up!”", direct: true}},
		},
		{
			name: "appositive opened by a role",
			text: "Lena Park, director of the museum, said the roof leaked.",
			want: []rel{{source: "Lena Park, director of the museum", verb: "say", content: "the roof leaked"}},
		},
		{
			name: "quote split by its attribution over sentences",
			text: "“Rents doubled,” said Ivo Brandt. “Nobody can stay.”",
			want: []rel{{source: "Ivo Brandt", verb: "say", content: "“Rents doubled,” said Ivo Brandt. “Nobody can stay.”", direct: true}},
		},
		{
			name: "colon ending the sentence before the quotation",
			text: "The coach told the team:\n\n“We lost our focus.”",
			want: []rel{{source: "The coach", verb: "tell", content: "“We lost our focus.”", direct: true}},
		},
		{
			name: "colon with nothing after",
			text: "The coach told the team:",
			want: nil,
		},
		{
			name: "headline speaker tag",
			text: "Vostrikova: Pier Will Reopen in May",
			want: []rel{{source: "Vostrikova", verb: ":", content: "Pier Will Reopen in May"}},
		},
		{
			name: "transcript speaker tag",
			text: "HOST: Do you trust the figures?",
			want: []rel{{source: "HOST", verb: ":", content: "Do you trust the figures?"}},
		},
		{
			name: "label is no speaker",
			text: "Update: The pier reopened on Friday.",
			want: nil,
		},
		{
			name: "finding in a poll",
			text: "In a new Courier poll, most voters backed the pier.",
			want: []rel{{source: "a new Courier poll", verb: "in", content: "most voters backed the pier"}},
		},
		{
			name: "statement after a cue is no poll",
			text: "The mayor said in a statement that the pier would reopen.",
			want: []rel{{source: "The mayor", verb: "say", content: "that the pier would reopen"}},
		},
		{
			name: "outlet whose name ends in News",
			text: "“He was turned down,” Valley News reported.",
			want: []rel{{source: "Valley News", verb: "report", content: "“He was turned down,”", direct: true}},
		},
		{
			name: "attribution interrupting its content",
			text: "The economy, she said, is growing again.",
			want: []rel{{source: "she", verb: "say", content: "The economy, she said, is growing again"}},
		},
		{
			name: "quotation in the sentence after the cue",
			text: "Ana Ruiz said in a statement. “There are no ballots to recount.”",
			want: []rel{{source: "Ana Ruiz", verb: "say", content: "“There are no ballots to recount.”", direct: true}},
		},
		{
			name: "relative that",
			text: "The page showed a message that said, “Sorry, the item is gone.”",
			want: []rel{{source: "a message", verb: "say", content: "“Sorry, the item is gone.”", direct: true}},
		},
		{
			name: "by and a participle",
			text: "Ruiz ended the rumours by tweeting that she would stay.",
			want: []rel{{source: "Ruiz", verb: "tweet", content: "that she would stay"}},
		},
		{
			name: "relation reported by another source",
			text: "The ministry denied the report, the Courier reported.",
			want: []rel{
				{source: "The ministry", verb: "deny", content: "the report", denial: true},
				{source: "the Courier", verb: "report", content: "The ministry denied the report"},
			},
		},
		{
			name: "continuation after an according-to wrapper",
			text: "“Rents doubled,” Ana Ruiz said, according to the Courier.\n\n“Nobody can stay.”",
			want: []rel{
				{source: "Ana Ruiz", verb: "say", content: "“Rents doubled,”", direct: true},
				{source: "the Courier", verb: "according to", content: "“Rents doubled,” Ana Ruiz said"},
				{source: "Ana Ruiz", verb: "say", content: "“Nobody can stay.”", direct: true},
			},
		},
		{
			name: "quoted as saying",
			text: `The envoy was quoted as saying that "no deal is near."`,
			want: []rel{{source: "The envoy", verb: "say", content: `that "no deal is near."`, direct: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels := Find(tt.text, nil)
			var got []rel
			for _, r := range rels {
				got = append(got, readable(tt.text, r))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find = %d relations %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("relation %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFind_SplitQuoteParts(t *testing.T) {
	text := "“The plan is sound,” she said, “and we will defend it.”"
	rels := Find(text, nil)
	if len(rels) != 1 {
		t.Fatalf("Find = %d relations, want 1", len(rels))
	}
	r := rels[0]
	if len(r.Parts) != 2 || len(r.Quotes) != 2 {
		t.Fatalf("Parts = %v, Quotes = %v, want 2 of each", r.Parts, r.Quotes)
	}
	if got, want := text[r.Quotes[0].Start:r.Quotes[0].End], "The plan is sound,"; got != want {
		t.Errorf("first quote = %q, want %q", got, want)
	}
	if got, want := text[r.Quotes[1].Start:r.Quotes[1].End], "and we will defend it."; got != want {
		t.Errorf("second quote = %q, want %q", got, want)
	}
}

func TestFind_Via(t *testing.T) {
	text := "Prices will rise again, the Daily Ledger reported, citing two bankers."
	rels := Find(text, nil)
	if len(rels) == 0 {
		t.Fatal("Find found nothing")
	}
	if got, want := rels[0].SourceText, "the Daily Ledger"; got != want {
		t.Errorf("source = %q, want %q", got, want)
	}
	if got, want := rels[0].ViaText, "two bankers"; got != want {
		t.Errorf("via = %q, want %q", got, want)
	}
}

func TestIsCueVerb(t *testing.T) {
	for _, w := range []string{"said", "Says", "told", "according", "reported", "citing", "claimed", "stated", "added", "denied", "refuted", "tweeted", "noting"} {
		if !IsCueVerb(w) {
			t.Errorf("IsCueVerb(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"reportedly", "allegedly", "bridge", "was", "seemingly", "found", "shows"} {
		if IsCueVerb(w) {
			t.Errorf("IsCueVerb(%q) = true, want false", w)
		}
	}
}

func TestIsDenialCue(t *testing.T) {
	for _, w := range []string{"denied", "denies", "refuted", "dismissed", "rejected", "disputes"} {
		if !IsDenialCue(w) {
			t.Errorf("IsDenialCue(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"said", "confirmed", "denial", "according"} {
		if IsDenialCue(w) {
			t.Errorf("IsDenialCue(%q) = true, want false", w)
		}
	}
}

func TestFindQuotes_Marks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly", "He said “yes” and “no”.", []string{"yes", "no"}},
		{"straight", `She said "maybe" twice.`, []string{"maybe"}},
		{"apostrophes are not quotes", "It’s the mayor’s plan, isn’t it?", nil},
		{"single curly quote", "The ‘big deal’ fell through.", []string{"big deal"}},
		{"unclosed runs to paragraph end", "“First part.\n\n“Second part.”", []string{"First part.", "Second part."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range findQuotes(tt.text) {
				got = append(got, tt.text[s.Inner.Start:s.Inner.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findQuotes = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We are ready,” said Omar Feld.",
		"According to the Herald, the deal was signed.",
		`"A," he said, "b." "C."`,
		"The ministry denied reports that it sold the land, citing",
		"“unclosed\n\n\"",
		"‘’“”\"\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, r := range Find(text, nil) {
			spans := append([]news.Span{r.Source, r.Cue, r.Content, r.Via}, r.Quotes...)
			for _, s := range append(spans, r.Parts...) {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					t.Fatalf("span %v out of text of %d bytes in %+v", s, len(text), r)
				}
			}
			if r.Cue.End <= r.Cue.Start {
				t.Fatalf("empty cue in %+v", r)
			}
		}
	})
}

// benchText is an invented article of about 2 KB in news style.
var benchText = strings.Repeat("“We will rebuild the pier before winter,” Mayor Lina Vostrikova said on Monday. "+
	"The council, she added, has no money left this year. According to two officials familiar with the talks, "+
	"the ferry company will pay half. The Northern Courier, citing unnamed sources, reported that the minister "+
	"denied any deal.\n\n“It is a fantasy,” said Omar Feld, the opposition leader. “Nobody has seen a contract.”\n\n", 5)

func BenchmarkFind(b *testing.B) {
	sents := lang.Sentences(benchText)
	b.SetBytes(int64(len(benchText)))
	for range b.N {
		Find(benchText, sents)
	}
}
