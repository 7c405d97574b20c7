-- API key scopes (ApiKeys, ApiKeysResource): what a stored key may do, and which Source Apps it may see. The
-- configured key (PLANBRIDGE_API_KEY) is not stored here; it has every scope. Version 6 is taken by a PostgreSQL-only
-- step (db/vendor/postgresql), so this is 7 on every database.

-- The scopes, comma-separated names (ingest, admin, metrics). Keys stored before scopes existed could do everything,
-- so the default keeps them as they were; the admin API always writes the column.
ALTER TABLE api_key ADD COLUMN scopes VARCHAR(100) DEFAULT 'ingest,admin,metrics' NOT NULL;

-- The Source Apps a key is limited to, as JSON array text (["BC","NAV"]): a Source App may hold a comma, so a
-- separator would not parse back unambiguously. NULL: every Source App. Read by the pull delivery, which comes later.
ALTER TABLE api_key ADD COLUMN source_apps VARCHAR(4000);

-- The first characters of the key (pb_ and a few more), so that a person can tell keys apart in a list. Never the
-- hash, and never enough of the key to matter. NULL for keys stored before this column.
ALTER TABLE api_key ADD COLUMN key_prefix VARCHAR(12);

-- When the key was revoked; NULL while it is valid. A revoked key stays, so the list says what happened to it and
-- a request with it is told that it was revoked rather than that it is unknown. The key is found by its hash (the
-- unique index api_key_hash), so this column needs no index.
ALTER TABLE api_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
