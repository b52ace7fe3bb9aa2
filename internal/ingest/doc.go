// Package ingest is Parallax's pipeline: it expands the sources a user names
// (files, folders, globs, JSON Lines on stdin, page and feed URLs) into raw
// documents, runs each through the pure stages — decode, detect the format,
// extract, normalise, detect the language, split sentences — on a bounded
// pool of workers, and writes the resulting articles to the store in
// batches. One bad input is reported with its name and reason and never
// stops the rest; memory stays flat however many articles stream through.
package ingest
