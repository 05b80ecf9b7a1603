import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { FieldExposureRow, Lang } from '../../../../shared/domain';
import { fieldLabel, formatNumber } from '../../../../shared/i18n';
import { t, type StringKey } from '../../i18n';
import { num, TICK } from './chart-kit';
import { ChartArea } from './ChartArea';

interface ExposureBar {
  name: string;
  familiar: number;
  unfamiliar: number;
  revoked: number;
}

/** A bar's parts, bottom to top: each with its legend's words and its colour. */
const STACK = [
  { part: 'familiar', label: 'familiar', fill: 'var(--chart-familiar)' },
  { part: 'unfamiliar', label: 'visibleUnfamiliar', fill: 'var(--chart-unfamiliar)' },
  { part: 'revoked', label: 'revoked', fill: 'var(--chart-revoked)' },
] as const satisfies ReadonlyArray<{ part: keyof Omit<ExposureBar, 'name'>; label: StringKey; fill: string }>;

/** A bar per detail: the people who see it split into familiar, unfamiliar and those a revocation takes away. */
function exposureBars(lang: Lang, rows: readonly FieldExposureRow[]): ExposureBar[] {
  return rows.map((row) => ({
    name: fieldLabel(lang, row.field),
    familiar: row.visibleTo - row.unfamiliar,
    unfamiliar: row.unfamiliar,
    revoked: row.revoked,
  }));
}

/** Today's chart: who can see which detail, familiar or not, and those a planned revocation will take away. */
export function ExposureChart({ lang, rows }: { lang: Lang; rows: readonly FieldExposureRow[] }) {
  const data = exposureBars(lang, rows);
  return (
    <div className="card chart-card" data-testid="exposure-chart">
      <h2 id="exposure-chart-title">{t(lang, 'chartTitle')}</h2>
      {/* The chart is a picture for the eyes; screen readers get its numbers as a table. */}
      <ExposureTable lang={lang} data={data} />
      <div aria-hidden="true" className="chart-picture">
        <ExposurePicture lang={lang} data={data} />
      </div>
    </div>
  );
}

function ExposureTable({ lang, data }: { lang: Lang; data: readonly ExposureBar[] }) {
  return (
    <div className="visually-hidden">
      <table aria-labelledby="exposure-chart-title">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'detail')}</th>
            <th scope="col">{t(lang, 'familiar')}</th>
            <th scope="col">{t(lang, 'visibleUnfamiliar')}</th>
            <th scope="col">{t(lang, 'revoked')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{formatNumber(lang, row.familiar)}</td>
              <td>{formatNumber(lang, row.unfamiliar)}</td>
              <td>{formatNumber(lang, row.revoked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExposurePicture({ lang, data }: { lang: Lang; data: readonly ExposureBar[] }) {
  return (
    <ChartArea height={60 + data.length * 56}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ left: 24, right: 24, top: 8, bottom: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" allowDecimals={false} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" />
        <YAxis type="category" dataKey="name" width={140} tick={TICK} stroke="var(--line)" />
        <Tooltip formatter={(value) => formatNumber(lang, Number(value))} />
        <Legend itemSorter={null} />
        {STACK.map(({ part, label, fill }) => (
          <Bar key={part} dataKey={part} stackId="a" name={t(lang, label)} fill={fill} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartArea>
  );
}
