package claim

import (
	"github.com/parallax-news/parallax/internal/brief/attrib"
	"github.com/parallax-news/parallax/internal/news"
)

// rel is one attribution relation: who (Source) says what (Content)
// through which cue, as package attrib finds it.
type rel = attrib.Relation

// findRelations returns the attribution relations of text.
func findRelations(text string, sents []news.Span) []rel {
	return attrib.Find(text, sents)
}

// anchor is the byte offset that places a relation in a sentence: its
// cue, or for a quotation continuing an earlier one, its content.
func anchor(r *rel) int {
	if r.Continued {
		return r.Content.Start
	}
	return r.Cue.Start
}
