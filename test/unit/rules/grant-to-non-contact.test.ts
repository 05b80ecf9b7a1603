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
