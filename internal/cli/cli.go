// Package cli implements the parallax subcommands. Each command parses its
// flags once, opens the backends it needs (this is the only place besides
// cmd/ that chooses concrete implementations) and calls the same service
// packages the web UI and API use.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Env is everything a command may touch outside its arguments, so that
// tests can run commands in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether w is an interactive terminal (for the
	// progress bar).
	IsTerminal func(w io.Writer) bool
}

// OSEnv is the process's real environment.
func OSEnv() Env {
	return Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
	}
}

// ErrUsage marks a command line that could not be understood.
var ErrUsage = errors.New("usage")

// usageError is a bad command line; its message is printed as is.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return ErrUsage }

func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// ExitCode decides the process's exit status in one place and prints err:
// 0 success, 1 failure or partial failure, 2 bad usage, 130 interrupted.
func ExitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, ErrUsage):
		fmt.Fprintf(stderr, "parallax: %v\nRun 'parallax help' for usage.\n", err)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "parallax: interrupted")
		return 130
	}
	fmt.Fprintf(stderr, "parallax: %v\n", err)
	return 1
}

const usageText = `Parallax — one story, seen from every outlet.

Usage:
  parallax ingest [--db PATH] [--quiet] [--json] SOURCE...
      SOURCE: a file, a folder (recursive), a glob, - (JSON Lines on stdin),
      an http(s) page URL or a feed URL (RSS, Atom, JSON Feed).
  parallax export [--db PATH] --what articles|briefs   JSON Lines on stdout
  parallax search [--db PATH] [--limit N] [--json] QUERY
  parallax compare [--db PATH] [--format text|json|html] A B   alignment of two articles, copy verdict
  parallax stories [--db PATH] [--limit N] [--json]  stories, newest and biggest first
  parallax brief [--db PATH] [--format text|markdown|json] [--words N] [--limit N] [STORY...]
      the coverage brief of each story (default: the --limit newest): claims × outlets
      matrix, denials, cited sources, frames, unique details, quotes, timeline, summary
  parallax serve [--db PATH] [--addr 127.0.0.1:8080] [--feeds FILE] [--token T] [--allow-private]
      web UI and JSON API (docs/API.md); polls the feeds listed in FILE
  parallax eval TASK [--json] DIR                  quality on a labelled set (../shared/eval/…):
      extract   extraction F1 (extraction-aeb)
      reuse     paraphrase pairs (msrp-train) or controlled-edit copies (a clustered set)
      cluster   story clustering BCubed/NMI/ARI (a set with gold/clusters.tsv)
      summary   ROUGE of story summaries beside published peers (duc2004-dev, multiling2011)
      timeline  timeline date F1 and ROUGE (timeline17-dev)
      quotes    direct quotes and speakers (polnear-train)
      stance    headline stance towards a claim (emergent)
      brief     the whole brief against a hand annotation (seeds)
  parallax enqueue --db postgres://… [--split N] SOURCE...
      queue sources for workers; JSON Lines are split N records a job (50)
  parallax worker --db postgres://… [--jobs N] [--lease D] [--drain]
      share ingest, copies and stories with any number of workers on one
      PostgreSQL database; SIGTERM finishes or gives back the jobs under way
  parallax version

The store is a SQLite file: --db PATH, else $PARALLAX_DB, else a file in
the user's data directory (%s).
`

// Run runs one command line (without the program name).
func Run(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprintf(env.Stderr, usageText, defaultDBPath(env))
		return usagef("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ingest":
		return runIngest(ctx, rest, env)
	case "export":
		return runExport(ctx, rest, env)
	case "search":
		return runSearch(ctx, rest, env)
	case "compare":
		return runCompare(ctx, rest, env)
	case "stories":
		return runStories(ctx, rest, env)
	case "brief":
		return runBrief(ctx, rest, env)
	case "serve":
		return runServe(ctx, rest, env)
	case "worker":
		return runWorker(ctx, rest, env)
	case "enqueue":
		return runEnqueue(ctx, rest, env)
	case "eval":
		return runEval(ctx, rest, env)
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "parallax", Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprintf(env.Stdout, usageText, defaultDBPath(env))
		return nil
	}
	return usagef("unknown command %q", cmd)
}

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "dev"

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("parallax "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parseFlags parses flags that may come before or after the positional
// arguments ("ingest a.txt --quiet" works as well as "ingest --quiet a.txt").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// dbFlag registers --db on fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store: a SQLite file path or a postgres:// URL (default $PARALLAX_DB or the user data directory)")
}

// defaultDBPath is $PARALLAX_DB, else $XDG_DATA_HOME/parallax/parallax.db,
// else ~/.local/share/parallax/parallax.db.
func defaultDBPath(env Env) string {
	if p := env.Getenv("PARALLAX_DB"); p != "" {
		return p
	}
	if x := env.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "parallax", "parallax.db")
	}
	home := env.Getenv("HOME")
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	return filepath.Join(home, ".local", "share", "parallax", "parallax.db")
}

// openStore opens the store the flag or environment names.
func openStore(ctx context.Context, flagValue string, env Env) (store.Archive, error) {
	path := flagValue
	if path == "" {
		path = defaultDBPath(env)
	}
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		db, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}
