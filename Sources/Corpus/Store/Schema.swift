import GRDB

/// The corpus schema, as versioned migrations. Every table is plain SQL a user can query
/// (see docs/SCHEMA.md). Offsets (`start`, `end`) are Unicode-scalar offsets into `article.body`.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: documents, articles, search, entities, events, quantities") { db in
            try db.execute(sql: """
            CREATE TABLE document (
                id INTEGER PRIMARY KEY,
                content_hash TEXT NOT NULL UNIQUE,      -- SHA-256 of the file's bytes
                byte_count INTEGER NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE TABLE file (
                path TEXT PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE
            );
            CREATE INDEX file_document ON file(document_id);

            CREATE TABLE article (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                part INTEGER NOT NULL,                  -- position in the file (pages and JSON Lines hold several)
                source_path TEXT NOT NULL,
                title TEXT,
                url TEXT,
                source TEXT,
                authors TEXT NOT NULL,                  -- JSON array
                published TEXT,                         -- ISO 8601 as found
                published_day TEXT,                     -- YYYY-MM-DD, for date filters
                section TEXT,
                page TEXT,
                script TEXT NOT NULL,
                body TEXT NOT NULL,                     -- simplified script
                summary TEXT NOT NULL,
                keywords TEXT NOT NULL,                 -- JSON array
                simhash INTEGER NOT NULL,
                duplicate_of INTEGER REFERENCES article(id) ON DELETE SET NULL,
                duplicate_distance INTEGER,
                record TEXT NOT NULL,                   -- the full analysis record (JSON)
                UNIQUE (document_id, part)
            );
            CREATE INDEX article_published ON article(published_day);
            CREATE INDEX article_duplicate ON article(duplicate_of);

            CREATE TABLE article_band (                 -- SimHash bands, for near-duplicate blocking
                band INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                PRIMARY KEY (band, article_id)
            ) WITHOUT ROWID;
            CREATE INDEX article_band_article ON article_band(article_id);

            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, body, content='article', content_rowid='id', tokenize='kechuang'
            );
            CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
                INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
            END;
            CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
            END;

            CREATE TABLE entity (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                type TEXT NOT NULL,                     -- organization | place | person
                division TEXT,                          -- JSON array: administrative divisions of a place
                UNIQUE (name, type)
            );
            CREATE TABLE entity_alias (
                alias TEXT NOT NULL,
                entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                PRIMARY KEY (alias, entity_id)
            ) WITHOUT ROWID;
            CREATE TABLE article_entity (
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                mentions INTEGER NOT NULL,
                role TEXT,
                PRIMARY KEY (article_id, entity_id)
            ) WITHOUT ROWID;
            CREATE INDEX article_entity_entity ON article_entity(entity_id);

            CREATE TABLE technology (
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                term TEXT NOT NULL,
                category TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (article_id, term)
            ) WITHOUT ROWID;
            CREATE INDEX technology_term ON technology(term);

            CREATE TABLE industry (
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                category TEXT NOT NULL,                 -- one of the nine 2018 categories, or other
                PRIMARY KEY (article_id, name)
            ) WITHOUT ROWID;
            CREATE INDEX industry_name ON industry(name);
            CREATE INDEX industry_category ON industry(category);

            CREATE TABLE quantity (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                kind TEXT NOT NULL,                     -- money | count | percent | percentage_point | rank | multiple
                value REAL NOT NULL,
                unit TEXT NOT NULL,
                bound TEXT NOT NULL,                    -- exact | lower | upper | approximate
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                subject TEXT,                           -- the entity a claim is about (numeric claims only)
                indicator TEXT,                         -- what is counted (numeric claims only)
                claim_key TEXT,                         -- subject|indicator|unit
                sentence TEXT
            );
            CREATE INDEX quantity_article ON quantity(article_id);
            CREATE INDEX quantity_claim ON quantity(claim_key);

            CREATE TABLE story (                        -- one real-world event, however many reports
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                date TEXT,                              -- the most specific date its reports give
                label TEXT NOT NULL,
                summary TEXT NOT NULL
            );
            CREATE INDEX story_date ON story(date);
            CREATE TABLE story_party (
                party TEXT NOT NULL,
                story_id INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
                PRIMARY KEY (party, story_id)
            ) WITHOUT ROWID;
            CREATE INDEX story_party_story ON story_party(story_id);

            CREATE TABLE event (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                story_id INTEGER REFERENCES story(id) ON DELETE SET NULL,
                type TEXT NOT NULL,
                label TEXT NOT NULL,
                date TEXT,
                date_text TEXT,
                parties TEXT NOT NULL,                  -- JSON array of resolved names
                place TEXT,
                amount REAL,
                amount_text TEXT,
                summary TEXT NOT NULL,
                evidence TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL
            );
            CREATE INDEX event_article ON event(article_id);
            CREATE INDEX event_story ON event(story_id);
            CREATE INDEX event_type_date ON event(type, date);
            CREATE TABLE event_party (
                event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                party TEXT NOT NULL,
                PRIMARY KEY (event_id, party)
            ) WITHOUT ROWID;
            CREATE INDEX event_party_party ON event_party(party);

            CREATE TABLE conflict (                     -- two sources disagree on a figure
                id INTEGER PRIMARY KEY,
                claim_key TEXT NOT NULL,
                subject TEXT,
                indicator TEXT NOT NULL,
                unit TEXT NOT NULL,
                quantity_a INTEGER NOT NULL REFERENCES quantity(id) ON DELETE CASCADE,
                quantity_b INTEGER NOT NULL REFERENCES quantity(id) ON DELETE CASCADE,
                value_a REAL NOT NULL,
                value_b REAL NOT NULL,
                UNIQUE (claim_key, value_a, value_b)
            );
            CREATE INDEX conflict_key ON conflict(claim_key);
            """)
        }
        m.registerMigration("v2: claim values for incremental conflicts, story party counts") { db in
            try db.execute(sql: """
            CREATE TABLE claim_value (                  -- distinct figures per claim key and month
                claim_key TEXT NOT NULL,
                value REAL NOT NULL,
                bound TEXT NOT NULL,
                month TEXT NOT NULL,                    -- YYYY-MM of publication, '' when unknown
                quantity_id INTEGER NOT NULL REFERENCES quantity(id) ON DELETE CASCADE,   -- the first report
                reports INTEGER NOT NULL,
                PRIMARY KEY (claim_key, value, bound, month)
            ) WITHOUT ROWID;
            CREATE INDEX claim_value_quantity ON claim_value(quantity_id);
            ALTER TABLE story ADD COLUMN party_count INTEGER NOT NULL DEFAULT 0;   -- named parties, for matching
            UPDATE story SET party_count = (SELECT count(*) FROM story_party sp WHERE sp.story_id = story.id AND sp.party NOT LIKE char(1) || '%');
            """)
            try ConflictFinder.rebuildAll(db)
        }
        m.registerMigration("v3: metadata") { db in
            try db.execute(sql: """
            CREATE TABLE kechuang_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO kechuang_meta(key, value) VALUES ('tokenizer', '\(SegmenterTokenizer.version)');
            """)
        }
        m.registerMigration("v4: filter tags in the search index") { db in
            try db.execute(sql: """
            ALTER TABLE article ADD COLUMN tags TEXT NOT NULL DEFAULT '';
            DROP TRIGGER article_fts_insert;
            DROP TRIGGER article_fts_delete;
            DROP TRIGGER article_fts_update;
            DROP TABLE article_fts;
            """)
            // Tags of the articles already stored (before the new triggers exist), then the index.
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM article") {
                let types = try String.fetchAll(db, sql: "SELECT DISTINCT type FROM event WHERE article_id = ?", arguments: [id])
                let day = try String.fetchOne(db, sql: "SELECT published_day FROM article WHERE id = ?", arguments: [id])
                let entities = try Int64.fetchAll(db, sql: "SELECT entity_id FROM article_entity WHERE article_id = ?", arguments: [id])
                let tech = try String.fetchAll(db, sql: "SELECT term FROM technology WHERE article_id = ?", arguments: [id])
                let ind = try String.fetchAll(db, sql: "SELECT name FROM industry WHERE article_id = ? UNION SELECT category FROM industry WHERE article_id = ?",
                                              arguments: [id, id])
                let tags = FilterTags.tags(eventTypes: types, published: day, entityIds: entities, technologies: tech, industries: ind)
                try db.execute(sql: "UPDATE article SET tags = ? WHERE id = ?", arguments: [tags, id])
            }
            try db.execute(sql: """
            CREATE VIRTUAL TABLE article_fts USING fts5(
                title, body, tags, content='article', content_rowid='id', tokenize='kechuang'
            );
            CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
                INSERT INTO article_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
            END;
            CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
            END;
            CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body, tags ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
                INSERT INTO article_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
            END;
            INSERT INTO article_fts(article_fts) VALUES ('rebuild');
            """)
        }
        return m
    }

    /// Rebuilds the search index when it was built by another version of the tokenizer (its
    /// tokens would no longer match the queries').
    static func refreshSearchIndex(_ db: Database) throws {
        let built = try String.fetchOne(db, sql: "SELECT value FROM kechuang_meta WHERE key = 'tokenizer'")
        guard built != SegmenterTokenizer.version else { return }
        try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
        try db.execute(sql: "INSERT OR REPLACE INTO kechuang_meta(key, value) VALUES ('tokenizer', ?)", arguments: [SegmenterTokenizer.version])
    }
}
