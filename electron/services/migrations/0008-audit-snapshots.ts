/**
 * Audit snapshots (issue 11): after every import and every change of a setting, a XING release, the
 * policy, the user's own details or a revocation's state, the audit's numbers at that moment — a
 * small row of counts, never a copy of the data. The trend, `shareaudit history --json` and the
 * report's "since the previous audit" read them.
 */
export const up = /* sql */ `
CREATE TABLE audit_snapshot (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  -- what moved the numbers: an import, or a change the user made in ShareAudit
  cause TEXT NOT NULL CHECK (cause IN ('import', 'sharing', 'release', 'policy', 'details', 'revocation')),
  -- the import run, for cause = 'import'
  run_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
  connections INTEGER NOT NULL,
  score_now INTEGER NOT NULL,
  score_after_plan INTEGER NOT NULL,
  open_findings INTEGER NOT NULL,
  -- counts only, as JSON: findings by rule and severity, exposure by detail and familiarity,
  -- revocations by state, and the revocations this change moved (verified, not applied, confirmed)
  counts_json TEXT NOT NULL CHECK (json_valid(counts_json))
) STRICT;

CREATE INDEX audit_snapshot_run ON audit_snapshot(run_id) WHERE run_id IS NOT NULL;
`;
