package sqlite

// reuseMigrations add the tables of the copies and provenance stage.
var reuseMigrations = []migration{}
