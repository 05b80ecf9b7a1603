/** Small helpers of the report model: dates as data and words, and no path from the user's disk. */
import type { Evidence, Lang } from '../domain';
import { formatDate, formatNumber, message, type MessageKey, type MessageValues } from '../i18n';
import type { ReportDate, ReportModel } from './types';

type ReportKey = MessageKey extends infer K ? (K extends `report.${infer Rest}` ? Rest : never) : never;

/** The catalogue's report text (keys without their "report." prefix). */
export const say = (lang: Lang, key: ReportKey, values?: MessageValues): string =>
  message(lang, `report.${key}` as MessageKey, values);

/** A date or timestamp as ISO data and as the reader writes it (timestamps with the time of day). */
export function reportDate(lang: Lang, iso: string, withTime = false): ReportDate {
  return { iso, text: formatDate(lang, iso, withTime) };
}

export function reportDateOrNull(lang: Lang, iso: string | null, withTime = false): ReportDate | null {
  return iso === null ? null : reportDate(lang, iso, withTime);
}

/**
 * An absolute path from the user's disk ("/home/erika/Downloads/x/Connections.csv",
 * "C:\Users\erika\book.vcf") becomes its file name: a report is handed on, the folders are private.
 */
// Only where a path starts (the start, after a space, quote or bracket): a link's "//host/path" stays.
const ABSOLUTE_PATH = /(?<=^|[\s"'(«„])(?:~|[A-Za-z]:)?[\\/](?:[^\\/\s:*?"<>|]+[\\/])+([^\\/\s]+)/g;

export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, '$1');
}

export function valuesWithoutPaths<T extends Record<string, string | number>>(data: T): T {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? withoutPaths(value) : value;
  return out as T;
}

export function evidenceWithoutPaths(evidence: Evidence): Evidence {
  return { ...evidence, data: valuesWithoutPaths(evidence.data) };
}

/** The exposure by detail as a table's head and rows of text (the HTML and the PDF report draw the same). */
export function exposureTable({ lang, summary }: ReportModel): { head: string[]; rows: string[][] } {
  const n = (v: number): string => formatNumber(lang, v);
  return {
    head: [
      say(lang, 'detail'),
      message(lang, 'familiarity.known'),
      message(lang, 'familiarity.acquainted'),
      message(lang, 'familiarity.unfamiliar'),
      say(lang, 'total'),
      say(lang, 'revoked'),
    ],
    rows: summary.exposure.map((r) => [
      r.label,
      n(r.known),
      n(r.acquainted),
      n(r.unfamiliar),
      n(r.total),
      n(r.revocationPlanned),
    ]),
  };
}

/**
 * The sharing settings the audit went by as a table's head and rows (the HTML and the PDF report draw the
 * same): the basis of an assumed setting is given to `assumed`, which marks it as each format can.
 */
export function settingsTable<Tag>(
  lang: Lang,
  summary: ReportModel['summary'],
  assumed: (text: string) => Tag,
): { head: string[]; rows: Array<Array<string | Tag>> } {
  return {
    head: [say(lang, 'network'), say(lang, 'settingCol'), say(lang, 'valueCol'), say(lang, 'basisCol')],
    rows: summary.settings.map((r) => [
      message(lang, `network.${r.network}`),
      r.setting,
      r.value,
      r.declared ? say(lang, 'declared') : assumed(say(lang, 'assumedTag')),
    ]),
  };
}
