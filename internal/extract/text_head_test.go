package extract

import (
	"strings"
	"testing"
)

func TestReaderAppeal(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Support independent local news — become a subscriber today.", true},
		{"Our reporting is free. Donate to keep it that way!", true},
		{"Become a member: it takes a minute.", true},
		{"Join the conversation", false},                                  // no appeal word
		{"Members of the council support the plan.", false},               // no imperative opening a clause
		{"The union will support members who refuse night shifts", false}, // prose
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := readerAppeal(tt.in); got != tt.want {
				t.Errorf("readerAppeal(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestHasFiniteVerb(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"The old bridge seen from the ferry terminal.", false},
		{"Passengers waiting on the quay after the cancelled crossing.", false},
		{"Russell Square after the bombings.", false},
		{"The council declined to comment.", true},
		{"Police are investigating.", true},
		{"It won't reopen before June.", true},
		{"The mayor said work would start soon.", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := hasFiniteVerb(tt.in); got != tt.want {
				t.Errorf("hasFiniteVerb(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// headArticle is a short invented article under a given head.
func headArticle(head string) string {
	return head + "\n\nCouncil approves new cycle lanes on the harbour road\n\nBy Ida Strand\nMay 5, 2025\n\n" +
		"The city council on Monday approved two kilometres of protected cycle lanes along the harbour road, after a debate that lasted most of the afternoon and split both main parties.\n\n" +
		"Work is due to start in the autumn and should take about five months, the transport office said. Parking on the seaward side of the road will be removed to make room for the lanes.\n"
}

func TestText_Masthead(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"capitals title-cased", "THE HARBOUR TIMES OF VESTBY", "The Harbour Times of Vestby"},
		{"name before a menu", "Fjordside Now\nMenu", "Fjordside Now"},
		{"news word", "Vestby Herald", "Vestby Herald"},
		{"section label", "News", ""},
		{"section labels", "World News\nMenu", ""},
		{"navigation words", "Accessibility Navigation\nMenu", ""},
		{"one plain word", "Sections\nMenu", ""},
		{"capitalised phrase without evidence", "Harbour Road Plans", ""},
		{"a date", "May 5, 2025", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(headArticle(tt.head), Hints{}, TextOptions{})
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if got := res.Source; got != tt.want {
				t.Errorf("Source = %q, want %q", got, tt.want)
			}
			if !strings.HasPrefix(res.Text, "The city council on Monday") {
				t.Errorf("body starts %q", firstSentence(res.Text))
			}
		})
	}
	t.Run("hint wins", func(t *testing.T) {
		res, err := Text(headArticle("THE HARBOUR TIMES"), Hints{Source: "Vestby Herald"}, TextOptions{})
		if err != nil {
			t.Fatalf("Text: %v", err)
		}
		if got, want := res.Source, "Vestby Herald"; got != want {
			t.Errorf("Source = %q, want %q", got, want)
		}
	})
	t.Run("title first is no masthead", func(t *testing.T) {
		raw := "Council Approves Cycle Lanes\n\nThe city council on Monday approved two kilometres of protected cycle lanes along the harbour road, after a debate that lasted most of the afternoon.\n"
		res, err := Text(raw, Hints{}, TextOptions{})
		if err != nil {
			t.Fatalf("Text: %v", err)
		}
		if res.Source != "" {
			t.Errorf("Source = %q, want none", res.Source)
		}
	})
}

func TestText_HeadAppealAndCaption(t *testing.T) {
	raw := "Keep our reporting free — support the newsroom with a donation.\nSubscribe\n\n" +
		"Council approves new cycle lanes on the harbour road\n\nBy Ida Strand\n\n" +
		"Photo: Vestby Herald / Ola Dahl\nCyclists on the harbour road during the morning rush.\n\n" +
		"The city council on Monday approved two kilometres of protected cycle lanes along the harbour road, after a debate that lasted most of the afternoon.\n\n" +
		"Work is due to start in the autumn and should take about five months, the transport office said.\n"
	res, err := Text(raw, Hints{}, TextOptions{})
	if err != nil {
		t.Fatalf("Text: %v", err)
	}
	for _, gone := range []string{"Keep our reporting free", "Cyclists on the harbour road", "Photo:"} {
		if strings.Contains(res.Text, gone) {
			t.Errorf("body keeps %q", gone)
		}
	}
	if !strings.HasPrefix(res.Text, "The city council on Monday") {
		t.Errorf("body starts %q", firstSentence(res.Text))
	}
}
