package lang

import (
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The harbour authority voted on Tuesday to allow night ferry crossings for the first time in years.", "en"},
		{"german", "Die Hafenbehörde hat am Dienstag beschlossen, zum ersten Mal seit Jahren wieder Nachtfähren zuzulassen.", "de"},
		{"french", "L'autorité portuaire a voté mardi pour autoriser les traversées de nuit pour la première fois depuis des années.", "fr"},
		{"russian", "Портовое управление во вторник проголосовало за то, чтобы впервые за много лет разрешить ночные паромы.", "ru"},
		{"too short", "Ferry vote", ""},
		{"no letters", "1234 5678 — 90 %", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				t.Errorf("Language(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
	t.Run("long text looks at a prefix", func(t *testing.T) {
		text := strings.Repeat("The council met again on Monday to discuss the ferry timetable. ", 2000)
		if got, want := Language(text), "en"; got != want {
			t.Errorf("Language(long) = %q, want %q", got, want)
		}
	})
}

func BenchmarkLanguage(b *testing.B) {
	text := readArticle(b)
	b.SetBytes(int64(len(text)))
	for range b.N {
		Language(text)
	}
}

func TestLanguage_FastPath(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"english with curly quotes", strings.Repeat("The mayor’s office said on Monday that the plan for the new bridge was approved by the council, and that work would start in the spring. ", 3), true},
		{"german", strings.Repeat("Der Bürgermeister sagte am Montag, dass der Plan für die neue Brücke vom Stadtrat genehmigt wurde und die Arbeiten im Frühjahr beginnen. ", 3), false},
		{"dutch", strings.Repeat("De burgemeester zei maandag dat het plan voor de nieuwe brug door de gemeenteraad is goedgekeurd en dat het werk in de lente begint. ", 3), false},
		{"short english", "The plan was approved.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isClearlyEnglish(tt.text); got != tt.want {
				t.Errorf("isClearlyEnglish = %v, want %v", got, tt.want)
			}
		})
	}
}
