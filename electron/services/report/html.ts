/**
 * The HTML report: one self-contained page rendered with React to static markup, so every name,
 * company and reason from the user's files is escaped by construction. No script may run (the CSP
 * allows none), nothing is loaded from outside, charts are inline SVG, and a print stylesheet keeps
 * sections and rows whole on paper. On a screen set to dark the page is dark too (contrast AA, as the
 * app's); on paper it stays light.
 */
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { appendixSection, judgedSection, mutedSection, revocationsSection } from './html-more';
import { groupsSection, planSection, summarySection } from './html-sections';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// A constant of this file, not data: the one string put into the page unescaped.
const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2330;line-height:1.4}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #dde;padding-bottom:.2rem}h3{margin:1.4rem 0 .4rem}
.muted{color:#667;font-size:.9em}.more{color:#556;font-style:italic}
.stats{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}.stat{border:1px solid #dde;border-radius:8px;padding:.6rem .9rem;min-width:8rem}
.stat .n{font-size:1.6rem;font-weight:600}.stat.score .n{color:#6a4c93}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border-bottom:1px solid #e4e6ee;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f9}table.numbers td+td,table.numbers th+th{text-align:right}
ul{margin:.3rem 0;padding-left:1.2rem}ul.people>li{margin:.5rem 0}.evidence{color:#556;font-size:.85em}
.sev{display:inline-block;min-width:4.5rem;font-weight:600}.sev-high .sev{color:#b3261e}.sev-medium .sev{color:#a15c00}.sev-low .sev{color:#44546a}
.tag{background:#fff3cd;border:1px solid #e0c96b;border-radius:4px;padding:0 .3rem;margin-left:.4rem;font-size:.8em}.tag.rev{background:#e8f0fe;border-color:#9ab}
.note{background:#fff8e1;border-left:4px solid #e0c96b;padding:.6rem 1rem}
svg{max-width:100%;height:auto;display:block;margin:.6rem 0}
a{color:#1a56b0}
@media screen and (prefers-color-scheme:dark){
  :root{color-scheme:dark}
  body{background:#15181f;color:#e4e7ee}
  h2,.stat{border-color:#3a4150}th,td{border-color:#2c323e}th{background:#20252f}
  .muted{color:#a3aabb}.more,.evidence{color:#b4bac8}.stat.score .n{color:#c9b2f0}
  .sev-high .sev{color:#ff8a80}.sev-medium .sev{color:#ffb74d}.sev-low .sev{color:#a9b8cf}
  .tag{background:#4a3d10;border-color:#8a7425}.tag.rev{background:#1d2f4d;border-color:#4a6a9a}
  .note{background:#2b2614;border-left-color:#8a7425}
  a{color:#8ab4f8}
  svg text{fill:currentColor}svg .track{fill:#2a303c}svg .score{fill:#9d7fd6}
}
@media print{
  @page{size:A4;margin:16mm 14mm}
  body{margin:0;max-width:none;font-size:10pt;color:#000}
  a{color:inherit;text-decoration:none}
  h2{break-before:page;break-after:avoid}#summary h2{break-before:avoid}h3{break-after:avoid}
  tr,li,.stat,svg{break-inside:avoid}
  thead{display:table-header-group}
  .stat{border-color:#999}
}
`;

export function renderHtml(model: ReportModel): string {
  const { lang } = model;
  const page = h(
    'html',
    { lang },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: REPORT_CSP }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, model.title),
      h('style', { dangerouslySetInnerHTML: { __html: STYLE } }),
    ),
    h(
      'body',
      null,
      h(
        'header',
        null,
        h('h1', null, model.title),
        h(
          'p',
          { className: 'muted' },
          `${say(lang, 'generated')}: ${model.generatedAt.text} · ${say(lang, 'lastImport')}: ${model.lastImportAt?.text ?? '—'}`,
        ),
        h('p', { className: 'muted' }, say(lang, 'local')),
      ),
      h(
        'main',
        null,
        summarySection(model),
        planSection(model),
        groupsSection(model),
        revocationsSection(model),
        mutedSection(model),
        judgedSection(model),
        appendixSection(model),
      ),
    ),
  );
  return `<!doctype html>\n${renderToStaticMarkup(page)}\n`;
}
