import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { DetailField, Lang } from '../../../../shared/domain';
import type { FamiliarityRow } from '../../../../shared/history-charts';
import { familiarityLabel, formatNumber } from '../../../../shared/i18n';
import { ChartCard, ChartTable, fieldsLabel, groupFields, h, num, TICK } from './chart-kit';
import { ChartArea } from './ChartArea';

const LEVELS = ['known', 'acquainted', 'unfamiliar'] as const;
const COLOR = {
  known: 'var(--chart-known)',
  acquainted: 'var(--chart-acquainted)',
  unfamiliar: 'var(--chart-unfamiliar)',
};

/** A bar per group of details seen by exactly the same people, and one for any of them when there are several. */
function familiarityBars(lang: Lang, rows: readonly FamiliarityRow[]) {
  const perField = rows.filter((r): r is FamiliarityRow & { field: DetailField } => r.field !== 'any');
  const byField = new Map(perField.map((r) => [r.field, r]));
  // Details seen by exactly the same people are one bar.
  const groups = groupFields(
    perField.map((r) => r.field),
    (f) => LEVELS.map((l) => byField.get(f)![l]),
  );
  const any = rows.find((r) => r.field === 'any');
  return [
    ...groups.map((g) => ({ name: fieldsLabel(lang, g), ...byField.get(g[0]!)! })),
    ...(any && groups.length > 1 ? [{ ...any, name: h(lang, 'history.anyPrivate') }] : []),
  ];
}

/** How well the user knows the people who can see each private detail, and any of them. */
export function FamiliarityChart({ lang, rows }: { lang: Lang; rows: readonly FamiliarityRow[] }) {
  const data = familiarityBars(lang, rows);
  const title = h(lang, 'history.familiarityTitle');
  return (
    <ChartCard
      id="private-familiarity"
      title={title}
      testId="private-familiarity"
      table={<FamiliarityTable lang={lang} title={title} rows={rows} />}
    >
      <ChartArea height={70 + data.length * 44}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--line)" />
          <XAxis type="number" allowDecimals={false} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" />
          <YAxis type="category" dataKey="name" width={170} tick={TICK} stroke="var(--line)" />
          <Legend itemSorter={null} wrapperStyle={{ color: 'var(--muted)' }} />
          {LEVELS.map((l) => (
            <Bar
              key={l}
              dataKey={l}
              stackId="a"
              name={familiarityLabel(lang, l)}
              fill={COLOR[l]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartArea>
    </ChartCard>
  );
}

/** The chart's numbers: a row per detail (and any of them), a column per familiarity. */
function FamiliarityTable({ lang, title, rows }: { lang: Lang; title: string; rows: readonly FamiliarityRow[] }) {
  const label = (row: FamiliarityRow): string =>
    row.field === 'any' ? h(lang, 'history.anyPrivate') : fieldsLabel(lang, [row.field]);
  return (
    <ChartTable
      lang={lang}
      titleId="private-familiarity-title"
      title={title}
      rows={rows}
      rowKey={(r) => r.field}
      columns={[
        { header: h(lang, 'history.details'), cell: label, rowHeader: true },
        ...LEVELS.map((l) => ({
          header: familiarityLabel(lang, l),
          cell: (r: FamiliarityRow) => formatNumber(lang, r[l]),
        })),
      ]}
    />
  );
}
