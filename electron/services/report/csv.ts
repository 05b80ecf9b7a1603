/**
 * The report as four CSV tables (findings, people, plan, revocations): RFC 4180 through Papa Parse's
 * writer (unparse; twice as fast as csv-stringify on a heavy user's 90,000 rows), every record ended
 * by CRLF. A cell a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection). German reports are written for German
 * Excel: a UTF-8 byte order mark and ";" between cells (its list separator); English ones use ",".
 */
import Papa from 'papaparse';
import { strToU8 } from 'fflate';
import type { Lang } from '../../../shared/domain';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';
import { concatBytes } from './zip';
import { runAtOnce, runInSlices, type Slicing } from '../../../shared/report/slices';

export const CSV_FILES = ['findings.csv', 'people.csv', 'plan.csv', 'revocations.csv'] as const;
export type CsvFileName = (typeof CSV_FILES)[number];

type Cell = string | number | boolean | null;

/** OWASP: a cell that starts like a formula is prefixed with ' so it stays text. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(lang: Lang, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return say(lang, value ? 'yes' : 'no');
  if (typeof value === 'number') return String(value);
  return neutralise(value);
}

/** `list.map(f)`, one item at a time. */
function* lazy<T>(list: readonly T[], f: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of list) yield f(item);
}

/** `list.flatMap(f)`, one item at a time. */
function* lazyFlat<T>(list: readonly T[], f: (item: T) => Cell[][]): Generator<Cell[]> {
  for (const item of list) yield* f(item);
}

/** A cell that holds a list: its items joined by " | ". */
const list = (items: readonly string[]): string => items.join(' | ');

/** findings.csv: the open findings, then the muted ones with why and until when. */
function findingRows(model: ReportModel): Iterable<Cell[]> {
  return lazy(
    [
      ...model.findings.map((f) => ({ f, reason: null as string | null, until: null as string | null })),
      ...model.muted.map((f) => ({ f, reason: f.reason, until: f.until?.iso ?? null })),
    ],
    ({ f, reason, until }) => [
      f.id,
      say(model.lang, reason === null ? 'open' : 'muted'),
      f.severityLabel,
      f.rule,
      f.ruleTitle,
      f.contact?.name ?? say(model.lang, 'setting'),
      f.contact?.profileUrl ?? null,
      f.contact?.company ?? null,
      f.contact?.position ?? null,
      f.fieldLabel,
      f.network,
      f.familiarityLabel,
      f.message,
      list(f.evidence),
      f.assumed,
      list(f.steps.map((s) => `${s.label} (${s.url})`)),
      f.revocation?.statusLabel ?? null,
      reason,
      until,
    ],
  );
}

/** people.csv: one row per person and detail they see. */
function peopleRows(model: ReportModel): Iterable<Cell[]> {
  return lazyFlat(model.people, (p) =>
    p.sees.map((s) => [
      p.contactId,
      p.name,
      p.network,
      p.profileUrl,
      p.company,
      p.position,
      p.connectedOn,
      s.fieldLabel,
      s.grant,
      s.assumed,
      s.since?.iso ?? null,
      s.public,
      p.familiarityLabel,
      p.familiarityScore,
      list(p.evidence),
      s.revocation?.statusLabel ?? null,
    ]),
  );
}

/** plan.csv: every plan's steps, numbered within their plan. */
function planRows(model: ReportModel): Iterable<Cell[]> {
  return (model.plans ?? []).flatMap((plan) =>
    plan.steps.map((s, i) => [
      plan.variant,
      plan.title,
      i + 1,
      s.label,
      s.url,
      s.contact?.name ?? null,
      s.fieldLabels.join(', '),
      s.effort,
      s.clears,
      list(s.collateral),
      s.scoreAfter,
    ]),
  );
}

/** revocations.csv: one row per revocation with its history in one cell. */
function revocationRows(model: ReportModel): Iterable<Cell[]> {
  return model.revocations.map((r) => [
    r.id,
    r.contact?.name ?? say(model.lang, 'setting'),
    r.contact?.profileUrl ?? null,
    r.fieldLabel,
    r.stepLabel,
    r.statusLabel,
    r.createdAt.iso,
    r.appliedOn?.iso ?? null,
    r.resolvedAt?.iso ?? null,
    list(r.events.map((e) => `${e.at.iso} ${e.statusLabel}${e.note ? ` (${e.note})` : ''}`)),
  ]);
}

/** The table's rows, one at a time (a heavy user's findings.csv has 60,000). */
function rows(model: ReportModel, file: CsvFileName): Iterable<Cell[]> {
  switch (file) {
    case 'findings.csv':
      return findingRows(model);
    case 'people.csv':
      return peopleRows(model);
    case 'plan.csv':
      return planRows(model);
    case 'revocations.csv':
      return revocationRows(model);
  }
}

/** Rows written between two chances to pause. */
const SLICE = 2000;

/** One table's bytes, a slice of rows at a time (the writer quotes cell by cell: slices join as one). */
function* csvBytes(model: ReportModel, file: CsvFileName): Generator<void, Uint8Array> {
  const { lang } = model;
  const columns: readonly CsvColumn[] = CSV_COLUMNS[file];
  const options = { delimiter: lang === 'de' ? ';' : ',', newline: '\r\n', header: false };
  // Neutralised here, not by the writer's own option: that one misses a formula followed by a line break.
  const head = columns.map((c) => neutralise(say(lang, `col.${c}`)));
  const body = rows(model, file)[Symbol.iterator]();
  // Every record ends with CRLF; a German table starts with a byte order mark.
  const parts: Uint8Array[] = [];
  for (let done = false; !done;) {
    const slice: string[][] = parts.length === 0 ? [head] : [];
    while (slice.length < SLICE) {
      const next = body.next();
      if ((done = next.done === true)) break;
      slice.push(next.value.map((v) => cell(lang, v)));
    }
    if (slice.length > 0) {
      const bom = parts.length === 0 && lang === 'de' ? '\uFEFF' : '';
      parts.push(strToU8(`${bom}${Papa.unparse(slice, options)}\r\n`));
    }
    yield;
  }
  return concatBytes(parts);
}

/** One table as the bytes of its file. */
export function renderCsv(model: ReportModel, file: CsvFileName): Uint8Array {
  return runAtOnce(csvBytes(model, file));
}

/** One table as the bytes of its file, with `pause()` between slices of rows. */
export function renderCsvInSlices(model: ReportModel, file: CsvFileName, slicing: Slicing): Promise<Uint8Array> {
  return runInSlices(csvBytes(model, file), slicing);
}

/** The four tables, each as a file. */
export function csvFiles(model: ReportModel): Array<{ name: CsvFileName; data: Uint8Array }> {
  return CSV_FILES.map((name) => ({ name, data: renderCsv(model, name) }));
}
