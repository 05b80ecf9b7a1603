/**
 * The user's own details through the contract, as the Sharing dialog saves them: every value (two
 * emails are two details), with its label, and what the import knew of a value the user kept.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MyDetail } from '../../shared/domain';
import { AppService } from '../../electron/services/app-service';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const EMAILS = [
  'Email Address,Confirmed,Primary,Updated On',
  'erika@privat.example,Yes,Yes,2024-01-01',
  'e.m@firma.example,Yes,No,2024-01-01',
].join('\n');
/** A business address is primary; the private one (a freemail address) is not: connections do not see it. */
const SECONDARY_PRIVATE = [
  'Email Address,Confirmed,Primary,Updated On',
  'e.m@firma.example,Yes,Yes,2024-01-01',
  'erika.musterfrau@gmail.com,Yes,No,2024-01-01',
].join('\n');

describe('details:set', () => {
  it('keeps a second email and every label; an unchanged email keeps being primary or not', async () => {
    const dir = tempDir();
    const svc = new AppService({ dbPath: join(dir, 'a.db') }, { transport: 'browser' });
    const imported = await svc.dispatch('import:run', {
      sources: [{ path: write(dir, 'Email Addresses.csv', EMAILS) }],
    });
    expect(imported.ok).toBe(true);
    const before = ((await svc.dispatch('details:get', {})) as { value: { details: MyDetail[] } }).value.details;
    const [primary, secondary] = ['erika@privat.example', 'e.m@firma.example'].map((v) =>
      before.find((d) => d.value === v)!,
    );
    expect([primary!.primary, secondary!.primary]).toEqual([true, false]);
    const saved = await svc.dispatch('details:set', {
      details: [
        { field: primary!.field, value: primary!.value, label: null },
        { field: secondary!.field, value: secondary!.value, label: 'Arbeit' },
        { field: 'privateEmail', value: 'erika.zwei@privat.example', label: 'Verein' },
        { field: 'mobile', value: '+49 171 5550100', label: 'WhatsApp' },
      ],
    });
    const read = await svc.dispatch('details:get', {});
    svc.close();
    expect(saved.ok).toBe(true);
    const details = (read as { value: { details: MyDetail[] } }).value.details;
    expect(details).toHaveLength(4);
    expect(details).toEqual(
      expect.arrayContaining([
        primary,
        { ...secondary, label: 'Arbeit' },
        {
          field: 'privateEmail',
          value: 'erika.zwei@privat.example',
          source: 'declared in ShareAudit',
          label: 'Verein',
        },
        { field: 'mobile', value: '+49 171 5550100', source: 'declared in ShareAudit', label: 'WhatsApp' },
      ]),
    );
  });

  it('the preview counts the details as saving would keep them: a kept secondary email stays unseen', async () => {
    const dir = tempDir();
    const svc = new AppService({ dbPath: join(dir, 'a.db') }, { transport: 'browser' });
    await svc.dispatch('import:run', {
      sources: [
        { path: write(dir, 'Connections.csv', CONNECTIONS_2024) },
        { path: write(dir, 'Email Addresses.csv', SECONDARY_PRIVATE) },
      ],
    });
    const current = ((await svc.dispatch('details:get', {})) as { value: { details: MyDetail[] } }).value.details;
    const same = current.map(({ field, value, label }) => ({ field, value, label: label ?? null }));
    const preview = await svc.dispatch('audit:preview', { details: same });
    svc.close();
    // Declaring exactly what is there changes nothing.
    const { before, after } = (preview as { value: { before: unknown; after: unknown } }).value;
    expect(after).toEqual(before);
  });
});
