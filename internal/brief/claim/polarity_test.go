package claim

import (
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// pairStory makes a story of two untitled one-sentence articles and
// returns it with the units of the two sentences.
func pairStory(a, b string) (*story, *unit, *unit) {
	mk := func(id, text string) *news.Article {
		text = lang.Normalize(text)
		return &news.Article{ID: id, Source: id + " Herald", Text: text, Sentences: lang.Sentences(text)}
	}
	st := newStory([]*news.Article{mk("Alder", a), mk("Birch", b)}, nil)
	st.sources()
	return st, &st.units[st.byArt[0][0]], &st.units[st.byArt[1][0]]
}

func TestStory_PolarityConflict(t *testing.T) {
	tests := []struct {
		a, b     string
		conflict bool
	}{
		{"The harbour board is unaware of any plans to sell the depot.", "The harbour board is not aware of plans to sell the depot.", false},
		{"The depot was sold to a rival port in June.", "The depot was not sold to a rival port in June.", true},
		{"The ferry operator has been arrested by harbour police.", "The ferry operator hasn't been arrested by harbour police.", true},
		// The negation is about something else: the claim stands in both.
		{"No decision has been taken, but the depot will close in June and its cranes will be sold.", "The depot will close in June and its cranes will be sold.", false},
		{"If not, the depot will close in June and its cranes will be sold.", "The depot will close in June and its cranes will be sold.", false},
		// Sharing only a subject with a negated statement is no claim.
		{"The harbour office did not respond to a request.", "The harbour office had been told the depot was unsafe.", true},
	}
	for _, tt := range tests {
		st, a, b := pairStory(tt.a, tt.b)
		if got := st.polarityConflict(a, b); got != tt.conflict {
			t.Errorf("polarityConflict(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.conflict)
		}
	}
}

func TestStory_OtherSpeakers(t *testing.T) {
	tests := []struct {
		a, b  string
		other bool
	}{
		{"Mayor Ada Quill said the depot will close in June.", "Port director Ben Sol said the depot will close in June.", true},
		{"Mayor Ada Quill said the depot will close in June.", "Quill said the depot would close in June.", false},
		{"Mayor Ada Quill said the depot will close in June.", "The depot will close in June.", false},
	}
	for _, tt := range tests {
		st, a, b := pairStory(tt.a, tt.b)
		if got := st.otherSpeakers(a, b); got != tt.other {
			t.Errorf("otherSpeakers(%q, %q) = %v (speakers %q, %q), want %v", tt.a, tt.b, got, st.speaker(a), st.speaker(b), tt.other)
		}
	}
}

func TestUnPrefixed(t *testing.T) {
	tests := []struct {
		w, rest string
		ok      bool
	}{
		{"unaware", "aware", true},
		{"unwilling", "willing", true},
		{"under", "", false},
		{"understand", "", false},
		{"union", "", false},
		{"united", "", false},
		{"until", "", false},
		{"aware", "", false},
	}
	for _, tt := range tests {
		if rest, ok := unPrefixed(tt.w); rest != tt.rest || ok != tt.ok {
			t.Errorf("unPrefixed(%q) = %q, %v, want %q, %v", tt.w, rest, ok, tt.rest, tt.ok)
		}
	}
}

func TestMannerAdverb(t *testing.T) {
	for w, want := range map[string]bool{"repeatedly": true, "indirectly": true, "eventually": true,
		"family": false, "supply": false, "early": false, "likely": false, "only": false, "ready": false} {
		if got := mannerAdverb(w); got != want {
			t.Errorf("mannerAdverb(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestQuoteTailSpeaker(t *testing.T) {
	tests := []struct{ s, want string }{
		{"\"Half of my trade walks over that quay,\" said baker Ada Quill, who has run a stall there for 17 years.", "baker Ada Quill"},
		{"\"We will appeal,\" the harbour master said.", "the harbour master"},
		{"“It is too early to say,” added Ben Sol.", "Ben Sol"},
		{"\"The depot is safe for the traffic it carries today.\"", ""},
		{"\"We will appeal,\" she said on Monday after a long meeting with the harbour board and the unions.", "she"},
	}
	for _, tt := range tests {
		if got := quoteTailSpeaker(tt.s); got != tt.want {
			t.Errorf("quoteTailSpeaker(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestStory_Internal(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Two harbour pilots told the Alder Herald they had not been consulted.", true},
		{"The minister told Harbour Radio on Monday that the depot would close.", true},
		{"An audit seen by the Birch Herald puts the cost at 4 million.", true},
		{"In May, the mayor told G20 leaders that the depot was a tragedy.", false},
		{"The mayor told Ada Quill's family that the depot would close.", false},
	}
	for _, tt := range tests {
		st, a, _ := pairStory(tt.s, "The depot will close in June.")
		if got := st.internal(a); got != tt.want {
			t.Errorf("internal(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
