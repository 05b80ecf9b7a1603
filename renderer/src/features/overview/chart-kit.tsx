/**
 * What every chart of the overview and the history shares: a titled card whose picture is for the
 * eyes (hidden from screen readers) and whose numbers are a table for screen readers; numbers, dates
 * and axis ticks through Intl in the UI's language; the colours of the theme.
 */
import { useState, type ReactNode } from 'react';
import type { DetailField, Lang } from '../../../../shared/domain';
import {
  fieldLabel as fieldLabelOf,
  formatDate,
  formatNumber,
  message,
  type MessageKey,
  type MessageValues,
} from '../../../../shared/i18n';
import './charts.css';

/** A message of the history domain (shared/i18n/parts/history.ts). */
export function h(lang: Lang, key: `history.${string}` & MessageKey, values: MessageValues = {}): string {
  return message(lang, key, values);
}

export const num = (lang: Lang) => (n: number | string) => formatNumber(lang, Number(n));

/** "2024-03" as the reader writes a month ("Mar 2024", „März 2024“). */
export function formatMonth(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y!, (m ?? 1) - 1, 1));
}

export const day = (lang: Lang, iso: string): string => formatDate(lang, iso.slice(0, 10));

/** Axis and legend text in the theme's muted colour (recharts' own grey is too faint on dark). */
export const TICK = { fill: 'var(--muted)', fontSize: 12 } as const;

export const FIELD_COLOR: Record<DetailField, string> = {
  businessEmail: 'var(--chart-field-businessEmail)',
  privateEmail: 'var(--chart-field-privateEmail)',
  phone: 'var(--chart-field-phone)',
  mobile: 'var(--chart-field-mobile)',
  address: 'var(--chart-field-address)',
  birthday: 'var(--chart-field-birthday)',
};

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The row's header cell (the first column, usually). */
  rowHeader?: boolean;
}

/**
 * Rows beyond which a chart's table is not kept hidden in the page for screen readers but shown on
 * request, to everyone: a long-time user's trend (a snapshot per import and change, up to 400) made
 * thousands of hidden cells on every visit to History.
 */
export const LONG_TABLE = 150;

/**
 * The chart's numbers as a table for screen readers, named after the chart; a long one (more than
 * LONG_TABLE rows) behind a button that shows it.
 */
export function ChartTable<Row>(props: ChartTableProps<Row>) {
  const [shown, setShown] = useState(false);
  const { lang, rows, titleId, visible = false } = props;
  if (visible || rows.length <= LONG_TABLE) return <NumbersTable {...props} />;
  const tableId = `${titleId}-table`;
  return (
    <>
      {/* Named with its chart: two charts of the same points have buttons of the same words. */}
      <button
        type="button"
        className="link chart-table-toggle"
        aria-expanded={shown}
        aria-controls={shown ? tableId : undefined}
        aria-describedby={titleId}
        onClick={() => setShown((s) => !s)}
      >
        {h(lang, 'history.chartTableToggle', { n: rows.length })}
      </button>
      {shown && <NumbersTable {...props} visible id={tableId} />}
    </>
  );
}

interface ChartTableProps<Row> {
  lang: Lang;
  titleId: string;
  title: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  visible?: boolean;
  testId?: string;
  id?: string;
}

function NumbersTable<Row>({
  lang,
  titleId,
  title,
  columns,
  rows,
  rowKey,
  visible = false,
  testId,
  id,
}: ChartTableProps<Row>) {
  const table = (
    <table
      id={id}
      className={visible ? 'chart-table' : undefined}
      aria-label={visible ? undefined : h(lang, 'history.chartNumbers', { title })}
      aria-labelledby={visible ? titleId : undefined}
      data-testid={testId}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // Hidden in a box of its own: a table is as wide as its cells whatever its own width says, and a
  // hidden one as wide as the page widened it sideways (at 200 % zoom).
  return visible ? table : <div className="visually-hidden">{table}</div>;
}

/** A card with a heading, the picture (aria-hidden) and whatever explains it. */
export function ChartCard({
  id,
  title,
  testId,
  note,
  table,
  footer,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  note?: ReactNode;
  table: ReactNode;
  /** Read by everyone, after the picture (e.g. what its marks mean). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card chart-card" data-testid={testId} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {note}
      {table}
      <div aria-hidden="true" className="chart-picture">
        {children}
      </div>
      {footer}
    </section>
  );
}

/**
 * Details whose numbers are the same everywhere drawn once, named together ("private email, mobile
 * number"): three identical lines or bars would hide each other, or say nothing three times.
 */
export function groupFields(
  fields: readonly DetailField[],
  values: (field: DetailField) => readonly number[],
): DetailField[][] {
  const groups = new Map<string, DetailField[]>();
  for (const f of fields) {
    const key = values(f).join(',');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

export function fieldsLabel(lang: Lang, fields: readonly DetailField[]): string {
  return new Intl.ListFormat(lang === 'de' ? 'de-DE' : 'en-GB', { type: 'conjunction' }).format(
    fields.map((f) => fieldLabelOf(lang, f)),
  );
}
