/**
 * An import's audit snapshot is owed, not computed at once (issue 10: the import of the heavy user spent
 * ≈ 0.9 s of its 2.9 s on an audit nobody was looking at). The import leaves this row; the snapshot is
 * recorded from the next audit main computes anyway (the app's start, the page's first numbers, any
 * CLI command but `import`) and always before any write or any reading of snapshots — so nothing can
 * change between the import and the numbers recorded for it.
 */
export const up = /* sql */ `
CREATE TABLE audit_snapshot_owed (
  run_id INTEGER PRIMARY KEY REFERENCES import_run(id) ON DELETE CASCADE,
  -- when the import ended: the snapshot's time
  at TEXT NOT NULL,
  -- the revocations the import's export proved done, and those it showed not done
  verified INTEGER NOT NULL CHECK (verified >= 0),
  not_applied INTEGER NOT NULL CHECK (not_applied >= 0)
) STRICT;
`;
