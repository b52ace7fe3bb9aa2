package cli

import (
	"context"

	"github.com/parallax-news/parallax/internal/brief/claim"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// evalStance scores headline stance on a set in the Emergent layout
// (gold/stance.tsv) with the stance reading of the brief's claims:
// stating a claim is "for", attributing or hedging it "observing",
// denying it or reporting its denial "against".
func evalStance(ctx context.Context, dir string, out evalOutput) error {
	rep, err := eval.Stance(ctx, dir, func(headline, c string) string {
		return emergentLabel(claim.HeadlineStance(headline, c))
	}, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}

// emergentLabel maps a brief stance to an Emergent class.
func emergentLabel(s news.Stance) string {
	switch s {
	case news.Asserts:
		return "for"
	case news.Denies, news.ReportsDenial:
		return "against"
	}
	return "observing"
}
