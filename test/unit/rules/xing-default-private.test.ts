import { describe, expect, it } from 'vitest';
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
