/** The first schema. STRICT tables: SQLite refuses values of the wrong type. */
export const up = /* sql */ `
CREATE TABLE import_run (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('file', 'demo')),
  files_json TEXT NOT NULL,
  ignored_json TEXT NOT NULL,
  added INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  warnings_json TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL CHECK (network IN ('linkedin', 'xing')),
  -- profile URL when known, otherwise "name:" + normalised name and company
  contact_key TEXT NOT NULL,
  name TEXT NOT NULL,
  profile_url TEXT,
  company TEXT,
  position TEXT,
  connected_on TEXT,
  first_seen_run INTEGER NOT NULL REFERENCES import_run(id),
  removed_on TEXT,
  UNIQUE (network, contact_key)
) STRICT;

-- Counts and dates only: message bodies are never stored.
CREATE TABLE interaction (
  contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
  sent INTEGER NOT NULL,
  received INTEGER NOT NULL,
  first_at TEXT,
  last_at TEXT
) STRICT;

CREATE TABLE invitation (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL,
  contact_key TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  sent_at TEXT,
  message TEXT,
  UNIQUE (network, contact_key, direction, sent_at)
) STRICT;

CREATE TABLE address_entry (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  UNIQUE (source, name, email, phone)
) STRICT;

CREATE TABLE my_detail (
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (field, value)
) STRICT;

CREATE TABLE revocation (
  id INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'undone', 'confirmed')),
  created_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;

-- At most one live (not undone) revocation per finding.
CREATE UNIQUE INDEX revocation_live ON revocation(finding_id) WHERE status <> 'undone';
CREATE INDEX contact_active ON contact(network) WHERE removed_on IS NULL;
`;
