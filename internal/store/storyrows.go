package store

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// TallyStory fills s's headline, outlets, article count and, with
// withIDs, article ids from rows of its articles' id, title and source in
// assignment order: the headline is the title most like the others
// (Headline), each new non-empty source an outlet. A store adds
// IndependentOrigins itself, as only it can count the copies.
func TallyStory(s *news.Story, withIDs bool, rows Rows) error {
	seen := map[string]bool{}
	s.Outlets = []string{}
	s.ArticleCount = 0
	var titles []string
	for rows.Next() {
		var id, title, source string
		if err := rows.Scan(&id, &title, &source); err != nil {
			return err
		}
		s.ArticleCount++
		if withIDs {
			s.Articles = append(s.Articles, id)
		}
		if title != "" && len(titles) < headlineTitles {
			titles = append(titles, title)
		}
		if source != "" && !seen[source] {
			seen[source] = true
			s.Outlets = append(s.Outlets, source)
		}
	}
	if s.Headline == "" {
		s.Headline = Headline(titles)
	}
	return rows.Err()
}

// headlineTitles bounds the titles Headline compares (the first ones
// assigned): the choice costs their number squared.
const headlineTitles = 200

// Headline picks a story's headline from its articles' titles, in
// assignment order: the one sharing most words with the others (the
// story as most outlets put it), a question or a title of one word
// counting half ("It's about time, right?" says nothing of the story);
// the earliest on ties. "" when there is no title.
func Headline(titles []string) string {
	words := make([]map[string]bool, len(titles))
	for i, t := range titles {
		words[i] = titleWords(t)
	}
	best, bestScore := -1, -1.0
	for i, t := range titles {
		score := 0.0
		for j := range titles {
			if j != i && len(words[i]) > 0 && len(words[j]) > 0 {
				n := 0
				for w := range words[i] {
					if words[j][w] {
						n++
					}
				}
				score += float64(n) / math.Sqrt(float64(len(words[i])*len(words[j])))
			}
		}
		if strings.HasSuffix(strings.TrimSpace(t), "?") || len(words[i]) < 2 {
			score /= 2
			score -= 1e-9 // below a plain title when nothing is shared
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return ""
	}
	return titles[best]
}

// titleWords are a title's lower-cased words of four letters or more: a
// stop list would need a language, and short words are mostly function
// words in the languages news is written in.
func titleWords(t string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 {
			out[w] = true
		}
	}
	return out
}

// ScanStory reads a story listing row: id, first and last seen as Unix
// nanoseconds, and article count.
func ScanStory(row Scanner) (news.Story, error) {
	var s news.Story
	var first, last int64
	if err := row.Scan(&s.ID, &first, &last, &s.ArticleCount); err != nil {
		return news.Story{}, err
	}
	s.FirstSeen, s.LastSeen = time.Unix(0, first).UTC(), time.Unix(0, last).UTC()
	return s, nil
}
