package sqlite

// storyMigrations add the tables of the stories stage.
//
// stories holds one row per story id ever created; a merged story keeps
// its row with merged_into set, so its id stays resolvable. story_articles
// holds each assigned article's live story (merges move the rows) and the
// time the clusterer used for it, which bounds the window a clusterer
// rebuilds from after a restart.
var storyMigrations = []migration{
	{name: "stories and story assignments", sql: `
CREATE TABLE stories (
	id          TEXT PRIMARY KEY,
	merged_into TEXT REFERENCES stories (id), -- NULL while the story is live
	first_seen  INTEGER NOT NULL,             -- Unix nanoseconds, UTC
	last_seen   INTEGER NOT NULL
);

CREATE INDEX stories_live ON stories (last_seen) WHERE merged_into IS NULL;

CREATE TABLE story_articles (
	seq     INTEGER PRIMARY KEY,                         -- assignment order
	article TEXT NOT NULL UNIQUE REFERENCES articles (id),
	story   TEXT NOT NULL REFERENCES stories (id),       -- always a live story
	at      INTEGER NOT NULL                             -- clustering time, Unix ns UTC
);

CREATE INDEX story_articles_story ON story_articles (story, seq);
CREATE INDEX story_articles_at ON story_articles (at);
`},
}
