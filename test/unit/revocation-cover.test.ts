/** What a live revocation takes away in "after your plan": the same as the plan assumes its steps clear. */
import { describe, expect, it } from 'vitest';
import type { RevocationView } from '../../shared/domain';
import { liveRevocations } from '../../shared/revocation-cover';

const revocation = (id: number, target: string, extra: Partial<RevocationView>): RevocationView => ({
  id,
  findingId: `f${id}`,
  contactId: null,
  field: null,
  rule: 'private-detail-unfamiliar',
  action: 'narrow-email-audience',
  target,
  status: 'applied',
  createdAt: '2026-11-01T00:00:00Z',
  appliedOn: '2026-11-01',
  resolvedAt: null,
  contactName: null,
  contactProfileUrl: null,
  ...extra,
});

describe('liveRevocations', () => {
  it('one detail of a person does not end a finding about all they see; removing them does', () => {
    const grant = revocation(1, '7:mobile:revoke-xing-grant', {
      contactId: 7,
      field: 'mobile',
      action: 'revoke-xing-grant',
    });
    const collector = {
      contactId: 7,
      field: 'mobile' as const,
      rule: 'likely-collector',
      actions: ['remove-connection' as const],
    };
    expect(liveRevocations([grant]).finding(collector)).toBeNull();
    const removal = revocation(2, '7:*', { contactId: 7, field: 'mobile', action: 'remove-connection' });
    expect(liveRevocations([removal]).finding(collector)).toEqual({ id: 2, status: 'applied' });
  });

  it('a setting ends every finding it clears; a default change ends no share a contact has', () => {
    const email = revocation(3, 'setting:narrow-email-audience:only-you', {});
    const cover = liveRevocations([email]);
    expect(
      cover.finding({
        contactId: 5,
        field: 'privateEmail',
        rule: 'private-detail-unfamiliar',
        actions: ['remove-connection', 'narrow-email-audience'],
      }),
    ).toEqual({ id: 3, status: 'applied' });
    const xing = liveRevocations([revocation(4, 'setting:change-xing-default', { action: 'change-xing-default' })]);
    const fromDefault = {
      contactId: 6,
      field: 'mobile' as const,
      rule: 'private-detail-unfamiliar',
      actions: ['revoke-xing-grant' as const, 'change-xing-default' as const],
    };
    expect(xing.finding(fromDefault)).toBeNull();
    expect(
      xing.finding({
        contactId: null,
        field: 'mobile',
        rule: 'xing-default-private',
        actions: ['change-xing-default'],
      }),
    ).toEqual({ id: 4, status: 'applied' });
    expect(
      xing.exposure({
        contactId: 6,
        field: 'mobile',
        grant: { kind: 'default', network: 'xing', since: '2020-01-01', assumed: false } as never,
      }),
    ).toBeNull();
  });

  it('the birthday seen on LinkedIn and XING goes only when both settings changed', () => {
    const birthday = {
      contactId: null,
      field: 'birthday' as const,
      rule: 'birthday-year-visible',
      actions: ['narrow-birthday-audience' as const, 'narrow-xing-category' as const],
    };
    const linkedin = revocation(5, 'setting:narrow-birthday-audience:only-you', { action: 'narrow-birthday-audience' });
    expect(liveRevocations([linkedin]).finding(birthday)).toBeNull();
    const xing = revocation(6, 'setting:narrow-xing-category:birthday', { action: 'narrow-xing-category' });
    expect(liveRevocations([linkedin, xing]).finding(birthday)).not.toBeNull();
  });
});
