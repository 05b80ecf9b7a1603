import { describe, expect, it } from 'vitest';
import { grantToNonContact } from '../../../shared/rules/grant-to-non-contact';
import { contextFor, sharingWith } from '../../helpers/rules';

describe('rule grant-to-non-contact', () => {
  it('no finding: a grant to a XING contact', () => {
    const sharing = sharingWith(
      (s) =>
        (s.xing.grants = [
          {
            contactKey: 'xing.com/profile/erika_musterfrau',
            memberName: 'Erika Musterfrau',
            field: 'mobile',
            since: null,
          },
        ]),
    );
    expect(grantToNonContact.check(contextFor({}, undefined, { sharing, network: 'xing' }))).toEqual([]);
  });

  it.each([
    ['a member who never was a contact', null, 'mobile', 'high'],
    ['a former contact no longer in the list', 'xing.com/profile/gone', 'businessEmail', 'medium'],
  ] as const)('finding: %s', (_name, contactKey, field, severity) => {
    const sharing = sharingWith(
      (s) => (s.xing.grants = [{ contactKey, memberName: 'Hans Sammler', field, since: '2019-05-01' }]),
    );
    expect(grantToNonContact.check(contextFor({}, undefined, { sharing, network: 'xing' }))).toEqual([
      expect.objectContaining({
        messageId: 'grant',
        data: { member: 'Hans Sammler', field },
        field,
        severity,
        subject: 'member-Hans Sammler',
        actions: ['revoke-xing-grant'],
      }),
    ]);
  });
});

describe('grant-to-non-contact: who counts as a XING contact, and the whole finding', () => {
  const grants = sharingWith(
    (s) =>
      (s.xing.grants = [
        { contactKey: 'linkedin.com/in/erika', memberName: 'Erika auf XING', field: 'privateEmail', since: null },
        { contactKey: 'xing.com/profile/erika_musterfrau', memberName: 'Erika', field: 'mobile', since: null },
      ]),
  );

  it('a LinkedIn connection is no XING contact, even under the same key', () => {
    expect(grantToNonContact.check(contextFor({}, undefined, { sharing: grants }))).toStrictEqual([
      {
        messageId: 'grant',
        data: { member: 'Erika auf XING', field: 'privateEmail' },
        contactId: null,
        field: 'privateEmail',
        subject: 'member-Erika auf XING',
        network: 'xing',
        severity: 'high',
        evidence: [
          { kind: 'declared-setting', data: { network: 'xing', audience: 'member', member: 'Erika auf XING' } },
        ],
        actions: ['revoke-xing-grant'],
        assumed: false,
      },
      expect.objectContaining({ subject: 'member-Erika', field: 'mobile', severity: 'high' }),
    ]);
  });

  it('a release to a XING contact is no finding, the other is', () => {
    expect(
      grantToNonContact.check(contextFor({}, undefined, { sharing: grants, network: 'xing' })).map((r) => r.subject),
    ).toEqual(['member-Erika auf XING']);
  });
});
