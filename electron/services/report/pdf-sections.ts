/** The report's sections as pdfmake content: the same model, the same caps and the same charts as the HTML page. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatNumber, severityLabel } from '../../../shared/i18n';
import { exposureTable, say, settingsTable } from '../../../shared/report/text';
import type { ReportModel, ReportPlan } from '../../../shared/report/types';
import { CAPS, capped } from '../../../shared/report/caps';
import { exposureChart, scoreChart } from './charts';

export const PDF_FONT = 'DejaVu';

type Lang = ReportModel['lang'];

/** A table with a repeated header row; rows are never split over two pages. */
function table(
  head: readonly string[],
  rows: ReadonlyArray<readonly TableCell[]>,
  widths?: Array<string | number>,
): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths ?? head.map(() => '*'),
      body: [head.map((text) => ({ text, style: 'th' })), ...rows.map((r) => [...r])],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

const h2 = (text: string, first = false): Content => ({ text, style: 'h2', pageBreak: first ? undefined : 'before' });
const h3 = (text: string): Content => ({ text, style: 'h3' });
const muted = (text: string): Content => ({ text, style: 'muted' });
const more = (lang: Lang, n: number): Content[] =>
  n > 0 ? [{ text: say(lang, 'moreRows', { n }), style: 'more' }] : [];
const link = (text: string, url: string): TableCell => ({ text, link: url, color: '#1a56b0' });
const svg = (element: Parameters<typeof renderToStaticMarkup>[0] | null, width = 400): Content[] =>
  element ? [{ svg: renderToStaticMarkup(element), width, margin: [0, 4, 0, 8] }] : [];

type Summary = ReportModel['summary'];

/** The headline numbers (score, connections, open findings, planned revocations), the muted count and the score chart. */
function headlinePdf(m: ReportModel): Content[] {
  const { lang, summary: s } = m;
  const n = (v: number) => formatNumber(lang, v);
  return [
    table(
      [say(lang, 'scoreNow'), say(lang, 'connections'), say(lang, 'findings'), say(lang, 'planned')],
      [[say(lang, 'scoreOf', { score: s.score.now }), n(s.connections), n(s.openFindings), n(s.plannedRevocations)]],
    ),
    muted(say(lang, 'mutedCount', { n: s.mutedFindings })),
    ...svg(scoreChart(m, PDF_FONT)),
  ];
}

/** What changed since the previous audit (score, open findings, who sees each detail), or that there was none. */
function trendPdf(lang: Lang, t: Summary['trend']): Content[] {
  if (!t) return [muted(say(lang, 'trendNone'))];
  const n = (v: number) => formatNumber(lang, v);
  return [
    h3(say(lang, 'trend', { date: t.previousAt.text })),
    table(
      [say(lang, 'measureCol'), say(lang, 'valueCol'), say(lang, 'changeCol')],
      [
        [say(lang, 'trendScore'), n(t.scoreNow.current), say(lang, 'change', { change: t.scoreNow.change })],
        [say(lang, 'trendFindings'), n(t.openFindings.current), say(lang, 'change', { change: t.openFindings.change })],
        ...t.exposure.map((e) => [e.label, n(e.current), say(lang, 'change', { change: e.change })]),
      ],
    ),
  ];
}

/** The plan's effect: its first steps, each with the findings it clears. */
function topStepsPdf(lang: Lang, s: Summary): Content[] {
  if (!(s.topSteps && s.topSteps.length > 0)) return [];
  return [
    h3(say(lang, 'topSteps')),
    {
      ol: s.topSteps.map((st) => ({
        text: [link(st.label, st.url) as object, ` — ${say(lang, 'clears', { n: st.clears })}`],
      })),
    } as Content,
  ];
}

/** The open findings by severity, in one line. */
function severityPdf(lang: Lang, s: Summary): Content[] {
  const n = (v: number) => formatNumber(lang, v);
  return [
    h3(say(lang, 'bySeverity')),
    (['high', 'medium', 'low'] as const)
      .map((sev) => `${severityLabel(lang, sev)}: ${n(s.bySeverity[sev])}`)
      .join(' · '),
  ];
}

/** Exposure by detail: who sees each one (known, acquainted, unfamiliar), as a chart and a table. */
function exposurePdf(m: ReportModel): Content[] {
  const { lang } = m;
  const exposure = exposureTable(m);
  return [h3(say(lang, 'exposureTable')), ...svg(exposureChart(m, PDF_FONT)), table(exposure.head, exposure.rows)];
}

/** The sharing settings the audit went by, each declared by the user or assumed. */
function settingsPdf(lang: Lang, s: Summary): Content[] {
  const settings = settingsTable(lang, s, (text) => text);
  return [
    h3(say(lang, 'settings')),
    ...(s.settingsAssumed ? [{ text: say(lang, 'assumed'), style: 'note' } as Content] : []),
    table(settings.head, settings.rows, [50, '*', 130, 70]),
  ];
}

/** The summary: its parts in the order the reader meets them. */
export function summaryPdf(m: ReportModel): Content[] {
  const { lang, summary: s } = m;
  return [
    h2(say(lang, 'summary'), true),
    ...headlinePdf(m),
    ...trendPdf(lang, s.trend),
    ...topStepsPdf(lang, s),
    ...severityPdf(lang, s),
    ...exposurePdf(m),
    ...settingsPdf(lang, s),
  ];
}

function planPdf(lang: Lang, plan: ReportPlan): Content[] {
  const steps = capped(plan.steps, CAPS.planSteps);
  return [
    h3(plan.title),
    plan.description,
    muted(
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
          link(st.label, st.url),
          st.fieldLabels.join(', '),
          formatNumber(lang, st.clears),
          names.shown.length === 0
            ? say(lang, 'nobodyKnown')
            : names.shown.join(', ') + (names.more > 0 ? ` ${say(lang, 'andMore', { n: names.more })}` : ''),
          String(st.scoreAfter),
        ];
      }),
      [16, '*', 70, 45, 100, 40],
    ),
    ...more(lang, steps.more),
  ];
}

export function planSectionPdf(m: ReportModel): Content[] {
  const { lang } = m;
  return [
    h2(say(lang, 'plan')),
    ...(m.plans === null
      ? [{ text: say(lang, 'planMissing'), style: 'note' } as Content]
      : m.plans.flatMap((p) => planPdf(lang, p))),
  ];
}

export function groupsPdf(m: ReportModel): Content[] {
  const { lang } = m;
  const out: Content[] = [h2(`${say(lang, 'groups')} (${formatNumber(lang, m.summary.openFindings)})`)];
  if (m.groups.length === 0) out.push(say(lang, 'none'));
  const groups = capped(m.groups, CAPS.groups);
  const byId = new Map(m.findings.map((f) => [f.id, f]));
  const color = { high: '#b3261e', medium: '#a15c00', low: '#44546a' } as const;
  for (const g of groups.shown) {
    out.push(
      { text: `${g.planStep === null ? '' : `${g.planStep}. `}${g.title}`, style: 'h3', link: g.url ?? undefined },
      muted(say(lang, 'groupCount', { findings: g.findings, people: g.peopleTotal })),
      {
        ul: g.people.map((p) => ({
          stack: [
            {
              text: [
                { text: p.contact?.name ?? say(lang, 'setting'), bold: true },
                p.familiarityLabel ? ` · ${p.familiarityLabel}` : '',
              ],
            },
            {
              ul: p.findings
                .flatMap((id) => byId.get(id) ?? [])
                .map((f) => ({
                  text: [
                    { text: `${f.severityLabel} `, bold: true, color: color[f.severity] },
                    f.message,
                    f.revocation ? ` [${f.revocation.statusLabel}]` : '',
                    f.evidence.length > 0 ? { text: `\n${f.evidence.join(' · ')}`, style: 'small' } : '',
                  ],
                })),
            },
          ],
          unbreakable: p.findings.length < 12,
        })),
      } as Content,
      ...(g.peopleTotal > g.people.length
        ? [
            {
              text: say(lang, 'morePeople', { n: g.peopleTotal - g.people.length, findings: g.hiddenFindings }),
              style: 'more',
            } as Content,
          ]
        : []),
    );
  }
  if (groups.more > 0)
    out.push({
      text: say(lang, 'moreGroups', {
        n: groups.more,
        findings: m.groups.slice(CAPS.groups).reduce((n, g) => n + g.findings, 0),
      }),
      style: 'more',
    });
  return out;
}
