import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy';
import { xingDefaultPrivate } from '../../../shared/rules/xing-default-private';
import { contextFor, sharingWith } from '../../helpers/rules';

describe('rule xing-default-private', () => {
  it.each([
    ['no default saved', sharingWith(() => undefined)],
    [
      'a default with business details only',
      sharingWith((s) => (s.xing.defaults = [{ from: '2015-01-01', fields: ['businessEmail', 'phone'] }])),
    ],
    [
      'the category model is in force',
      sharingWith((s) => {
        s.xing.model = { value: 'category', declared: true };
        s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }];
      }),
    ],
  ])('no finding: %s', (_name, sharing) => {
    expect(xingDefaultPrivate.check(contextFor({}, undefined, { sharing, network: 'xing' }))).toEqual([]);
  });

  it('finding: a default with mobile and private email, counting only contacts confirmed since (never retroactive)', () => {
    const sharing = sharingWith(
      (s) => (s.xing.defaults = [{ from: '2025-01-01', fields: ['businessEmail', 'mobile', 'privateEmail'] }]),
    );
    const after = xingDefaultPrivate.check(
      contextFor({ connectedOn: '2025-06-01' }, undefined, { sharing, network: 'xing' }),
    );
    expect(after.map((r) => [r.field, r.data.count, r.actions[0]])).toEqual([
      ['mobile', 1, 'change-xing-default'],
      ['privateEmail', 1, 'change-xing-default'],
    ]);
    const before = xingDefaultPrivate.check(
      contextFor({ connectedOn: '2024-06-01' }, undefined, { sharing, network: 'xing' }),
    );
    expect(before.map((r) => r.data.count)).toEqual([0, 0]);
  });
});

describe('xing-default-private: which details are risky, whom it counts, the whole finding', () => {
  it('the mobile number always, the rest as the policy says', () => {
    const sharing = sharingWith(
      (s) => (s.xing.defaults = [{ from: '2025-01-01', fields: ['mobile', 'businessEmail', 'birthday', 'address'] }]),
    );
    const policy = { ...DEFAULT_POLICY, sensitiveFields: ['birthday' as const] };
    expect(xingDefaultPrivate.check(contextFor({}, policy, { sharing, network: 'xing' })).map((r) => r.field)).toEqual([
      'mobile',
      'birthday',
    ]);
  });

  it('counts XING contacts confirmed since, not LinkedIn connections, not contacts of unknown date', () => {
    const sharing = sharingWith((s) => (s.xing.defaults = [{ from: '2025-01-01', fields: ['mobile'] }]));
    const context = contextFor({ connectedOn: '2025-06-01' }, undefined, { sharing, network: 'xing' });
    const base = context.contacts.get(1)!;
    const contacts = new Map([
      ...context.contacts,
      [2, { ...base, id: 2, key: 'xing.com/profile/b', connectedOn: null }],
      [3, { ...base, id: 3, key: 'linkedin.com/in/c', network: 'linkedin' as const }],
      [4, { ...base, id: 4, key: 'xing.com/profile/d', connectedOn: '2025-01-01' }],
    ]);
    expect(xingDefaultPrivate.check({ ...context, contacts })[0]!.data.count).toBe(2);
  });

  it('one finding per default and risky detail, each naming its default', () => {
    const sharing = sharingWith(
      (s) =>
        (s.xing.defaults = [
          { from: '2015-01-01', fields: ['privateEmail'] },
          { from: '2025-01-01', fields: ['mobile'] },
        ]),
    );
    expect(xingDefaultPrivate.check(contextFor({}, undefined, { sharing, network: 'xing' }))).toStrictEqual([
      {
        messageId: 'default',
        data: { from: '2015-01-01', field: 'privateEmail', count: 1 },
        contactId: null,
        field: 'privateEmail',
        subject: 'default-2015-01-01',
        network: 'xing',
        evidence: [
          { kind: 'declared-setting', data: { network: 'xing', audience: 'xing-default', since: '2015-01-01' } },
        ],
        actions: ['change-xing-default'],
        assumed: false,
      },
      expect.objectContaining({
        subject: 'default-2025-01-01',
        field: 'mobile',
        data: { from: '2025-01-01', field: 'mobile', count: 1 },
      }),
    ]);
  });
});
