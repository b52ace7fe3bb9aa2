package cli

import (
	"context"
	"os"
	"path/filepath"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/reuse"
)

// evalReuse runs the copies benchmark the set's layout calls for: a
// sentence-pair set (gold/pairs.tsv, e.g. msrp-train) scores the sentence
// similarity at reuse.ParaphraseThreshold; a clustered set
// (gold/clusters.tsv, e.g. duc2004-dev) runs the controlled-edit copies.
func evalReuse(ctx context.Context, dir string, out evalOutput) error {
	if _, err := os.Stat(filepath.Join(dir, "gold", "pairs.tsv")); err == nil {
		rep, err := eval.ParaphrasePairs(ctx, dir, reuse.SentenceSimilarity, reuse.ParaphraseThreshold, out.progress)
		if err != nil {
			return err
		}
		if out.json {
			return out.writeJSON(rep)
		}
		return rep.Write(out.env.Stdout)
	}
	rep, err := eval.ControlledEdits(ctx, dir, func() eval.ReuseChecker { return reuse.NewArchive() }, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}
