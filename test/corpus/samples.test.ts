/**
 * The real-world corpus: vCards written by other tools and people (ez-vcard's and ical.js's test
 * samples), kept beside our own clones in ../shared/samples and never copied into the project.
 * Run with `npm run test:corpus` (.ci/run does when the folder is there). Our own fixtures that
 * reproduce these exporters' quirks are test/fixtures/vcard, tested by `npm test`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { entries, importInto } from '../helpers/address-book-db';
import { useTempDir } from '../helpers/fixtures';
import { noteTexts } from '../helpers/notes';

const tempDir = useTempDir();
/** SHAREAUDIT_SAMPLES points elsewhere; by default the samples folder beside this repository. */
const ROOT = resolve(
  process.env.SHAREAUDIT_SAMPLES ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'samples'),
);
const SAMPLES = join(ROOT, 'vcard');

// Asked for explicitly, the corpus must be there: fail loudly rather than pass with nothing tested.
if (!existsSync(SAMPLES)) {
  throw new Error(
    `test:corpus: no sample corpus at ${SAMPLES}. It lives beside our own clones only (../shared/samples); ` +
      'set SHAREAUDIT_SAMPLES to its folder, or run `npm test` instead.',
  );
}

/** What a person reads in each sample file: card count and the first card's name, first email and first phone. */
const SAMPLE_EXPECTATIONS: Record<string, { cards: number; name: string; email?: string; phone?: string }> = {
  'John_Doe_ANDROID.vcf': { cards: 6, name: 'john.doe@company.com', email: 'john.doe@company.com' },
  'John_Doe_BLACK_BERRY.vcf': { cards: 1, name: 'John Doe', phone: '+96123456789' },
  'John_Doe_EVOLUTION.vcf': {
    cards: 1,
    name: 'Mr. John Richter, James Doe Sr.',
    email: 'john.doe@ibm.com',
    phone: '9056661234',
  },
  'John_Doe_GMAIL.vcf': {
    cards: 1,
    name: 'Mr. John Richter, James Doe Sr.',
    email: 'john.doe@ibm.com',
    phone: '9055551234',
  },
  'John_Doe_IPHONE.vcf': {
    cards: 1,
    name: 'Mr. John Richter James Doe Sr.',
    email: 'john.doe@ibm.com',
    phone: '9055551234',
  },
  'John_Doe_LOTUS_NOTES.vcf': { cards: 1, name: 'Mr. Doe John I Johny', email: 'john.doe@ibm.com' },
  'John_Doe_MAC_ADDRESS_BOOK.vcf': {
    cards: 1,
    name: 'Mr. John Richter,James Doe Sr.',
    email: 'john.doe@ibm.com',
    phone: '9057771234',
  },
  'John_Doe_MS_OUTLOOK.vcf': {
    cards: 1,
    name: 'Mr. John Richter James Doe Sr.',
    email: 'john.doe@ibm.cm',
    phone: '9055551234',
  },
  // US-style numbers without country code are read in the default region (DE) when valid there.
  'fullcontact.vcf': {
    cards: 1,
    name: 'Prefix FirstName MiddleName LastName Suffix',
    email: 'home@example.com',
    phone: '+495555551111',
  },
  'gmail-list.vcf': { cards: 3, name: 'Arnold Smith', email: 'asmithk@gmail.com' },
  'gmail-single.vcf': { cards: 1, name: 'Greg Dartmouth', email: 'gdartmouth@hotmail.com', phone: '+495555551111' },
  'gmail-single2.vcf': { cards: 1, name: 'VCard Test', email: 'email@example.com', phone: '+495555551111' },
  'outlook-2003.vcf': { cards: 1, name: 'John Doe III', email: 'jdoe@hotmail.com' },
  'outlook-2007.vcf': {
    cards: 1,
    name: 'Mr. Michael Angstadt Jr.',
    email: 'mike.angstadt@gmail.com',
    phone: '1115551111',
  },
  'rfc2426-example.vcf': { cards: 2, name: 'Frank Dawson', email: 'frank_dawson@lotus.com', phone: '+19196769515' },
  'rfc6350-example.vcf': {
    cards: 1,
    name: 'Simon Perreault',
    email: 'simon.perreault@viagenie.ca',
    phone: '+14186569254',
  },
  'thunderbird-MoreFunctionsForAddressBook-extension.vcf': {
    cards: 1,
    name: 'John Doe',
    email: 'doe.john@hotmail.com',
    phone: '+495555551111',
  },
  // Not a valid number anywhere: kept as the digits written.
  'escape_semicolon.vcf': { cards: 1, name: 'First Last NextCloud', email: 'home@gmx.de', phone: '11111111' },
  'vcard.vcf': { cards: 1, name: 'J. Doe', email: 'jqpublic@xyz.example.com', phone: '+3301234567' },
  'vcard3.vcf': { cards: 1, name: 'Mr. John Q. Public, Esq.', email: 'jqpublic@xyz.dom1.com', phone: '+12135551234' },
  'vcard_author.vcf': {
    cards: 1,
    name: 'Simon Perreault',
    email: 'simon.perreault@viagenie.ca',
    phone: '+14186569254',
  },
  // Holds only addresses: nothing a person could match on, so it is skipped with a warning.
  'vcard_grouped.vcf': { cards: 0, name: '' },
};

describe('every sample vCard imports with the names, emails and phones a person reads in it', () => {
  const files = ['ez-vcard', 'ical.js'].flatMap((dir) =>
    readdirSync(join(SAMPLES, dir))
      .filter((f) => f.endsWith('.vcf'))
      .map((f) => [f, join(SAMPLES, dir, f)] as const),
  );

  it('covers every sample file', () => {
    expect(files.map(([f]) => f).sort()).toEqual(Object.keys(SAMPLE_EXPECTATIONS).sort());
  });

  it.each(files)('%s', async (name, path) => {
    const expected = SAMPLE_EXPECTATIONS[name]!;
    const db = openDatabase(join(tempDir(), 'a.db'));
    if (expected.cards === 0) {
      const summary = await importInto(db, [path]);
      expect(summary.added).toBe(0);
      expect(noteTexts(summary.warnings)[0]).toMatch(
        /vcard_grouped\.vcf, line 1: card without name, email or phone, skipped/,
      );
      db.close();
      return;
    }
    const summary = await importInto(db, [path]);
    expect(summary.files[0]).toMatchObject({ kind: 'vcard', rows: expected.cards });
    const list = entries(db);
    expect(list).toHaveLength(expected.cards);
    expect(list[0]!.name).toBe(expected.name);
    if (expected.email) expect(list[0]!.emails[0]).toBe(expected.email);
    if (expected.phone) expect(list[0]!.phones[0]).toBe(expected.phone);
    db.close();
  });

  it('decodes quoted-printable UTF-8 names (Android)', async () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    await importInto(db, [join(SAMPLES, 'ez-vcard', 'John_Doe_ANDROID.vcf')]);
    expect(entries(db).map((e) => e.name)).toContain('Ñ Ñ Ñ Ñ Ñ');
    db.close();
  });
});
