package store

import (
	"context"

	"github.com/parallax-news/parallax/internal/news"
)

// ReuseSignature is what the copies stage keeps per article to rebuild its
// in-memory index without re-reading the text: the lookup keys of package
// reuse and the version of the code that computed them.
type ReuseSignature struct {
	Article string
	// Version is reuse.KeysVersion when the keys were computed; keys of
	// another version are stale and recomputed by the stage.
	Version int
	Keys    []uint64
}

// ReuseStore keeps the copies stage's results: per-article signatures and
// the links between copies and their originals. Implementations are safe
// for concurrent use.
type ReuseStore interface {
	// PutReuse stores signatures and links in one transaction: all or, on
	// error, none. A signature replaces any earlier one of its article. A
	// link replaces any earlier link between the same two articles,
	// whichever way it pointed, so a direction revised by later evidence
	// leaves one link. Every article named must be stored, else the error
	// wraps news.ErrNotFound; a link from an article to itself, an empty
	// kind, or a coverage or confidence outside [0, 1] wraps
	// news.ErrInvalid.
	PutReuse(ctx context.Context, sigs []ReuseSignature, links []news.Link) error

	// Signatures calls fn with every stored signature, in the order the
	// articles were first stored, until fn returns an error, which
	// Signatures then returns. fn may keep the signature.
	Signatures(ctx context.Context, fn func(ReuseSignature) error) error

	// Links returns every link in which the article is the copy or the
	// original, with its aligned pairs: first those where it is the copy,
	// then those where it is the original, each by decreasing coverage. An
	// article without links, or unknown, gives none and no error.
	Links(ctx context.Context, id string) ([]news.Link, error)

	// Provenance returns what `export --what articles` writes for an
	// article: duplicateOf, the original of its verbatim or near link with
	// the highest coverage ("" when it has none), and derivedFrom, the
	// originals of its paraphrase and partial links, highest coverage
	// first (empty, not nil, when none). Unknown ids give "" and none.
	Provenance(ctx context.Context, id string) (duplicateOf string, derivedFrom []news.Derivation, err error)

	// Original returns the article id ultimately comes from, for counting
	// independent origins: from id it follows the verbatim, near and
	// paraphrase links towards their originals (the highest coverage at
	// each step, never revisiting an article) until an article that copies
	// none. A partial copy carries reporting of its own and is its own
	// origin. An article that copies nothing, or is unknown, is its own
	// original.
	Original(ctx context.Context, id string) (string, error)
}
