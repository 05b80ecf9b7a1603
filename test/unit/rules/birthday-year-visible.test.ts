import { describe, expect, it } from 'vitest';
import type { MyDetail } from '../../../shared/domain';
import { birthdayYearVisible } from '../../../shared/rules/birthday-year-visible';
import { contextFor, type Person } from '../../helpers/rules';

const withYear: MyDetail[] = [{ field: 'birthday', value: '1980-03-07', source: 'Profile.csv' }];
const withoutYear: MyDetail[] = [{ field: 'birthday', value: '--03-07', source: 'Profile.csv' }];

describe('rule birthday-year-visible', () => {
  it.each<[string, Person, MyDetail[]]>([
    ['a birthday without year', { sees: ['birthday'] }, withoutYear],
    ['seen only by a known contact', { sees: ['birthday'], sent: 2, received: 2 }, withYear],
    ['not visible at all', { sees: ['mobile'] }, withYear],
  ])('no finding: %s', (_name, person, myDetails) => {
    expect(birthdayYearVisible.check(contextFor(person, undefined, { myDetails }))).toEqual([]);
  });

  it('finding: the full date seen by someone you do not know', () => {
    expect(birthdayYearVisible.check(contextFor({ sees: ['birthday'] }, undefined, { myDetails: withYear }))).toEqual([
      expect.objectContaining({
        messageId: 'year',
        data: { value: '1980-03-07', count: 1 },
        field: 'birthday',
        actions: ['narrow-birthday-audience'],
        assumed: true,
      }),
    ]);
  });
});

describe('birthday-year-visible: only a full date, counted per person, per network', () => {
  it.each(['1980-03', '1980-03-07T00:00:00Z', 'x1980-03-07', '07.03.1980'])(
    '"%s" is no full date: no finding',
    (value) => {
      const myDetails: MyDetail[] = [{ field: 'birthday', value, source: 'Profile.csv' }];
      expect(birthdayYearVisible.check(contextFor({ sees: ['birthday'] }, undefined, { myDetails }))).toEqual([]);
    },
  );

  it('a birthday among other details, and another detail with a date-like value, is found', () => {
    const myDetails: MyDetail[] = [
      { field: 'address', value: '1999-01-01', source: 'x' },
      { field: 'birthday', value: '1980-03-07', source: 'Profile.csv' },
    ];
    expect(birthdayYearVisible.check(contextFor({ sees: ['birthday'] }, undefined, { myDetails }))[0]!.data).toEqual({
      value: '1980-03-07',
      count: 1,
    });
  });

  it('a person counts once however many grants show it; other details do not count', () => {
    const context = contextFor({ sees: ['birthday', 'mobile'] }, undefined, { myDetails: withYear });
    const again = { ...context.exposures[0]!, grant: { ...context.exposures[0]!.grant, audience: 'everyone' } };
    const [report] = birthdayYearVisible.check({ ...context, exposures: [...context.exposures, again] });
    expect(report!.data.count).toBe(1);
  });

  it('someone without a judgement is not someone you know', () => {
    const context = contextFor({ sees: ['birthday'] }, undefined, { myDetails: withYear });
    expect(birthdayYearVisible.check({ ...context, familiarity: new Map() })).toHaveLength(1);
  });

  it('on XING and LinkedIn: one finding with both steps, under LinkedIn; declared when nothing is assumed', () => {
    const context = contextFor({ sees: ['birthday'], assumed: false }, undefined, { myDetails: withYear });
    const onXing = {
      ...context.exposures[0]!,
      contactId: 2,
      grant: { kind: 'category' as const, network: 'xing' as const, audience: 'contacts', assumed: false },
    };
    expect(birthdayYearVisible.check({ ...context, exposures: [...context.exposures, onXing] })).toStrictEqual([
      {
        messageId: 'year',
        data: { value: '1980-03-07', count: 2 },
        contactId: null,
        field: 'birthday',
        network: 'linkedin',
        evidence: [
          { kind: 'declared-setting', data: { network: 'linkedin', audience: 'first-degree' } },
          { kind: 'declared-setting', data: { network: 'xing', audience: 'contacts' } },
        ],
        actions: ['narrow-birthday-audience', 'narrow-xing-category'],
        assumed: false,
      },
    ]);
    const [xingOnly] = birthdayYearVisible.check({ ...context, exposures: [onXing] });
    expect(xingOnly).toMatchObject({ network: 'xing', actions: ['narrow-xing-category'] });
    expect(xingOnly!.evidence).toEqual([{ kind: 'declared-setting', data: { network: 'xing', audience: 'contacts' } }]);
  });

  it('assumed as soon as one of the settings that show it is assumed', () => {
    const context = contextFor({ sees: ['birthday'], assumed: true }, undefined, { myDetails: withYear });
    const declared = {
      ...context.exposures[0]!,
      contactId: 2,
      grant: { ...context.exposures[0]!.grant, assumed: false },
    };
    const [report] = birthdayYearVisible.check({ ...context, exposures: [declared, ...context.exposures] });
    expect(report!.assumed).toBe(true);
    expect(report!.evidence[0]!.kind).toBe('assumed-setting');
  });

  it.each<[string, Person, MyDetail[]]>([
    ['a birthday without year', { sees: ['birthday'] }, withoutYear],
    ['seen only by a known contact', { sees: ['birthday'], sent: 2, received: 2 }, withYear],
    ['not visible at all', { sees: ['mobile'] }, withYear],
    ['seen by someone you do not know', { sees: ['birthday'] }, withYear],
    ['seen by someone you do not know, among other details', { sees: ['mobile', 'birthday'] }, withYear],
  ])('counts what it reports: %s', (_name, person, myDetails) => {
    const ctx = contextFor(person, undefined, { myDetails });
    const tally: Record<string, number> = {};
    for (const r of birthdayYearVisible.check(ctx)) {
      const severity = r.severity ?? birthdayYearVisible.meta.defaultSeverity;
      tally[severity] = (tally[severity] ?? 0) + 1;
    }
    expect(birthdayYearVisible.count!(ctx)).toEqual(tally);
  });
});
