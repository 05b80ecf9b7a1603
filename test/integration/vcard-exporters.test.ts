/**
 * Our own vCards, one per exporter, written to reproduce what each really writes (see
 * test/fixtures/vcard/README.md): each goes through the real importer into a real database, and the
 * test reads back what a person reads in the file — every card, name, email, phone (E.164), tag.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFresh, type Entry } from '../helpers/address-book-db';
import { useTempDir } from '../helpers/fixtures';
import { noteTexts } from '../helpers/notes';

const tempDir = useTempDir();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'vcard');

function person(name: string, rest: Partial<Omit<Entry, 'name'>>): Entry {
  return { name, company: null, birthday: null, emails: [], phones: [], tags: [], ...rest };
}

interface Expectation {
  /** The exporter's quirks this file carries. */
  quirks: string;
  /** Cards in the file, skipped ones included. */
  cards: number;
  entries: Entry[];
  /** Warnings, one pattern each, in order. */
  warnings?: RegExp[];
}

const EXPECTED: Record<string, Expectation> = {
  'outlook-2003.vcf': {
    quirks: 'vCard 2.1, bare parameters, quoted-printable Windows-1252 with soft line breaks, empty base64 key',
    cards: 1,
    entries: [
      person('Prof. Dr. Hans-Jürgen Müller-Lüdenscheid', {
        company: 'Müller-Lüdenscheid & Söhne Wirtschaftsprüfungs- und Steuerberatungsgesellschaft mbH',
        birthday: '1963-03-21',
        // Both come after the empty KEY and its blank lines.
        emails: ['hj.mueller@mueller-luedenscheid.example', 'hajo.mueller@t-online.example'],
        phones: ['+492115550100', '+492115550101', '+491715550102', '+492115550109'],
      }),
    ],
  },
  'outlook-2007.vcf': {
    quirks: 'vCard 2.1, 8-bit CHARSET=Windows-1252, N;LANGUAGE=de, X-MS-TEL, one-line XML design',
    cards: 1,
    entries: [
      person('Jördis Weiß', {
        // "ß" and a no-break space are DF A0 in Windows-1252, valid UTF-8 too: the CHARSET decides.
        company: 'Gebr. Strauß\u00a0KG',
        birthday: '1975-03-07',
        emails: ['joerdis@strauss-kg.example', 'j.weiss@web.example'],
        phones: ['+49895550106', '+49895550107', '+4915155501077', '+49895550108'],
      }),
    ],
  },
  'iphone.vcf': {
    quirks: 'vCard 3.0, item1. groups with X-ABLabel, type=pref, folded photo, lines ending CR CR LF',
    cards: 2,
    entries: [
      person('Lena Marie Sophie Wagner', {
        company: 'Wagner & Jürgens Architekten GmbH',
        birthday: '1986-11-23',
        emails: ['lena.wagner@wagner-juergens.example', 'lena@familie-wagner.example'],
        phones: ['+491715550201', '+49405550202', '+49405550209', '+4915155502030'],
      }),
      person('Björn Krüger', { emails: ['bjoern.krueger@bau.example'], phones: ['+491725550811'] }),
    ],
  },
  'gmail.vcf': {
    quirks: 'vCard 3.0, EMAIL;TYPE=INTERNET;TYPE=HOME, item groups with custom labels, no final line break',
    cards: 3,
    entries: [
      person('Dr. Sabine Hoffmann, MBA', {
        company: 'Kanzlei Hoffmann',
        birthday: '1979-04-02',
        emails: [
          'sabine.hoffmann@posteo.example',
          's.hoffmann@kanzlei-hoffmann.example',
          'vorstand@ruderverein.example',
        ],
        phones: ['+491715550301', '+49305550302', '+49305550303'],
      }),
      person('Jörg Bäcker', { emails: ['joerg.baecker@gmx.example'] }),
      person('Anke Schulz', { emails: ['anke.schulz@beispiel.example'] }),
    ],
  },
  'android.vcf': {
    quirks: 'vCard 2.1, names as quoted-printable UTF-8 broken inside a letter, X-ANDROID-CUSTOM, email-only card',
    cards: 4,
    entries: [
      // Nothing but an email: the email is all a person can call it.
      person('info@baeckerei-schulze.example', { emails: ['info@baeckerei-schulze.example'], tags: ['My Contacts'] }),
      // The same number as work phone and fax: one number.
      person('Karl Schulze', {
        emails: ['karl.schulze@web.example'],
        phones: ['+491605550401', '+493415550500'],
        tags: ['My Contacts'],
      }),
      person('Hans-Jürgen Müller-Lüdenscheid', {
        company: 'Bäckerei Müller & Söhne Großhandel',
        emails: ['hj@mueller-luedenscheid.example', 'hans-jürgen@müller-lüdenscheid.example'],
        phones: ['+491715550402', '+493415550403', '+493415550404'],
        tags: ['My Contacts'],
      }),
      person('Ayşe Öztürk', {
        phones: ['+491765550405', '+493415550406', '+491765550407', '+493415550408'],
        tags: ['My Contacts'],
      }),
    ],
  },
  'evolution.vcf': {
    quirks: 'vCard 3.0 folded at 75 octets inside emails and numbers, quoted X-COUCHDB-UUID, escaped commas',
    cards: 1,
    entries: [
      person('Matthias Peter, Paul Vogel', {
        company: 'Schreinerei Vogel',
        birthday: '1971-06-14',
        emails: ['m.vogel@schreinerei-vogel.example', 'matze.vogel@posteo.example'],
        phones: ['+491705550501', '+497115550502'],
        tags: ['Handwerk', 'Kunden'],
      }),
    ],
  },
  'lotus-notes.vcf': {
    quirks: 'vCard 3.0, FN in its own order, "00-49-…" fax, GEO/CLASS/PROFILE/TZ, folds with two spaces',
    cards: 1,
    entries: [
      person('Herr Huber Franz jun. Xaver', {
        company: 'Huber Brauerei',
        birthday: '1968-05-21',
        emails: ['franz.huber@huber-brauerei.example', 'fx.huber@notes.huber-brauerei.example'],
        phones: ['+498955506011', '+498955506012'],
      }),
    ],
  },
  'blackberry.vcf': {
    quirks: 'vCard 2.1 with TYPE=, one-line base64 photo and a blank line, empty NOTE, no email',
    cards: 1,
    entries: [person('Tobias Krause', { company: 'Krause Logistik', phones: ['+491605550701'] })],
  },
  'macos-address-book.vcf': {
    quirks: 'vCard 3.0, "\\," in N and FN, plain X-ABLabel, empty PHOTO;BASE64:, a company card',
    cards: 2,
    entries: [
      person('Dr. Katharina Anna,Maria Becker', {
        company: 'Praxis Dr. Becker',
        birthday: '1977-02-03',
        emails: ['praxis@dr-becker.example', 'kathi.becker@icloud.example'],
        phones: [
          '+496215550300',
          '+496215550301',
          '+491715550302',
          '+496215550303',
          '+496215550304',
          '+496215550305',
          '+496215550306',
        ],
      }),
      person('Stadtwerke Mannheim-Süd', { company: 'Stadtwerke Mannheim-Süd', phones: ['+496215550390'] }),
    ],
  },
  'thunderbird.vcf': {
    quirks: 'vCard 3.0, CHARSET=UTF-8 everywhere, five emails, N of two parts, photo lines ending in LF only',
    cards: 1,
    entries: [
      person('Petra Lehmann', {
        company: 'Lehmann Übersetzungen',
        birthday: '1970-09-21',
        emails: [
          'petra.lehmann@lehmann-uebersetzungen.example',
          'lektorat@lehmann-uebersetzungen.example',
          'p.lehmann@mailbox.example',
          'petra@lehmann-privat.example',
          'pl@uni-leipzig.example',
        ],
        phones: ['+493415550500', '+493415550501', '+491765550502', '+493415550503', '+493415550504'],
        // The file says "Lieferant\, Stammtisch\, Weihnachtskarte": see the known issue below.
        tags: expect.any(Array),
      }),
    ],
  },
  'rfc2426-example.vcf': {
    quirks: 'RFC 2426 §7: "BEGIN:vCard", LF line ends, TYPE lists, a fold inside ADR, mixed-case emails',
    cards: 2,
    entries: [
      person('Friedrich Dahl', {
        company: 'Dahl Softwareentwicklung GmbH',
        emails: ['friedrich_dahl@dahl-software.example', 'fdahl@netcologne.example'],
        phones: ['+492215550900', '+492215550901'],
      }),
      person('Tim Hauser', {
        company: 'Hauser Kommunikation AG',
        emails: ['hauser@hauser-kommunikation.example'],
        phones: ['+492285550200', '+492285550201'],
      }),
    ],
  },
  'rfc2426-all-properties.vcf': {
    quirks: 'RFC 2426 with every property: two N, three BDAY, a nested vCard in AGENT, base64 LOGO/SOUND/KEY',
    cards: 1,
    entries: [
      person('Herr Johann Q. Öffentlich, Esq.', {
        company: 'ABC, GmbH',
        // Three birthdays in three formats, none preferred: the first, as a date.
        birthday: '1996-04-15',
        // Not sthomas@host.example nor +49 911 5550799: they belong to the AGENT's nested card.
        emails: ['johann@oeffentlich.example', 'jq@isp.example', 'johann.oeffentlich@abc.example'],
        phones: ['+499115550700'],
        tags: ['IETF', 'INDUSTRIE', 'INFORMATIONSTECHNIK', 'INTERNET', 'REISEBÜRO'],
      }),
    ],
  },
  'rfc6350-example.vcf': {
    quirks: 'RFC 6350 §8 (vCard 4.0): tel: URIs with ;ext=, quoted TYPE lists, PREF=1, BDAY without year',
    cards: 1,
    entries: [
      person('Simone Peters', {
        company: 'Peters Ingenieurbüro',
        birthday: '--02-03',
        emails: ['simone.peters@peters-ing.example'],
        phones: ['+492285550210', '+491715550211'],
      }),
    ],
  },
  'rfc6350-all-properties.vcf': {
    quirks: 'vCard 4.0 with every property: KIND, MEMBER, RELATED, XML, escaped commas, an invalid tel: URI',
    cards: 1,
    entries: [
      person('J. Dorn', {
        company: 'XYZ, GmbH',
        birthday: '--02-03',
        emails: ['j.dorn@xyz.example'],
        // Not a valid number anywhere: kept as the digits written.
        phones: ['+4901234567'],
      }),
    ],
  },
  'nextcloud.vcf': {
    quirks: 'Sabre VObject: quoted TYPE lists, a number followed by escaped ";" and ",", ITEM1. groups',
    cards: 1,
    entries: [
      person('Erika Nextcloud-Nutzerin', {
        company: 'Firma',
        birthday: '1984-02-10',
        emails: ['erika@nextcloud-privat.example', 'erika@firma.example'],
        phones: ['+492015550900', '+491715550901', '+492015550902', '+492015550903'],
        tags: ['Test-Kontakte'],
      }),
    ],
  },
  'grouped-properties.vcf': {
    quirks: 'grouped EMAIL and TEL in upper and lower case, and a card of grouped addresses only',
    cards: 2,
    entries: [
      person('Gregor Gruppe', { emails: ['gregor@gruppe.example'], phones: ['+493415550800', '+491715550801'] }),
    ],
    warnings: [/grouped-properties\.vcf, line 10: card without name, email or phone, skipped$/],
  },
  'vcard21-specification.vcf': {
    quirks: 'vCard 2.1 specification: an AGENT that is a whole vCard on the next lines, a card with a name only',
    cards: 2,
    entries: [
      // Not Paul Sommer's email and phone: they are in the AGENT's card, inside Gerda's.
      person('Gerda Fischer', {
        company: 'Fischer Funk GmbH',
        emails: ['gerda.fischer@fischer-funk.example'],
        phones: ['+493515550600', '+491715550601'],
      }),
      person('Bernd Winter', {}),
    ],
  },
  'repeated-properties.vcf': {
    quirks:
      'FN, N, ORG, TITLE and BDAY given twice (the first kept, unless a later one is TYPE=pref or has a lower PREF), three EMAIL, TEL and ADR each (all kept), an escaped comma inside one category',
    cards: 2,
    entries: [
      person('Carla Wiederholt', {
        company: 'Neue Firma AG',
        birthday: '1981-05-17',
        emails: ['carla@neue-firma.example', 'carla.wiederholt@privat.example', 'carla@alte-firma.example'],
        phones: ['+491705550901', '+49305550902', '+49305550903'],
        // "Kunden\, Partner" without a CHARSET (not Thunderbird): the escaped comma is inside one category.
        tags: ['Kunden, Partner'],
      }),
      person('Ziva Doppelt', {
        company: 'Hauptfirma KG',
        birthday: '--07-04',
        emails: ['ziva@zweitfirma.example', 'ziva@hauptfirma.example'],
        phones: ['+491715550904', '+491715550905'],
      }),
    ],
  },
  'fullcontact.vcf': {
    quirks: 'vCard 4.0: nine phones, five email types, two ORG and TITLE, BDAY twice under ALTID',
    cards: 1,
    entries: [
      person('Prof. Friederike Luise Neumann PhD', {
        // Two organisations, neither preferred: the first written is kept.
        company: 'Universität Bremen',
        birthday: '1966-08-01',
        emails: [
          'friederike@neumann-privat.example',
          'f.neumann@uni-bremen.example',
          'neumann@schule.example',
          'fn@sonstige.example',
          'vorsitz@verein.example',
        ],
        phones: [
          '+494215550800',
          '+494215550801',
          '+491715550802',
          '+491715550803',
          '+494215550804',
          '+494215550805',
          '+494215550806',
          '+494215550807',
          '+494215550808',
        ],
        tags: ['Kollegen'],
      }),
    ],
  },
};

describe('vCards as each exporter writes them: what a person reads in them is what the database holds', () => {
  it('every fixture file has its expectation', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.vcf'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const { summary, entries } = await importFresh(tempDir(), [join(FIXTURES, file)]);
    expect(summary.files).toEqual([expect.objectContaining({ kind: 'vcard', rows: expected.cards })]);
    expect(summary.added).toBe(expected.entries.length);
    expect(entries).toEqual(expected.entries);
    expect(summary.warnings).toHaveLength(expected.warnings?.length ?? 0);
    expected.warnings?.forEach((pattern, i) => expect(noteTexts(summary.warnings)[i]).toMatch(pattern));
  });

  it('a folder of all of them imports every card of every file', async () => {
    const { summary, entries } = await importFresh(tempDir(), [FIXTURES]);
    const all = Object.values(EXPECTED);
    expect(summary.files).toHaveLength(all.length);
    expect(entries).toHaveLength(all.reduce((n, e) => n + e.entries.length, 0));
    expect(entries.map((e) => e.name).sort()).toEqual(all.flatMap((e) => e.entries.map((x) => x.name)).sort());
  });

  // Thunderbird writes its categories as one CATEGORIES value with the commas escaped; a person reads
  // three categories (and one tag "Lieferant, Stammtisch, Weihnachtskarte" would match no trusted tag).
  it('Thunderbird: "Lieferant\\, Stammtisch\\, Weihnachtskarte" are three categories', async () => {
    const { entries } = await importFresh(tempDir(), [join(FIXTURES, 'thunderbird.vcf')]);
    expect(entries[0]!.tags).toEqual(['Lieferant', 'Stammtisch', 'Weihnachtskarte']);
  });
});
