/**
 * The HTML report, rendered with React from the report model: one self-contained page in the
 * reader's language, with a CSP that lets no script run, a print stylesheet, inline SVG charts, and
 * every name, company and reason from the user's files shown as text, never as markup.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import { renderHtml, REPORT_CSP } from '../../electron/services/report/html';
import { HOSTILE_COMPANY, HOSTILE_NAME, modelFor } from './report-fixture';

const say = (lang: Lang, key: string, values = {}) =>
  message(lang, `report.${key}` as Parameters<typeof message>[1], values);

describe('the HTML report', () => {
  it.each<Lang>(['en', 'de'])(
    '%s: a whole page in the language, no script may run, nothing loaded from outside',
    (lang) => {
      const html = renderHtml(modelFor(lang, false));
      expect(html.startsWith(`<!doctype html>\n<html lang="${lang}"><head><meta charSet="utf-8"/>`)).toBe(true);
      // React writes ' as &#x27; in an attribute; the browser reads the policy as written.
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#x27;')}"/>`,
      );
      expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      expect(html).toContain(`<title>${say(lang, 'title')}</title>`);
      expect(html).toContain(`<h1>${say(lang, 'title')}</h1>`);
      expect(html).not.toMatch(/<script|<link|<iframe|src="http|url\(/i);
      expect(html).toContain('@media print{');
      expect(html).toMatch(/<\/html>\n$/);
    },
  );

  it('shows hostile names, companies and reasons as text: no element or attribute from the data', () => {
    const html = renderHtml(modelFor('en', false));
    // React escapes < > & " ' in text and attributes: the names appear, inert.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toMatch(/<img|<script>alert|onerror=alert\(1\)>/);
    expect(html).toContain('=Assistenz &lt;b&gt;');
    expect(HOSTILE_COMPANY).toContain('<script>');
    // The plan names the hostile person in a step and in a link's text, never in its address.
    expect(html).toMatch(
      /<a href="https:\/\/www\.linkedin\.com\/in\/p2">[^<]*: &lt;img src=x onerror=alert\(1\)&gt;<\/a>/,
    );
  });

  it('the summary first: scores now, after the revocations and after the plan, the top steps, the charts as SVG', () => {
    const m = modelFor('de', false);
    const html = renderHtml(m);
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('<section id="plan">'));
    expect(summary).toContain(say('de', 'scoreOf', { score: m.summary.score.now }));
    expect(summary).toContain(say('de', 'scoreAfterPlan'));
    expect(summary).toContain(`<h3>${say('de', 'topSteps')}</h3>`);
    for (const step of m.summary.topSteps!) expect(summary).toContain(`<a href="${step.url}">`);
    // Two charts: the scores, and who sees each detail by familiarity; their numbers also as a table.
    expect(summary.match(/<svg /g)).toHaveLength(2);
    expect(summary).toContain(`aria-label="${say('de', 'exposureTable')}"`);
    expect(summary).toContain('<td>Mobilnummer</td><td>2</td><td>0</td><td>4</td><td>6</td><td>1</td>');
    expect(summary).toContain(`<p class="note">${say('de', 'assumed').replace(/"/g, '&quot;')}</p>`);
  });

  it('sections in order: plan, findings by step and person, revocations, muted, how ShareAudit judged, appendix', () => {
    const html = renderHtml(modelFor('en', false));
    const order = ['summary', 'plan', 'findings', 'revocations', 'muted', 'judged', 'appendix'].map((id) =>
      html.indexOf(`<section id="${id}">`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain(`<h2>${say('en', 'mutedTitle')} (1)</h2>`);
    expect(html).toContain('<td>Erika Musterfrau</td>');
    expect(html).toContain('31 Jan 2027');
    expect(html).toContain(`${say('en', 'status.applied')}`);
  });

  it('a heavy list is capped with the count of the rest, and the page says where the full list is', () => {
    const html = renderHtml(modelFor('en', false));
    expect(html).not.toContain(say('en', 'moreRows', { n: 0 }));
    const m = modelFor('en', false);
    const capped = { ...m, totals: { ...m.totals, findings: 5000 } };
    expect(renderHtml(capped)).toContain(say('en', 'appendixCapped', { shown: m.findings.length, total: 5000 }));
  });
});

describe('the charts', () => {
  it('draws who sees each detail to scale: known, acquainted and unfamiliar segments, the largest bar 400 px', async () => {
    const { exposureChart } = await import('../../electron/services/report/charts');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const m = modelFor('en', false);
    const rows = [
      {
        field: 'mobile' as const,
        label: 'mobile number',
        known: 2,
        acquainted: 1,
        unfamiliar: 5,
        total: 8,
        revocationPlanned: 0,
      },
      {
        field: 'birthday' as const,
        label: 'birthday',
        known: 0,
        acquainted: 0,
        unfamiliar: 4,
        total: 4,
        revocationPlanned: 0,
      },
    ];
    const svg = renderToStaticMarkup(exposureChart({ ...m, summary: { ...m.summary, exposure: rows } }, 'sans')!);
    // 640 px wide, labels take 170 and the count 70: 400 px for the 8 people of the largest bar.
    expect(svg).toContain('<rect x="170" y="6" width="100" height="22" fill="#2e7d32"></rect>');
    expect(svg).toContain('<rect x="270" y="6" width="50" height="22" fill="#4c8bf5"></rect>');
    expect(svg).toContain('<rect x="320" y="6" width="250" height="22" fill="#d84315"></rect>');
    expect(svg).toContain('<text x="576" y="21">8</text>');
    // No segment where nobody is; half the width for half the people.
    expect(svg).toContain('<rect x="170" y="40" width="200" height="22" fill="#d84315"></rect>');
    expect(svg.match(/<rect [^>]*y="40"/g)).toHaveLength(1);
    expect(exposureChart({ ...m, summary: { ...m.summary, exposure: [] } }, 'sans')).toBeNull();
  });
});
