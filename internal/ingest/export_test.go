package ingest

import "context"

// SetSeedRebuild makes s rebuild by seeding the window instead of
// replaying, for the benchmarks comparing the two.
func SetSeedRebuild(s *StoryAnalyzer, on bool) { s.seedRebuild = on }

// Load runs the rebuild s does on first use.
func (s *StoryAnalyzer) Load(ctx context.Context) error { return s.load(ctx) }

// SetReplayLimit replaces ReplayLimit for s.
func SetReplayLimit(s *StoryAnalyzer, n int) { s.replayLimit = n }
