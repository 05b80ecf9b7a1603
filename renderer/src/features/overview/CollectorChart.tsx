import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../../../shared/domain';
import type { CollectorSignals } from '../../../../shared/history-charts';
import { formatNumber } from '../../../../shared/i18n';
import { ChartCard, ChartTable, h, num, TICK } from './chart-kit';
import { ChartArea } from './ChartArea';

const MAX_LABEL = 34;

function short(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Which invitation phrases and pitching roles of the policy were found, and with how many people. */
export function CollectorChart({ lang, signals }: { lang: Lang; signals: CollectorSignals }) {
  const rows = [
    ...signals.phrases.map((s) => ({ ...s, kind: 'phrase' as const })),
    ...signals.roles.map((s) => ({ ...s, kind: 'role' as const })),
  ].sort((a, b) => b.people - a.people);
  const data = rows.map((r) => ({ name: `${short(r.text)}`, people: r.people, kind: r.kind }));
  const title = h(lang, 'history.collectorTitle');
  return (
    <ChartCard
      id="collector-signals"
      title={title}
      testId="collector-signals"
      note={
        <p className="chart-note" data-testid="collector-summary">
          {h(lang, 'history.collectorSummary', { collectors: signals.collectors, unanswered: signals.unanswered })}
        </p>
      }
      table={
        <ChartTable
          lang={lang}
          titleId="collector-signals-title"
          title={title}
          rows={rows}
          rowKey={(r) => `${r.kind}:${r.text}`}
          columns={[
            { header: h(lang, 'history.signal'), cell: (r) => `“${r.text}”`, rowHeader: true },
            { header: h(lang, 'history.signalKind'), cell: (r) => h(lang, `history.${r.kind}`) },
            { header: h(lang, 'history.people'), cell: (r) => formatNumber(lang, r.people) },
          ]}
        />
      }
      footer={rows.length === 0 && <p className="muted">{h(lang, 'history.noSignals')}</p>}
    >
      {rows.length > 0 && (
        <ChartArea height={40 + data.length * 30}>
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ left: 8, right: 24, top: 4, bottom: 4 }}
          >
            <CartesianGrid horizontal={false} stroke="var(--line)" />
            <XAxis type="number" allowDecimals={false} tickFormatter={num(lang)} tick={TICK} stroke="var(--line)" />
            <YAxis type="category" dataKey="name" width={230} tick={TICK} stroke="var(--line)" interval={0} />
            <Bar dataKey="people" fill="var(--chart-unfamiliar)" isAnimationActive={false} />
          </BarChart>
        </ChartArea>
      )}
    </ChartCard>
  );
}
