/**
 * The History screen's two long lists, virtualised: a long-time user has up to 200 import runs (each
 * with its files) and 400 trend events, tens of thousands of elements if all were in the page. Only
 * the rows in view are rendered; the keyboard moves through all of them (↑/↓, Home/End, PageUp/Down).
 */
import { useMemo } from 'react';
import type { ImportRun } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import type { TrendPoint } from '../../../../shared/history';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import { t } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { ImportSummaryView } from '../import/ImportDialog';
import { h } from '../overview/chart-kit';
import { movedText } from './TrendCharts';
import './history.css';

/** All rows are in the page already (one request): the list needs no window of data. */
const allLoaded = (): void => {};

/** Past imports, newest first, each with its files, counts, warnings and duration. */
export function ImportRuns({ lang, runs }: { lang: Lang; runs: readonly ImportRun[] }) {
  return (
    <div className="numbered-list history-runs">
      <VirtualList
        count={runs.length}
        label={t(lang, 'historyTitle')}
        testId="history-runs"
        estimateSize={90}
        rowKey={(i) => runs[i]!.id}
        onRange={allLoaded}
        renderRow={(i) => {
          const run = runs[i]!;
          return (
            <div data-testid="history-run">
              <strong>
                {formatDate(lang, run.startedAt, true)}
                {run.origin === 'demo' ? ` · ${t(lang, 'demoRun')}` : ''}
              </strong>{' '}
              <span className="muted small">({formatNumber(lang, run.durationMs)} ms)</span>
              <ImportSummaryView summary={run} lang={lang} />
            </div>
          );
        }}
      />
    </div>
  );
}

/** Each snapshot's event, newest first, with how it moved the score and which revocations it moved. */
export function TrendEvents({ lang, points }: { lang: Lang; points: readonly TrendPoint[] }) {
  const rows = useMemo(() => points.map((p, i) => ({ p, before: i > 0 ? points[i - 1]! : null })).reverse(), [points]);
  return (
    <>
      <h3 className="trend-events-title">{h(lang, 'history.events')}</h3>
      <div className="numbered-list history-events">
        <VirtualList
          count={rows.length}
          label={h(lang, 'history.events')}
          testId="trend-events"
          estimateSize={20}
          rowKey={(i) => rows[i]!.p.id}
          onRange={allLoaded}
          renderRow={(i) => {
            const { p, before } = rows[i]!;
            const moved = movedText(lang, p);
            return (
              <div data-testid="trend-event">
                <span className="muted small" data-testid="trend-event-when">
                  {formatDate(lang, p.at, true)}
                </span>{' '}
                <strong>{h(lang, `history.cause.${p.cause}`)}</strong> · {t(lang, 'score')}{' '}
                {before && before.score.now !== p.score.now
                  ? h(lang, 'history.scoreChange', {
                      before: formatNumber(lang, before.score.now),
                      after: formatNumber(lang, p.score.now),
                    })
                  : formatNumber(lang, p.score.now)}
                {moved && ` · ${moved}`}
              </div>
            );
          }}
        />
      </div>
    </>
  );
}
