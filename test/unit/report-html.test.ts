/**
 * The HTML report, rendered from a fixed audit: every section, every number in the reader's
 * language, each finding's row with its evidence and steps, muted findings and revocations apart,
 * the exposure chart drawn to scale, and everything that comes from the user's files escaped.
 */
import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding, Lang, RevocationView } from '../../shared/domain';
import { findingMessage, ruleTitle } from '../../shared/finding-text';
import { evidenceText, familiarityLabel, fieldLabel, message, severityLabel } from '../../shared/i18n';
import { platformStep } from '../../shared/platform';
import { escapeHtml, renderHtmlReport } from '../../electron/services/report';

const personFinding: Finding = {
  id: 'private-detail-unfamiliar:7:mobile',
  rule: 'private-detail-unfamiliar',
  severity: 'high',
  field: 'mobile',
  network: 'linkedin',
  contact: {
    id: 7,
    name: 'Erika <Musterfrau>',
    profileUrl: 'https://www.linkedin.com/in/erika',
    company: 'Beispiel & Co',
    position: 'Leiterin',
  },
  messageId: 'visible',
  data: { name: 'Erika <Musterfrau>', field: 'mobile', score: 0 },
  evidence: [
    { kind: 'no-messages', data: {}, points: 0 },
    { kind: 'assumed-setting', data: { network: 'linkedin', audience: 'first-degree' } },
  ],
  familiarity: 'unfamiliar',
  actions: ['remove-connection', 'narrow-phone-audience'],
  assumed: true,
  muted: null,
  revocation: null,
};

const settingFinding: Finding = {
  id: 'email-download-allowed:all:all',
  rule: 'email-download-allowed',
  severity: 'medium',
  field: null,
  network: 'linkedin',
  contact: null,
  messageId: 'download',
  data: { count: 2 },
  evidence: [],
  familiarity: null,
  actions: ['switch-off-email-download'],
  assumed: false,
  muted: null,
  revocation: null,
};

const mutedFor = (finding: Finding, reason: string, until: string | null): Finding => ({
  ...finding,
  id: `${finding.id}:muted`,
  muted: { reason, until },
});

const revocation = (id: number, status: RevocationView['status'], name: string): RevocationView => ({
  id,
  findingId: `private-detail-unfamiliar:${id}:mobile`,
  contactId: id,
  field: 'mobile',
  rule: 'private-detail-unfamiliar',
  action: 'narrow-phone-audience',
  status,
  createdAt: '2026-10-02T08:30:00Z',
  appliedOn: null,
  resolvedAt: null,
  contactName: name,
  contactProfileUrl: null,
});

function audit(changes: Partial<AuditResult> = {}): AuditResult {
  return {
    generatedAt: '2026-11-01T12:00:00Z',
    lang: 'en',
    summary: {
      connections: 1234,
      canSeeEmail: 1001,
      canSeeMobile: 902,
      unfamiliarWithAccess: 803,
      openFindings: 2,
      afterPlan: { canSeeEmail: 1000, canSeeMobile: 900, unfamiliarWithAccess: 800, openFindings: 1 },
      plannedRevocations: 1,
      settingsAssumed: true,
      lastImportAt: null,
    },
    score: { value: 42, reasons: [] },
    scoreAfterPlan: { value: 17, reasons: [] },
    byField: [],
    findings: [personFinding, settingFinding],
    revocations: [],
    myDetails: [
      { field: 'mobile', value: '+49 171 5550100', source: 'PhoneNumbers.csv' },
      { field: 'birthday', value: '1980-03-07', source: 'Profile.csv' },
    ],
    ...changes,
  };
}

const say = (lang: Lang, key: string) => message(lang, `report.${key}` as Parameters<typeof message>[1]);

describe('the report document', () => {
  it.each<Lang>(['en', 'de'])('%s: a whole page in the language, with no script and no outside resource', (lang) => {
    const html = renderHtmlReport(audit(), lang);
    expect(html.startsWith('<!doctype html>\n<html lang="' + lang + '">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toContain(`<title>${say(lang, 'title')}</title>`);
    expect(html).toContain(`<h1>${say(lang, 'title')}</h1>`);
    expect(html).toContain(`<p class="muted">${say(lang, 'local')}</p>\n</body>\n</html>\n`);
    expect(html).not.toMatch(/<script|src="http|href="\/\//);
  });

  it('states when it was made and that no import is known, in the reader’s words', () => {
    expect(renderHtmlReport(audit(), 'en')).toContain(
      '<div class="muted">Generated: 1 November 2026 at 12:00 UTC · Last import: —</div>',
    );
    expect(
      renderHtmlReport(audit({ summary: { ...audit().summary, lastImportAt: '2026-10-30T09:05:00Z' } }), 'de'),
    ).toContain(
      `<div class="muted">${say('de', 'generated')}: 1. November 2026 um 12:00 UTC · ${say('de', 'lastImport')}: 30. Oktober 2026 um 09:05 UTC</div>`,
    );
  });

  it.each<[Lang, string[]]>([
    ['en', ['1,234', '1,001', '902', '803', '2', '1', '42']],
    ['de', ['1.234', '1.001', '902', '803', '2', '1', '42']],
  ])('%s: the numbers of the summary, each with its label', (lang, numbers) => {
    const labels = ['connections', 'canSeeEmail', 'canSeeMobile', 'unfamiliar', 'findings', 'planned', 'score'];
    const stats = labels
      .map((label, i) => `<div class="stat"><div class="n">${numbers[i]}</div><div>${say(lang, label)}</div></div>`)
      .join('');
    expect(renderHtmlReport(audit(), lang)).toContain(`<div class="stats">${stats}</div>`);
  });

  it('says when settings are assumed, and only then', () => {
    const note = `<p class="note">${escapeHtml(say('en', 'assumed'))}</p>`;
    expect(renderHtmlReport(audit(), 'en')).toContain(note);
    const declared = renderHtmlReport(audit({ summary: { ...audit().summary, settingsAssumed: false } }), 'en');
    expect(declared).not.toContain('class="note"');
    expect(declared).toContain(`</div></div>\n\n<h2>${say('en', 'exposure')}</h2>`);
  });

  it('only the birthday is read as a date: an address stays as written, even one a date parser would take', () => {
    const myDetails = [{ field: 'address' as const, value: 'Hauptstraße 5', source: 'Profile.csv' }];
    expect(Number.isNaN(Date.parse('Hauptstraße 5'))).toBe(false);
    expect(renderHtmlReport(audit({ myDetails }), 'en')).toContain(
      `<li>${fieldLabel('en', 'address')}: Hauptstraße 5 <span class="muted">(Profile.csv)</span></li>`,
    );
  });

  it('lists the details it considered, a birthday as a date of the language, each with its file', () => {
    expect(renderHtmlReport(audit(), 'de')).toContain(
      `<h2>${say('de', 'myDetails')}</h2>\n<ul><li>${fieldLabel('de', 'mobile')}: +49 171 5550100 <span class="muted">(PhoneNumbers.csv)</span></li><li>${fieldLabel('de', 'birthday')}: 07.03.1980 <span class="muted">(Profile.csv)</span></li></ul>`,
    );
  });
});

describe('open findings', () => {
  it.each<Lang>(['en', 'de'])(
    '%s: a row per finding about a person: who, how well known, what, why, the steps',
    (lang) => {
      const html = renderHtmlReport(audit(), lang);
      const steps = personFinding.actions
        .map((a) => platformStep(a, lang, personFinding.contact!.profileUrl))
        .map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.label)}</a></li>`)
        .join('');
      const evidence = personFinding.evidence.map((e) => `<li>${escapeHtml(evidenceText(e, lang))}</li>`).join('');
      expect(html).toContain(
        `<tr class="sev-high"><td>${severityLabel(lang, 'high')}</td>` +
          `<td>Erika &lt;Musterfrau&gt;<div class="muted">Leiterin · Beispiel &amp; Co</div><div class="muted">${familiarityLabel(lang, 'unfamiliar')}</div></td>` +
          `<td>${fieldLabel(lang, 'mobile')} <span class="tag">${say(lang, 'assumedTag')}</span></td>` +
          `<td><strong>${escapeHtml(ruleTitle(lang, personFinding.rule))}</strong><div>${escapeHtml(findingMessage(lang, personFinding))}</div><ul>${evidence}</ul></td>` +
          `<td><ul>${steps}</ul></td></tr>`,
      );
      expect(steps).toContain('href="https://www.linkedin.com/in/erika"');
    },
  );

  it('a finding about a setting names the setting, no person, no detail, no familiarity', () => {
    const html = renderHtmlReport(audit(), 'en');
    expect(html).toContain(
      `<tr class="sev-medium"><td>${severityLabel('en', 'medium')}</td><td><em>${say('en', 'setting')}</em></td><td>—</td>` +
        `<td><strong>${ruleTitle('en', 'email-download-allowed')}</strong><div>${escapeHtml(findingMessage('en', settingFinding))}</div><ul></ul></td>`,
    );
  });

  it('a contact without position or company has no empty separators', () => {
    const bare = { ...personFinding, contact: { ...personFinding.contact!, position: null, company: 'Solo' } };
    expect(renderHtmlReport(audit({ findings: [bare] }), 'en')).toContain(
      'Erika &lt;Musterfrau&gt;<div class="muted">Solo</div>',
    );
  });

  it('counts in the heading and heads the table with its columns', () => {
    const html = renderHtmlReport(audit(), 'en');
    expect(html).toContain(
      `<h2>${say('en', 'findings')} (2)</h2>\n<table><thead><tr><th>${say('en', 'severity')}</th><th>${say('en', 'contact')}</th><th>${say('en', 'detail')}</th><th>${say('en', 'finding')}</th><th>${say('en', 'action')}</th></tr></thead><tbody><tr class="sev-high">`,
    );
    // One row after the other, then the end of the table.
    expect(html).toMatch(/<\/ul><\/td><\/tr><tr class="sev-medium">[^]*<\/ul><\/td><\/tr><\/tbody><\/table>\n/);
  });

  it('says so when there are none, with no empty table', () => {
    const html = renderHtmlReport(audit({ findings: [] }), 'en');
    expect(html).toContain(`<h2>${say('en', 'findings')} (0)</h2>\n<p>${say('en', 'none')}</p>`);
    expect(html).not.toContain('<table>');
  });
});

describe('muted findings and revocations are sections of their own', () => {
  it.each<Lang>(['en', 'de'])('%s: muted findings with their reason and expiry, never among the open ones', (lang) => {
    const html = renderHtmlReport(
      audit({
        findings: [
          personFinding,
          mutedFor(personFinding, 'meine <Assistenz>', '2027-01-31'),
          mutedFor(settingFinding, 'später', null),
        ],
      }),
      lang,
    );
    expect(html).toContain(`<h2>${say(lang, 'findings')} (1)</h2>`);
    expect(html).toContain(
      `<h2>${say(lang, 'mutedTitle')} (2)</h2><table><thead><tr><th>${say(lang, 'contact')}</th><th>${say(lang, 'finding')}</th><th>${say(lang, 'mutedReason')}</th><th>${say(lang, 'mutedUntil')}</th></tr></thead><tbody>` +
        `<tr><td>Erika &lt;Musterfrau&gt;</td><td><strong>${escapeHtml(ruleTitle(lang, personFinding.rule))}</strong><div>${escapeHtml(findingMessage(lang, personFinding))}</div></td><td>meine &lt;Assistenz&gt;</td><td>${lang === 'de' ? '31.01.2027' : '31 Jan 2027'}</td></tr>` +
        `<tr><td><em>${say(lang, 'setting')}</em></td><td><strong>${escapeHtml(ruleTitle(lang, settingFinding.rule))}</strong><div>${escapeHtml(findingMessage(lang, settingFinding))}</div></td><td>später</td><td>${say(lang, 'mutedForever')}</td></tr>` +
        `</tbody></table>`,
    );
    expect(html.match(/<tr class="sev-/g)).toHaveLength(1);
  });

  it('no muted section without muted findings, no revocation section without revocations', () => {
    const html = renderHtmlReport(audit(), 'en');
    expect(html).not.toContain(say('en', 'mutedTitle'));
    expect(html).toContain(`</tbody></table>\n\n\n<p class="muted">${say('en', 'local')}</p>`);
  });

  it('revocations with who, which detail, their status and when they were recorded', () => {
    const html = renderHtmlReport(
      audit({
        revocations: [
          revocation(1, 'planned', 'Anna <A>'),
          revocation(2, 'undone', 'Bernd'),
          revocation(3, 'verified', 'Carla'),
        ],
      }),
      'en',
    );
    const row = (name: string, status: string) =>
      `<tr><td>${name}</td><td>${fieldLabel('en', 'mobile')}</td><td>${escapeHtml(say('en', status))}</td><td>2 October 2026 at 08:30 UTC</td></tr>`;
    expect(html).toContain(
      `<h2>${say('en', 'revocations')} (3)</h2><table><thead><tr><th>${say('en', 'contact')}</th><th>${say('en', 'detail')}</th><th>${say('en', 'status')}</th><th>${say('en', 'since')}</th></tr></thead><tbody>` +
        row('Anna &lt;A&gt;', 'statusPlanned') +
        row('Bernd', 'statusUndone') +
        row('Carla', 'statusConfirmed') +
        '</tbody></table>',
    );
  });

  it('no revocation section without revocations', () => {
    expect(renderHtmlReport(audit(), 'en')).not.toContain(`<h2>${say('en', 'revocations')}`);
  });
});

describe('the exposure chart', () => {
  it('has no chart when nothing is exposed', () => {
    expect(renderHtmlReport(audit(), 'en')).toContain(`<h2>${say('en', 'exposure')}</h2>\n\n<h2>`);
  });

  it('draws one bar per detail to scale: familiar, unfamiliar and revoked segments of 430 px for the largest', () => {
    const html = renderHtmlReport(
      audit({
        byField: [
          { field: 'privateEmail', visibleTo: 8, unfamiliar: 3, revoked: 2 },
          { field: 'mobile', visibleTo: 4, unfamiliar: 4, revoked: 0 },
        ],
      }),
      'en',
    );
    const svg = /<svg [^]*<\/svg>/.exec(html)![0];
    // Two rows of 26 px bars 40 px apart, 40 px for the legend: 120 px high.
    expect(
      svg.startsWith(
        `<svg role="img" aria-label="${say('en', 'exposure')}" width="640" height="120" viewBox="0 0 640 120" font-family="system-ui, sans-serif" font-size="13">`,
      ),
    ).toBe(true);
    // The largest bar (8 visible + 2 revoked) is 430 px: 5 familiar, 3 unfamiliar, 2 revoked.
    expect(svg).toContain(
      `<text x="142" y="28" text-anchor="end">${fieldLabel('en', 'privateEmail')}</text>` +
        '<rect x="150.0" y="10" width="215.0" height="26" fill="#4c8bf5"/>' +
        '<rect x="365.0" y="10" width="129.0" height="26" fill="#e4572e"/>' +
        '<rect x="494.0" y="10" width="86.0" height="26" fill="#bbb"/>' +
        '<text x="586.0" y="28">8</text>' +
        // No familiar and no revoked segment where there are none.
        `<text x="142" y="68" text-anchor="end">${fieldLabel('en', 'mobile')}</text>` +
        '<rect x="150.0" y="50" width="172.0" height="26" fill="#e4572e"/>' +
        '<text x="328.0" y="68">4</text>',
    );
  });

  it('a legend below the bars, each entry as wide as its text', () => {
    const html = renderHtmlReport(
      audit({ byField: [{ field: 'mobile', visibleTo: 1, unfamiliar: 0, revoked: 0 }] }),
      'en',
    );
    const [visible, unfamiliar, revoked] = ['visible', 'visibleUnfamiliar', 'revoked'].map((k) => say('en', k));
    const x2 = 150 + 18 + visible!.length * 7 + 24;
    const x3 = x2 + 18 + unfamiliar!.length * 7 + 24;
    expect(html).toContain(
      `<rect x="150" y="58" width="12" height="12" fill="#4c8bf5"/><text x="168" y="68">${visible}</text>` +
        `<rect x="${x2}" y="58" width="12" height="12" fill="#e4572e"/><text x="${x2 + 18}" y="68">${unfamiliar}</text>` +
        `<rect x="${x3}" y="58" width="12" height="12" fill="#bbb"/><text x="${x3 + 18}" y="68">${revoked}</text></svg>`,
    );
  });

  it('a chart of nobody still has a scale (no division by zero)', () => {
    const html = renderHtmlReport(
      audit({ byField: [{ field: 'mobile', visibleTo: 0, unfamiliar: 0, revoked: 0 }] }),
      'en',
    );
    expect(html).toContain(`text-anchor="end">${fieldLabel('en', 'mobile')}</text><text x="156.0" y="28">0</text>`);
  });
});

describe('escaping', () => {
  it('turns every character that could start markup or end an attribute into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('Müller · 100 %')).toBe('Müller · 100 %');
  });
});
