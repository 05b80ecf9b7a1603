import { describe, expect, it } from 'vitest';
import type { MyDetail } from '../../shared/domain';
import { mergeDeclaredDetails } from '../../shared/my-details';

const SOURCE = 'declared in ShareAudit';
const current: MyDetail[] = [
  {
    field: 'privateEmail',
    value: 'erika@privat.example',
    source: 'Email Addresses.csv',
    primary: true,
    confirmed: true,
  },
  {
    field: 'businessEmail',
    value: 'e.m@firma.example',
    source: 'Email Addresses.csv',
    primary: false,
    confirmed: true,
  },
  { field: 'mobile', value: '+49 171 5550100', source: 'PhoneNumbers.csv', label: 'Mobile' },
];

describe('the details a declaration leaves', () => {
  it('every value of a field is kept: two emails stay two details, a new one is added as declared', () => {
    const after = mergeDeclaredDetails(
      current,
      [
        { field: 'privateEmail', value: 'erika@privat.example', label: null },
        { field: 'businessEmail', value: 'e.m@firma.example', label: null },
        { field: 'privateEmail', value: 'erika.zwei@privat.example', label: 'Verein' },
      ],
      SOURCE,
    );
    expect(after).toEqual([
      current[0],
      current[1],
      { field: 'privateEmail', value: 'erika.zwei@privat.example', source: SOURCE, label: 'Verein' },
    ]);
  });

  it('an unchanged value keeps its file, primary and confirmed flags; a secondary email stays secondary', () => {
    const [, business] = mergeDeclaredDetails(
      current,
      [
        { field: 'privateEmail', value: 'erika@privat.example' },
        { field: 'businessEmail', value: 'E.M@firma.example' },
      ],
      SOURCE,
    );
    expect(business).toEqual({ ...current[1], value: 'E.M@firma.example' });
  });

  it('a label: kept when none is sent, replaced when one is, removed when it is cleared', () => {
    const mobile = (label?: string | null) =>
      mergeDeclaredDetails(current, [{ field: 'mobile', value: '+49 171 5550100', label }], SOURCE)[0];
    expect(mobile(undefined)!.label).toBe('Mobile');
    expect(mobile('WhatsApp')!.label).toBe('WhatsApp');
    expect(mobile(null)).not.toHaveProperty('label');
    expect(mobile('  ')).not.toHaveProperty('label');
  });

  it('the same value under another field is another detail; a value given twice is one', () => {
    const after = mergeDeclaredDetails(
      current,
      [
        { field: 'businessEmail', value: 'erika@privat.example' },
        { field: 'businessEmail', value: 'erika@privat.example' },
      ],
      SOURCE,
    );
    expect(after).toEqual([{ field: 'businessEmail', value: 'erika@privat.example', source: SOURCE }]);
  });
});
