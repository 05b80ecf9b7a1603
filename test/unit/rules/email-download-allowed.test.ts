import { describe, expect, it } from 'vitest';
import { emailDownloadAllowed } from '../../../shared/rules/email-download-allowed';
import { contextFor, sharingWith } from '../../helpers/rules';

describe('rule email-download-allowed', () => {
  it.each([
    ['the documented default (off)', sharingWith(() => undefined)],
    ['declared off', sharingWith((s) => (s.linkedin.allowEmailDownload = { value: false, declared: true }))],
  ])('no finding: %s', (_name, sharing) => {
    expect(emailDownloadAllowed.check(contextFor({}, undefined, { sharing }))).toEqual([]);
  });

  it('finding: declared on, counting the connections who can download it', () => {
    const sharing = sharingWith((s) => (s.linkedin.allowEmailDownload = { value: true, declared: true }));
    expect(emailDownloadAllowed.check(contextFor({}, undefined, { sharing }))).toEqual([
      expect.objectContaining({
        messageId: 'download',
        data: { count: 1 },
        contactId: null,
        field: null,
        actions: ['switch-off-email-download'],
        assumed: false,
      }),
    ]);
  });
});

describe('email-download-allowed: counted and assumed', () => {
  it('counts LinkedIn connections only', () => {
    const sharing = sharingWith((s) => (s.linkedin.allowEmailDownload = { value: true, declared: true }));
    const context = contextFor({}, undefined, { sharing });
    const xing = { ...context.contacts.get(1)!, id: 2, network: 'xing' as const, key: 'xing.com/profile/x' };
    const contacts = new Map([...context.contacts, [2, xing]]);
    expect(emailDownloadAllowed.check({ ...context, contacts })[0]!.data).toEqual({ count: 1 });
    expect(emailDownloadAllowed.check({ ...context, contacts: new Map() })[0]!.data).toEqual({ count: 0 });
  });

  it('the whole finding while the switch is on but not declared: assumed', () => {
    const sharing = sharingWith((s) => (s.linkedin.allowEmailDownload = { value: true, declared: false }));
    expect(emailDownloadAllowed.check(contextFor({}, undefined, { sharing }))).toStrictEqual([
      {
        messageId: 'download',
        data: { count: 1 },
        contactId: null,
        field: null,
        network: 'linkedin',
        evidence: [{ kind: 'assumed-setting', data: { network: 'linkedin', audience: 'connections-download' } }],
        actions: ['switch-off-email-download'],
        assumed: true,
      },
    ]);
  });

  it('declared on: declared evidence', () => {
    const sharing = sharingWith((s) => (s.linkedin.allowEmailDownload = { value: true, declared: true }));
    expect(emailDownloadAllowed.check(contextFor({}, undefined, { sharing }))[0]!.evidence).toEqual([
      { kind: 'declared-setting', data: { network: 'linkedin', audience: 'connections-download' } },
    ]);
  });
});
