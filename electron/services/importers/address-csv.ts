/**
 * Address books as CSV: Google Contacts (current and legacy layout) and Outlook (English and
 * German, whose headers are translated). Columns are found by name, never by position.
 */
import type { ImportNote } from '../../../shared/contract';
import type { CsvRecordSink } from './csv';
import { noteOf } from './reason';

export type AddressCsvKind = 'google-csv' | 'outlook-csv';

export interface ParsedEntry {
  line: number;
  name: string;
  company: string;
  title: string;
  emails: string[];
  phones: Array<{ raw: string; type: string }>;
  tags: string[];
  birthday: string;
  urls: string[];
}

export function detectAddressCsv(header: readonly string[]): AddressCsvKind | null {
  const h = new Set(header.map((c) => c.trim().toLowerCase()));
  const any = (...names: string[]): boolean => names.some((n) => h.has(n));
  if (h.has('e-mail 1 - value') || h.has('phone 1 - value')) return 'google-csv';
  if (
    any('e-mail address', 'e-mail-adresse', 'mobile phone', 'mobiltelefon') &&
    any('first name', 'vorname', 'last name', 'nachname')
  ) {
    return 'outlook-csv';
  }
  return null;
}

type Role = 'first' | 'middle' | 'last' | 'full' | 'company' | 'title' | 'tags' | 'birthday' | 'url';

const ROLES: Record<string, Role> = {
  'first name': 'first',
  'given name': 'first',
  vorname: 'first',
  'middle name': 'middle',
  'additional name': 'middle',
  'weitere vornamen': 'middle',
  'last name': 'last',
  'family name': 'last',
  nachname: 'last',
  name: 'full',
  company: 'company',
  'organization 1 - name': 'company',
  'organization name': 'company',
  firma: 'company',
  'job title': 'title',
  'organization 1 - title': 'title',
  'organization title': 'title',
  position: 'title',
  labels: 'tags',
  'group membership': 'tags',
  categories: 'tags',
  kategorien: 'tags',
  birthday: 'birthday',
  geburtstag: 'birthday',
  'web page': 'url',
  webseite: 'url',
  'website 1 - value': 'url',
};

const EMAIL = [/^e-?mail( \d+)? - value$/, /^e-mail( \d)? address$/, /^e-mail-adresse$/, /^e-mail \d: adresse$/];
const PHONE = [
  /^phone \d+ - value$/,
  /^(primary|business|business \d|home|home \d|mobile|other|car|company main|assistant's|radio) phone$/,
  /^(mobiltelefon|autotelefon|telefon geschäftlich( \d)?|telefon privat( \d)?|weiteres telefon|haupttelefon|telefon firma)$/,
];

/** Google joins several values in one cell with " ::: " and marks the primary one with "* ". */
function values(cell: string): string[] {
  return cell
    .split(' ::: ')
    .map((v) => v.replace(/^\* /, '').trim())
    .filter(Boolean);
}

export class AddressCsvSink implements CsvRecordSink {
  readonly entries: ParsedEntry[] = [];
  readonly columnMask = null;
  readonly warnings: ImportNote[] = [];
  rows = 0;
  private roles = new Map<Role, number>();
  private emailCols: number[] = [];
  private phoneCols: Array<{ index: number; type: string; labelIndex: number | undefined }> = [];

  constructor(
    readonly kind: AddressCsvKind,
    private readonly display: string,
    header: readonly string[],
  ) {
    const lower = header.map((c) => c.trim().toLowerCase());
    lower.forEach((name, i) => {
      const role = ROLES[name];
      if (role && !this.roles.has(role)) this.roles.set(role, i);
      if (EMAIL.some((r) => r.test(name))) this.emailCols.push(i);
      if (PHONE.some((r) => r.test(name))) {
        const label = name.replace(/ - value$/, ' - label');
        const labelType = name.replace(/ - value$/, ' - type');
        const labelIndex = lower.indexOf(label) >= 0 ? lower.indexOf(label) : lower.indexOf(labelType);
        this.phoneCols.push({ index: i, type: name, labelIndex: labelIndex >= 0 ? labelIndex : undefined });
      }
    });
  }

  private get(fields: string[], role: Role): string {
    const i = this.roles.get(role);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  }

  record(fields: string[], line: number): void {
    const first = this.get(fields, 'first');
    const last = this.get(fields, 'last');
    const middle = this.get(fields, 'middle');
    const name = this.get(fields, 'full') || [first, middle, last].filter(Boolean).join(' ');
    const emails = this.emailCols.flatMap((i) => values(fields[i] ?? ''));
    const phones = this.phoneCols.flatMap(({ index, type, labelIndex }) =>
      values(fields[index] ?? '').map((raw) => ({
        raw,
        type: `${type} ${labelIndex !== undefined ? (fields[labelIndex] ?? '') : ''}`,
      })),
    );
    const company = this.get(fields, 'company');
    if (!name && emails.length === 0 && phones.length === 0 && !company) {
      if (fields.some((f) => f.trim() !== '')) this.warnings.push(noteOf(this.display, 'entryEmpty', line));
      return;
    }
    const tagCell = this.get(fields, 'tags');
    this.entries.push({
      line,
      name: name || company || emails[0] || phones[0]!.raw,
      company,
      title: this.get(fields, 'title'),
      emails,
      phones,
      tags: tagCell
        .split(/ ::: |;/)
        .map((t) => t.replace(/^\* /, '').trim())
        // Google's own system groups say nothing about the person.
        .filter((t) => t && !/^(my ?contacts|starred)$/i.test(t)),
      birthday: this.get(fields, 'birthday'),
      urls: values(this.get(fields, 'url')),
    });
    this.rows++;
  }
}
