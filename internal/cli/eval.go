package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

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

	run, ok := evalTasks[task]
	if !ok {
		bar.finish()
		return usagef("eval: unknown task %q (known: %s)", task, strings.Join(evalTaskNames(), ", "))
	}
	err = run(ctx, dir, evalOutput{env: env, json: *asJSON, progress: progress})
	bar.finish()
	if err != nil {
		return fmt.Errorf("eval %s %s: %w", task, dir, err)
	}
	return nil
}

// evalOutput is where an eval task reports: progress while it runs, then
// a human-readable table or, with --json, one JSON document on stdout.
type evalOutput struct {
	env      Env
	json     bool
	progress func(done, total int)
}

// writeJSON prints v as indented JSON on stdout.
func (o evalOutput) writeJSON(v any) error {
	enc := json.NewEncoder(o.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// evalTasks are the tasks of `parallax eval TASK DIR`, one line each.
var evalTasks = map[string]func(ctx context.Context, dir string, out evalOutput) error{
	"extract":  evalExtract,
	"reuse":    evalReuse,
	"cluster":  evalCluster,
	"summary":  evalSummary,
	"brief":    evalBrief,
	"timeline": evalTimeline,
	"stance":   evalStance,
	"quotes":   evalQuotes,
}

func evalTaskNames() []string {
	names := make([]string, 0, len(evalTasks))
	for n := range evalTasks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// evalExtract scores HTML extraction on a set in the extraction-aeb layout.
func evalExtract(ctx context.Context, dir string, out evalOutput) error {
	rep, err := eval.Extraction(ctx, dir, func(ctx context.Context, page []byte, url string) (string, error) {
		res, err := extract.HTML(ctx, page, extract.Hints{URL: url})
		return res.Text, err
	}, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}
