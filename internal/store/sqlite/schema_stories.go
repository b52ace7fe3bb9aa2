package sqlite

// storyMigrations add the tables of the stories stage.
var storyMigrations = []migration{}
