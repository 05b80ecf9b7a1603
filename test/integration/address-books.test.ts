import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db';
import { snapshot } from '../helpers/db';
import { entries, importInto } from '../helpers/address-book-db';
import { GOOGLE_CURRENT, GOOGLE_LEGACY, OUTLOOK_DE, OUTLOOK_EN, xingVCard } from '../helpers/address-fixtures';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';

// vCards as each exporter writes them: vcard-exporters.test.ts. The real-world samples beside our
// own clones: test/corpus/samples.test.ts (npm run test:corpus).

const tempDir = useTempDir();

describe('XING vCards', () => {
  const cards = {
    'Jürgen_Weiß.vcf': xingVCard({
      first: 'Jürgen',
      last: 'Weiß',
      company: 'Müller & Söhne',
      email: 'J.Weiss@Mueller.example',
      mobile: '+49 (0)171 5550200',
      categories: 'Kunde,persönlich getroffen',
      slug: 'Juergen_Weiss',
    }),
    'Anna_Schmidt.vcf': xingVCard({
      first: 'Anna',
      last: 'Schmidt',
      company: 'Beispiel AG',
      email: 'anna@beispiel.example',
      mobile: '0049 160 5550201',
      categories: 'Win-win',
      slug: 'Anna_Schmidt2',
    }),
  };

  it('a folder of them becomes XING contacts with mixed charsets decoded, E.164 phones and tags', async () => {
    const dir = tempDir();
    const folder = join(dir, 'xing');
    mkdirSync(folder);
    for (const [name, bytes] of Object.entries(cards)) write(folder, name, bytes);
    const db = openDatabase(join(dir, 'a.db'));
    const summary = await importInto(db, [folder]);
    expect(summary.files.map((f) => f.kind)).toEqual(['xing-vcard', 'xing-vcard']);
    const contacts = db.prepare(`SELECT name, company, profile_url, network FROM contact ORDER BY name`).all();
    expect(contacts).toEqual([
      {
        name: 'Anna Schmidt',
        company: 'Beispiel AG',
        profile_url: 'https://www.xing.com/profile/Anna_Schmidt2',
        network: 'xing',
      },
      {
        name: 'Jürgen Weiß',
        company: 'Müller & Söhne',
        profile_url: 'https://www.xing.com/profile/Juergen_Weiss',
        network: 'xing',
      },
    ]);
    const details = db
      .prepare(
        `SELECT c.name, d.kind, d.value FROM contact_detail d JOIN contact c ON c.id = d.contact_id ORDER BY c.name, d.kind`,
      )
      .all();
    expect(details).toEqual([
      { name: 'Anna Schmidt', kind: 'email', value: 'anna@beispiel.example' },
      { name: 'Anna Schmidt', kind: 'phone', value: '+491605550201' },
      { name: 'Jürgen Weiß', kind: 'email', value: 'j.weiss@mueller.example' },
      { name: 'Jürgen Weiß', kind: 'phone', value: '+491715550200' },
    ]);
    expect(db.prepare(`SELECT tag FROM contact_tag ORDER BY tag`).all()).toEqual([
      { tag: 'Kunde' },
      { tag: 'Win-win' },
      { tag: 'persönlich getroffen' },
    ]);
    db.close();
  });

  it('a ZIP of them imports the same, and importing it again changes nothing', async () => {
    const dir = tempDir();
    const zip = write(
      dir,
      'xing.zip',
      makeZip(Object.entries(cards).map(([name, data]) => ({ name: `vcards/${name}`, data }))),
    );
    const db = openDatabase(join(dir, 'a.db'));
    expect(await importInto(db, [zip])).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const before = snapshot(db);
    expect(await importInto(db, [zip])).toMatchObject({ added: 0, updated: 0, unchanged: 2, removed: 0 });
    const after = snapshot(db);
    expect({ ...after, import_run: [] }).toEqual({ ...before, import_run: [] });
    db.close();
  });
});

describe('address books as CSV', () => {
  it('Google Contacts, current layout: " ::: " lists, primary marks, labels, E.164', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    const summary = await importInto(db, [write(dir, 'contacts.csv', GOOGLE_CURRENT)]);
    expect(summary.files[0]).toMatchObject({ kind: 'google-csv', rows: 2 });
    expect(entries(db)[0]).toEqual({
      name: 'Erika Musterfrau',
      company: 'Beispiel GmbH',
      birthday: '--03-01',
      emails: ['erika.musterfrau@beispiel.example', 'e.m@gmx.de'],
      phones: ['+491715550101', '+49305550102'],
      tags: ['Kunde'],
    });
    db.close();
  });

  it('Google Contacts, legacy layout', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    await importInto(db, [write(dir, 'google.csv', GOOGLE_LEGACY)]);
    expect(entries(db)).toEqual([
      {
        name: 'Jürgen Öztürk',
        company: 'Öztürk Consulting',
        birthday: null,
        emails: ['juergen@oeztuerk.example'],
        phones: ['+491715550103'],
        tags: ['Partner'],
      },
    ]);
    db.close();
  });

  it('Outlook, English', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    const summary = await importInto(db, [write(dir, 'outlook.csv', OUTLOOK_EN)]);
    expect(summary.files[0]!.kind).toBe('outlook-csv');
    expect(entries(db)).toEqual([
      {
        name: 'Max Mustermann',
        company: 'Muster AG',
        birthday: '1980-03-07',
        emails: ['max@muster.example'],
        phones: ['+49405550104', '+491605550105'],
        tags: ['Recruiting'],
      },
    ]);
    db.close();
  });

  it('Outlook, German: translated headers, ";" and Windows-1252', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    const summary = await importInto(db, [write(dir, 'Kontakte.CSV', OUTLOOK_DE)]);
    expect(summary.files[0]!.kind).toBe('outlook-csv');
    expect(entries(db)).toEqual([
      {
        name: 'Jördis Weiß',
        company: 'Grünwald & Söhne KG',
        birthday: '1975-03-07',
        emails: ['joerdis@gruenwald.example', 'j.weiss@web.de'],
        phones: ['+49895550106', '+4915155501077'],
        tags: ['Lieferant', 'Persönlich getroffen'],
      },
    ]);
    db.close();
  });

  it('a newer copy of the same address book replaces entries that are gone', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    const path = write(dir, 'contacts.csv', GOOGLE_CURRENT);
    await importInto(db, [path]);
    write(dir, 'contacts.csv', GOOGLE_CURRENT.split('\n').slice(0, 2).join('\n'));
    expect(await importInto(db, [path])).toMatchObject({ added: 0, unchanged: 1, removed: 1 });
    expect(entries(db).map((e) => e.name)).toEqual(['Erika Musterfrau']);
    db.close();
  });
});

describe('identity across sources', () => {
  it('links the same person by email, phone, profile URL and name + company, with evidence, never merging', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.db'));
    const xing = join(dir, 'xing');
    mkdirSync(xing);
    write(
      xing,
      'Max.vcf',
      xingVCard({
        first: 'Max',
        last: 'Mustermann',
        company: 'Muster AG',
        email: 'max@muster.example',
        mobile: '0151 5550300',
        categories: 'Recruiter',
        slug: 'Max_Mustermann',
      }),
    );
    await importInto(db, [
      write(dir, 'Connections.csv', CONNECTIONS_2024),
      write(dir, 'google.csv', GOOGLE_CURRENT),
      write(dir, 'outlook.csv', OUTLOOK_EN),
      xing,
    ]);
    const links = db
      .prepare<[], Record<string, unknown> & { evidence: string }>(
        `SELECT c.network, c.name, coalesce(e.name, o.name) AS other, CASE WHEN e.id IS NULL THEN 'contact' ELSE 'entry' END AS side, l.method, l.confidence, l.evidence
         FROM identity_link l JOIN contact c ON c.id = l.contact_id LEFT JOIN address_entry e ON e.id = l.entry_id LEFT JOIN contact o ON o.id = l.other_contact_id
         ORDER BY c.network, c.name, side, l.method`,
      )
      .all()
      // Evidence is stored as data (kind and values), put into words only where it is shown.
      .map((l) => ({ ...l, evidence: JSON.parse(l.evidence) as unknown }));
    expect(links).toEqual([
      // LinkedIn Erika ↔ Google entry: the entry lists her LinkedIn profile.
      {
        network: 'linkedin',
        name: 'Erika Musterfrau',
        other: 'Erika Musterfrau',
        side: 'entry',
        method: 'profile-url',
        confidence: 0.99,
        evidence: { method: 'profile-url' },
      },
      // LinkedIn Max ↔ Outlook entry and ↔ XING contact: same name and company.
      {
        network: 'linkedin',
        name: 'Max Mustermann',
        other: 'Max Mustermann',
        side: 'contact',
        method: 'name-company',
        confidence: 0.85,
        evidence: { method: 'name-company', name: 'Max Mustermann', company: 'Muster AG' },
      },
      {
        network: 'linkedin',
        name: 'Max Mustermann',
        other: 'Max Mustermann',
        side: 'entry',
        method: 'name-company',
        confidence: 0.85,
        evidence: { method: 'name-company', name: 'Max Mustermann', company: 'Muster AG' },
      },
      // XING Max ↔ Outlook entry: same email.
      {
        network: 'xing',
        name: 'Max Mustermann',
        other: 'Max Mustermann',
        side: 'entry',
        method: 'email',
        confidence: 0.99,
        evidence: { method: 'email', value: 'max@muster.example' },
      },
    ]);
    // Nothing was merged away: every original record is still there.
    expect(db.prepare(`SELECT COUNT(*) AS n FROM contact`).get()).toEqual({ n: 5 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM address_entry`).get()).toEqual({ n: 3 });
    db.close();
  });
});
