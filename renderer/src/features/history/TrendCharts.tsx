/**
 * The trend: the exposure score and who can see each detail after every import and change, with the
 * events that moved them. One point per audit snapshot (main keeps them, migration 0008).
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { DETAIL_FIELDS, type Lang } from '../../../../shared/domain';
import type { TrendPoint } from '../../../../shared/history';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import {
  ChartCard,
  ChartTable,
  FIELD_COLOR,
  type Column,
  fieldsLabel,
  groupFields,
  h,
  num,
  TICK,
} from '../overview/chart-kit';
import { ChartArea } from '../overview/ChartArea';

function tickDate(lang: Lang, points: readonly TrendPoint[]) {
  return (i: number): string => {
    const p = points[i];
    return p ? formatDate(lang, p.at.slice(0, 10)) : '';
  };
}

/**
 * A dot per snapshot while they stand apart; a long history (up to 400) draws the lines alone — the
 * dots would overlap into a thick band, and cost the page an element each.
 */
const MAX_DOTS = 40;

/** One point sits in the middle; more spread over the whole width. */
function domainOf(n: number): [number, number] {
  return n <= 1 ? [-1, 1] : [0, n - 1];
}

/** What an event moved, in words ("3 revocations verified."); empty when it moved no revocation. */
export function movedText(lang: Lang, p: TrendPoint): string {
  return h(lang, 'history.moved', { ...p.moved }).trim();
}

export interface ScoreTrendChartProps {
  lang: Lang;
  points: readonly TrendPoint[];
  id?: string;
  height?: number;
  title?: string;
}

/** The score now and after the plan over the snapshots; imports marked. */
export function ScoreTrendChart({ lang, points, id = 'score-trend', height = 260, title }: ScoreTrendChartProps) {
  const name = title ?? h(lang, 'history.trendScore');
  return (
    <ChartCard
      id={id}
      title={name}
      testId={id}
      table={
        <TrendTable
          lang={lang}
          titleId={`${id}-title`}
          title={name}
          points={points}
          columns={[
            { header: h(lang, 'history.event'), cell: (p) => h(lang, `history.cause.${p.cause}`) },
            { header: h(lang, 'history.scoreNow'), cell: (p) => formatNumber(lang, p.score.now) },
            { header: h(lang, 'history.scoreAfterPlan'), cell: (p) => formatNumber(lang, p.score.afterPlan) },
          ]}
        />
      }
    >
      <ScoreTrendLines lang={lang} points={points} height={height} />
    </ChartCard>
  );
}

/**
 * A trend chart's numbers for screen readers: a row per snapshot, headed by when it was taken, then the
 * chart's own columns.
 */
function TrendTable({
  lang,
  titleId,
  title,
  points,
  columns,
}: {
  lang: Lang;
  titleId: string;
  title: string;
  points: readonly TrendPoint[];
  columns: ReadonlyArray<Column<TrendPoint>>;
}) {
  return (
    <ChartTable
      lang={lang}
      titleId={titleId}
      title={title}
      rows={points}
      rowKey={(p) => String(p.id)}
      columns={[
        { header: h(lang, 'history.when'), cell: (p) => formatDate(lang, p.at, true), rowHeader: true },
        ...columns,
      ]}
    />
  );
}

/**
 * The x axis of a trend: one tick per snapshot (its index), labelled with its date. Returned as the
 * chart's own child (recharts reads it), like the import marks below.
 */
function snapshotAxis(lang: Lang, points: readonly TrendPoint[]) {
  return (
    <XAxis
      dataKey="i"
      type="number"
      domain={domainOf(points.length)}
      allowDecimals={false}
      tickFormatter={tickDate(lang, points)}
      tick={TICK}
      stroke="var(--line)"
    />
  );
}

/**
 * A dashed line at every import. Returned as the chart's own children (recharts reads them), not as a
 * component of ours.
 */
function importMarks(points: readonly TrendPoint[]) {
  // A mark per import while they stand apart; hundreds would merge into one band over the lines (the
  // events below and the table name every import all the same).
  const imports = points.filter((p) => p.cause === 'import').length;
  const marked = imports <= MAX_DOTS;
  return points.map((p, i) =>
    marked && p.cause === 'import' ? (
      <ReferenceLine key={p.id} x={i} stroke="var(--chart-marker)" strokeDasharray="3 3" ifOverflow="extendDomain" />
    ) : null,
  );
}

/** The score chart's picture: the score now (solid) and after the plan (dashed), imports marked. */
function ScoreTrendLines({ lang, points, height }: { lang: Lang; points: readonly TrendPoint[]; height: number }) {
  const data = points.map((p, i) => ({ i, now: p.score.now, afterPlan: p.score.afterPlan }));
  return (
    <ChartArea height={height}>
      <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 12, bottom: 8 }}>
        <CartesianGrid stroke="var(--line)" vertical={false} />
        {snapshotAxis(lang, points)}
        <YAxis domain={[0, 100]} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" width={40} />
        {importMarks(points)}
        <Legend itemSorter={null} wrapperStyle={{ color: 'var(--muted)' }} />
        <Line
          dataKey="now"
          name={h(lang, 'history.scoreNow')}
          stroke="var(--chart-unfamiliar)"
          strokeWidth={2}
          dot={points.length <= MAX_DOTS}
          isAnimationActive={false}
        />
        <Line
          dataKey="afterPlan"
          name={h(lang, 'history.scoreAfterPlan')}
          stroke="var(--chart-familiar)"
          strokeDasharray="6 4"
          strokeWidth={2}
          dot={points.length <= MAX_DOTS}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartArea>
  );
}

/** How many people see each detail after every snapshot (details with the same numbers drawn once). */
export function ExposureTrendChart({ lang, points }: { lang: Lang; points: readonly TrendPoint[] }) {
  const fields = DETAIL_FIELDS.filter((f) => points.some((p) => p.exposure[f] !== undefined));
  const groups = groupFields(fields, (f) => points.map((p) => p.exposure[f] ?? 0));
  const data = points.map((p, i) => ({
    i,
    ...Object.fromEntries(groups.map((g) => [g[0]!, p.exposure[g[0]!] ?? 0])),
  }));
  const title = h(lang, 'history.trendExposure');
  return (
    <ChartCard
      id="exposure-trend"
      title={title}
      testId="exposure-trend"
      table={
        <TrendTable
          lang={lang}
          titleId="exposure-trend-title"
          title={title}
          points={points}
          columns={fields.map((f) => ({
            header: fieldsLabel(lang, [f]),
            cell: (p) => formatNumber(lang, p.exposure[f] ?? 0),
          }))}
        />
      }
    >
      <ChartArea height={260}>
        <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 12, bottom: 8 }}>
          <CartesianGrid stroke="var(--line)" vertical={false} />
          {snapshotAxis(lang, points)}
          <YAxis allowDecimals={false} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" width={56} />
          <Legend itemSorter={null} wrapperStyle={{ color: 'var(--muted)' }} />
          {groups.map((g) => (
            <Line
              key={g[0]}
              dataKey={g[0]!}
              name={fieldsLabel(lang, g)}
              stroke={FIELD_COLOR[g[0]!]}
              strokeWidth={2}
              dot={points.length <= MAX_DOTS}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ChartArea>
    </ChartCard>
  );
}
