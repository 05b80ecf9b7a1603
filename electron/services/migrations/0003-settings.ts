/** User settings that are not sharing declarations (those come with the exposure model). */
export const up = /* sql */ `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
