package cli

import (
	"context"

	"github.com/parallax-news/parallax/internal/brief/attrib"
	"github.com/parallax-news/parallax/internal/brief/quote"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// evalQuotes scores quote and attribution extraction on a set in the
// PolNeAR layout: direct-quote content spans and their speakers as
// brief/quote finds them, and every attribution brief/attrib finds.
func evalQuotes(ctx context.Context, dir string, out evalOutput) error {
	direct := func(art *news.Article) ([]eval.FoundAttribution, func(news.Span) string) {
		ms, resolve := quote.Find(art)
		found := make([]eval.FoundAttribution, 0, len(ms))
		for _, m := range ms {
			speaker := ""
			if m.Person {
				speaker = m.Speaker
			}
			f := eval.FoundAttribution{Source: m.Relation.Source, Content: m.Relation.Content, Speaker: speaker, Entire: m.Relation.Direct}
			found = appendJoined(found, f, m.Relation.Continued)
		}
		return found, resolve
	}
	all := func(art *news.Article) ([]eval.FoundAttribution, func(news.Span) string) {
		rels := attrib.Find(art.Text, nil)
		found := make([]eval.FoundAttribution, 0, len(rels))
		for _, r := range rels {
			found = appendJoined(found, eval.FoundAttribution{Source: r.Source, Content: r.Content}, r.Continued)
		}
		return found, nil
	}
	rep, err := eval.Attributions(ctx, dir, direct, all, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}

// appendJoined appends f, or, when it continues the previous quotation
// of the same source in a later paragraph, extends that one: PolNeAR
// annotates a quotation running over paragraphs as one content span.
func appendJoined(found []eval.FoundAttribution, f eval.FoundAttribution, continued bool) []eval.FoundAttribution {
	if n := len(found); continued && n > 0 && found[n-1].Source == f.Source && found[n-1].Content.End <= f.Content.Start {
		found[n-1].Content.End = f.Content.End
		return found
	}
	return append(found, f)
}
