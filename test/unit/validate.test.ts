import { describe, expect, it } from 'vitest';
import { isEmail, isPhoneNumber, isWebUrl, ownDetailValue, webUrl } from '../../electron/services/importers/validate';

describe('values refused on input', () => {
  it('emails: real addresses pass, markup, formulas and spaces do not', () => {
    for (const ok of ['ich.selbst@gmx.de', 'k.vogel+news@vogel-consulting.example', 'jürgen@müller.de', "o'neil@x.co"])
      expect(isEmail(ok), ok).toBe(true);
    for (const bad of [
      '<script>x</script>@gmx.de',
      '=HYPERLINK("x")@a.de',
      'a b@c.de',
      'a@b',
      '@gmx.de',
      'a..b@c.de',
      'a@-b.de',
    ])
      expect(isEmail(bad), bad).toBe(false);
  });

  it('phone numbers: as people write them, with extensions; never a formula', () => {
    for (const ok of [
      '+49 171 5550100',
      '0171/555 01 00',
      '+49 (0)171 555-0100',
      '(030) 1234567',
      '030 123 ext. 45',
      '0049171555',
    ])
      expect(isPhoneNumber(ok), ok).toBe(true);
    for (const bad of ['=HYPERLINK("tel:1","x")', '-1+2', '@SUM(1)', '12', 'call me', '+49 171 <b>1</b>'])
      expect(isPhoneNumber(bad), bad).toBe(false);
  });

  it('profile URLs: http and https only', () => {
    expect(isWebUrl('https://www.xing.com/profile/X')).toBe(true);
    expect(isWebUrl('http://example.com')).toBe(true);
    for (const bad of [
      'javascript:alert(1)//xing.com',
      'data:text/html,<b>',
      'file:///etc/passwd',
      'xing.com/profile/x',
    ])
      expect(isWebUrl(bad), bad).toBe(false);
    expect(webUrl('www.xing.com/profile/X')).toBe('https://www.xing.com/profile/X');
    expect(webUrl(' https://www.linkedin.com/in/x ')).toBe('https://www.linkedin.com/in/x');
    for (const bad of ['JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'not a url'])
      expect(webUrl(bad), bad).toBeNull();
  });

  it('own details: birthdays as ISO dates that exist, addresses without control characters or formulas', () => {
    expect(ownDetailValue('birthday', '07.03.1980')).toBe('1980-03-07');
    expect(ownDetailValue('birthday', '--03-07')).toBe('--03-07');
    expect(ownDetailValue('birthday', '1980-02-30')).toBeNull();
    expect(ownDetailValue('address', 'Musterstraße 1\n10115 Berlin')).toBe('Musterstraße 1\n10115 Berlin');
    expect(ownDetailValue('address', '=1+1')).toBeNull();
    expect(ownDetailValue('address', 'Weg 1\u001b[2J')).toBeNull();
    expect(ownDetailValue('mobile', ' +49 171 5550100 ')).toBe('+49 171 5550100');
  });
});
