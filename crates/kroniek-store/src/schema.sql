-- The kroniek corpus database (SQLite). This file is the documentation of the schema too:
-- open corpus.sqlite from R (RSQLite), Python (sqlite3) or DuckDB (sqlite extension) and
-- join on articles.rowid. Offsets (start, end) are UTF-8 byte offsets into articles.text.

PRAGMA journal_mode = WAL;

-- Free-form facts about the corpus (schema version, creation time).
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per stored article. Exact duplicates are stored once (see duplicate_inputs).
CREATE TABLE IF NOT EXISTS articles (
    rowid          INTEGER PRIMARY KEY,   -- internal number, also the search index's key
    id             TEXT NOT NULL UNIQUE,  -- stable id: hash of source and content (16 hex)
    doc            TEXT NOT NULL,         -- input file name without extension, or the record's id
    source         TEXT NOT NULL,         -- outlet, URL host, or the input folder's name
    path           TEXT NOT NULL,         -- input file
    line           INTEGER NOT NULL,      -- line / record number in that file (0: whole file)
    url            TEXT,
    title          TEXT,
    date           TEXT,                  -- ISO date to its precision: 2024-09-17, 2024-09, 2024
    date_precision TEXT NOT NULL,         -- day | month | year | unknown
    language       TEXT NOT NULL,         -- ISO 639-3 (nld, eng, deu, ...) or und
    text           TEXT NOT NULL,         -- the article text; never changed after ingest
    text_offset    INTEGER NOT NULL,      -- byte offset of text in the decoded input file
    metadata       TEXT NOT NULL,         -- JSON object: the record's other fields
    content_hash   TEXT NOT NULL,         -- hash of the words alone: equal for exact duplicates
    ingested_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_doc ON articles (doc);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);

-- Sentences (and headings, list items) of each article, one row per article: a JSON array of
-- [start, end, paragraph, heading, residue] in text order (heading 1 for a heading, residue 1
-- for page residue: captions, credits, "Lees meer"). One row instead of one per sentence keeps
-- ingest fast and the file small; read them through the view below.
CREATE TABLE IF NOT EXISTS article_sentences (
    article INTEGER PRIMARY KEY REFERENCES articles (rowid),
    spans   TEXT NOT NULL
);
-- One row per sentence: SELECT * FROM sentences WHERE article = ? ORDER BY start.
CREATE VIEW IF NOT EXISTS sentences (article, start, end, paragraph, heading, residue) AS
    SELECT s.article, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
           json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]')
    FROM article_sentences s, json_each(s.spans) j;

-- Page residue spans and why they were marked (caption, credit, byline, read_more, ...).
CREATE TABLE IF NOT EXISTS residue (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    kind    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS residue_article ON residue (article);

-- Entities as resolved inside one article; local = their number within the article.
CREATE TABLE IF NOT EXISTS article_entities (
    article  INTEGER NOT NULL REFERENCES articles (rowid),
    local    INTEGER NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,              -- PER | ORG | LOC | MISC
    aliases  TEXT NOT NULL,              -- JSON array of other forms
    roles    TEXT NOT NULL,              -- JSON array of roles and titles
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, local)
);
CREATE INDEX IF NOT EXISTS article_entities_name ON article_entities (name);

-- Entity mentions: span of the name, type, the article entity it belongs to, role if written.
CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    type    TEXT NOT NULL,
    local   INTEGER NOT NULL,            -- article_entities.local
    role    TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article);

-- Statements: who said what. speaker is the entity's name or the group as written.
CREATE TABLE IF NOT EXISTS statements (
    rowid         INTEGER PRIMARY KEY,
    article       INTEGER NOT NULL REFERENCES articles (rowid),
    kind          TEXT NOT NULL,         -- direct | partial | indirect
    speaker       TEXT NOT NULL,
    speaker_local INTEGER,               -- article_entities.local, when resolved to an entity
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    start         INTEGER NOT NULL,      -- content span (quote marks excluded)
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_article ON statements (article);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);

-- Exact duplicates: other inputs that carried an article already stored.
CREATE TABLE IF NOT EXISTS duplicate_inputs (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    path    TEXT NOT NULL,
    line    INTEGER NOT NULL,
    doc     TEXT NOT NULL,
    UNIQUE (path, line)
);

-- Near-duplicates: the same article crawled again or syndicated with small edits.
CREATE TABLE IF NOT EXISTS near_duplicates (
    article    INTEGER PRIMARY KEY REFERENCES articles (rowid),
    original   INTEGER NOT NULL REFERENCES articles (rowid),  -- first stored member of the group
    similarity REAL NOT NULL                                   -- estimated Jaccard of word 5-grams
);

-- MinHash signatures and their LSH buckets, used to find near-duplicates quickly.
CREATE TABLE IF NOT EXISTS signatures (
    article   INTEGER PRIMARY KEY REFERENCES articles (rowid),
    signature BLOB NOT NULL
);
-- One row per band of each signature: articles sharing a bucket are candidate near-duplicates.
-- The bucket is a hash of the band's number and its rows, so one key serves all bands.
CREATE TABLE IF NOT EXISTS lsh_buckets (
    bucket  INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (bucket, article)
) WITHOUT ROWID;

-- Input files read to the end, so an unchanged file is not read again.
CREATE TABLE IF NOT EXISTS input_files (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    modified    INTEGER NOT NULL,         -- seconds since 1970
    finished_at TEXT NOT NULL
);

-- Every ingest run and what it skipped or repaired.
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    read        INTEGER NOT NULL DEFAULT 0,
    stored      INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ingest_log (
    run     INTEGER NOT NULL REFERENCES runs (id),
    path    TEXT NOT NULL,
    line    INTEGER,
    skipped INTEGER NOT NULL,           -- 1 skipped, 0 read after a repair (warning)
    message TEXT NOT NULL
);

-- Entities across the corpus: one per real-world referent (`kroniek entities` resolves them;
-- a user knowledge base fixes names and ids).
CREATE TABLE IF NOT EXISTS entities (
    number              INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,   -- knowledge-base id, or TYPE:slug-of-name
    name                TEXT NOT NULL,          -- canonical name
    type                TEXT NOT NULL,
    aliases             TEXT NOT NULL,          -- JSON array
    roles               TEXT NOT NULL,          -- JSON array
    mentions            INTEGER NOT NULL,
    articles            INTEGER NOT NULL,
    first_seen          TEXT,
    last_seen           TEXT,
    from_knowledge_base INTEGER NOT NULL
);
-- Which corpus entity each article entity belongs to.
CREATE TABLE IF NOT EXISTS entity_links (
    article INTEGER NOT NULL REFERENCES articles (rowid),
    local   INTEGER NOT NULL,                   -- article_entities.local
    entity  INTEGER NOT NULL REFERENCES entities (number),
    PRIMARY KEY (article, local)
);
