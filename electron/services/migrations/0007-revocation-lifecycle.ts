/**
 * The revocation lifecycle (issue 9): planned → applied (the user did it on the platform, with the
 * date) → verified (a later export proves it) or not-applied (a later export still shows it);
 * confirmed-by-you where no export can show it (a setting, a XING release); undone. Every change of
 * state is kept with its date. One live revocation per action: `target` is the action's key
 * ("<contact>:*" for removing a connection, "<contact>:<field>:<action>" otherwise), unique while live.
 */
export const up = /* sql */ `
CREATE TABLE revocation_new (
  id INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'applied', 'verified', 'not-applied', 'confirmed-by-you', 'undone')),
  created_at TEXT NOT NULL,
  -- the day the user says it was done on the platform
  applied_on TEXT,
  -- when it was verified, found not applied, confirmed or undone
  resolved_at TEXT
) STRICT;

INSERT INTO revocation_new (id, finding_id, contact_id, field, rule, action, target, status, created_at, resolved_at)
  SELECT id, finding_id, contact_id, field, rule, action,
    CASE WHEN action = 'remove-connection' THEN contact_id || ':*' ELSE contact_id || ':' || field || ':' || action END,
    CASE status WHEN 'confirmed' THEN 'verified' ELSE status END,
    created_at, undone_at
  FROM revocation
  -- Of older duplicates for one action only the first stays live (the rest are dropped: they said the same).
  WHERE status = 'undone' OR id IN (
    SELECT MIN(id) FROM revocation WHERE status <> 'undone'
    GROUP BY CASE WHEN action = 'remove-connection' THEN contact_id || ':*' ELSE contact_id || ':' || field || ':' || action END
  );

CREATE TABLE revocation_event (
  revocation_id INTEGER NOT NULL REFERENCES revocation_new(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  -- what proved it: the export's file name and date, or "you"
  note TEXT
) STRICT;

INSERT INTO revocation_event (revocation_id, status, at)
  SELECT id, 'planned', created_at FROM revocation_new;
INSERT INTO revocation_event (revocation_id, status, at)
  SELECT id, status, resolved_at FROM revocation_new WHERE status <> 'planned' AND resolved_at IS NOT NULL;

DROP TABLE revocation;
ALTER TABLE revocation_new RENAME TO revocation;
CREATE UNIQUE INDEX revocation_live ON revocation(target) WHERE status IN ('planned', 'applied', 'not-applied');
CREATE INDEX revocation_event_of ON revocation_event(revocation_id);
`;
