import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import type { MyDetail, PersonExposure } from '../../shared/domain';
import type { SharingSettings } from '../../shared/sharing';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();

async function demo() {
  const svc = new AppService(
    { dbPath: join(tempDir(), 'a.db'), now: () => new Date('2026-11-01T12:00:00Z') },
    { transport: 'browser' },
  );
  expect((await svc.dispatch('demo:load', {})).ok).toBe(true);
  return svc;
}

const people = async (svc: AppService, network: 'linkedin' | 'xing' | null, query = '') => {
  const r = await svc.dispatch('people:list', { query, network, offset: 0, limit: 500 });
  expect(r.ok).toBe(true);
  return (r as { value: { total: number; rows: PersonExposure[] } }).value;
};

describe('the exposure model, per person', () => {
  it('lists what each LinkedIn connection sees, through which grant, since when, harvestable', async () => {
    const svc = await demo();
    const { total, rows } = await people(svc, 'linkedin');
    expect(total).toBe(320);
    const someone = rows[0]!;
    expect(someone.exposures.map((e) => e.field).sort()).toEqual(['birthday', 'mobile', 'privateEmail']);
    expect(someone.exposures[0]).toMatchObject({
      grant: { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed: true },
      since: someone.contact.connectedOn,
      public: false,
      harvestable: true,
    });
    expect(someone.familiarity.evidence.length).toBeGreaterThan(0);
    svc.close();
  });

  it('XING contacts see nothing until a grant is recorded; grants are per contact, in bulk, and removable', async () => {
    const svc = await demo();
    const { rows } = await people(svc, 'xing');
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.exposures.length === 0)).toBe(true);
    const ids = rows.slice(0, 3).map((r) => r.contact.id);
    expect(await svc.dispatch('grant:set', { contactIds: ids, field: 'mobile', granted: true })).toEqual({
      ok: true,
      value: { changed: 3 },
    });
    const after = await people(svc, 'xing');
    const granted = after.rows.filter((r) => ids.includes(r.contact.id));
    expect(granted.map((r) => r.exposures.map((e) => [e.field, e.grant.kind, e.since]))).toEqual([
      [['mobile', 'explicit', '2026-11-01']],
      [['mobile', 'explicit', '2026-11-01']],
      [['mobile', 'explicit', '2026-11-01']],
    ]);
    const sharing = (await svc.dispatch('sharing:get', {})) as { value: SharingSettings };
    expect(sharing.value.xing.grants).toHaveLength(3);
    expect(await svc.dispatch('grant:set', { contactIds: [ids[0]!], field: 'mobile', granted: false })).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    expect((await people(svc, 'xing')).rows.find((r) => r.contact.id === ids[0])!.exposures).toEqual([]);
    svc.close();
  });

  it('refuses per-person grants for LinkedIn, which shares by audience', async () => {
    const svc = await demo();
    const { rows } = await people(svc, 'linkedin');
    expect(
      await svc.dispatch('grant:set', { contactIds: [rows[0]!.contact.id], field: 'mobile', granted: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringContaining('LinkedIn shares by audience') },
    });
    svc.close();
  });

  it('my details can be corrected in the app, and the audit follows', async () => {
    const svc = await demo();
    const r = await svc.dispatch('details:set', {
      details: [
        { field: 'businessEmail', value: 'k.vogel@vogel-consulting.example' },
        { field: 'birthday', value: '1980-03-07' },
      ],
    });
    expect((r as { value: { details: MyDetail[] } }).value.details.map((d) => d.field)).toEqual([
      'birthday',
      'businessEmail',
    ]);
    const audit = svc.audit('en');
    // No private email and no mobile any more: only the birthday with year is left to worry about.
    expect(audit.summary.canSeeMobile).toBe(0);
    expect(audit.findings.some((f) => f.rule === 'birthday-year-visible')).toBe(true);
    expect(audit.findings.some((f) => f.rule === 'private-detail-unfamiliar')).toBe(false);
    svc.close();
  });
});

describe('XING category exclusions', () => {
  it('exclude and include XING contacts in bulk; LinkedIn contacts are refused', async () => {
    const svc = await demo();
    const sharing = ((await svc.dispatch('sharing:get', {})) as { value: SharingSettings }).value;
    sharing.xing.model = { value: 'category', declared: true };
    sharing.xing.categories.private = { value: 'contacts', declared: true };
    await svc.dispatch('sharing:set', { sharing });
    await svc.dispatch('details:set', { details: [{ field: 'mobile', value: '+491715550100' }] });
    const xing = (await people(svc, 'xing')).rows;
    expect(xing.every((r) => r.exposures.some((e) => e.field === 'mobile' && e.grant.kind === 'category'))).toBe(true);
    const ids = xing.slice(0, 2).map((r) => r.contact.id);
    expect(await svc.dispatch('exclusion:set', { contactIds: ids, excluded: true })).toEqual({
      ok: true,
      value: { changed: 2 },
    });
    const after = (await people(svc, 'xing')).rows;
    expect(after.filter((r) => ids.includes(r.contact.id)).every((r) => r.exposures.length === 0)).toBe(true);
    expect(await svc.dispatch('exclusion:set', { contactIds: [ids[0]!], excluded: false })).toEqual({
      ok: true,
      value: { changed: 1 },
    });
    const linkedin = (await people(svc, 'linkedin')).rows[0]!.contact.id;
    expect(await svc.dispatch('exclusion:set', { contactIds: [linkedin], excluded: true })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    svc.close();
  });
});
