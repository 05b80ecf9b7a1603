/**
 * Declared sharing settings as stored or imported: a valid document is taken as it is, anything else
 * falls back to the platforms' documented defaults (never a half-read mixture).
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_DEFAULTS, type SharingSettings } from '../../shared/sharing';
import { sharingSettingsSchema, withDefaults } from '../../shared/sharing-schema';
import { sharingWith } from '../helpers/rules';

const declared = sharingWith((s) => {
  s.linkedin.emailVisibility = { value: 'only-me', declared: true };
  s.xing.model = { value: 'category', declared: true };
  s.xing.defaults = [{ from: '2015-01-01', fields: ['mobile'] }];
  s.xing.grants = [{ contactKey: null, memberName: 'Hans Sammler', field: 'privateEmail', since: '2019-05-01' }];
  s.xing.excluded = ['xing.com/profile/a'];
});

describe('sharing settings read from storage or a file', () => {
  it('a valid document is taken as declared', () => {
    expect(withDefaults(JSON.parse(JSON.stringify(declared)))).toEqual(declared);
  });

  it.each<[string, (s: SharingSettings) => void]>([
    ['an unknown audience', (s) => ((s.linkedin.emailVisibility as { value: string }).value = 'friends')],
    ['a default without details', (s) => (s.xing.defaults = [{ from: '2015-01-01', fields: [] }])],
    [
      'a default dated otherwise than YYYY-MM-DD',
      (s) => (s.xing.defaults = [{ from: '1.1.2015', fields: ['mobile'] }]),
    ],
    ['a release without a member', (s) => (s.xing.grants = [{ ...s.xing.grants[0]!, memberName: '' }])],
    ['a detail that does not exist', (s) => ((s.xing.grants[0] as { field: string }).field = 'fax')],
    ['a key too many', (s) => ((s.linkedin as unknown as Record<string, unknown>).extra = true)],
  ])('%s: the platform defaults instead', (_name, change) => {
    const doc = structuredClone(declared);
    change(doc);
    expect(sharingSettingsSchema.safeParse(doc).success).toBe(false);
    expect(withDefaults(doc)).toEqual(PLATFORM_DEFAULTS);
  });

  it('nothing stored: the platform defaults', () => {
    expect(withDefaults(undefined)).toEqual(PLATFORM_DEFAULTS);
    expect(withDefaults({})).toEqual(PLATFORM_DEFAULTS);
  });
});
