import { describe, expect, it } from 'vitest';
import type { MyDetail } from '../../../shared/domain';
import { visibleToEveryone } from '../../../shared/rules/visible-to-everyone';
import { contextFor, sharingWith } from '../../helpers/rules';

const mine: MyDetail[] = [
  { field: 'privateEmail', value: 'ich@gmx.de', source: 'test' },
  { field: 'mobile', value: '+491715550100', source: 'test' },
  { field: 'birthday', value: '1980-03-07', source: 'test' },
];

describe('rule visible-to-everyone', () => {
  it.each([
    ['LinkedIn defaults (1st-degree)', sharingWith(() => undefined)],
    [
      '1st + 2nd degree',
      sharingWith((s) => (s.linkedin.emailVisibility = { value: 'first-and-second', declared: true })),
    ],
    [
      'XING categories set to contacts',
      sharingWith((s) => {
        s.xing.model = { value: 'category', declared: true };
        s.xing.categories.private = { value: 'contacts', declared: true };
      }),
    ],
    [
      'XING "members" while the per-contact model is in force',
      sharingWith((s) => (s.xing.categories.private = { value: 'members', declared: true })),
    ],
  ])('no finding: %s', (_name, sharing) => {
    expect(visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: mine }))).toEqual([]);
  });

  it('finding: LinkedIn email and phone visible to everyone, one per detail I have', () => {
    const sharing = sharingWith((s) => {
      s.linkedin.emailVisibility = { value: 'everyone', declared: true };
      s.linkedin.phoneVisibility = { value: 'everyone', declared: true };
    });
    const reports = visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: mine }));
    expect(reports.map((r) => [r.field, r.severity, r.actions[0]])).toEqual([
      ['privateEmail', 'high', 'narrow-email-audience'],
      ['mobile', 'high', 'narrow-phone-audience'],
    ]);
  });

  it('finding: XING private details visible to all members', () => {
    const sharing = sharingWith((s) => {
      s.xing.model = { value: 'category', declared: true };
      s.xing.categories.private = { value: 'members', declared: true };
    });
    const reports = visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: mine }));
    expect(reports.map((r) => [r.network, r.messageId, r.field])).toEqual([
      ['xing', 'members', 'privateEmail'],
      ['xing', 'members', 'mobile'],
    ]);
  });
});

describe('visible-to-everyone: one finding per detail, with the setting that shows it', () => {
  const all: MyDetail[] = [
    ...mine,
    { field: 'businessEmail', value: 'ich@firma.example', source: 'test' },
    { field: 'phone', value: '+49301234567', source: 'test' },
    { field: 'address', value: 'Musterweg 1', source: 'test' },
  ];

  it('LinkedIn: the exact finding, declared or assumed', () => {
    const sharing = sharingWith((s) => (s.linkedin.birthdayVisibility = { value: 'everyone', declared: false }));
    expect(visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: all }))).toStrictEqual([
      {
        messageId: 'everyone',
        data: { field: 'birthday' },
        contactId: null,
        field: 'birthday',
        subject: 'linkedin',
        network: 'linkedin',
        severity: 'high',
        evidence: [{ kind: 'assumed-setting', data: { network: 'linkedin', audience: 'everyone' } }],
        actions: ['narrow-birthday-audience'],
        assumed: true,
      },
    ]);
  });

  it('business email and landline are medium, private details and the birthday high', () => {
    const sharing = sharingWith((s) => {
      s.linkedin.emailVisibility = { value: 'everyone', declared: true };
      s.linkedin.phoneVisibility = { value: 'everyone', declared: true };
    });
    const reports = visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: all }));
    expect(reports.map((r) => [r.field, r.severity, r.evidence[0]!.kind, r.assumed])).toEqual([
      ['privateEmail', 'high', 'declared-setting', false],
      ['businessEmail', 'medium', 'declared-setting', false],
      ['mobile', 'high', 'declared-setting', false],
      ['phone', 'medium', 'declared-setting', false],
    ]);
  });

  it('XING: each category shown to all members, for the details I have', () => {
    const sharing = sharingWith((s) => {
      s.xing.model = { value: 'category', declared: true };
      s.xing.categories.business = { value: 'members', declared: false };
      s.xing.categories.private = { value: 'contacts', declared: true };
      s.xing.categories.birthday = { value: 'members', declared: true };
    });
    const reports = visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: mine }));
    expect(reports).toStrictEqual([
      {
        messageId: 'members',
        data: { field: 'birthday' },
        contactId: null,
        field: 'birthday',
        subject: 'xing',
        network: 'xing',
        severity: 'high',
        evidence: [{ kind: 'declared-setting', data: { network: 'xing', audience: 'all members' } }],
        actions: ['narrow-xing-category'],
        assumed: false,
      },
    ]);
    const business = visibleToEveryone.check(contextFor({}, undefined, { sharing, myDetails: all }));
    expect(business.map((r) => [r.field, r.severity, r.assumed])).toEqual([
      ['businessEmail', 'medium', true],
      ['phone', 'medium', true],
      ['birthday', 'high', false],
    ]);
  });
});
