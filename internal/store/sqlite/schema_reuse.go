package sqlite

// reuseMigrations add the tables of the copies and provenance stage.
//
// Signatures are one blob of lookup keys per article, not one row per LSH
// band: the copies stage rebuilds its index in memory from them in one
// sequential scan when it starts (a 100,000-article archive is ~70 MB of
// blobs, read in about a second), after which every candidate lookup is an
// in-memory probe. Band rows would make each lookup ~100 indexed queries
// and the table ~100 rows and index entries per article for the same
// answer; they would pay off only for several processes sharing one
// archive, which is the PostgreSQL backend's job.
//
// Links are keyed by the unordered pair of articles (the unique index on
// min/max), so re-deciding a direction replaces the link instead of adding
// a second one.
var reuseMigrations = []migration{
	{name: "copies: signatures and links", sql: `
CREATE TABLE reuse_signatures (
	article INTEGER PRIMARY KEY REFERENCES articles (seq),
	version INTEGER NOT NULL,
	keys    BLOB NOT NULL -- little-endian uint64 keys
);

CREATE TABLE reuse_links (
	copy       INTEGER NOT NULL REFERENCES articles (seq),
	original   INTEGER NOT NULL REFERENCES articles (seq),
	kind       TEXT NOT NULL,    -- news.ReuseKind
	coverage   REAL NOT NULL,    -- share of the copy aligned to the original
	confidence REAL NOT NULL,    -- direction confidence, 0.5 to 1
	evidence   TEXT NOT NULL,
	pairs      TEXT NOT NULL,    -- JSON array of news.AlignedPair
	CHECK (copy <> original)
);
CREATE UNIQUE INDEX reuse_links_pair ON reuse_links (min(copy, original), max(copy, original));
CREATE INDEX reuse_links_copy ON reuse_links (copy);
CREATE INDEX reuse_links_original ON reuse_links (original);
`},
}
