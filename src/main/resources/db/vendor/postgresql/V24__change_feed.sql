-- The change feed that misses nothing (GET /api/changes), PostgreSQL only.
--
-- A row version comes from a sequence when the row is written, not when its transaction commits: a reader that
-- keeps the highest row version it has seen skips a row whose transaction commits after a later one. So every
-- row of a feed table also carries the id of the transaction that last wrote it (change_xid, xid8: 64 bits, it
-- never wraps), stamped by the database (a default on insert, a trigger on update), and the feed hands out only
-- changes below the oldest transaction still running (pg_snapshot_xmin(pg_current_snapshot())): every
-- transaction below it has ended, so nothing can still appear there. The cursor is the pair (change_xid,
-- row_version), in that order; a transaction that commits late has an id at or above that bound, so it lands
-- after any cursor handed out while it ran. A transaction left open holds the feed back (it reports by how much).
--
-- A delete leaves a tombstone (its key columns, from change_feed_type), stamped the same way and kept for the
-- configured retention; change_feed_horizon is the highest (change_xid, row_version) pruned so far: a cursor below
-- it may have missed a delete and gets 410 (resynchronise).

CREATE TABLE change_tombstone (
    row_version BIGINT DEFAULT nextval('row_version_seq') NOT NULL PRIMARY KEY,
    change_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    record_table VARCHAR(40) NOT NULL,
    record_key JSONB NOT NULL,
    deleted_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX change_tombstone_feed ON change_tombstone (change_xid, row_version);
CREATE INDEX change_tombstone_age ON change_tombstone (deleted_at);

CREATE TABLE change_feed_horizon (
    singleton BOOLEAN DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    change_xid xid8 NOT NULL,
    row_version BIGINT NOT NULL
);
INSERT INTO change_feed_horizon (singleton, change_xid, row_version) VALUES (TRUE, '0', 0);

CREATE FUNCTION change_feed_restamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

-- The trigger's arguments are the table's key columns.
CREATE FUNCTION change_feed_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row JSONB := to_jsonb(OLD);
    record_key JSONB := '{}';
BEGIN
    FOR i IN 0 .. TG_NARGS - 1 LOOP
        record_key := record_key || jsonb_build_object(TG_ARGV[i], old_row -> TG_ARGV[i]);
    END LOOP;
    INSERT INTO change_tombstone (record_table, record_key) VALUES (TG_TABLE_NAME, record_key);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    feed RECORD;
BEGIN
    FOR feed IN SELECT record_table, key_columns FROM change_feed_type LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN change_xid xid8 DEFAULT pg_current_xact_id() NOT NULL',
            feed.record_table);
        EXECUTE format('CREATE INDEX %I ON %I (change_xid, row_version)', feed.record_table || '_change',
            feed.record_table);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION change_feed_restamp()',
            feed.record_table || '_restamp', feed.record_table);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I FOR EACH ROW EXECUTE FUNCTION change_feed_tombstone(%s)',
            feed.record_table || '_tombstone', feed.record_table,
            (SELECT string_agg(quote_literal(k), ', ') FROM unnest(string_to_array(feed.key_columns, ',')) AS k));
    END LOOP;
END
$$;
