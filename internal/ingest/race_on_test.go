//go:build race

package ingest

// raceEnabled: the race detector slows clustering about tenfold.
const raceEnabled = true
