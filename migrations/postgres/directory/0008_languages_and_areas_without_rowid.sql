-- On SQLite this migration clusters person_languages and person_practice_areas on their primary
-- keys (WITHOUT ROWID). PostgreSQL has no such choice (a heap and its indexes) and keeps its
-- tables as they are; their statistics are refreshed, so that both dialects share one list of
-- migrations.
ANALYZE person_languages;
ANALYZE person_practice_areas;
