/** What the audit reads (store.ts loadAuditInput), on a real database. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../shared/audit';
import { openDatabase } from '../../electron/services/db';
import { loadAuditInput } from '../../electron/services/store';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();

describe('invitations are attributed to their person', () => {
  it('by key, or by name — a name both networks know goes to the LinkedIn contact, whatever the ids', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    db.prepare(
      `INSERT INTO import_run (id, started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
       VALUES (1, '2026-07-01', '2026-07-01', 'file', '[]', '[]', 0, 0, 0, 0, '[]', 0)`,
    ).run();
    const contact = db.prepare(
      `INSERT INTO contact (id, network, contact_key, name, first_seen_run) VALUES (?, ?, ?, ?, 1)`,
    );
    // The XING contact comes first by id.
    contact.run(1, 'xing', 'https://www.xing.com/profile/anna_muster', 'Anna Muster');
    contact.run(2, 'linkedin', 'https://www.linkedin.com/in/anna', 'Anna Muster');
    contact.run(3, 'linkedin', 'https://www.linkedin.com/in/max', 'Max Muster');
    const invitation = db.prepare(
      `INSERT INTO invitation (network, contact_key, direction, sent_at, message) VALUES ('linkedin', ?, ?, '2024-01-01', 'Hallo')`,
    );
    invitation.run(`name:${normaliseName('Anna Muster')}|`, 'outgoing');
    invitation.run('https://www.linkedin.com/in/max', 'incoming');
    invitation.run('https://www.linkedin.com/in/nobody', 'incoming');
    const { invitations } = loadAuditInput(db);
    expect(invitations.map((i) => [i.contactId, i.direction])).toEqual([
      [2, 'outgoing'],
      [3, 'incoming'],
    ]);
    db.close();
  });
});
