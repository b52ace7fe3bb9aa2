package web

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/news"
)

// compareView is the side-by-side copy view of two articles.
type compareView struct {
	layout
	C    *api.Comparison
	Rows []compareRow
	// Aligned counts the aligned sentence pairs.
	Aligned int
}

// compareRow is one row of the view; in an aligned pair the words of one
// side missing from the other are marked.
type compareRow struct {
	A, B       []segment
	Similarity float64
	Aligned    bool
}

// segment is a run of words, Changed when the other side lacks them.
type segment struct {
	Text    string
	Changed bool
}

// comparePage aligns two articles sentence by sentence.
func (s *Server) comparePage(w http.ResponseWriter, r *http.Request) {
	a, b := strings.TrimSpace(r.URL.Query().Get("a")), strings.TrimSpace(r.URL.Query().Get("b"))
	if a == "" || b == "" {
		s.fail(w, r, fmt.Errorf("compare: give two article ids, a and b: %w", news.ErrInvalid))
		return
	}
	c, err := s.svc.Compare(r.Context(), a, b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := compareView{layout: layout{Title: "Compare " + a + " and " + b}, C: c}
	for _, row := range c.Rows {
		cr := compareRow{Similarity: row.Similarity, Aligned: row.Aligned()}
		if cr.Aligned {
			v.Aligned++
			cr.A, cr.B = diffWords(row.A, row.B)
		} else {
			cr.A, cr.B = plain(row.A), plain(row.B)
		}
		v.Rows = append(v.Rows, cr)
	}
	s.render(w, r, http.StatusOK, "compare", v)
}

func plain(s string) []segment {
	if s == "" {
		return nil
	}
	return []segment{{Text: s}}
}

// maxDiffWords bounds the word diff of a pair (quadratic in words).
const maxDiffWords = 400

// diffWords marks the words of a and of b outside their longest common
// subsequence of words (compared without case and punctuation).
func diffWords(a, b string) ([]segment, []segment) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > maxDiffWords || len(wb) > maxDiffWords {
		return plain(a), plain(b)
	}
	key := func(w string) string {
		return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
	}
	ka, kb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		ka[i] = key(w)
	}
	for i, w := range wb {
		kb[i] = key(w)
	}
	// lcs[i][j] is the LCS length of ka[i:] and kb[j:].
	lcs := make([][]int, len(ka)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(kb)+1)
	}
	for i := len(ka) - 1; i >= 0; i-- {
		for j := len(kb) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	inA, inB := make([]bool, len(wa)), make([]bool, len(wb))
	for i, j := 0, 0; i < len(ka) && j < len(kb); {
		switch {
		case ka[i] == kb[j]:
			inA[i], inB[j] = true, true
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return segments(wa, inA), segments(wb, inB)
}

// segments joins words into runs of kept and changed words.
func segments(words []string, kept []bool) []segment {
	var out []segment
	for i, w := range words {
		changed := !kept[i]
		if n := len(out); n > 0 && out[n-1].Changed == changed {
			out[n-1].Text += " " + w
			continue
		}
		// The space between two runs goes to the unchanged one, so that
		// only words are marked.
		if n := len(out); n > 0 && !out[n-1].Changed {
			out[n-1].Text += " "
		} else if n > 0 {
			w = " " + w
		}
		out = append(out, segment{Text: w, Changed: changed})
	}
	return out
}
