import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { openDatabase } from '../../electron/services/db';
import { runImport } from '../../electron/services/importers';
import { memoryFile, resolvePaths } from '../../electron/services/importers/source';
import { loadAuditInput } from '../../electron/services/store';
import { snapshot } from '../helpers/db';
import { CONNECTIONS_2024, useTempDir, write } from '../helpers/fixtures';
import { noteTexts } from '../helpers/notes';

const tempDir = useTempDir();

async function importFiles(files: Array<[string, string | Buffer]>) {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'a.db'));
  const sources = await resolvePaths(files.map(([name, content]) => write(dir, name, content)));
  const summary = await runImport(db, sources.files, { origin: 'file', now: new Date('2026-11-01T12:00:00Z') });
  await sources.close();
  return { db, summary, input: loadAuditInput(db) };
}

describe('LinkedIn export files across the years', () => {
  it('2018 Messages.csv: names and Direction instead of URLs', async () => {
    const { input, db } = await importFiles([
      [
        'Connections.csv',
        'First Name,Last Name,Email Address,Company,Position,Connected On\nErika,Musterfrau,,Firma,,"1/8/18, 6:14 PM"\nMax,Mustermann,,,,"1/8/18, 6:15 PM"\n',
      ],
      [
        'Messages.csv',
        'From,To,Date,Subject,Content,Direction,Folder\nErika Musterfrau,Ich,"3/12/18, 11:20 AM",,Hallo,INCOMING,INBOX\nIch,Erika Musterfrau,"3/13/18, 9:00 AM",,Hi!,OUTGOING,SENT\nMax Mustermann,Ich,"3/14/18, 9:00 AM",,Angebot,INCOMING,INBOX\n',
      ],
    ]);
    const byName = new Map(input.contacts.map((c) => [c.name, c.id]));
    expect(input.interactions.find((i) => i.contactId === byName.get('Erika Musterfrau'))).toMatchObject({
      sent: 1,
      received: 1,
      firstAt: '2018-03-12T11:20:00Z',
    });
    expect(input.interactions.find((i) => i.contactId === byName.get('Max Mustermann'))).toMatchObject({
      sent: 0,
      received: 1,
    });
    db.close();
  });

  it('Invitations.csv, 2018 (five columns) and today (with profile URLs and message)', async () => {
    const { db, summary } = await importFiles([
      [
        'Invitations.csv',
        'From,To,Sent At,Message,Direction\nMax Mustermann,Ich,"3/12/18, 11:20 AM",Kontakte schaden nur dem der keine hat,INCOMING\n',
      ],
      [
        'Invitations (1).csv',
        'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\nIch,Erika Musterfrau,"3/12/24, 11:20 AM","Schön, Sie getroffen zu haben",OUTGOING,https://www.linkedin.com/in/ich,https://www.linkedin.com/in/erika-musterfrau-1a2b\n',
      ],
    ]);
    expect(summary.files.map((f) => f.kind)).toEqual(['linkedin-invitations', 'linkedin-invitations']);
    expect(db.prepare(`SELECT contact_key, direction, sent_at, message FROM invitation ORDER BY id`).all()).toEqual([
      {
        contact_key: 'name:max mustermann|',
        direction: 'incoming',
        sent_at: '2018-03-12T11:20:00Z',
        message: 'Kontakte schaden nur dem der keine hat',
      },
      {
        contact_key: 'linkedin.com/in/erika-musterfrau-1a2b',
        direction: 'outgoing',
        sent_at: '2024-03-12T11:20:00Z',
        message: 'Schön, Sie getroffen zu haben',
      },
    ]);
    db.close();
  });

  it('my own details: every email, phones (with blank rows, WhatsApp layout), birthday without year', async () => {
    const { input, db } = await importFiles([
      [
        'Email Addresses.csv',
        'Email Address,Confirmed,Primary,Updated On\n Ich@Firma.example ,Yes,Yes,\nalt@gmx.de,Yes,No,\n',
      ],
      ['Phone Numbers.csv', 'Extension,Number,Type\n,,\n, 040 5550400,Work\n'],
      ['Whatsapp Phone Numbers.csv', 'Number,Extension,Is_WhatsApp_Number\n+49 170 5550401,,Yes\n'],
      [
        'Profile.csv',
        'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\nIch,Selbst,,,Mar 7,Beraterin,,,,,,,\n',
      ],
    ]);
    expect(input.myDetails).toEqual([
      { field: 'birthday', value: '--03-07', source: 'Profile.csv' },
      {
        field: 'businessEmail',
        value: 'ich@firma.example',
        source: 'Email Addresses.csv',
        primary: true,
        confirmed: true,
      },
      // No type in the WhatsApp file: libphonenumber knows +49 170 for a mobile range.
      { field: 'mobile', value: '+49 170 5550401', source: 'Whatsapp Phone Numbers.csv', label: 'WhatsApp' },
      { field: 'phone', value: '040 5550400', source: 'Phone Numbers.csv', label: 'Work' },
      // The second address is the user's too (not the primary one, so connections do not see it).
      { field: 'privateEmail', value: 'alt@gmx.de', source: 'Email Addresses.csv', primary: false, confirmed: true },
    ]);
    db.close();
  });

  it('Contacts.csv / ImportedContacts.csv: the address book uploaded to LinkedIn, kept as such', async () => {
    const { db, summary } = await importFiles([
      [
        'ImportedContacts.csv',
        'Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\nGoogle,Erika,Musterfrau,Beispiel GmbH,,"erika@beispiel.example, e.m@gmx.de","0171 5550500",,,,,Erika Musterfrau,,,,\n',
      ],
    ]);
    expect(summary.files[0]!.kind).toBe('linkedin-contacts');
    expect(db.prepare(`SELECT kind, uploaded_to FROM address_book`).all()).toEqual([
      { kind: 'linkedin-uploaded', uploaded_to: 'linkedin' },
    ]);
    expect(db.prepare(`SELECT kind, value FROM address_detail ORDER BY kind, value`).all()).toEqual([
      { kind: 'email', value: 'e.m@gmx.de' },
      { kind: 'email', value: 'erika@beispiel.example' },
      { kind: 'phone', value: '+491715550500' },
    ]);
    db.close();
  });

  it('a 2018 file written as UTF-16LE with BOM and tabs', async () => {
    const text =
      '\uFEFFFirst Name\tLast Name\tEmail Address\tCompany\tPosition\tConnected On\r\nJürgen\tÖztürk\t\tFirma\t\t20 Mar 2018\r\n';
    const { input, db } = await importFiles([['Connections.csv', Buffer.from(text, 'utf16le')]]);
    expect(input.contacts.map((c) => [c.name, c.connectedOn])).toEqual([['Jürgen Öztürk', '2018-03-20']]);
    db.close();
  });

  it('rows that cannot be read are skipped with a warning naming file and line', async () => {
    const { summary, db } = await importFiles([
      [
        'Connections.csv',
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nErika,Musterfrau,,,,,20 Mar 2024\n,,,,,,\n,,,,Firma ohne Namen,,\nMax,Mustermann,,,,,gestern\n',
      ],
    ]);
    expect(summary.added).toBe(2);
    expect(noteTexts(summary.warnings)).toEqual([
      expect.stringMatching(/Connections\.csv, line 4: connection without name or profile URL, skipped$/),
      expect.stringMatching(/Connections\.csv, line 5: unreadable date "gestern", kept without date$/),
    ]);
    db.close();
  });
});

describe('cancelling', () => {
  it('a cancelled run leaves no trace', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'a.db');
    let onProgress = (): void => undefined;
    const service = new AppService({ dbPath }, { transport: 'browser', emit: () => onProgress() });
    await service.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', CONNECTIONS_2024) }] });
    // The first import's snapshot is recorded (as the next import would record it before reading).
    service.settleSnapshot(true);
    const before = snapshot(service.db);
    const big = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
    ];
    for (let i = 0; i < 200_000; i++)
      big.push(
        `c${i},,A,https://www.linkedin.com/in/a,B,https://www.linkedin.com/in/b,2024-03-20 15:09:26 UTC,,text ${i},INBOX`,
      );
    const path = write(dir, 'messages.csv', big.join('\n'));
    // Cancelled while the messages are read: at the first progress the import reports.
    const reading = new Promise<void>((resolve) => (onProgress = resolve));
    const running = service.dispatch('import:run', { sources: [{ path }] });
    await reading;
    expect(await service.dispatch('import:cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_CANCELLED', messageId: 'error.IMPORT_CANCELLED' },
    });
    expect(snapshot(service.db)).toEqual(before);
    service.close();
  });

  it('only one import runs at a time', async () => {
    const dir = tempDir();
    const service = new AppService({ dbPath: join(dir, 'a.db') }, { transport: 'browser' });
    const file = memoryFile('Connections.csv', CONNECTIONS_2024);
    const first = service.importFiles(() => Promise.resolve({ files: [file], close: () => Promise.resolve() }), 'file');
    await expect(
      service.importFiles(() => Promise.resolve({ files: [file], close: () => Promise.resolve() }), 'file'),
    ).rejects.toThrow('another import is still running');
    await first;
    service.close();
  });
});
