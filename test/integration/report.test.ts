import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { EMAILS, PHONES, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

const HOSTILE_FIRST = '<script>alert(1)</script>';
const HOSTILE_LAST = '"><img src=x onerror=alert(2)>';
const HOSTILE_COMPANY = "O'Neil & <b>Söhne</b>";

async function hostileExport() {
  const dir = tempDir();
  const svc = new AppService({ dbPath: join(dir, 'a.db'), now: () => NOW }, { transport: 'browser' });
  const connections = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    `"${HOSTILE_FIRST}","${HOSTILE_LAST.replace(/"/g, '""')}",https://www.linkedin.com/in/hostile,,"${HOSTILE_COMPANY}",Recruiter,05 Jan 2019`,
    'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,Leiterin,20 Mar 2024',
  ].join('\n');
  const files = [
    write(dir, 'Connections.csv', connections),
    write(dir, 'Email Addresses.csv', EMAILS),
    write(dir, 'PhoneNumbers.csv', PHONES),
  ];
  const imported = await svc.dispatch('import:run', { sources: files.map((path) => ({ path })) });
  expect(imported.ok).toBe(true);
  return svc;
}

describe('the HTML report', () => {
  it('escapes hostile names and companies: they show as text, never as markup', async () => {
    const svc = await hostileExport();
    for (const lang of ['de', 'en'] as const) {
      const { html } = svc.report(lang);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>Söhne');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(html).toContain('O&#39;Neil &amp; &lt;b&gt;Söhne&lt;/b&gt;');
    }
    svc.close();
  });

  it('lists muted findings apart, never among the open ones or in their count', async () => {
    const svc = await hostileExport();
    const open = svc.audit('en').findings.filter((f) => f.contact?.name === 'Erika Musterfrau');
    expect(open.length).toBeGreaterThan(0);
    const muted = open[0]!;
    expect(
      await svc.dispatch('finding:mute', { findingId: muted.id, reason: 'meine Assistenz', until: null }),
    ).toMatchObject({
      ok: true,
    });
    const audit = svc.audit('de');
    const { html } = svc.report('de');
    const [openPart, mutedPart] = html.split('<h2>Stummgeschaltete Befunde (1)</h2>');
    expect(mutedPart).toBeDefined();
    expect(openPart).toContain(`<h2>Offene Befunde (${audit.summary.openFindings})</h2>`);
    expect(audit.summary.openFindings).toBe(audit.findings.length - 1);
    expect(mutedPart).toContain('meine Assistenz');
    expect(mutedPart).toContain('ohne Ablauf');
    svc.close();
  });
});
