package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/brief/attrib"
	"github.com/parallax-news/parallax/internal/news"
)

// rel is one attribution relation: who (Source) says what (Content)
// through which cue, as package attrib finds it.
type rel = attrib.Relation

// findRelations returns the attribution relations of text, without those
// that are no reported speech (plausibleRelation).
func findRelations(text string, sents []news.Span) []rel {
	rels := attrib.Find(text, sents)
	out := rels[:0]
	for _, r := range rels {
		if plausibleRelation(text, &r) {
			out = append(out, r)
		}
	}
	return out
}

// maxSourceWords is the longest source phrase taken as one: longer, the
// "source" is a clause the cue word happens to end ("600 workers began a
// strike over a new rota that adds…").
const maxSourceWords = 12

// plausibleRelation reports whether r reads as reported speech: its cue
// does not open a relative clause about a thing ("a new rota that adds
// two night shifts"), and its source is a phrase, not a clause.
func plausibleRelation(text string, r *rel) bool {
	if r.Continued {
		return true
	}
	if len(strings.Fields(r.SourceText)) > maxSourceWords {
		return false
	}
	if r.Cue.End <= len(text) && strings.EqualFold(text[r.Cue.Start:r.Cue.End], "written") {
		// "gave written notice": an adjective, unless "written that".
		after := strings.Fields(text[r.Cue.End:min(len(text), r.Cue.End+12)])
		if len(after) == 0 || after[0] != "that" && after[0] != "by" && after[0] != "in" {
			return false
		}
	}
	if r.Cue.Start > 0 && r.Cue.Start <= len(text) {
		before := strings.Fields(text[max(0, r.Cue.Start-12):r.Cue.Start])
		if n := len(before); n > 0 && !r.Direct {
			switch strings.ToLower(before[n-1]) {
			case "that", "which":
				// "the rota that adds two shifts": a thing's clause,
				// unless a speaker heads it ("officials that said").
				src := tokenize(r.SourceText)
				if len(src) == 0 || !personNoun(src[len(src)-1].lower) && !src[len(src)-1].upper {
					return false
				}
			}
		}
	}
	return true
}

// anchor is the byte offset that places a relation in a sentence: its
// cue, or for a quotation continuing an earlier one, its content.
func anchor(r *rel) int {
	if r.Continued {
		return r.Content.Start
	}
	return r.Cue.Start
}
