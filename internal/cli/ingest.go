package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
)

// ingestReport is the --json form of an ingest summary.
type ingestReport struct {
	Inputs    int             `json:"inputs"`
	Inserted  int             `json:"inserted"`
	Revised   int             `json:"revised"`
	Unchanged int             `json:"unchanged"`
	Failed    int             `json:"failed"`
	Seconds   float64         `json:"seconds"`
	Failures  []failureReport `json:"failures"`
	IDs       []string        `json:"ids"`
}

type failureReport struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

func runIngest(ctx context.Context, args []string, env Env) error {
	fs := newFlags("ingest", env)
	db := dbFlag(fs)
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	asJSON := fs.Bool("json", false, "print the summary as JSON on stdout")
	workers := fs.Int("workers", 0, "extraction workers (default: number of cores)")
	timeout := fs.Duration("fetch-timeout", 20*time.Second, "time limit for one HTTP fetch")
	maxFetch := fs.Int64("fetch-max-bytes", 20<<20, "size limit for one fetched page or feed")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching loopback and private-network addresses")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		return usagef("ingest: name at least one SOURCE (file, folder, glob, -, URL)")
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()

	bar := newProgressBar(env.Stderr, "ingest", !*quiet && !*asJSON && env.IsTerminal != nil && env.IsTerminal(env.Stderr))
	in := ingest.New(st, ingest.Options{
		Workers: *workers,
		Stdin:   env.Stdin,
		Fetch: fetch.New(fetch.Options{
			Timeout:      *timeout,
			MaxBytes:     *maxFetch,
			AllowPrivate: *allowPrivate,
		}),
		Analyzers: ingest.Analyzers(st, cluster.Config{}),
		Progress: func(p ingest.Progress) {
			bar.update(p.InputsDone, p.Inputs, fmt.Sprintf("inputs · %s articles · %d failed", thousands(p.Articles), p.Failed))
		},
	})
	sum, runErr := in.Run(ctx, sources)
	bar.finish()
	for _, f := range sum.Failures {
		fmt.Fprintf(env.Stderr, "parallax: ingest %s: %v\n", f.Input, f.Err)
	}
	switch {
	case *asJSON:
		rep := ingestReport{
			Inputs: sum.Inputs, Inserted: sum.Inserted, Revised: sum.Revised, Unchanged: sum.Unchanged,
			Failed: sum.Failed, Seconds: sum.Elapsed.Seconds(), Failures: []failureReport{}, IDs: sum.IDs,
		}
		for _, f := range sum.Failures {
			rep.Failures = append(rep.Failures, failureReport{Input: f.Input, Reason: f.Err.Error()})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
	case !*quiet:
		rate := ""
		if secs := sum.Elapsed.Seconds(); secs > 0 && sum.Stored() > 0 {
			rate = fmt.Sprintf(", %s articles/s", thousands(int(float64(sum.Stored())/secs)))
		}
		fmt.Fprintf(env.Stderr, "ingested %s articles (%s new, %s revised, %s unchanged), %s failed, in %s%s\n",
			thousands(sum.Stored()), thousands(sum.Inserted), thousands(sum.Revised), thousands(sum.Unchanged),
			thousands(sum.Failed), sum.Elapsed.Round(time.Millisecond), rate)
	}
	if runErr != nil {
		return runErr
	}
	return sum.Err()
}
