/**
 * The summary section of the HTML report, as React elements, in its parts: the headline numbers, the
 * score and how it moved since the previous audit, the plan's first steps, the findings by severity,
 * who sees each detail, and the sharing settings the audit went by.
 */
import { createElement as h, Fragment, type ReactElement } from 'react';
import { formatNumber, severityLabel } from '../../../shared/i18n';
import { exposureTable, say, settingsTable } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { table } from './html-table';
import { exposureChart, scoreChart } from './charts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

type Lang = ReportModel['lang'];
type Summary = ReportModel['summary'];

function stat(label: string, value: string, className?: string): ReactElement {
  return h(
    'div',
    { className: `stat ${className ?? ''}`.trim() },
    h('div', { className: 'n' }, value),
    h('div', null, label),
  );
}

/** The headline numbers: the score now, after the revocations and after the plan, and the counts. */
function headline(lang: Lang, s: Summary): ReactElement {
  const n = (v: number) => formatNumber(lang, v);
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'stats' },
      stat(say(lang, 'scoreNow'), say(lang, 'scoreOf', { score: s.score.now }), 'score'),
      stat(say(lang, 'scoreAfterRevocations'), say(lang, 'scoreOf', { score: s.score.afterRevocations })),
      s.score.afterPlan === null
        ? null
        : stat(say(lang, 'scoreAfterPlan'), say(lang, 'scoreOf', { score: s.score.afterPlan })),
      stat(say(lang, 'connections'), n(s.connections)),
      stat(say(lang, 'findings'), n(s.openFindings)),
      stat(say(lang, 'planned'), n(s.plannedRevocations)),
    ),
    h('p', { className: 'muted' }, say(lang, 'mutedCount', { n: s.mutedFindings })),
  );
}

/** What changed since the previous audit (score, open findings, who sees each detail), or that there was none. */
function trendPart(lang: Lang, trend: Summary['trend']): ReactElement {
  const n = (v: number) => formatNumber(lang, v);
  if (!trend) return h('p', { className: 'muted' }, say(lang, 'trendNone'));
  return h(
    Fragment,
    null,
    h('h3', null, say(lang, 'trend', { date: trend.previousAt.text })),
    table(
      [say(lang, 'measureCol'), say(lang, 'valueCol'), say(lang, 'changeCol')],
      [
        [say(lang, 'trendScore'), n(trend.scoreNow.current), say(lang, 'change', { change: trend.scoreNow.change })],
        [
          say(lang, 'trendFindings'),
          n(trend.openFindings.current),
          say(lang, 'change', { change: trend.openFindings.change }),
        ],
        ...trend.exposure.map((e) => [e.label, n(e.current), say(lang, 'change', { change: e.change })]),
      ],
      'trend',
    ),
  );
}

/** The plan's effect: its first steps, each with the findings it clears. */
function topStepsPart(lang: Lang, s: Summary): ReactElement | null {
  if (!(s.topSteps && s.topSteps.length > 0)) return null;
  return h(
    Fragment,
    null,
    h('h3', null, say(lang, 'topSteps')),
    h(
      'ol',
      { className: 'top' },
      ...s.topSteps.map((st) =>
        h('li', { key: st.key }, h('a', { href: st.url }, st.label), ' — ', say(lang, 'clears', { n: st.clears })),
      ),
    ),
  );
}

/** The open findings by severity, in one line. */
function severityPart(lang: Lang, s: Summary): ReactElement {
  const n = (v: number) => formatNumber(lang, v);
  return h(
    Fragment,
    null,
    h('h3', null, say(lang, 'bySeverity')),
    h(
      'p',
      null,
      (['high', 'medium', 'low'] as const)
        .map((sev) => `${severityLabel(lang, sev)}: ${n(s.bySeverity[sev])}`)
        .join(' · '),
    ),
  );
}

/** Exposure by detail: who sees each one (known, acquainted, unfamiliar), as a chart and a table. */
function exposurePart(m: ReportModel): ReactElement {
  const { lang } = m;
  const exposure = exposureTable(m);
  return h(
    Fragment,
    null,
    h('h3', null, say(lang, 'exposureTable')),
    exposureChart(m, FONT),
    table(exposure.head, exposure.rows, 'numbers'),
  );
}

/** The sharing settings the audit went by, each declared by the user or assumed. */
function settingsPart(lang: Lang, s: Summary): ReactElement {
  const settings = settingsTable(lang, s, (text) => h('span', { className: 'tag' }, text));
  return h(
    Fragment,
    null,
    h('h3', null, say(lang, 'settings')),
    s.settingsAssumed ? h('p', { className: 'note' }, say(lang, 'assumed')) : null,
    table(settings.head, settings.rows),
  );
}

/** The summary section: its parts in the order the reader meets them. */
export function summarySection(m: ReportModel): ReactElement {
  const { lang, summary: s } = m;
  return h(
    'section',
    { id: 'summary' },
    h('h2', null, say(lang, 'summary')),
    headline(lang, s),
    scoreChart(m, FONT),
    trendPart(lang, s.trend),
    topStepsPart(lang, s),
    severityPart(lang, s),
    exposurePart(m),
    settingsPart(lang, s),
  );
}
