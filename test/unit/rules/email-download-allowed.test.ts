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
