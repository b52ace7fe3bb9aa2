package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// briefEval is the JSON report of `eval brief`: one report per gold story.
type briefEval struct {
	Stories []briefStoryEval `json:"stories"`
}

type briefStoryEval struct {
	Story  string           `json:"story"`
	Report eval.BriefReport `json:"report"`
	Brief  *news.Brief      `json:"brief"`
}

// evalBrief runs the whole pipeline on a set annotated like seeds/
// (articles/ and gold.json): the articles are ingested into a scratch
// SQLite store exactly as `parallax ingest` does (cleaning, copies,
// stories), each gold story's brief is built from the live story holding
// most of its articles, and scored against the annotation.
func evalBrief(ctx context.Context, dir string, out evalOutput) error {
	g, err := eval.ReadBriefGold(filepath.Join(dir, "gold.json"))
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "parallax-eval-brief-")
	if err != nil {
		return fmt.Errorf("scratch store: %w", err)
	}
	defer os.RemoveAll(tmp)
	st, err := sqlite.Open(ctx, filepath.Join(tmp, "brief.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	in := ingest.New(st, ingest.Options{Analyzers: ingest.Analyzers(st, cluster.Config{})})
	sum, err := in.Run(ctx, []string{filepath.Join(dir, "articles")})
	if err != nil {
		return err
	}
	if err := sum.Err(); err != nil {
		return err
	}
	var rep briefEval
	for _, gold := range g.Stories {
		votes := map[string]int{}
		best := ""
		for _, id := range gold {
			s, err := st.StoryOf(ctx, id)
			if err != nil || s == "" {
				continue
			}
			votes[s]++
			if best == "" || votes[s] > votes[best] {
				best = s
			}
		}
		if best == "" {
			return fmt.Errorf("none of the gold story's articles %v was assigned a story", gold)
		}
		b, err := brief.Build(ctx, st, best, brief.Options{})
		if err != nil {
			return err
		}
		rep.Stories = append(rep.Stories, briefStoryEval{Story: best, Report: eval.ScoreBrief(b, g), Brief: b})
	}
	if out.json {
		return out.writeJSON(rep)
	}
	for _, s := range rep.Stories {
		fmt.Fprintf(out.env.Stdout, "story %s\n", s.Story)
		if err := s.Report.Write(out.env.Stdout); err != nil {
			return err
		}
	}
	return nil
}
