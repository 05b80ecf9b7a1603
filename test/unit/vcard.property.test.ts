import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/errors';
import { normaliseBirthday, normalisePhone } from '../../electron/services/importers/normalise';
import { parseVCards } from '../../electron/services/importers/vcard-file';

/** RFC 6350 §3.2 folding: lines of at most 75 octets, continued with a leading space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    // never split a UTF-8 sequence
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

const escape = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\n/g, '\\n');

const text = fc
  .string({
    unit: fc.constantFrom('a', 'Z', 'ä', 'ß', '€', '🚀', ' ', ',', ';', '\\', '\n', 'x', '-'),
    minLength: 1,
    maxLength: 120,
  })
  .filter((s) => s.trim() === s && s.trim() !== '');

describe('vCard folding, unfolding and escaping round-trip', () => {
  it('any name, organisation and categories survive being written as vCard 3.0 and read back', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(
          text.filter((s) => !s.includes('\n')),
          { minLength: 1, maxLength: 4 },
        ),
        (name, org, categories) => {
          const card = [
            'BEGIN:VCARD',
            'VERSION:3.0',
            fold(`FN:${escape(name)}`),
            fold(`ORG:${escape(org)};Abteilung`),
            fold(`CATEGORIES:${categories.map(escape).join(',')}`),
            'END:VCARD',
            '',
          ].join('\r\n');
          const [parsed] = parseVCards(Buffer.from(card, 'utf8'), 'x.vcf', () => undefined);
          expect(parsed!.name).toBe(name.replace(/\s+/g, ' '));
          expect(parsed!.company).toBe(org.trim());
          expect(parsed!.categories).toEqual(categories.map((c) => c.trim()).filter(Boolean));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quoted-printable with soft line breaks, in any charset a property names', () => {
    fc.assert(
      fc.property(
        text.filter((s) => !s.includes('\n')),
        (name) => {
          const qp = [...Buffer.from(name, 'utf8')]
            .map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('');
          const softWrapped = qp.replace(/(.{60})/g, '$1=\r\n');
          const card = `BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${softWrapped}\r\nEND:VCARD\r\n`;
          expect(parseVCards(Buffer.from(card, 'latin1'), 'x.vcf', () => undefined)[0]!.name).toBe(
            name.replace(/\s+/g, ' '),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a clear import error on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, prefix) => {
        const data = prefix ? Buffer.concat([Buffer.from('BEGIN:VCARD\r\n'), bytes]) : Buffer.from(bytes);
        try {
          parseVCards(data, 'random.vcf', () => undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as Error).message).toMatch(/^random\.vcf: /);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalisation', () => {
  it.each([
    ['0171 5550123', '+491715550123', true],
    ['+49 (0)171 5550123', '+491715550123', true],
    ['0049171 5550123', '+491715550123', true],
    ['0049 (0) 171-555 01 23', '+491715550123', true],
    ['030 1234567', '+49301234567', false],
    ['+43 664 1234567', '+436641234567', true],
    ['+1 (212) 555-0101', '+12125550101', false],
    ['MobilePhone', null, false],
  ])('%s → %s', (raw, e164, mobile) => {
    expect(normalisePhone(raw)).toEqual({ raw, e164, mobile });
  });

  it('reads numbers without a country code in the configured region', () => {
    expect(normalisePhone('0664 1234567', 'AT').e164).toBe('+436641234567');
    expect(normalisePhone('(212) 555-0101', 'US').e164).toBe('+12125550101');
  });

  it.each([
    ['19800322', '1980-03-22'],
    ['1980-03-22', '1980-03-22'],
    ['1987-09-27T08:30:00-06:00', '1987-09-27'],
    ['--0203', '--02-03'],
    ['--03-01', '--03-01'],
    ['7.3.1975', '1975-03-07'],
    ['3/7/1980', '1980-03-07'],
    ['irgendwann', null],
  ])('birthday %s → %s', (raw, iso) => {
    expect(normaliseBirthday(raw)).toBe(iso);
  });
});
