package ingest

// Expand resolves sources as Run does — folders walked for article files,
// globs matched, URLs and "-" kept — without reading them, so that a job
// queue can hand each input to a different worker. The failures name the
// sources that resolve to nothing.
func Expand(sources []string) ([]string, []Failure) {
	inputs, failures := expand(sources)
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.name
	}
	return names, failures
}
