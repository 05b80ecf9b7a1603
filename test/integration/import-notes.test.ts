/**
 * Why a file cannot be imported, and every warning about a line of it, travel as data (a catalogue key
 * of shared/i18n/parts/importer.ts with its values) and are put into words by the reader, in the
 * reader's language: the CLI, the app (through the contract's envelope), the import history.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportNote, ImportSummary, InspectedFile } from '../../shared/contract';
import { message } from '../../shared/i18n';
import { AppService } from '../../electron/services/app-service';
import { openDatabase } from '../../electron/services/db';
import { ImportError } from '../../electron/services/errors';
import { because, noteOf } from '../../electron/services/importers/reason';
import { listImportRuns } from '../../electron/services/import-runs';
import { noteTexts } from '../helpers/notes';
import { useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const bin = join(import.meta.dirname, '..', '..', 'bin', 'shareaudit.mjs');

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
/** A quote opened in line 3 and never closed. */
const UNCLOSED = [HEADER, 'Erika,Musterfrau,https://www.linkedin.com/in/erika,,,,01 Feb 2020', 'Max,"Muster,,,'].join(
  '\n',
);
/** Line 3 has a date nobody can read and an email that is none. */
const ODD_ROW = [
  HEADER,
  'Erika,Musterfrau,https://www.linkedin.com/in/erika,,,,01 Feb 2020',
  'Max,Mustermann,https://www.linkedin.com/in/max,kein-mail,,,gestern',
].join('\n');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI says why, in the language asked for', () => {
  it('a bad file: the German reason, naming the file and the line', () => {
    const dir = tempDir();
    const file = write(dir, 'Connections.csv', UNCLOSED);
    expect(cli(['import', file, '--db', join(dir, 'a.db'), '--lang', 'de'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'shareaudit import: Connections.csv, Zeile 3: fehlerhafte CSV-Datei (ein Feld in Anführungszeichen endet nicht – ist die Datei abgeschnitten?)\n',
    });
    expect(cli(['import', file, '--db', join(dir, 'a.db'), '--lang', 'en']).stderr).toBe(
      'shareaudit import: Connections.csv, line 3: malformed CSV (unterminated quoted field (truncated file?))\n',
    );
  });

  it('warnings about lines: in German, each naming file and line', () => {
    const dir = tempDir();
    const { code, stdout } = cli([
      'import',
      write(dir, 'Connections.csv', ODD_ROW),
      '--db',
      join(dir, 'a.db'),
      '--lang',
      'de',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.includes('Warnung'))).toEqual([
      '  Warnung: Connections.csv, Zeile 3: unlesbares Datum „gestern“; der Eintrag wurde ohne Datum übernommen',
      '  Warnung: Connections.csv, Zeile 3: „kein-mail“ ist keine E-Mail-Adresse; der Eintrag wurde ohne sie übernommen',
    ]);
  });
});

describe('the app gets reasons and warnings as data, and words them in its language', () => {
  const service = (dbPath: string) => new AppService({ dbPath }, { transport: 'browser' });

  it('a failed import: the envelope carries the reason key with file and line; German reads German', async () => {
    const dir = tempDir();
    const svc = service(join(dir, 'a.db'));
    const answer = await svc.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', UNCLOSED) }] });
    svc.close();
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        messageId: 'importer.csvUnterminatedQuote',
        values: { file: 'Connections.csv', line: 3 },
      },
    });
    const { messageId, values } = (answer as { error: ImportNote }).error;
    expect(message('de', messageId, values)).toBe(
      'Connections.csv, Zeile 3: fehlerhafte CSV-Datei (ein Feld in Anführungszeichen endet nicht – ist die Datei abgeschnitten?)',
    );
  });

  it('what the review lists: a file that cannot be read says why, in German', async () => {
    const dir = tempDir();
    const svc = service(join(dir, 'a.db'));
    const answer = await svc.dispatch('import:inspect', {
      sources: [{ path: write(dir, 'notizen.csv', 'Einkauf,Menge\nBrot,1\n') }, { path: join(dir, 'fehlt.vcf') }],
    });
    svc.close();
    // A file that is not there fails the whole request; one that is, but unknown, is listed with its reason.
    expect(answer).toMatchObject({
      ok: false,
      error: { messageId: 'importer.notFound', values: { file: 'fehlt.vcf' } },
    });
    const svc2 = service(join(dir, 'a.db'));
    const listed = await svc2.dispatch('import:inspect', {
      sources: [{ path: write(dir, 'notizen.csv', 'Einkauf,Menge\nBrot,1\n') }],
    });
    svc2.close();
    const [file] = (listed as { value: { files: InspectedFile[] } }).value.files;
    expect(file!.problem).toEqual({
      messageId: 'importer.unrecognised',
      values: { file: 'notizen.csv', line: 'none' },
    });
    expect(message('de', file!.problem!.messageId, file!.problem!.values)).toBe(
      'notizen.csv: keine Datei, die ShareAudit lesen kann (kein bekannter Export- oder Adressbuch-Kopf gefunden)',
    );
  });

  it('warnings are kept as data in the history, and a run of an older version keeps its text', async () => {
    const dir = tempDir();
    const svc = service(join(dir, 'a.db'));
    const answer = await svc.dispatch('import:run', { sources: [{ path: write(dir, 'Connections.csv', ODD_ROW) }] });
    svc.close();
    const summary = (answer as { value: ImportSummary }).value;
    expect(summary.warnings).toEqual([
      { messageId: 'importer.dateUnreadable', values: { value: 'gestern', file: 'Connections.csv', line: 3 } },
      { messageId: 'importer.emailInvalidKept', values: { email: 'kein-mail', file: 'Connections.csv', line: 3 } },
    ]);
    const db = openDatabase(join(dir, 'a.db'));
    db.prepare(`UPDATE import_run SET warnings_json = ? WHERE id = ?`).run(
      JSON.stringify(['Connections.csv, line 9: connection without name or profile URL, skipped']),
      summary.runId,
    );
    db.prepare(
      `INSERT INTO import_run (started_at, finished_at, origin, files_json, ignored_json, added, updated, unchanged, removed, warnings_json, duration_ms)
       VALUES ('2026-11-02T10:00:00Z', '2026-11-02T10:00:01Z', 'file', '[]', '[]', 0, 0, 0, 0, ?, 5)`,
    ).run(JSON.stringify(summary.warnings));
    const [newer, older] = listImportRuns(db);
    db.close();
    expect(noteTexts(newer!.warnings, 'de')).toEqual([
      'Connections.csv, Zeile 3: unlesbares Datum „gestern“; der Eintrag wurde ohne Datum übernommen',
      'Connections.csv, Zeile 3: „kein-mail“ ist keine E-Mail-Adresse; der Eintrag wurde ohne sie übernommen',
    ]);
    expect(noteTexts(older!.warnings, 'de')).toEqual([
      'Connections.csv, line 9: connection without name or profile URL, skipped',
    ]);
  });
});

describe('reasons are catalogue keys', () => {
  it('an ImportError is its reason key and values; its message is the English text (logs)', () => {
    const error = new ImportError('export.zip › a.csv', because('zipEntryRatio', { ratio: 900, max: 200 }));
    expect(error).toMatchObject({
      code: 'IMPORT_FAILED',
      messageId: 'importer.zipEntryRatio',
      values: { file: 'export.zip › a.csv', line: 'none', ratio: 900, max: 200 },
      message: 'export.zip › a.csv: compression ratio 900:1 is beyond 200:1 (zip bomb?)',
    });
    expect(noteTexts([noteOf('kontakte.vcf', 'cardNoEnd', 12)], 'de')).toEqual([
      'kontakte.vcf, Zeile 12: Karte ohne END:VCARD (ist die Datei abgeschnitten?), so weit übernommen, wie sie reicht',
    ]);
  });

  it('a reason that is not in the catalogue does not compile, and would fail loudly if forced', () => {
    // npx tsc -b checks these lines: each must be a type error.
    // @ts-expect-error -- "noSuchReason" is no key of shared/i18n/parts/importer.ts
    const unknown = (): ImportError => new ImportError('x.csv', 'noSuchReason');
    // @ts-expect-error -- nor as a reason with values
    const unknownWithValues = () => noteOf('x.csv', because('alsoNoReason', {}));
    expect(unknown).toThrow(/message must be provided/);
    expect(unknownWithValues().messageId).toBe('importer.alsoNoReason');
  });
});
