package store

import "github.com/parallax-news/parallax/internal/news"

// SplitProvenance turns an article's outgoing links, best coverage first,
// into what ReuseStore.Provenance returns: the first verbatim or near
// original as dup, and every other derivation in order. derived is never
// nil.
func SplitProvenance(links []news.Derivation) (dup string, derived []news.Derivation) {
	derived = []news.Derivation{}
	for _, d := range links {
		switch d.Kind {
		case news.ReuseVerbatim, news.ReuseNear:
			if dup == "" {
				dup = d.ID
			}
		default:
			derived = append(derived, d)
		}
	}
	return dup, derived
}
