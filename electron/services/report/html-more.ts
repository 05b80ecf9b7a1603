/** The later sections of the HTML report: revocations, muted findings, how ShareAudit judged, the appendix. */
import { createElement as h, type ReactElement } from 'react';
import { formatNumber, severityLabel } from '../../../shared/i18n';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { CAPS, capped } from '../../../shared/report/caps';
import { more, table } from './html-table';

export function revocationsSection(m: ReportModel): ReactElement {
  const { lang } = m;
  const list = capped(m.revocations, CAPS.revocations);
  const hidden = m.totals.revocations - list.shown.length;
  return h(
    'section',
    { id: 'revocations' },
    h('h2', null, say(lang, 'revocations'), ` (${formatNumber(lang, m.totals.revocations)})`),
    m.totals.revocations === 0
      ? h('p', null, say(lang, 'revocationsNone'))
      : table(
          [say(lang, 'contact'), say(lang, 'detail'), say(lang, 'step'), say(lang, 'status'), say(lang, 'history')],
          list.shown.map((r) => [
            r.contact?.name ?? h('em', null, say(lang, 'setting')),
            r.fieldLabel ?? '—',
            r.stepLabel,
            r.statusLabel,
            h(
              'ul',
              { className: 'events' },
              ...r.events.map((e, i) =>
                h('li', { key: i }, `${e.at.text}: ${e.statusLabel}`, e.note ? ` (${e.note})` : ''),
              ),
            ),
          ]),
        ),
    more(lang, hidden),
  );
}

export function mutedSection(m: ReportModel): ReactElement {
  const { lang } = m;
  const list = capped(m.muted, CAPS.muted);
  const hidden = m.totals.muted - list.shown.length;
  return h(
    'section',
    { id: 'muted' },
    h('h2', null, say(lang, 'mutedTitle'), ` (${formatNumber(lang, m.totals.muted)})`),
    m.totals.muted === 0
      ? h('p', null, say(lang, 'mutedNone'))
      : table(
          [say(lang, 'contact'), say(lang, 'finding'), say(lang, 'mutedReason'), say(lang, 'mutedUntil')],
          list.shown.map((f) => [
            f.contact?.name ?? h('em', null, say(lang, 'setting')),
            h('span', null, h('strong', null, f.ruleTitle), h('div', null, f.message)),
            f.reason,
            f.until?.text ?? say(lang, 'mutedForever'),
          ]),
        ),
    more(lang, hidden),
  );
}

export function judgedSection(m: ReportModel): ReactElement {
  const { lang, judged: j } = m;
  const n = (v: number) => formatNumber(lang, v);
  return h(
    'section',
    { id: 'judged' },
    h('h2', null, say(lang, 'judged')),
    h(
      'p',
      null,
      say(lang, 'judgedFamiliarity', { knownAt: j.familiarity.knownAt, acquaintedAt: j.familiarity.acquaintedAt }),
    ),
    table(
      [say(lang, 'weightCol'), say(lang, 'pointsCol')],
      j.familiarity.weights.map((w) => [w.label, String(w.points)]),
      'numbers',
    ),
    h('h3', null, say(lang, 'evidenceFound')),
    table(
      [say(lang, 'weightCol'), say(lang, 'peopleCol')],
      j.familiarity.evidence.map((e) => [e.label, n(e.people)]),
      'numbers',
    ),
    h('h3', null, say(lang, 'rules')),
    table(
      [say(lang, 'ruleCol'), say(lang, 'severity'), say(lang, 'findings')],
      j.rules.map((r) => [
        h('span', null, h('strong', null, r.title), h('div', { className: 'muted' }, r.rationale)),
        severityLabel(lang, r.severity),
        n(r.findings),
      ]),
    ),
    h('h3', null, say(lang, 'policyChanges')),
    j.policyChanges.length === 0
      ? h('p', null, say(lang, 'policyUnchanged'))
      : table(
          [say(lang, 'settingCol'), say(lang, 'policyDefault'), say(lang, 'policyYours')],
          j.policyChanges.map((c) => [c.label, c.default, c.current]),
        ),
    h('h3', null, say(lang, 'myDetails')),
    h(
      'ul',
      null,
      ...m.myDetails.map((d, i) =>
        h('li', { key: i }, `${d.fieldLabel}: ${d.value} `, h('span', { className: 'muted' }, `(${d.source})`)),
      ),
    ),
  );
}

export function appendixSection(m: ReportModel): ReactElement {
  const { lang } = m;
  const list = capped(m.findings, CAPS.appendix);
  return h(
    'section',
    { id: 'appendix' },
    h('h2', null, say(lang, 'appendix')),
    m.totals.findings > list.shown.length
      ? h(
          'p',
          { className: 'more' },
          say(lang, 'appendixCapped', { shown: list.shown.length, total: m.totals.findings }),
        )
      : null,
    m.totals.findings === 0
      ? h('p', null, say(lang, 'none'))
      : table(
          [say(lang, 'severity'), say(lang, 'contact'), say(lang, 'detail'), say(lang, 'finding')],
          list.shown.map((f) => [
            f.severityLabel,
            f.contact?.name ?? h('em', null, say(lang, 'setting')),
            f.fieldLabel ?? '—',
            h('span', null, h('strong', null, f.ruleTitle), h('div', null, f.message)),
          ]),
          'appendix',
        ),
  );
}
