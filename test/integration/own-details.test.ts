import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { openDatabase } from '../../electron/services/db';
import { runImport } from '../../electron/services/importers';
import { resolvePaths } from '../../electron/services/importers/source';
import { loadAuditInput } from '../../electron/services/store';
import { computeExposures, exposedDetails } from '../../shared/exposure';
import { PLATFORM_DEFAULTS } from '../../shared/sharing';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();

/** Imports files written to a temp folder into a database there; returns the database, open. */
async function importInto(dir: string, files: Array<[string, string]>, region?: CountryCode) {
  const db = openDatabase(join(dir, 'a.db'));
  const sources = await resolvePaths(files.map(([name, content]) => write(dir, name, content)));
  try {
    await runImport(db, sources.files, { origin: 'file', now: new Date('2026-11-01T12:00:00Z'), region });
  } finally {
    await sources.close();
  }
  return db;
}

const SEVERAL_EMAILS = [
  'Email Address,Confirmed,Primary,Updated On',
  'erika@beispiel.example,Yes,Yes,"3/12/24, 11:20 AM"',
  'erika.privat@gmx.de,Yes,No,"1/8/18, 6:14 PM"',
  'e.m@web.de,No,No,',
].join('\n');

describe("all of the user's own details are imported", () => {
  it('every address of Email Addresses.csv, with whether it is primary and confirmed', async () => {
    const dir = tempDir();
    const db = await importInto(dir, [['Email Addresses.csv', SEVERAL_EMAILS]]);
    expect(
      db.prepare(`SELECT field, value, source, label, is_primary, confirmed FROM my_detail ORDER BY value`).all(),
    ).toEqual([
      {
        field: 'privateEmail',
        value: 'e.m@web.de',
        source: 'Email Addresses.csv',
        label: null,
        is_primary: 0,
        confirmed: 0,
      },
      {
        field: 'privateEmail',
        value: 'erika.privat@gmx.de',
        source: 'Email Addresses.csv',
        label: null,
        is_primary: 0,
        confirmed: 1,
      },
      {
        field: 'businessEmail',
        value: 'erika@beispiel.example',
        source: 'Email Addresses.csv',
        label: null,
        is_primary: 1,
        confirmed: 1,
      },
    ]);
    expect(loadAuditInput(db).myDetails.map((d) => d.value)).toEqual([
      'erika@beispiel.example',
      'e.m@web.de',
      'erika.privat@gmx.de',
    ]);
    db.close();
  });

  it('only the primary address is exposed to connections: the others are the user’s, but LinkedIn does not show them', async () => {
    const dir = tempDir();
    const db = await importInto(dir, [
      ['Connections.csv', CONNECTIONS_2024],
      ['Email Addresses.csv', SEVERAL_EMAILS],
    ]);
    const input = loadAuditInput(db);
    expect(exposedDetails(input.myDetails).map((d) => d.value)).toEqual(['erika@beispiel.example']);
    const fields = new Set(computeExposures(input.contacts, input.myDetails, PLATFORM_DEFAULTS).map((e) => e.field));
    expect([...fields]).toEqual(['businessEmail']);
    db.close();
  });

  it('a newer Email Addresses.csv replaces the addresses, and an address twice in it is one detail', async () => {
    const dir = tempDir();
    const db = await importInto(dir, [['Email Addresses.csv', SEVERAL_EMAILS]]);
    const sources = await resolvePaths([
      write(
        dir,
        'Email Addresses (1).csv',
        'Email Address,Confirmed,Primary,Updated On\nneu@gmx.de,Yes,No,\nNeu@GMX.de,Yes,Yes,\n',
      ),
    ]);
    await runImport(db, sources.files, { origin: 'file' });
    await sources.close();
    expect(loadAuditInput(db).myDetails).toEqual([
      { field: 'privateEmail', value: 'neu@gmx.de', source: 'Email Addresses (1).csv', primary: true, confirmed: true },
    ]);
    db.close();
  });

  it('every phone with its type: the stated one first, else libphonenumber’s for the number’s region', async () => {
    const dir = tempDir();
    const db = await importInto(
      dir,
      [
        [
          'PhoneNumbers.csv',
          [
            'Extension,Number,Type',
            ',+43 664 1234567,',
            ',+41 44 668 18 00,',
            ', +44 7911 123456,Home',
            ',+1 212 555 0101,',
            ',020 7946 0958,',
            '12,+49 30 1234567,Work',
            ',,',
          ].join('\n'),
        ],
        // The same Austrian mobile again, written differently: one detail.
        [
          'Whatsapp Phone Numbers.csv',
          'Number,Extension,Is_WhatsApp_Number\n+436641234567,,Yes\n+41 79 123 45 67,,Yes\n',
        ],
      ],
      'GB',
    );
    expect(loadAuditInput(db).myDetails).toEqual([
      { field: 'mobile', value: '+1 212 555 0101', source: 'PhoneNumbers.csv' },
      { field: 'mobile', value: '+41 79 123 45 67', source: 'Whatsapp Phone Numbers.csv', label: 'WhatsApp' },
      { field: 'mobile', value: '+43 664 1234567', source: 'PhoneNumbers.csv' },
      // Numbers without a country code are read in the configured region (here the UK).
      { field: 'phone', value: '+41 44 668 18 00', source: 'PhoneNumbers.csv' },
      // A mobile range the user calls "Home": the file's type wins.
      { field: 'phone', value: '+44 7911 123456', source: 'PhoneNumbers.csv', label: 'Home' },
      { field: 'phone', value: '+49 30 1234567 ext. 12', source: 'PhoneNumbers.csv', label: 'Work' },
      { field: 'phone', value: '020 7946 0958', source: 'PhoneNumbers.csv' },
    ]);
    db.close();
  });

  it('a number met first without a type takes the type another file states for it', async () => {
    const dir = tempDir();
    const db = await importInto(dir, [
      ['Whatsapp Phone Numbers.csv', 'Number,Extension,Is_WhatsApp_Number\n+1 212 555 0101,,Yes\n'],
      ['PhoneNumbers.csv', 'Extension,Number,Type\n,+12125550101,Work\n'],
    ]);
    expect(loadAuditInput(db).myDetails).toEqual([
      { field: 'phone', value: '+1 212 555 0101', source: 'Whatsapp Phone Numbers.csv', label: 'Work' },
    ]);
    db.close();
  });
});
