// Package news holds Parallax's domain types — articles, their publication
// times and sentence spans — and the sentinel errors every other package
// returns. It imports nothing from the rest of the project: all dependencies
// point inward to it.
package news
