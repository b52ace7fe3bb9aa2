//go:build race

package eval_test

// raceEnabled: the race detector slows the extractor about tenfold.
const raceEnabled = true
