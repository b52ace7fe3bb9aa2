package lang

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// sentenceTexts returns the sentences as strings, checking on the way that
// the spans are ordered, trimmed and in bounds.
func sentenceTexts(t testing.TB, text string, spans []news.Span) []string {
	t.Helper()
	out := make([]string, 0, len(spans))
	last := 0
	for i, s := range spans {
		if s.Start < last || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %+v out of order or bounds (previous end %d, len %d)", i, s, last, len(text))
		}
		got := text[s.Start:s.End]
		if strings.TrimSpace(got) != got {
			t.Errorf("span %d %q not trimmed", i, got)
		}
		out = append(out, got)
		last = s.End
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", []string{}},
		{"blank", " \n\n \t", []string{}},
		{"one", "The ferry left.", []string{"The ferry left."}},
		{"no final punctuation", "  The ferry left  ", []string{"The ferry left"}},
		{"two", "The ferry left. It came back.", []string{"The ferry left.", "It came back."}},
		{"question and exclamation", "Why now? Nobody knows! The vote stands.", []string{"Why now?", "Nobody knows!", "The vote stands."}},
		{"u.s. before a name", "The U.S. Navy sent a ship. Officials in the U.S. agreed.",
			[]string{"The U.S. Navy sent a ship.", "Officials in the U.S. agreed."}},
		{"u.s. ending a sentence", "The ship sailed to the U.S. The crew stayed.",
			[]string{"The ship sailed to the U.S.", "The crew stayed."}},
		{"titles", "Mr. Okafor met Dr. Marsh and Gen. Alvarez. Sen. Ruiz and Gov. Tan left.",
			[]string{"Mr. Okafor met Dr. Marsh and Gen. Alvarez.", "Sen. Ruiz and Gov. Tan left."}},
		{"month before day", "The talks ended on Jan. 26 in the port. A deal followed on Dec. 3.",
			[]string{"The talks ended on Jan. 26 in the port.", "A deal followed on Dec. 3."}},
		{"number after abbreviation", "Report No. 48 found faults. It was filed in Sept. 2021.",
			[]string{"Report No. 48 found faults.", "It was filed in Sept. 2021."}},
		{"initials", "The captain, J. R. R. Dunmore, objected. He was outvoted.",
			[]string{"The captain, J. R. R. Dunmore, objected.", "He was outvoted."}},
		{"year ends a sentence", "The last service ran in 2019. Residents campaigned since.",
			[]string{"The last service ran in 2019.", "Residents campaigned since."}},
		{"percentage ends a sentence", "Fares rose 14%. Demand did not fall.",
			[]string{"Fares rose 14%.", "Demand did not fall."}},
		{"closing quote stays", "“We listened to everyone.” He paused. “Nobody got everything.”",
			[]string{"“We listened to everyone.”", "He paused.", "“Nobody got everything.”"}},
		{"quote after quote", "He called it “over.” “Nonsense,” she said.",
			[]string{"He called it “over.”", "“Nonsense,” she said."}},
		{"abbreviation-like word", "He fell ill. Doctors came at once.",
			[]string{"He fell ill.", "Doctors came at once."}},
		{"abbreviation before a sentence starter", "The firm is based in Calif. According to filings, it grew.",
			[]string{"The firm is based in Calif.", "According to filings, it grew."}},
		{"question before a quote", "Why now? “Because,” she said.",
			[]string{"Why now?", "“Because,” she said."}},
		{"straight quotes", `He said "it is over." The crowd left.`,
			[]string{`He said "it is over."`, "The crowd left."}},
		{"quote then lower-case attribution", "“Why now?” she asked. “Because it is time,” he said.",
			[]string{"“Why now?” she asked.", "“Because it is time,” he said."}},
		{"brackets", "The board agreed (after a long debate.) Work starts soon.",
			[]string{"The board agreed (after a long debate.)", "Work starts soon."}},
		{"p.m. then pronoun", "The ferry leaves at 11:40 p.m. She will be aboard.",
			[]string{"The ferry leaves at 11:40 p.m.", "She will be aboard."}},
		{"company abbreviation", "Bluewater Lines Inc. said fares would rise. Acme Corp. disagreed.",
			[]string{"Bluewater Lines Inc. said fares would rise.", "Acme Corp. disagreed."}},
		{"ellipsis inside", "Traffic rose… and then fell. It recovered.",
			[]string{"Traffic rose… and then fell.", "It recovered."}},
		{"ellipsis ends", "Traffic rose by a third… Local shops say more. Wait... Nobody left.",
			[]string{"Traffic rose by a third…", "Local shops say more.", "Wait...", "Nobody left."}},
		{"paragraph break always ends", "A heading without a stop\n\nThe body starts here. It goes on",
			[]string{"A heading without a stop", "The body starts here.", "It goes on"}},
		{"line break after a heading", "Harbour votes for night ferries\nThe authority voted on Tuesday.",
			[]string{"Harbour votes for night ferries", "The authority voted on Tuesday."}},
		{"line break inside a sentence", "The authority voted\non Tuesday to act.",
			[]string{"The authority voted\non Tuesday to act."}},
		{"list numbers", "1. Ferries\n2. Bridges",
			[]string{"1. Ferries", "2. Bridges"}},
		{"hard-wrapped prose", "The harbour authority voted on Tuesday to allow night\nferry crossings for the first time since the service was\nCut by the previous board, ending a long dispute.",
			[]string{"The harbour authority voted on Tuesday to allow night\nferry crossings for the first time since the service was\nCut by the previous board, ending a long dispute."}},
		{"crlf paragraphs", "One here.\r\n\r\nTwo there.", []string{"One here.", "Two there."}},
		{"cjk", "他说。「好。」他走了！", []string{"他说。", "「好。」", "他走了！"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(t, tt.text, Sentences(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences_Article(t *testing.T) {
	text := Normalize(readArticle(t))
	got := sentenceTexts(t, text, Sentences(text))
	if len(got) < 30 || len(got) > 40 {
		t.Errorf("got %d sentences, want 30–40:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, want := range []string{
		"Mr. Okafor, who chairs the authority, said the new timetable would start on Apr. 14.",
		"Critics on the authority board, including Capt. R. J. Dunmore, argued that the harbour’s lighting and radar were not ready.",
		"Dunmore cited a 2021 inspection, Report No. 48, which found faults in two of the four navigation beacons.",
		"The U.S. insurer that covers most of the fleet had asked for a new risk assessment.",
		"The first night crossing is scheduled to leave Port Ellis at 11:40 p.m. on Apr. 14.",
		"“They promised this in 2019, too,” said Mara Quinn, who runs a bakery near the pier.",
	} {
		if !contains(got, want) {
			t.Errorf("missing sentence %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}

// TestSentences_Concurrent runs the shared model from several goroutines;
// with -race it checks the model is only read.
func TestSentences_Concurrent(t *testing.T) {
	text := readArticle(t)
	want := Sentences(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				if got := Sentences(text); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Sentences differ")
				}
			}
		})
	}
	wg.Wait()
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "A. B. C.", "The U.S. Army left. It\n\nreturned?", "“Yes.” “No!” ", "他说。「好。」", "1. a\n2. b",
		"...", "。。。", "a\xffb. C", "Mr. \u00a0 X.\r\n\r\nY", "\u3002\u300d\u300d x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		// Boundaries must fall where a range loop over text stops, which
		// for invalid UTF-8 includes stray continuation bytes.
		boundary := make(map[int]bool, len(text)+1)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true
		last := 0
		for i, s := range spans {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %d %+v out of order or bounds (previous end %d, len %d)", i, s, last, len(text))
			}
			if !boundary[s.Start] || !boundary[s.End] {
				t.Fatalf("span %d %+v not on rune boundaries of %q", i, s, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[s.Start:s.End]) {
				t.Fatalf("span %d %+v cuts a rune", i, s)
			}
			last = s.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	text := Normalize(readArticle(b))
	punktModel() // load outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Sentences(text)
	}
}

// BenchmarkSentences_Punkt measures the bare Punkt tokenizer on the same
// text, for comparison with Sentences.
func BenchmarkSentences_Punkt(b *testing.B) {
	text := Normalize(readArticle(b))
	model := punktModel()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		model.Tokenize(text)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func readArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
