/**
 * Declared sharing settings as files: the JSON document (docs/sharing-settings.schema.json) and,
 * for users who keep per-contact XING grants in a spreadsheet, a CSV of grants
 * (docs/xing-grants-template.csv: member, contact, field, since).
 */
import { DETAIL_FIELDS, type DetailField } from '../../shared/domain';
import { CATALOGUES } from '../../shared/i18n';
import { sharingSettingsSchema } from '../../shared/sharing-schema';
import type { SharingSettings, XingGrant } from '../../shared/sharing';
import { ImportError } from './errors';
import { readCsv, type CsvRecordSink } from './importers/csv';
import { xingKey } from './importers';
import { parseExportDate } from './importers/dates';
import type { SourceFile } from './importers/source';
import { because } from './importers/reason';

const FIELD_NAMES = new Map<string, DetailField>();
for (const field of DETAIL_FIELDS) {
  FIELD_NAMES.set(field.toLowerCase(), field);
  FIELD_NAMES.set(CATALOGUES.en[`field.${field}`].toLowerCase(), field);
  FIELD_NAMES.set(CATALOGUES.de[`field.${field}`].toLowerCase(), field);
}

class GrantsSink implements CsvRecordSink {
  readonly columnMask = null;
  readonly grants: XingGrant[] = [];
  private columns: Map<string, number> | null = null;

  constructor(private readonly display: string) {}

  record(fields: string[], line: number): void {
    if (!this.columns) {
      const lower = fields.map((f) => f.trim().toLowerCase());
      const find = (...names: string[]): number => lower.findIndex((h) => names.includes(h));
      const member = find('member', 'mitglied', 'name');
      const field = find('field', 'feld', 'detail');
      if (member < 0 || field < 0) {
        throw new ImportError(this.display, 'grantsColumns', line);
      }
      this.columns = new Map([
        ['member', member],
        ['field', field],
        ['contact', find('contact', 'kontakt', 'profile', 'profil')],
        ['since', find('since', 'seit', 'date', 'datum')],
      ]);
      return;
    }
    const get = (name: string): string => {
      const i = this.columns!.get(name)!;
      return i < 0 ? '' : (fields[i] ?? '').trim();
    };
    const member = get('member');
    const rawField = get('field');
    const field = FIELD_NAMES.get(rawField.toLowerCase());
    if (!member) throw new ImportError(this.display, 'grantsNoMember', line);
    if (!field)
      throw new ImportError(
        this.display,
        because('grantsBadField', { value: rawField, fields: DETAIL_FIELDS.join(', ') }),
        line,
      );
    const sinceRaw = get('since');
    const since = sinceRaw ? (parseExportDate(sinceRaw)?.slice(0, 10) ?? null) : null;
    if (sinceRaw && !since) throw new ImportError(this.display, because('grantsBadDate', { value: sinceRaw }), line);
    const contact = get('contact');
    this.grants.push({ contactKey: contact ? xingKey([contact], member, '') : null, memberName: member, field, since });
  }
}

/** Reads a sharing-settings JSON file, or a grants CSV merged into `current`. All or nothing. */
export async function readSharingFile(
  file: SourceFile,
  current: SharingSettings,
): Promise<{ sharing: SharingSettings; grants: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await file.open()) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024 * 1024) throw new ImportError(file.display, 'settingsTooLarge');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ImportError(file.display, because('settingsNotJson', { detail: (error as Error).message }));
    }
    const parsed = sharingSettingsSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(
        file.display,
        because('settingsInvalid', { path: issue.path.join('.') || 'none', detail: issue.message }),
      );
    }
    return { sharing: parsed.data, grants: parsed.data.xing.grants.length };
  }
  const { sink } = await readCsv(file, () => new GrantsSink(file.display));
  return { sharing: { ...current, xing: { ...current.xing, grants: sink.grants } }, grants: sink.grants.length };
}
