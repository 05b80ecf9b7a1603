/**
 * Revocations of a setting (issue 9, the action plan): narrowing a LinkedIn audience, switching off
 * the email download, changing the XING default — one revocation for the whole setting, not one per
 * person. Such a revocation has no contact (and may have no single detail); its `target` is
 * "setting:<plan step key>" (e.g. "setting:narrow-email-audience:only-you"), unique while live like
 * every other target.
 *
 * SQLite cannot drop NOT NULL in place: both tables are rebuilt (the events too, so that dropping the
 * old revocation table cascades into nothing) and renamed back.
 */
const settingRevocations = /* sql */ `
CREATE TABLE revocation_new (
  id INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL,
  contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,
  field TEXT,
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'applied', 'verified', 'not-applied', 'confirmed-by-you', 'undone')),
  created_at TEXT NOT NULL,
  applied_on TEXT,
  resolved_at TEXT,
  CHECK (contact_id IS NOT NULL OR target LIKE 'setting:%'),
  CHECK (contact_id IS NULL OR field IS NOT NULL)
) STRICT;
INSERT INTO revocation_new SELECT id, finding_id, contact_id, field, rule, action, target, status, created_at,
  applied_on, resolved_at FROM revocation;

CREATE TABLE revocation_event_new (
  revocation_id INTEGER NOT NULL REFERENCES revocation_new(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT
) STRICT;
INSERT INTO revocation_event_new SELECT revocation_id, status, at, note FROM revocation_event ORDER BY rowid;

DROP TABLE revocation_event;
DROP TABLE revocation;
ALTER TABLE revocation_new RENAME TO revocation;
ALTER TABLE revocation_event_new RENAME TO revocation_event;
CREATE UNIQUE INDEX revocation_live ON revocation(target) WHERE status IN ('planned', 'applied', 'not-applied');
CREATE INDEX revocation_event_of ON revocation_event(revocation_id);
`;

/**
 * The guided session through a plan (issue 9): its steps frozen as they were when it began (JSON of
 * the plan step, with the findings it cleared), each done or skipped with its date. At most one
 * session is open; it survives closing the app.
 */
export const upSessions = /* sql */ `
CREATE TABLE plan_session (
  id INTEGER PRIMARY KEY,
  variant TEXT NOT NULL CHECK (variant IN ('fewest', 'keep-known', 'emergency')),
  started_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;
CREATE UNIQUE INDEX plan_session_open ON plan_session((ended_at IS NULL)) WHERE ended_at IS NULL;

CREATE TABLE plan_session_step (
  session_id INTEGER NOT NULL REFERENCES plan_session(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  step TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('done', 'skipped')),
  decided_at TEXT,
  applied_on TEXT,
  -- the revocations "done" recorded, as a JSON array of ids
  revocation_ids TEXT,
  PRIMARY KEY (session_id, position)
) STRICT;
`;

export const up = settingRevocations + upSessions;
