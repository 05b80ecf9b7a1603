/** The sections of the HTML report, as React elements: every text from the model, escaped by React. */
import { createElement as h, type ReactElement } from 'react';
import { formatNumber } from '../../../shared/i18n';
import { say } from '../../../shared/report/text';
import type { ReportFinding, ReportFindingGroup, ReportModel, ReportPlan } from '../../../shared/report/types';
import { CAPS, capped } from '../../../shared/report/caps';
import { more, table } from './html-table';

export { summarySection } from './html-summary';

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
