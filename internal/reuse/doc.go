// Package reuse finds copies among news articles: exact duplicates, near
// duplicates, paraphrased rewrites and partial reuse, and decides which of
// two articles is the original.
//
// # Pipeline
//
// Prepare turns an article into a Doc: per sentence, the hashed stems of its
// content words, its stem bigrams, its numbers, its capitalised names and
// the passages it puts inside quotation marks. Keys derives the article's
// lookup keys from a Doc:
//
//   - one exact key, the hash of the folded word sequence;
//   - MinHash over word 3-shingles in bands (near duplicates);
//   - per sentence, MinHash over the sentence's content stems in bands of
//     two, so that a rewritten sentence which keeps a few of its content
//     words still shares a key with its source (paraphrases);
//   - per long quotation, its words verbatim, so that articles printing
//     the same statement find each other as witnesses for the direction.
//
// Index maps keys to archived articles. Candidates looks up a new article's
// keys — a handful of map or binary-search probes each, so the cost grows
// with the number of matching articles, not with the archive — and ranks
// the articles that share enough of them. Compare then aligns the new
// article with each candidate sentence by sentence and gives the verdict.
//
// # Copy or same event
//
// Two outlets covering one event share names, numbers, a quote or two and
// a few facts. A rewrite shares much more: most of its sentences each align
// to one sentence of the original with high similarity, mostly in the same
// order. Align pairs sentences loosely (Similarity, AlignThreshold), so
// that heavy rewording is still found; Compare then asks for a minimum
// share of the copy's words in aligned sentences, several aligned pairs,
// pairs that agree beyond a shared quotation, and — what same-event reports
// lack — at least 40% of one article's words in pairs that the sentence
// paraphrase model (Paraphrase, a logistic model over overlap, word order,
// length, number and negation features, fitted once on msrp-train) accepts,
// unless most of both articles align in order (a whole-article rewrite).
// So the verdict is about text, not about topic.
//
// # Direction
//
// Publication times decide when both are known and differ. Otherwise the
// evidence is internal: an article that credits the other's outlet as its
// source ("…, the X reported", "according to X") while the other does not
// credit it; a quotation the other article renders only in part; a
// quotation, or an aligned sentence, that one article rewords while a third
// article prints it verbatim. Without evidence the later arrival is taken as the copy, with
// confidence 0.5.
//
// Everything here is pure and does no I/O; the Index is safe for concurrent
// use.
package reuse
