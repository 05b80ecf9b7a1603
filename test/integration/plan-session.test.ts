/**
 * The action plan and the guided session on a real database: the demo user's findings come down to a
 * few settings; "done" records a setting's revocation (one for everyone) as applied, "after your plan"
 * counts it, declaring the setting confirms it; the session survives a new service (closing the app).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { useTempDir, write } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';
import { call } from '../helpers/service';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

function service(dbPath: string, now = () => NOW): AppService {
  return new AppService({ dbPath, now }, { transport: 'browser' });
}

async function demo() {
  const dbPath = join(tempDir(), 'plan.db');
  const svc = service(dbPath);
  await call(svc, 'demo:load', {});
  return { dbPath, svc };
}

describe('the action plan on the demo user', () => {
  it('fewest steps: a few settings clear every open finding; keep-known takes nothing from a known person', async () => {
    const { svc } = await demo();
    const open = svc.audit('en').findings.filter((f) => f.muted === null);
    const fewest = await call(svc, 'plan:get', { variant: 'fewest', offset: 0, limit: 500 });
    expect(fewest.open).toBe(open.length);
    expect(fewest.cleared + fewest.left).toBe(open.length);
    expect(fewest.left).toBe(0);
    expect(fewest.total).toBeLessThanOrEqual(6);
    expect(fewest.rows.every((s) => s.contact === null)).toBe(true);
    expect(fewest.rows.reduce((n, s) => n + s.clears, 0)).toBe(open.length);
    expect(fewest.scoreAfter).toBe(0);
    expect(fewest.scoreBefore).toBe(svc.audit('en').scoreAfterPlan.value);

    const keep = await call(svc, 'plan:get', { variant: 'keep-known', offset: 0, limit: 500 });
    expect(keep.collateral.total).toBe(0);
    expect(keep.rows.every((s) => s.collateral.total === 0)).toBe(true);
    // Without settings that reach people you know, it takes more (and costlier) steps.
    expect(keep.effort).toBeGreaterThan(fewest.effort);
  });

  it('"done" on a setting step: one revocation for everyone, applied on the day, counted after the plan', async () => {
    const { dbPath, svc } = await demo();
    const before = svc.audit('en');
    let session = await call(svc, 'session:start', { variant: 'fewest' });
    const first = session.current!;
    expect(first.position).toBe(0);
    expect(first.contact).toBeNull();
    session = await call(svc, 'session:decide', { position: 0, outcome: 'done', on: '2026-10-31' });
    expect(session.done).toBe(1);
    expect(session.current!.position).toBe(1);
    expect(session.last!.revocationIds).toHaveLength(1);

    const after = svc.audit('en');
    const revocation = after.revocations.find((r) => r.id === session.last!.revocationIds[0])!;
    expect(revocation).toMatchObject({ contactId: null, status: 'applied', appliedOn: '2026-10-31' });
    expect(revocation.target).toBe(`setting:${first.key}`);
    // Now is unchanged (nothing proven yet); after your plan, the step's findings are gone.
    expect(after.summary.openFindings).toBe(before.summary.openFindings);
    expect(after.summary.afterPlan.openFindings).toBe(before.summary.afterPlan.openFindings - first.clears);
    expect(after.findings.filter((f) => f.revocation?.id === revocation.id)).toHaveLength(first.clears);
    expect(after.scoreAfterPlan.value).toBeLessThan(before.scoreAfterPlan.value);

    // Skip the next, close the app, open it again: the session resumes where it was.
    await call(svc, 'session:decide', { position: 1, outcome: 'skipped' });
    const reopened = service(dbPath);
    const resumed = await call(reopened, 'session:get', {});
    expect(resumed).toMatchObject({ done: 1, skipped: 1 });
    expect(resumed!.current?.position ?? null).toBe(resumed!.total > 2 ? 2 : null);
    // A plan made now does not plan again what the session recorded.
    const plan = await call(reopened, 'plan:get', { variant: 'fewest', offset: 0, limit: 50 });
    expect(plan.rows.map((s) => s.key)).not.toContain(first.key);
    expect(await call(reopened, 'session:end', {})).toEqual({ ended: true });
    expect(await call(reopened, 'session:get', {})).toBeNull();
  });

  it('declaring the narrowed audience confirms the setting revocation (by you, never verified)', async () => {
    const { svc } = await demo();
    const plan = await call(svc, 'plan:get', { variant: 'fewest', offset: 0, limit: 50 });
    const email = plan.rows.findIndex((s) => s.key === 'narrow-email-audience:only-you');
    expect(email).toBeGreaterThanOrEqual(0);
    await call(svc, 'session:start', { variant: 'fewest' });
    const session = await call(svc, 'session:decide', { position: email, outcome: 'done' });
    const id = session.last!.revocationIds[0]!;
    const sharing = await call(svc, 'sharing:get', {});
    sharing.linkedin.emailVisibility = { value: 'only-me', declared: true };
    await call(svc, 'sharing:set', { sharing });
    expect(svc.audit('en').revocations.find((r) => r.id === id)?.status).toBe('confirmed-by-you');
  });

  it('a step against a person: the guided session removes one connection, and undo takes it back', async () => {
    const { svc } = await demo();
    const keep = await call(svc, 'plan:get', { variant: 'keep-known', offset: 0, limit: 500 });
    const position = keep.rows.findIndex((s) => s.action === 'remove-connection');
    expect(position).toBeGreaterThanOrEqual(0);
    const step = keep.rows[position]!;
    await call(svc, 'session:start', { variant: 'keep-known' });
    const session = await call(svc, 'session:decide', { position, outcome: 'done' });
    const ids = session.last!.revocationIds;
    expect(ids).toHaveLength(1);
    const audit = svc.audit('en');
    expect(audit.revocations.find((r) => r.id === ids[0])).toMatchObject({
      contactId: step.contact!.id,
      action: 'remove-connection',
      status: 'applied',
    });
    expect(audit.findings.filter((f) => f.revocation?.id === ids[0])).toHaveLength(step.clears);
    expect(await call(svc, 'revocation:undo', { ids })).toEqual({ undone: 1 });
    // Undo after "Done": the step is to do again.
    const again = await call(svc, 'session:get', {});
    expect(again).toMatchObject({ done: 0, last: null });
  });
});

describe('the guided session keeps what the user did before, and refuses a day not yet come', () => {
  it('a step done in an earlier session is not offered again; a day not yet come, or no day at all, is refused', async () => {
    const { svc } = await demo();
    const plan = await call(svc, 'plan:get', { variant: 'fewest', offset: 0, limit: 50 });
    const email = plan.rows.findIndex((s) => s.key === 'narrow-email-audience:only-you');
    // The user planned the email step earlier, in a session they ended.
    await call(svc, 'session:start', { variant: 'fewest' });
    const first = await call(svc, 'session:decide', { position: email, outcome: 'done', on: '2026-10-30' });
    const earlier = first.last!.revocationIds[0]!;
    await call(svc, 'session:end', {});
    await call(svc, 'session:start', { variant: 'fewest' });
    const again = await call(svc, 'session:get', {});
    // The email step is already taken: the new session does not offer it again.
    expect(again!.current!.key).not.toBe('narrow-email-audience:only-you');
    expect(svc.audit('en').revocations.find((r) => r.id === earlier)?.status).toBe('applied');
    await expect(call(svc, 'session:decide', { position: 0, outcome: 'done', on: '2099-01-01' })).rejects.toThrow(
      'plan.badDay',
    );
    await expect(call(svc, 'session:decide', { position: 0, outcome: 'done', on: '2026-02-31' })).rejects.toThrow(
      'plan.badDay',
    );
  });
});

describe('proof of a deleted uploaded address book, and of a phone number removed', () => {
  const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
  const CONNECTIONS = [
    HEADER,
    'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,Leiterin,20 Mar 2024',
  ].join('\n');
  const EMAILS = 'Email Address,Confirmed,Primary,Updated On\nme@example.org,Yes,Yes,2020-01-01 10:00 UTC';
  const UPLOADED =
    'Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\nGoogle,Anna,Alt,,,anna@example.org,,,,,,Anna Alt,,,,\n';

  const PHONES = 'Extension,Number,Type\n,+49 171 5550100,Mobile';

  function exportZip(dir: string, madeOn: string, withUpload: boolean, phone = true): string {
    const [y, m, d] = madeOn.split('-');
    return write(
      dir,
      `Basic_LinkedInDataExport_${m}-${d}-${y}.zip`,
      makeZip([
        { name: 'Connections.csv', data: CONNECTIONS },
        { name: 'Email Addresses.csv', data: EMAILS },
        { name: 'PhoneNumbers.csv', data: phone ? PHONES : 'Extension,Number,Type\n' },
        ...(withUpload ? [{ name: 'ImportedContacts.csv', data: UPLOADED }] : []),
      ]),
    );
  }

  async function uploadedRevoked() {
    const dir = tempDir();
    let now = new Date('2026-11-01T12:00:00Z');
    const svc = service(join(dir, 'u.db'), () => now);
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-10-30', true) }] });
    const plan = await call(svc, 'plan:get', { variant: 'fewest', offset: 0, limit: 50 });
    const position = plan.rows.findIndex((s) => s.action === 'delete-uploaded-contacts');
    expect(position).toBeGreaterThanOrEqual(0);
    await call(svc, 'session:start', { variant: 'fewest' });
    const id = (await call(svc, 'session:decide', { position, outcome: 'done', on: '2026-11-02' })).last!
      .revocationIds[0]!;
    const later = (iso: string) => (now = new Date(iso));
    return { dir, svc, id, later };
  }

  const statusOf = (svc: AppService, id: number) => svc.audit('en').revocations.find((r) => r.id === id)?.status;

  it('a newer whole export without ImportedContacts.csv verifies it', async () => {
    const { dir, svc, id, later } = await uploadedRevoked();
    later('2026-11-10T09:00:00Z');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-09', false) }] });
    expect(statusOf(svc, id)).toBe('verified');
  });

  it('a newer export that still has it: not applied; an export older than the plan proves nothing', async () => {
    const { dir, svc, id, later } = await uploadedRevoked();
    later('2026-11-10T09:00:00Z');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-10-15', false) }] });
    expect(statusOf(svc, id)).toBe('applied');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-09', true) }] });
    expect(statusOf(svc, id)).toBe('not-applied');
  });

  it('a newer PhoneNumbers.csv without the number verifies "remove your phone number"; one with it proves nothing', async () => {
    const { dir, svc, later } = await uploadedRevoked();
    const plan = await call(svc, 'plan:get', { variant: 'fewest', offset: 0, limit: 50 });
    const position = plan.rows.findIndex((s) => s.key === 'narrow-phone-audience:only-you');
    expect(position).toBeGreaterThanOrEqual(0);
    await call(svc, 'session:start', { variant: 'fewest' });
    const id = (await call(svc, 'session:decide', { position, outcome: 'done', on: '2026-11-02' })).last!
      .revocationIds[0]!;
    later('2026-11-10T09:00:00Z');
    // Still listed: it may be hidden by the setting, which no export shows — neither proven nor refuted.
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-08', false, true) }] });
    expect(statusOf(svc, id)).toBe('applied');
    await call(svc, 'import:run', { sources: [{ path: exportZip(dir, '2026-11-09', false, false) }] });
    expect(statusOf(svc, id)).toBe('verified');
  });
});
