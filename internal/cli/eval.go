package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/extract"
)

func runEval(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		return usagef("eval: name a TASK (extract) and a DIR")
	}
	task, rest := args[0], args[1:]
	fs := newFlags("eval "+task, env)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	quiet := fs.Bool("quiet", false, "no progress bar")
	pos, err := parseFlags(fs, rest)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("eval %s: give exactly one DIR", task)
	}
	dir := pos[0]
	bar := newProgressBar(env.Stderr, "eval "+task, !*quiet && !*asJSON && env.IsTerminal != nil && env.IsTerminal(env.Stderr))
	progress := func(done, total int) { bar.update(done, total, "") }

	switch task {
	case "extract":
		rep, err := eval.Extraction(ctx, dir, func(ctx context.Context, page []byte, url string) (string, error) {
			res, err := extract.HTML(ctx, page, extract.Hints{URL: url})
			return res.Text, err
		}, progress)
		bar.finish()
		if err != nil {
			return fmt.Errorf("eval extract %s: %w", dir, err)
		}
		if *asJSON {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rep)
		}
		rep.Write(env.Stdout)
		return nil
	}
	return usagef("eval: unknown task %q (known: extract)", task)
}
