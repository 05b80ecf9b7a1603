import type { FieldExposureRow, Lang } from '../../../../shared/domain';
import type { Response } from '../../../../shared/contract';
import { ScoreTrendChart } from '../history/TrendCharts';
import { h } from './chart-kit';
import { CollectorChart } from './CollectorChart';
import { ExposureChart } from './ExposureChart';
import { ExposureOverTimeChart } from './ExposureOverTimeChart';
import { FamiliarityChart } from './FamiliarityChart';
import { TopPeople } from './TopPeople';

/**
 * The overview's charts: who can see which detail (from the summary), and those that explain it —
 * aggregated in main (audit:charts), the score trend from the snapshots.
 */
export function OverviewCharts({
  lang,
  byField,
  charts,
  points,
}: {
  lang: Lang;
  byField: readonly FieldExposureRow[];
  /** Not yet there: the chart of today is drawn, those that explain it when they come. */
  charts: Response<'audit:charts'> | undefined;
  points: Response<'history:trend'>['points'];
}) {
  return (
    <>
      <ExposureChart lang={lang} rows={byField} />
      {charts && (
        <>
          <ExposureOverTimeChart lang={lang} data={charts.exposureOverTime} />
          <div className="chart-grid">
            {charts.privateFamiliarity.length > 0 && <FamiliarityChart lang={lang} rows={charts.privateFamiliarity} />}
            {points.length > 0 && (
              <ScoreTrendChart
                lang={lang}
                points={points}
                id="overview-score-trend"
                height={220}
                title={h(lang, 'history.scoreTrendTitle')}
              />
            )}
          </div>
          <div className="chart-grid">
            <CollectorChart lang={lang} signals={charts.collectorSignals} />
            <TopPeople lang={lang} people={charts.topPeople} />
          </div>
        </>
      )}
    </>
  );
}
