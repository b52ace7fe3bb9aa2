package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func runBrief(ctx context.Context, args []string, env Env) error {
	fs := newFlags("brief", env)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output: text, markdown or json (one brief per line)")
	words := fs.Int("words", 0, "summary length in words (default 100)")
	limit := fs.Int("limit", 10, "without STORY arguments, brief this many of the newest stories (0 for all)")
	ids, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var f brief.Format
	switch *format {
	case "text":
		f = brief.Text
	case "markdown", "md":
		f = brief.Markdown
	case "json":
	default:
		return usagef("brief: unknown --format %q (text, markdown or json)", *format)
	}
	if *words < 0 {
		return usagef("brief: --words must be positive")
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(ids) == 0 {
		if ids, err = storyIDs(ctx, st, *limit); err != nil {
			return fmt.Errorf("brief: %w", err)
		}
		if len(ids) == 0 {
			fmt.Fprintln(env.Stderr, "no stories yet: ingest some articles first")
			return nil
		}
	}
	w := bufio.NewWriter(env.Stdout)
	bar := newProgressBar(env.Stderr, "brief", len(ids) > 1 && env.IsTerminal != nil && env.IsTerminal(env.Stderr))
	defer bar.finish()
	var failed []error
	for i, id := range ids {
		bar.update(i, len(ids), "stories")
		b, err := brief.Build(ctx, st, id, brief.Options{SummaryWords: *words})
		if err != nil {
			if errors.Is(err, news.ErrNotFound) {
				fmt.Fprintf(env.Stderr, "parallax: brief: story %s: not found\n", id)
				failed = append(failed, err)
				continue
			}
			return err
		}
		if *format == "json" {
			err = writeJSONLine(w, b)
		} else {
			if i > 0 {
				fmt.Fprintln(w)
			}
			err = brief.WriteBrief(w, b, f)
		}
		if err != nil {
			return fmt.Errorf("write brief %s: %w", id, err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write briefs: %w", err)
	}
	if len(failed) > 0 {
		return fmt.Errorf("brief: %d of %d stories not found", len(failed), len(ids))
	}
	return nil
}

// storyIDs lists the ids of the newest stories, at most limit (all when
// limit < 1).
func storyIDs(ctx context.Context, st store.Archive, limit int) ([]string, error) {
	list, err := st.Stories(ctx, limit)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	return ids, nil
}

// writeJSONLine writes v as one line of JSON, HTML characters unescaped.
func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// exportBriefs writes the brief of every live story as JSON Lines, the
// contract of `export --what briefs`, showing progress on bar.
func exportBriefs(ctx context.Context, st store.Archive, w io.Writer, bar *progressBar) error {
	ids, err := storyIDs(ctx, st, 0)
	if err != nil {
		return err
	}
	for i, id := range ids {
		bar.update(i, len(ids), "stories")
		b, err := brief.Build(ctx, st, id, brief.Options{})
		if err != nil {
			return err
		}
		if err := writeJSONLine(w, b); err != nil {
			return err
		}
	}
	return nil
}
