package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
)

// articleRecord is the contract's JSON form of one article
// (`export --what articles`, see docs/CONTRACTS.md). Fields computed by
// later stages are present and null until those stages have run.
type articleRecord struct {
	ID          string       `json:"id"`
	Source      string       `json:"source"`
	Title       string       `json:"title"`
	Author      string       `json:"author"`
	Published   news.Time    `json:"published"`
	URL         string       `json:"url"`
	Language    string       `json:"language"`
	Story       *string      `json:"story"`
	DuplicateOf *string      `json:"duplicate_of"`
	DerivedFrom []derivation `json:"derived_from"`
	Revision    int          `json:"revision"`
	Ingested    string       `json:"ingested"`
	Sentences   []news.Span  `json:"sentences"`
	Text        string       `json:"text"`
}

type derivation struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`
	Coverage float64 `json:"coverage"`
}

// toRecord builds the contract record of a; story and provenance come
// from the stories and copies stages ("" and nil when they found none).
func toRecord(a *news.Article, story, duplicateOf string, derivedFrom []news.Derivation) articleRecord {
	r := articleRecord{
		ID: a.ID, Source: a.Source, Title: a.Title, Author: a.Author, Published: a.Published,
		URL: a.URL, Language: a.Language, DerivedFrom: []derivation{}, Revision: a.Revision,
		Sentences: a.Sentences, Text: a.Text,
	}
	if story != "" {
		r.Story = &story
	}
	if duplicateOf != "" {
		r.DuplicateOf = &duplicateOf
	}
	for _, d := range derivedFrom {
		r.DerivedFrom = append(r.DerivedFrom, derivation{ID: d.ID, Kind: string(d.Kind), Coverage: d.Coverage})
	}
	if !a.Ingested.IsZero() {
		r.Ingested = a.Ingested.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	if r.Sentences == nil {
		r.Sentences = []news.Span{}
	}
	return r
}

func runExport(ctx context.Context, args []string, env Env) error {
	fs := newFlags("export", env)
	db := dbFlag(fs)
	what := fs.String("what", "articles", "what to export: articles or briefs")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("export: unexpected argument %q", rest[0])
	}
	if *what != "articles" && *what != "briefs" {
		return usagef("export: --what %q: articles or briefs", *what)
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	if *what == "briefs" {
		w := bufio.NewWriterSize(env.Stdout, 256<<10)
		if err := exportBriefs(ctx, st, w); err != nil {
			return fmt.Errorf("export briefs: %w", err)
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("export briefs: %w", err)
		}
		return nil
	}
	stories, err := st.StoryMap(ctx)
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	w := bufio.NewWriterSize(env.Stdout, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = st.Articles(ctx, func(a *news.Article) error {
		dup, derived, err := st.Provenance(ctx, a.ID)
		if err != nil {
			return err
		}
		return enc.Encode(toRecord(a, stories[a.ID], dup, derived))
	})
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	return nil
}
