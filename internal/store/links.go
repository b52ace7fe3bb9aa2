package store

import (
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
)

// EncodeLinkPairs validates links for PutReuse and returns each one's
// aligned pairs as the JSON a store keeps, "[]" for none.
func EncodeLinkPairs(links []news.Link) ([][]byte, error) {
	for _, l := range links {
		if err := ValidateLink(l); err != nil {
			return nil, err
		}
	}
	pairs := make([][]byte, len(links))
	for i, l := range links {
		p := l.Pairs
		if p == nil {
			p = []news.AlignedPair{}
		}
		var err error
		if pairs[i], err = json.Marshal(p); err != nil {
			return nil, fmt.Errorf("link %s → %s: %w", l.Copy, l.Original, err)
		}
	}
	return pairs, nil
}
