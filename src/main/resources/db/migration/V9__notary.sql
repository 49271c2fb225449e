-- The transparency log behind "存证" (RFC 9162 Merkle tree). Leaves, complete subtrees and signed tree heads are
-- append-only: the database refuses UPDATE and DELETE, so history can only grow (and any rewrite would break the
-- signed roots that receipts already carry).
CREATE SCHEMA notary;

CREATE TABLE notary.leaf (
  idx          BIGINT PRIMARY KEY CHECK (idx >= 0),
  leaf_hash    BYTEA NOT NULL CHECK (length(leaf_hash) = 32),
  entry_kind   VARCHAR(40) NOT NULL,
  entry_ref    VARCHAR(200) NOT NULL,
  content_hash BYTEA NOT NULL CHECK (length(content_hash) = 32),
  appended_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX leaf_entry ON notary.leaf (entry_kind, entry_ref);

-- Complete subtrees of 2^level leaves starting at leaf idx * 2^level (level 0 are the leaves themselves).
CREATE TABLE notary.subtree (
  level SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 62),
  idx   BIGINT NOT NULL CHECK (idx >= 0),
  hash  BYTEA NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);

CREATE TABLE notary.tree_head (
  tree_size BIGINT PRIMARY KEY CHECK (tree_size > 0),
  root_hash BYTEA NOT NULL CHECK (length(root_hash) = 32),
  signed_at TIMESTAMPTZ NOT NULL,
  key_id    VARCHAR(64) NOT NULL,
  signature BYTEA NOT NULL
);

CREATE FUNCTION notary.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the transparency log is append-only (%): nothing may be changed or removed', TG_TABLE_NAME;
END $$;
CREATE TRIGGER leaf_append_only BEFORE UPDATE OR DELETE ON notary.leaf FOR EACH ROW EXECUTE FUNCTION notary.refuse_change();
CREATE TRIGGER subtree_append_only BEFORE UPDATE OR DELETE ON notary.subtree FOR EACH ROW EXECUTE FUNCTION notary.refuse_change();
CREATE TRIGGER tree_head_append_only BEFORE UPDATE OR DELETE ON notary.tree_head FOR EACH ROW EXECUTE FUNCTION notary.refuse_change();
