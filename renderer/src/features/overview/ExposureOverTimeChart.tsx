import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { DetailField, Lang } from '../../../../shared/domain';
import type { ExposureMarker, ExposureOverTime } from '../../../../shared/history-charts';
import { formatNumber } from '../../../../shared/i18n';
import {
  ChartCard,
  ChartTable,
  day,
  FIELD_COLOR,
  fieldsLabel,
  formatMonth,
  groupFields,
  h,
  num,
  TICK,
} from './chart-kit';
import { ChartArea } from './ChartArea';

/** The first day of a month (YYYY-MM) in ms (UTC). */
function monthTime(month: string): number {
  return Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
}

/** 1 January of every year (or every 2nd, 5th…) between the first and the last month: at most 10 ticks. */
function yearTicks(times: readonly number[]): number[] {
  if (times.length === 0) return [];
  const first = new Date(times[0]!).getUTCFullYear();
  const last = new Date(times.at(-1)!).getUTCFullYear();
  const step = [1, 2, 5, 10, 20].find((s) => (last - first) / s <= 10) ?? 50;
  const ticks: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) {
    const time = Date.UTC(y, 0, 1);
    if (time >= times[0]! && time <= times.at(-1)!) ticks.push(time);
  }
  return ticks;
}

function formatYear(lang: Lang, time: number): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { year: 'numeric', timeZone: 'UTC' }).format(time);
}

function markerText(lang: Lang, m: ExposureMarker): string {
  return h(lang, `history.marker.${m.kind}`, { date: day(lang, m.date), fields: fieldsLabel(lang, m.fields) });
}

/** The chart's data: details with the same numbers as one line, a row per month (at its first day). */
function shapeOverTime({ fields, points, undated }: ExposureOverTime) {
  const groups = groupFields(fields, (f) => [...points.map((p) => p.counts[f] ?? 0), undated[f] ?? 0]);
  const rows = points.map((p) => ({
    time: monthTime(p.month),
    ...Object.fromEntries(groups.map((g) => [g[0]!, p.counts[g[0]!] ?? 0])),
  }));
  const undatedTotal = Math.max(0, ...fields.map((f) => undated[f] ?? 0));
  return { groups, rows, undatedTotal };
}

/**
 * For each detail, how many of the people who see it today had connected by each month; XING's
 * "Als Standard" days and the days settings were declared are marked (numbered, explained below).
 */
export function ExposureOverTimeChart({ lang, data }: { lang: Lang; data: ExposureOverTime }) {
  const { groups, rows, undatedTotal } = shapeOverTime(data);
  const title = h(lang, 'history.overTimeTitle');
  return (
    <ChartCard
      id="exposure-over-time"
      title={title}
      testId="exposure-over-time"
      note={<p className="muted small chart-note">{h(lang, 'history.overTimeNote')}</p>}
      footer={
        (data.markers.length > 0 || undatedTotal > 0) && (
          <MarkerList lang={lang} markers={data.markers} undatedTotal={undatedTotal} />
        )
      }
      table={<OverTimeTable lang={lang} title={title} data={data} />}
    >
      <OverTimeLines lang={lang} rows={rows} groups={groups} markers={data.markers} />
    </ChartCard>
  );
}

/** What the numbered marks mean, and how many people connected on a day nobody knows. */
function MarkerList({
  lang,
  markers,
  undatedTotal,
}: {
  lang: Lang;
  markers: readonly ExposureMarker[];
  undatedTotal: number;
}) {
  return (
    <ol className="chart-legend-list small" data-testid="exposure-markers">
      {markers.map((m, i) => (
        <li key={`${m.kind}-${m.date}`}>
          {i + 1}. {markerText(lang, m)}
        </li>
      ))}
      {undatedTotal > 0 && <li>{h(lang, 'history.undated', { n: undatedTotal })}</li>}
    </ol>
  );
}

/** The chart's numbers: a row per month, a column per detail. */
function OverTimeTable({
  lang,
  title,
  data: { fields, points },
}: {
  lang: Lang;
  title: string;
  data: ExposureOverTime;
}) {
  return (
    <ChartTable
      lang={lang}
      titleId="exposure-over-time-title"
      title={title}
      rows={points}
      rowKey={(p) => p.month}
      columns={[
        { header: h(lang, 'history.connectedBy'), cell: (p) => formatMonth(lang, p.month), rowHeader: true },
        ...fields.map((f) => ({
          header: fieldsLabel(lang, [f]),
          cell: (p: (typeof points)[number]) => formatNumber(lang, p.counts[f] ?? 0),
        })),
      ]}
    />
  );
}

interface OverTimeLinesProps {
  lang: Lang;
  rows: ReturnType<typeof shapeOverTime>['rows'];
  groups: readonly DetailField[][];
  markers: readonly ExposureMarker[];
}

/** The chart's picture: a step line per group of details over a time axis, the marks numbered on top. */
function OverTimeLines({ lang, rows, groups, markers }: OverTimeLinesProps) {
  return (
    <ChartArea height={300}>
      <LineChart accessibilityLayer={false} data={rows} margin={{ left: 8, right: 24, top: 20, bottom: 8 }}>
        <CartesianGrid stroke="var(--line)" vertical={false} />
        {/* A time axis: years the same width whether many or few people connected in them. */}
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          ticks={yearTicks(rows.map((r) => r.time))}
          tickFormatter={(time: number) => formatYear(lang, time)}
          tick={TICK}
          stroke="var(--line)"
        />
        <YAxis allowDecimals={false} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" width={56} />
        {markers.map((m, i) => (
          <ReferenceLine
            key={`${m.kind}-${m.date}`}
            x={monthTime(m.month)}
            stroke="var(--chart-marker)"
            strokeDasharray="4 3"
            label={{ value: String(i + 1), position: 'top', fill: 'var(--chart-marker)', fontSize: 12 }}
          />
        ))}
        <Legend itemSorter={null} wrapperStyle={{ color: 'var(--muted)' }} />
        {groups.map((g) => (
          <Line
            key={g[0]}
            type="stepAfter"
            dataKey={g[0]!}
            name={fieldsLabel(lang, g)}
            stroke={FIELD_COLOR[g[0]!]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartArea>
  );
}
