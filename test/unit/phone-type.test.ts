import { describe, expect, it } from 'vitest';
import { phoneDetail } from '../../electron/services/importers/normalise';

describe("the type of the user's own phone comes from libphonenumber, for any region", () => {
  it.each([
    // number, region for numbers without a country code, libphonenumber's type, detail
    ['+43 664 1234567', 'DE', 'MOBILE', 'mobile'],
    ['0664 1234567', 'AT', 'MOBILE', 'mobile'],
    ['+43 1 5123456', 'DE', 'FIXED_LINE', 'phone'],
    ['+41 79 123 45 67', 'DE', 'MOBILE', 'mobile'],
    ['044 668 18 00', 'CH', 'FIXED_LINE', 'phone'],
    ['+44 7911 123456', 'DE', 'MOBILE', 'mobile'],
    ['020 7946 0958', 'GB', 'FIXED_LINE', 'phone'],
    // A UK personal number follows its owner: counted as a mobile.
    ['+44 70 1234 5678', 'DE', 'PERSONAL_NUMBER', 'mobile'],
    // The US plan cannot tell a mobile from a landline: counted as a mobile (see normalise.ts).
    ['+1 212 555 0101', 'DE', 'FIXED_LINE_OR_MOBILE', 'mobile'],
    ['(212) 555-0101', 'US', 'FIXED_LINE_OR_MOBILE', 'mobile'],
    ['0171 5550100', 'DE', 'MOBILE', 'mobile'],
    ['040 5550400', 'DE', 'FIXED_LINE', 'phone'],
    ['0800 1234567', 'DE', 'TOLL_FREE', 'phone'],
  ] as const)('%s (region %s): %s → %s', (raw, region, type, field) => {
    expect(phoneDetail(raw, region)).toMatchObject({ type, field, decidedBy: 'libphonenumber' });
  });

  it('reads a number with its own country code by that country, not by the configured region', () => {
    // An Austrian mobile for a user whose region is Germany: no German pattern decides.
    expect(phoneDetail('+43 664 1234567', 'DE')).toMatchObject({ e164: '+436641234567', field: 'mobile' });
    // A German mobile range is no mobile in Switzerland: 0171… read in CH is no valid number at all.
    expect(phoneDetail('0171 5550100', 'CH')).toMatchObject({ e164: null, field: 'phone', decidedBy: 'default' });
  });

  it('a type stated in the file wins over libphonenumber', () => {
    // The user calls the mobile their work number, and a US number their mobile.
    expect(phoneDetail('+44 7911 123456', 'DE', 'Work')).toMatchObject({
      type: 'MOBILE',
      field: 'phone',
      decidedBy: 'file',
    });
    expect(phoneDetail('+43 1 5123456', 'DE', 'Mobile')).toMatchObject({
      type: 'FIXED_LINE',
      field: 'mobile',
      decidedBy: 'file',
    });
    expect(phoneDetail('+1 212 555 0101', 'DE', 'Home')).toMatchObject({ field: 'phone', decidedBy: 'file' });
    expect(phoneDetail('030 1234567', 'DE', 'Handy')).toMatchObject({ field: 'mobile', decidedBy: 'file' });
  });

  it('a type the file leaves empty or that says nothing about the line leaves it to libphonenumber', () => {
    expect(phoneDetail('+41 79 123 45 67', 'DE', '')).toMatchObject({ field: 'mobile', decidedBy: 'libphonenumber' });
    expect(phoneDetail('+41 44 668 18 00', 'DE', 'Yes')).toMatchObject({ field: 'phone', decidedBy: 'libphonenumber' });
  });

  it('a number nobody can classify is a plain phone', () => {
    expect(phoneDetail('12', 'DE')).toEqual({ field: 'phone', e164: null, type: undefined, decidedBy: 'default' });
    expect(phoneDetail('not a number', 'DE')).toMatchObject({ field: 'phone', decidedBy: 'default' });
  });
});
