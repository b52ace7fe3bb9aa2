package claim

import "testing"

func TestFindAnonymous(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // the phrases, "" for none
		counts   []int
	}{
		{"Two surveyors who worked on the audit, speaking on condition of anonymity, said the depot was unsafe.",
			[]string{"Two surveyors"}, []int{2}},
		{"Three unnamed surveyors told the Tidewater Ledger that the depot would shut.",
			[]string{"Three unnamed surveyors"}, []int{3}},
		{"The plan was confirmed by people familiar with the matter.",
			[]string{"people familiar with the matter"}, []int{0}},
		{"A source who asked not to be named said the vote was delayed.",
			[]string{"A source"}, []int{1}},
		{"Officials who declined to be identified said talks had stalled.",
			[]string{"Officials"}, []int{0}},
		{"The Ledger, citing two anonymous dockworkers, said the depot would shut.",
			[]string{"two anonymous dockworkers"}, []int{2}},
		{"Two sources close to the harbour board said the sale was agreed.",
			[]string{"Two sources close to the harbour board"}, []int{2}},
		{"Five people with close links to the board said the sale was agreed.",
			[]string{"Five people with close links to the board"}, []int{5}},
		// Not sources: a recipient, a channel, a thing, a named person.
		{"The mayor sent a letter to unidentified senior officials in May.", nil, nil},
		{"Messages went through an unnamed intermediary.", nil, nil},
		{"The money was moved to an undisclosed location.", nil, nil},
		{"A man close to the bridge was injured.", nil, nil},
		{"Mayor Ada Quill said the depot was safe.", nil, nil},
	}
	for _, tt := range tests {
		got := findAnonymous(tt.sentence)
		if len(got) != len(tt.want) {
			t.Errorf("findAnonymous(%q) = %d phrases %v, want %v", tt.sentence, len(got), got, tt.want)
			continue
		}
		for i, p := range got {
			if s := tt.sentence[p.start:p.end]; s != tt.want[i] || p.count != tt.counts[i] {
				t.Errorf("findAnonymous(%q)[%d] = %q count %d, want %q count %d", tt.sentence, i, s, p.count, tt.want[i], tt.counts[i])
			}
		}
	}
}
