package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/brief/summary"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// evalSummary scores the extractive story summary with ROUGE on a
// summarisation set (duc2004-dev, multiling2011) beside the published
// systems. The length is the set's own (100 words for DUC 2004, 250 for
// MultiLing 2011) unless $PARALLAX_SUMMARY_WORDS sets another.
func evalSummary(ctx context.Context, dir string, out evalOutput) error {
	words := 0
	if v := out.env.Getenv("PARALLAX_SUMMARY_WORDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return fmt.Errorf("PARALLAX_SUMMARY_WORDS %q: want a positive number of words", v)
		}
		words = n
	}
	rep, err := eval.Summaries(ctx, dir, words, func(arts []*news.Article, words int) []string {
		sents := summary.Summarise(arts, summary.Options{Words: words, Overflow: true})
		texts := make([]string, len(sents))
		for i, s := range sents {
			texts[i] = strings.TrimSpace(s.Text)
		}
		return texts
	}, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}
