package eval

import "testing"

func TestPorterStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"feed", "feed"},
		{"agreed", "agre"}, {"plastered", "plaster"}, {"motoring", "motor"}, {"sing", "sing"},
		{"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"},
		{"falling", "fall"}, {"hissing", "hiss"}, {"filing", "file"}, {"happy", "happi"},
		{"relational", "relat"}, {"conditional", "condit"}, {"generalization", "gener"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"}, {"allowance", "allow"},
		{"adjustment", "adjust"}, {"controlling", "control"}, {"yesterday", "yesterdai"},
		{"settlement", "settlem"}, // ROUGE's step 4 tries -ement, then -ment, then -ent
		{"as", "as"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := porterStem(tt.word); got != tt.want {
				t.Errorf("porterStem(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func BenchmarkRougeN(b *testing.B) {
	peer := "The council approved the budget on Tuesday.\nSpending on schools rises by a tenth."
	refs := []string{"Councillors passed the new budget.\nSchools get more money.", "The budget was approved; school spending rises."}
	for range b.N {
		RougeN(peer, refs, 2, DUC2004Rouge)
	}
}
