import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { sharingSchemaDocument } from '../../shared/sharing-schema';
import { PLATFORM_DEFAULTS, type SharingSettings } from '../../shared/sharing';
import { snapshot } from '../helpers/db';
import { CONNECTIONS_2024, EMAILS, PHONES, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const docs = join(import.meta.dirname, '..', '..', 'docs');

async function withData() {
  const dir = tempDir();
  const svc = new AppService(
    { dbPath: join(dir, 'a.db'), now: () => new Date('2026-11-01T12:00:00Z') },
    { transport: 'browser' },
  );
  const files = [
    write(dir, 'Connections.csv', CONNECTIONS_2024),
    write(dir, 'Email Addresses.csv', EMAILS),
    write(dir, 'PhoneNumbers.csv', PHONES),
  ];
  expect((await svc.dispatch('import:run', { sources: files.map((path) => ({ path })) })).ok).toBe(true);
  return { svc, dir };
}

const value = <T>(envelope: { ok: boolean; value?: unknown }): T => {
  expect(envelope.ok).toBe(true);
  return envelope.value as T;
};

describe('declared sharing settings', () => {
  it('start as the platform defaults, marked assumed, and declaring one changes the audit', async () => {
    const { svc } = await withData();
    expect(value<SharingSettings>(await svc.dispatch('sharing:get', {}))).toEqual(PLATFORM_DEFAULTS);
    expect(svc.audit('en').summary).toMatchObject({ canSeeEmail: 4, settingsAssumed: true });

    const sharing = structuredClone(PLATFORM_DEFAULTS) as SharingSettings;
    sharing.linkedin.emailVisibility = { value: 'only-me', declared: true };
    sharing.linkedin.allowEmailDownload = { value: true, declared: true };
    expect(value<SharingSettings>(await svc.dispatch('sharing:set', { sharing })).linkedin.emailVisibility).toEqual({
      value: 'only-me',
      declared: true,
    });
    const audit = svc.audit('en');
    expect(audit.summary.canSeeEmail).toBe(0);
    expect(audit.findings.filter((f) => f.field === 'privateEmail' && f.rule === 'private-detail-unfamiliar')).toEqual(
      [],
    );
    expect(audit.findings.find((f) => f.rule === 'email-download-allowed')).toMatchObject({
      contact: null,
      assumed: false,
      severity: 'high',
    });
    svc.close();
  });

  it('rejects an invalid document at the boundary', async () => {
    const { svc } = await withData();
    const bad = structuredClone(PLATFORM_DEFAULTS) as unknown as { linkedin: { emailVisibility: { value: string } } };
    bad.linkedin.emailVisibility.value = 'friends';
    expect(await svc.dispatch('sharing:set', { sharing: bad })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    svc.close();
  });

  it('round-trips through the exported JSON file', async () => {
    const { svc, dir } = await withData();
    const sharing = structuredClone(PLATFORM_DEFAULTS) as SharingSettings;
    sharing.xing.defaults = [{ from: '2015-03-01', fields: ['businessEmail', 'mobile'] }];
    await svc.dispatch('sharing:set', { sharing });
    const { json } = value<{ json: string }>(await svc.dispatch('sharing:export', {}));
    await svc.dispatch('sharing:set', { sharing: PLATFORM_DEFAULTS });
    const path = write(dir, 'settings.json', json);
    expect(
      value<{ sharing: SharingSettings }>(await svc.dispatch('sharing:import', { source: { path } })).sharing,
    ).toEqual(sharing);
    svc.close();
  });

  it('a JSON file that breaks the schema is refused with the file and the path, changing nothing', async () => {
    const { svc, dir } = await withData();
    // The import's snapshot is recorded first (a write records it before it runs, failing or not).
    svc.settleSnapshot(true);
    const before = snapshot(svc.db);
    const doc = structuredClone(PLATFORM_DEFAULTS) as unknown as { xing: { defaults: unknown[] } };
    doc.xing.defaults = [{ from: '1.3.2015', fields: ['mobile'] }];
    const path = write(dir, 'settings.json', JSON.stringify(doc));
    expect(await svc.dispatch('sharing:import', { source: { path } })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FAILED', message: 'settings.json: xing.defaults.0.from: a date as YYYY-MM-DD' },
    });
    expect(snapshot(svc.db)).toEqual(before);
    svc.close();
  });

  it('imports XING grants from the CSV template, German labels included', async () => {
    const { svc, dir } = await withData();
    const template = readFileSync(join(docs, 'xing-grants-template.csv'), 'utf8');
    const path = write(
      dir,
      'grants.csv',
      `${template}Hans Sammler,,Mobilnummer,01.02.2020\n`.replace('01.02.2020', '2020-02-01'),
    );
    const result = value<{ sharing: SharingSettings; grants: number }>(
      await svc.dispatch('sharing:import', { source: { path } }),
    );
    expect(result.grants).toBe(3);
    expect(result.sharing.xing.grants).toEqual([
      {
        contactKey: 'xing.com/profile/erika_musterfrau',
        memberName: 'Erika Musterfrau',
        field: 'mobile',
        since: '2016-04-12',
      },
      { contactKey: null, memberName: 'Max Mustermann', field: 'privateEmail', since: '2019-05-01' },
      { contactKey: null, memberName: 'Hans Sammler', field: 'mobile', since: '2020-02-01' },
    ]);
    // None of them is a XING contact here: each is a grant to a non-contact.
    expect(svc.audit('en').findings.filter((f) => f.rule === 'grant-to-non-contact')).toHaveLength(3);
    svc.close();
  });

  it('a grants CSV with an unknown detail names the line', async () => {
    const { svc, dir } = await withData();
    const path = write(dir, 'grants.csv', 'member,field\nErika,mobile\nMax,Schuhgröße\n');
    expect(await svc.dispatch('sharing:import', { source: { path } })).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        message: expect.stringMatching(/grants\.csv, line 3: "Schuhgröße" is not a detail/),
      },
    });
    svc.close();
  });

  it('docs/sharing-settings.schema.json is the schema the app validates with', () => {
    expect(JSON.parse(readFileSync(join(docs, 'sharing-settings.schema.json'), 'utf8'))).toEqual(
      sharingSchemaDocument(),
    );
  });
});

describe('the platform defaults stay what they are', () => {
  it('changing what sharing:get answered (nothing declared) changes nothing for the next caller', async () => {
    const svc = new AppService({ dbPath: join(tempDir(), 'a.db') }, { transport: 'browser' });
    const first = value<SharingSettings>(await svc.dispatch('sharing:get', {}));
    first.linkedin.emailVisibility = { value: 'everyone', declared: true };
    const second = value<SharingSettings>(await svc.dispatch('sharing:get', {}));
    expect(second.linkedin.emailVisibility).toEqual(PLATFORM_DEFAULTS.linkedin.emailVisibility);
    expect(PLATFORM_DEFAULTS.linkedin.emailVisibility.value).toBe('first-degree');
    svc.close();
  });
});
