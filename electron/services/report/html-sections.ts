/** The sections of the HTML report, as React elements: every text from the model, escaped by React. */
import { createElement as h, Fragment, type ReactElement } from 'react';
import { formatNumber, message, severityLabel } from '../../../shared/i18n';
import { say } from '../../../shared/report/text';
import type { ReportFinding, ReportFindingGroup, ReportModel, ReportPlan } from '../../../shared/report/types';
import { CAPS, capped } from '../../../shared/report/caps';
import { more, table } from './html-table';
import { exposureChart, scoreChart } from './charts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function stat(label: string, value: string, className?: string): ReactElement {
  return h(
    'div',
    { className: `stat ${className ?? ''}`.trim() },
    h('div', { className: 'n' }, value),
    h('div', null, label),
  );
}

export function summarySection(m: ReportModel): ReactElement {
  const { lang, summary: s } = m;
  const n = (v: number) => formatNumber(lang, v);
  const trend = s.trend;
  return h(
    'section',
    { id: 'summary' },
    h('h2', null, say(lang, 'summary')),
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
    scoreChart(m, FONT),
    trend
      ? h(
          Fragment,
          null,
          h('h3', null, say(lang, 'trend', { date: trend.previousAt.text })),
          table(
            [say(lang, 'measureCol'), say(lang, 'valueCol'), say(lang, 'changeCol')],
            [
              [
                say(lang, 'trendScore'),
                n(trend.scoreNow.current),
                say(lang, 'change', { change: trend.scoreNow.change }),
              ],
              [
                say(lang, 'trendFindings'),
                n(trend.openFindings.current),
                say(lang, 'change', { change: trend.openFindings.change }),
              ],
              ...trend.exposure.map((e) => [e.label, n(e.current), say(lang, 'change', { change: e.change })]),
            ],
            'trend',
          ),
        )
      : h('p', { className: 'muted' }, say(lang, 'trendNone')),
    s.topSteps && s.topSteps.length > 0
      ? h(
          Fragment,
          null,
          h('h3', null, say(lang, 'topSteps')),
          h(
            'ol',
            { className: 'top' },
            ...s.topSteps.map((st) =>
              h(
                'li',
                { key: st.key },
                h('a', { href: st.url }, st.label),
                ' — ',
                say(lang, 'clears', { n: st.clears }),
              ),
            ),
          ),
        )
      : null,
    h('h3', null, say(lang, 'bySeverity')),
    h(
      'p',
      null,
      (['high', 'medium', 'low'] as const)
        .map((sev) => `${severityLabel(lang, sev)}: ${n(s.bySeverity[sev])}`)
        .join(' · '),
    ),
    h('h3', null, say(lang, 'exposureTable')),
    exposureChart(m, FONT),
    table(
      [
        say(lang, 'detail'),
        message(lang, 'familiarity.known'),
        message(lang, 'familiarity.acquainted'),
        message(lang, 'familiarity.unfamiliar'),
        say(lang, 'total'),
        say(lang, 'revoked'),
      ],
      s.exposure.map((r) => [
        r.label,
        n(r.known),
        n(r.acquainted),
        n(r.unfamiliar),
        n(r.total),
        n(r.revocationPlanned),
      ]),
      'numbers',
    ),
    h('h3', null, say(lang, 'settings')),
    s.settingsAssumed ? h('p', { className: 'note' }, say(lang, 'assumed')) : null,
    table(
      [say(lang, 'network'), say(lang, 'settingCol'), say(lang, 'valueCol'), say(lang, 'basisCol')],
      s.settings.map((r) => [
        message(lang, `network.${r.network}`),
        r.setting,
        r.value,
        r.declared ? say(lang, 'declared') : h('span', { className: 'tag' }, say(lang, 'assumedTag')),
      ]),
    ),
  );
}

function planTable(lang: ReportModel['lang'], plan: ReportPlan): ReactElement {
  const steps = capped(plan.steps, CAPS.planSteps);
  return h(
    'div',
    { className: 'plan', key: plan.variant },
    h('h3', null, plan.title),
    h('p', null, plan.description),
    h(
      'p',
      { className: 'muted' },
      say(lang, 'planSummary', {
        steps: plan.steps.length,
        effort: plan.effort,
        cleared: plan.cleared,
        left: plan.left,
        scoreNow: plan.scoreNow,
        scoreAfter: plan.scoreAfter,
      }),
    ),
    table(
      [
        '#',
        say(lang, 'step'),
        say(lang, 'detail'),
        say(lang, 'findings'),
        say(lang, 'losesAccess'),
        say(lang, 'scoreAfterStep'),
      ],
      steps.shown.map((st, i) => {
        const names = capped(st.collateral, CAPS.collateralNames);
        return [
          String(i + 1),
          h('a', { href: st.url }, st.label),
          st.fieldLabels.join(', '),
          formatNumber(lang, st.clears),
          names.shown.length === 0
            ? say(lang, 'nobodyKnown')
            : names.shown.join(', ') + (names.more > 0 ? ` ${say(lang, 'andMore', { n: names.more })}` : ''),
          String(st.scoreAfter),
        ];
      }),
    ),
    more(lang, steps.more),
  );
}

export function planSection(m: ReportModel): ReactElement {
  const { lang } = m;
  return h(
    'section',
    { id: 'plan' },
    h('h2', null, say(lang, 'plan')),
    m.plans === null ? h('p', { className: 'note' }, say(lang, 'planMissing')) : m.plans.map((p) => planTable(lang, p)),
  );
}

function group(
  lang: ReportModel['lang'],
  g: ReportFindingGroup,
  byId: ReadonlyMap<string, ReportFinding>,
): ReactElement {
  return h(
    'div',
    { className: 'group', key: g.key },
    h('h3', null, g.planStep === null ? '' : `${g.planStep}. `, g.url ? h('a', { href: g.url }, g.title) : g.title),
    h('p', { className: 'muted' }, say(lang, 'groupCount', { findings: g.findings, people: g.peopleTotal })),
    h(
      'ul',
      { className: 'people' },
      ...g.people.map((p, i) =>
        h(
          'li',
          { key: p.contact?.id ?? `setting-${i}` },
          h('strong', null, p.contact?.name ?? say(lang, 'setting')),
          p.familiarityLabel ? h('span', { className: 'muted' }, ` · ${p.familiarityLabel}`) : null,
          h(
            'ul',
            null,
            ...p.findings
              .flatMap((id) => byId.get(id) ?? [])
              .map((f) =>
                h(
                  'li',
                  { key: f.id, className: `sev-${f.severity}` },
                  h('span', { className: 'sev' }, f.severityLabel),
                  ' ',
                  f.message,
                  f.assumed ? h('span', { className: 'tag' }, say(lang, 'assumedTag')) : null,
                  f.revocation ? h('span', { className: 'tag rev' }, f.revocation.statusLabel) : null,
                  f.evidence.length > 0 ? h('div', { className: 'evidence' }, f.evidence.join(' · ')) : null,
                ),
              ),
          ),
        ),
      ),
    ),
    g.peopleTotal > g.people.length
      ? h(
          'p',
          { className: 'more' },
          say(lang, 'morePeople', { n: g.peopleTotal - g.people.length, findings: g.hiddenFindings }),
        )
      : null,
  );
}

export function groupsSection(m: ReportModel): ReactElement {
  const { lang } = m;
  const groups = capped(m.groups, CAPS.groups);
  const byId = new Map(m.findings.map((f) => [f.id, f]));
  return h(
    'section',
    { id: 'findings' },
    h('h2', null, say(lang, 'groups'), ` (${formatNumber(lang, m.summary.openFindings)})`),
    m.groups.length === 0 ? h('p', null, say(lang, 'none')) : groups.shown.map((g) => group(lang, g, byId)),
    groups.more > 0
      ? h(
          'p',
          { className: 'more' },
          say(lang, 'moreGroups', {
            n: groups.more,
            findings: m.groups.slice(CAPS.groups).reduce((n, g) => n + g.findings, 0),
          }),
        )
      : null,
  );
}
