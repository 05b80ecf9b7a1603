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
