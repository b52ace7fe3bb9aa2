package cli

import (
	"context"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
)

// evalCluster scores story clustering on a set with gold/clusters.tsv.
func evalCluster(ctx context.Context, dir string, out evalOutput) error {
	rep, err := eval.Cluster(ctx, dir, cluster.Config{}, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		rep.Assignments = nil
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}
