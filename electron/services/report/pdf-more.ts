/** The later sections of the PDF report: revocations, muted findings, how ShareAudit judged, the appendix. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatNumber, severityLabel } from '../../../shared/i18n';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { CAPS, capped } from '../../../shared/report/caps';

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

const h2 = (text: string): Content => ({ text, style: 'h2', pageBreak: 'before' });
const h3 = (text: string): Content => ({ text, style: 'h3' });
const more = (lang: ReportModel['lang'], n: number): Content[] =>
  n > 0 ? [{ text: say(lang, 'moreRows', { n }), style: 'more' }] : [];
const titled = (title: string, text: string): TableCell => ({ stack: [{ text: title, bold: true }, text] });

export function revocationsPdf(m: ReportModel): Content[] {
  const { lang } = m;
  const list = capped(m.revocations, CAPS.revocations);
  return [
    h2(`${say(lang, 'revocations')} (${formatNumber(lang, m.totals.revocations)})`),
    m.totals.revocations === 0
      ? say(lang, 'revocationsNone')
      : table(
          [say(lang, 'contact'), say(lang, 'detail'), say(lang, 'step'), say(lang, 'status'), say(lang, 'history')],
          list.shown.map((r) => [
            r.contact?.name ?? say(lang, 'setting'),
            r.fieldLabel ?? '—',
            r.stepLabel,
            r.statusLabel,
            {
              text: r.events.map((e) => `${e.at.text}: ${e.statusLabel}${e.note ? ` (${e.note})` : ''}`).join('\n'),
              style: 'small',
            },
          ]),
          [80, 60, '*', 70, 120],
        ),
    ...more(lang, m.totals.revocations - list.shown.length),
  ];
}

export function mutedPdf(m: ReportModel): Content[] {
  const { lang } = m;
  const list = capped(m.muted, CAPS.muted);
  return [
    h3(`${say(lang, 'mutedTitle')} (${formatNumber(lang, m.totals.muted)})`),
    m.totals.muted === 0
      ? say(lang, 'mutedNone')
      : table(
          [say(lang, 'contact'), say(lang, 'finding'), say(lang, 'mutedReason'), say(lang, 'mutedUntil')],
          list.shown.map((f) => [
            f.contact?.name ?? say(lang, 'setting'),
            titled(f.ruleTitle, f.message),
            f.reason,
            f.until?.text ?? say(lang, 'mutedForever'),
          ]),
          [90, '*', 90, 60],
        ),
    ...more(lang, m.totals.muted - list.shown.length),
  ];
}

export function judgedPdf(m: ReportModel): Content[] {
  const { lang, judged: j } = m;
  const n = (v: number) => formatNumber(lang, v);
  return [
    h2(say(lang, 'judged')),
    say(lang, 'judgedFamiliarity', { knownAt: j.familiarity.knownAt, acquaintedAt: j.familiarity.acquaintedAt }),
    table(
      [say(lang, 'weightCol'), say(lang, 'pointsCol')],
      j.familiarity.weights.map((w) => [w.label, String(w.points)]),
      ['*', 60],
    ),
    h3(say(lang, 'evidenceFound')),
    table(
      [say(lang, 'weightCol'), say(lang, 'peopleCol')],
      j.familiarity.evidence.map((e) => [e.label, n(e.people)]),
      ['*', 60],
    ),
    h3(say(lang, 'rules')),
    table(
      [say(lang, 'ruleCol'), say(lang, 'severity'), say(lang, 'findings')],
      j.rules.map((r) => [titled(r.title, r.rationale), severityLabel(lang, r.severity), n(r.findings)]),
      ['*', 60, 60],
    ),
    h3(say(lang, 'policyChanges')),
    j.policyChanges.length === 0
      ? say(lang, 'policyUnchanged')
      : table(
          [say(lang, 'settingCol'), say(lang, 'policyDefault'), say(lang, 'policyYours')],
          j.policyChanges.map((c) => [c.label, c.default, c.current]),
        ),
    h3(say(lang, 'myDetails')),
    { ul: m.myDetails.map((d) => `${d.fieldLabel}: ${d.value} (${d.source})`) },
  ];
}

export function appendixPdf(m: ReportModel): Content[] {
  const { lang } = m;
  const list = capped(m.findings, CAPS.appendix);
  return [
    h2(say(lang, 'appendix')),
    ...(m.totals.findings > list.shown.length
      ? [
          {
            text: say(lang, 'appendixCapped', { shown: list.shown.length, total: m.totals.findings }),
            style: 'more',
          } as Content,
        ]
      : []),
    m.totals.findings === 0
      ? say(lang, 'none')
      : table(
          [say(lang, 'severity'), say(lang, 'contact'), say(lang, 'detail'), say(lang, 'finding')],
          list.shown.map((f) => [
            f.severityLabel,
            f.contact?.name ?? say(lang, 'setting'),
            f.fieldLabel ?? '—',
            titled(f.ruleTitle, f.message),
          ]),
          [45, 90, 70, '*'],
        ),
  ];
}
