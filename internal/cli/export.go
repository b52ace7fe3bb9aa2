package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/api"

	"github.com/parallax-news/parallax/internal/news"
)

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
		bar := newProgressBar(env.Stderr, "export briefs", env.IsTerminal != nil && env.IsTerminal(env.Stderr))
		err := exportBriefs(ctx, st, w, bar)
		bar.finish()
		if err != nil {
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
		return enc.Encode(api.NewArticleRecord(a, stories[a.ID], dup, derived))
	})
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	return nil
}
