package news

// Brief is the coverage comparison of one story: what each outlet claims,
// quotes, dates, cites and alone reports. Its JSON is the contract of
// `parallax export --what briefs` and of GET /api/v1/stories/{id}.
type Brief struct {
	Story    string   `json:"story"`
	Headline string   `json:"headline"`
	Articles []string `json:"articles"`
	// Outlets maps each article id to its outlet ("" when unknown), so a
	// reader of the brief alone can label the matrix columns.
	Outlets map[string]string `json:"outlets,omitempty"`
	// IndependentOrigins counts articles that are not copies of another.
	IndependentOrigins int               `json:"independent_origins"`
	Summary            []SummarySentence `json:"summary"`
	Claims             []Claim           `json:"claims"`
	Quotes             []Quote           `json:"quotes"`
	CitedSources       []CitedSource     `json:"cited_sources"`
	Timeline           []TimelineEntry   `json:"timeline"`
	Unique             []UniqueDetail    `json:"unique"`
	Frames             []Frame           `json:"frames"`
	OmittedDenials     []OmittedDenial   `json:"omitted_denials,omitempty"`
	Origins            *OriginsStatement `json:"origins,omitempty"`
}

// Stance is how one article treats one claim.
type Stance string

// The stances of the coverage matrix.
const (
	Asserts       Stance = "asserts"        // states the claim as fact
	Attributes    Stance = "attributes"     // reports it as someone's claim
	Hedges        Stance = "hedges"         // "reportedly", "may", "could"
	Denies        Stance = "denies"         // states it is false
	ReportsDenial Stance = "reports_denial" // reports that someone denied it
	Omits         Stance = "omits"          // does not mention it
)

// Claim is one statement of the story as several articles word it.
type Claim struct {
	ID string `json:"id"`
	// Text is a short canonical wording taken from the best-supported unit.
	Text string `json:"text"`
	// Origin is who the claim rests on ("Island Post", "Ada Krantz"),
	// "" when the articles state it without a source.
	Origin string `json:"origin,omitempty"`
	// Denies is the id of the claim this one denies, "" if none.
	Denies string `json:"denies,omitempty"`
	// Stances has one entry per article of the story.
	Stances map[string]Stance `json:"stances"`
	// Evidence is, per article that mentions the claim, the sentence that
	// does so.
	Evidence map[string]string `json:"evidence,omitempty"`
}

// Quote is one direct quotation and its variants across articles.
type Quote struct {
	Speaker  string         `json:"speaker"`
	Role     string         `json:"role,omitempty"`
	Text     string         `json:"text"`
	Articles []string       `json:"articles"`
	Variants []QuoteVariant `json:"variants,omitempty"`
}

// QuoteVariant is one article's wording of a quote, and how it differs
// from the most common wording.
type QuoteVariant struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	// Diff describes the difference from Quote.Text ("reworded",
	// "brackets", "shortened", "paraphrase"); "" when identical.
	Diff string `json:"diff,omitempty"`
}

// CitedSource is an outlet, agency, official or anonymous source the
// articles rest on, normalised across articles.
type CitedSource struct {
	Name string `json:"name"`
	// Kind is "outlet", "agency", "official", "anonymous", "person" (a
	// named person without an office) or "other".
	Kind     string   `json:"kind,omitempty"`
	Articles []string `json:"articles"`
	// Via names the source this one is cited through ("two people close
	// to the ministry" via "Island Post"), "" when cited directly.
	Via string `json:"via,omitempty"`
}

// TimelineEntry is one dated event, merged across articles.
type TimelineEntry struct {
	// Date is YYYY, YYYY-MM or YYYY-MM-DD (RFC 3339 when a time is known).
	Date     string   `json:"date"`
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	// Disagreements lists other dates some articles give the same event.
	Disagreements []DatedBy `json:"disagreements,omitempty"`
}

// DatedBy is a date one article gives an event.
type DatedBy struct {
	Article string `json:"article"`
	Date    string `json:"date"`
}

// UniqueDetail is something only one outlet reports.
type UniqueDetail struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	// Unconfirmable marks a detail internal to the outlet (its own
	// sources, its own access) that nobody else can confirm.
	Unconfirmable bool `json:"unconfirmable,omitempty"`
}

// Frame is what an article's headline leads with and whether the body
// supports it.
type Frame struct {
	Article string `json:"article"`
	// Frame is "claim", "denial", "reaction", "attribution" or "other".
	Frame     string `json:"frame"`
	Supported bool   `json:"supported"`
	// Claim is the id of the claim the headline states, if any.
	Claim string `json:"claim,omitempty"`
}

// OmittedDenial flags an article that leaves out a denial which was
// already public when the article was published.
type OmittedDenial struct {
	Article string `json:"article"`
	Claim   string `json:"claim"` // the denial claim's id
}

// OriginsStatement sums up what the story rests on: "5 articles, 1
// original report, 2 anonymous sources".
type OriginsStatement struct {
	Articles         int    `json:"articles"`
	OriginalReports  int    `json:"original_reports"`
	AnonymousSources int    `json:"anonymous_sources"`
	Text             string `json:"text"`
}

// SummarySentence is one sentence of a story summary and the articles
// and outlets that carry it.
type SummarySentence struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets,omitempty"`
	// SingleSource marks a sentence only one independent origin carries.
	SingleSource bool `json:"single_source,omitempty"`
	// Denied marks a sentence stating a claim that some article reports
	// as denied.
	Denied bool `json:"denied,omitempty"`
}
