package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// Widths of the stories table's free-text columns, in runes.
const (
	headlineWidth = 60
	outletsWidth  = 40
)

func runStories(ctx context.Context, args []string, env Env) error {
	fs := newFlags("stories", env)
	db := dbFlag(fs)
	limit := fs.Int("limit", 50, "number of stories (0 for all)")
	asJSON := fs.Bool("json", false, "print stories as JSON Lines")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("stories: unexpected argument %q", pos[0])
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	ss, ok := st.(store.StoryStore)
	if !ok {
		return fmt.Errorf("stories: this store does not keep stories")
	}
	list, err := ss.Stories(ctx, *limit)
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		for _, s := range list {
			if err := enc.Encode(s); err != nil {
				return fmt.Errorf("write stories: %w", err)
			}
		}
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stderr, "no stories yet: ingest some articles first")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tARTICLES\tORIGINS\tFIRST SEEN\tLAST SEEN\tHEADLINE\tOUTLETS")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", s.ID, s.ArticleCount, s.IndependentOrigins,
			s.FirstSeen.Format("2006-01-02 15:04"), s.LastSeen.Format("2006-01-02 15:04"),
			storyClip(storyOneLine(s.Headline), headlineWidth), storyClip(strings.Join(s.Outlets, ", "), outletsWidth))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write stories: %w", err)
	}
	return nil
}

// storyOneLine replaces tabs and line breaks, which would break the table.
func storyOneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// storyClip shortens s to at most n runes, marking the cut with an ellipsis.
func storyClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
