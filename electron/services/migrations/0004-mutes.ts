/** Findings the user has muted, with a reason and an optional expiry. Muted findings stay visible as muted. */
export const up = /* sql */ `
CREATE TABLE finding_mute (
  finding_id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  until TEXT,
  created_at TEXT NOT NULL
) STRICT;
`;
