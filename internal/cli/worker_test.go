package cli

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/queue"
)

func TestRun_WorkerUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"worker needs postgres", []string{"worker", "--db", filepath.Join(dir, "x.db")}},
		{"worker takes no sources", []string{"worker", "--db", "postgres://nowhere/db", "a.jsonl"}},
		{"enqueue needs a source", []string{"enqueue", "--db", "postgres://nowhere/db"}},
		{"enqueue needs postgres", []string{"enqueue", "--db", filepath.Join(dir, "x.db"), "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, _ := testEnv(`{"id":"a","text":"Some words."}`)
			err := Run(context.Background(), tt.args, env)
			if !errors.Is(err, ErrUsage) {
				t.Errorf("Run(%q) = %v, want a usage error", tt.args, err)
			}
		})
	}
}

func TestRun_HelpListsWorker(t *testing.T) {
	env, out, _ := testEnv("")
	if err := Run(context.Background(), []string{"help"}, env); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"parallax worker --db postgres://", "parallax enqueue --db postgres://"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestJobsFor(t *testing.T) {
	env, _, _ := testEnv("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"c\",\"text\":\"z\"}\n")
	jobs, err := jobsFor("-", 2, env)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].Kind != queue.KindRecords || strings.Count(jobs[0].Payload, "\n") != 2 {
		t.Errorf("stdin jobs = %+v, want 2 record jobs of 2 and 1", jobs)
	}
	jobs, err = jobsFor("https://news.example/feed.xml", 2, env)
	if err != nil || len(jobs) != 1 || jobs[0].Kind != queue.KindSource || jobs[0].Payload != "https://news.example/feed.xml" {
		t.Errorf("URL jobs = %+v, %v; want one source job", jobs, err)
	}
	jobs, err = jobsFor("page.html", 2, env)
	if err != nil || len(jobs) != 1 || !filepath.IsAbs(jobs[0].Payload) {
		t.Errorf("file jobs = %+v, %v; want one job with an absolute path", jobs, err)
	}
}
