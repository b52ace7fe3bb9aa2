// Package claim compares how the articles of one story state its claims:
// which outlet asserts, attributes, hedges, denies or leaves out each
// claim, which denial answers which claim and who left a public denial
// out, what sources the claims rest on, what each headline leads with,
// and what only one outlet reports.
//
// Analyze works in stages, each in its own file:
//
//   - units.go: every sentence becomes a statement; reported speech is
//     resolved with package attrib (who says it, the cue, the content;
//     relations.go drops those that are no reported speech, such as "a
//     rota that adds two shifts"), and the stance vocabulary of
//     lexicon.go marks attribution, hedges, negation and denials
//     ("denied reports that…", "'That's false,' he said", "does not
//     correspond to reality").
//   - story.go: statements are compared by their content words (stems,
//     with common news synonyms and acronyms folded, manner adverbs
//     left out), weighted by how rare they are in the story; words most
//     statements share name the story's subject and cannot alone make
//     two statements agree; numbers must agree. Negation is read per
//     word ("not aware" and "unaware" agree, "was arrested" and "was not
//     arrested" do not), and two named speakers saying alike make two
//     claims unless worded alike.
//   - group.go: the statement most independent sources repeat becomes the
//     centre of a claim, with the closest statement of every other
//     article; then every article's statement carrying the claim is found
//     and its stance read. A copy (Options.CopyOf) counts with its
//     original, so a rewrite never adds independent support.
//     claimtext.go words each claim briefly (about 25 words), without
//     who says it ("…, X reported", "according to Y"): Origin says that.
//   - denial.go: each denial is linked to the claim it restates; one
//     that only points back with a denial verb ("the union rejected the
//     claim") to the statement just before it — made a claim of its own
//     when no shared claim holds it, since what is denied belongs in the
//     matrix — and a bare verdict ("'That's false,' he said") to the most
//     central claim its article stated before it; denials of one claim
//     form one denial claim. Articles carrying a claim without its denial, published after
//     the denial was public, are listed (the rule is on omittedDenials).
//   - sources.go, mentions.go and anon.go: cited sources normalised
//     across articles ("a Meridian report" = "Meridian News", "Varnholm's
//     transport office" = "transport office"), each of a kind: outlets
//     and agencies first, then officials, unnamed sources, named people
//     and the rest ("shopkeepers"). Unnamed sources are read from the
//     sentence ("two engineers who…, speaking on condition of
//     anonymity", "a source who asked not to be named", "people familiar
//     with the matter") and kept per report they come through, so
//     analyze.go can say what the central claim rests on: "5 articles, 1
//     original report, 2 anonymous sources".
//   - frames.go, unique.go and detail.go: headline frames, and details
//     only one article reports that carry something specific (a figure,
//     a name, a quotation, a date the story does not share widely), most
//     specific first, page furniture left out; flagged when they rest on
//     the outlet's own access ("told <Outlet>", "seen by <Outlet>").
//
// HeadlineStance applies the same vocabulary to a headline read against a
// known claim; `parallax eval stance` scores it on the Emergent set.
//
// Nothing here names a person, outlet or event: the vocabulary is general
// English reporting, hedging and denial language.
package claim
