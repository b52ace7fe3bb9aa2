package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

func runSearch(ctx context.Context, args []string, env Env) error {
	fs := newFlags("search", env)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "number of results")
	asJSON := fs.Bool("json", false, "print results as JSON Lines")
	terms, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(terms, " "))
	if query == "" {
		return usagef("search: give a QUERY")
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return fmt.Errorf("search %q: %w", query, err)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		for _, h := range hits {
			if err := enc.Encode(h); err != nil {
				return fmt.Errorf("write results: %w", err)
			}
		}
		return nil
	}
	if len(hits) == 0 {
		fmt.Fprintf(env.Stderr, "no articles match %q\n", query)
		return nil
	}
	for _, h := range hits {
		fmt.Fprintf(env.Stdout, "%s  %s — %s\n    %s\n", h.ID, h.Title, h.Source, h.Snippet)
	}
	return nil
}
