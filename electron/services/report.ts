import type { AuditResult, Lang } from '../../shared/domain';
import { findingMessage, ruleTitle } from '../../shared/finding-text';
import {
  evidenceText,
  familiarityLabel,
  fieldLabel,
  formatDate,
  formatNumber,
  message,
  severityLabel,
  type MessageKey,
} from '../../shared/i18n';
import { platformStep } from '../../shared/platform';

type ReportKey = MessageKey extends infer K ? (K extends `report.${infer Rest}` ? Rest : never) : never;
const say = (lang: Lang, key: ReportKey): string => message(lang, `report.${key}`);

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function barChart(audit: AuditResult, lang: Lang): string {
  const rows = audit.byField;
  if (rows.length === 0) return '';
  const max = Math.max(1, ...rows.map((r) => r.visibleTo + r.revoked));
  const width = 640;
  const label = 150;
  const barH = 26;
  const height = rows.length * (barH + 14) + 40;
  const scale = (n: number): number => (n / max) * (width - label - 60);
  const bars = rows
    .map((r, i) => {
      const y = 10 + i * (barH + 14);
      const familiar = r.visibleTo - r.unfamiliar;
      let x = label;
      const seg = (n: number, color: string): string => {
        const w = scale(n);
        const s =
          n > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color}"/>` : '';
        x += w;
        return s;
      };
      return `<text x="${label - 8}" y="${y + barH / 2 + 5}" text-anchor="end">${escapeHtml(fieldLabel(lang, r.field))}</text>${seg(familiar, '#4c8bf5')}${seg(r.unfamiliar, '#e4572e')}${seg(r.revoked, '#bbb')}<text x="${(x + 6).toFixed(1)}" y="${y + barH / 2 + 5}">${r.visibleTo}</text>`;
    })
    .join('');
  const legendY = height - 12;
  // Each legend entry as wide as its text (about 7 px a character at 13 px), so German labels fit.
  let legendX = label;
  const legend = [
    ['#4c8bf5', say(lang, 'visible')],
    ['#e4572e', say(lang, 'visibleUnfamiliar')],
    ['#bbb', say(lang, 'revoked')],
  ]
    .map(([color, text]) => {
      const x = legendX;
      legendX += 18 + text!.length * 7 + 24;
      return `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${color}"/><text x="${x + 18}" y="${legendY}">${escapeHtml(text!)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(say(lang, 'exposure'))}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">${bars}${legend}</svg>`;
}

/** A self-contained HTML report: inline styles and an inline SVG chart, no scripts, no external resources. */
export function renderHtmlReport(audit: AuditResult, lang: Lang): string {
  const s = audit.summary;
  const dateFmt = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const date = (iso: string | null): string => (iso ? `${dateFmt.format(new Date(iso))} UTC` : '—');
  const stat = (label: string, value: number): string =>
    `<div class="stat"><div class="n">${formatNumber(lang, value)}</div><div>${escapeHtml(label)}</div></div>`;
  // Muted findings are never listed or counted as open: they have a section of their own.
  const open = audit.findings.filter((f) => f.muted === null);
  const muted = audit.findings.filter((f) => f.muted !== null);
  const findingRows = open
    .map((f) => {
      const steps = f.actions
        .map((a) => platformStep(a, lang, f.contact?.profileUrl ?? null))
        .map((st) => `<li><a href="${escapeHtml(st.url)}">${escapeHtml(st.label)}</a></li>`)
        .join('');
      const evidence = f.evidence.map((e) => `<li>${escapeHtml(evidenceText(e, lang))}</li>`).join('');
      return `<tr class="sev-${f.severity}"><td>${escapeHtml(severityLabel(lang, f.severity))}</td><td>${f.contact ? `${escapeHtml(f.contact.name)}<div class="muted">${escapeHtml([f.contact.position, f.contact.company].filter(Boolean).join(' · '))}</div>` : `<em>${escapeHtml(say(lang, 'setting'))}</em>`}${f.familiarity ? `<div class="muted">${escapeHtml(familiarityLabel(lang, f.familiarity))}</div>` : ''}</td><td>${f.field ? escapeHtml(fieldLabel(lang, f.field)) : '—'}${f.assumed ? ` <span class="tag">${say(lang, 'assumedTag')}</span>` : ''}</td><td><strong>${escapeHtml(ruleTitle(lang, f.rule))}</strong><div>${escapeHtml(findingMessage(lang, f))}</div><ul>${evidence}</ul></td><td><ul>${steps}</ul></td></tr>`;
    })
    .join('');
  const mutedRows = muted
    .map(
      (f) =>
        `<tr><td>${f.contact ? escapeHtml(f.contact.name) : `<em>${escapeHtml(say(lang, 'setting'))}</em>`}</td><td><strong>${escapeHtml(ruleTitle(lang, f.rule))}</strong><div>${escapeHtml(findingMessage(lang, f))}</div></td><td>${escapeHtml(f.muted!.reason)}</td><td>${escapeHtml(f.muted!.until ? formatDate(lang, f.muted!.until) : say(lang, 'mutedForever'))}</td></tr>`,
    )
    .join('');
  const revocationRows = audit.revocations
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.contactName)}</td><td>${escapeHtml(fieldLabel(lang, r.field))}</td><td>${escapeHtml(say(lang, r.status === 'verified' ? 'statusConfirmed' : r.status === 'undone' ? 'statusUndone' : 'statusPlanned'))}</td><td>${escapeHtml(date(r.createdAt))}</td></tr>`,
    )
    .join('');
  const details = audit.myDetails
    .map(
      (d) =>
        `<li>${escapeHtml(fieldLabel(lang, d.field))}: ${escapeHtml(d.field === 'birthday' ? formatDate(lang, d.value) : d.value)} <span class="muted">(${escapeHtml(d.source)})</span></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${say(lang, 'title')}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{margin-bottom:.2rem}.muted{color:#667;font-size:.85em}
.stats{display:flex;gap:1rem;flex-wrap:wrap;margin:1.2rem 0}.stat{border:1px solid #dde;border-radius:8px;padding:.8rem 1rem;min-width:9rem}.stat .n{font-size:1.8rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #e4e6ee;padding:.5rem;text-align:left;vertical-align:top}th{background:#f4f5f9}
tr.sev-high td:first-child{color:#b3261e;font-weight:600}tr.sev-medium td:first-child{color:#a15c00;font-weight:600}
ul{margin:.3rem 0;padding-left:1.1rem}.tag{background:#fff3cd;border:1px solid #e0c96b;border-radius:4px;padding:0 .3rem;font-size:.8em}
.note{background:#fff8e1;border-left:4px solid #e0c96b;padding:.6rem 1rem}
@media print{a{color:inherit}}
</style>
</head>
<body>
<h1>${say(lang, 'title')}</h1>
<div class="muted">${say(lang, 'generated')}: ${escapeHtml(date(audit.generatedAt))} · ${say(lang, 'lastImport')}: ${escapeHtml(date(s.lastImportAt))}</div>
<div class="stats">${stat(say(lang, 'connections'), s.connections)}${stat(say(lang, 'canSeeEmail'), s.canSeeEmail)}${stat(say(lang, 'canSeeMobile'), s.canSeeMobile)}${stat(say(lang, 'unfamiliar'), s.unfamiliarWithAccess)}${stat(say(lang, 'findings'), s.openFindings)}${stat(say(lang, 'planned'), s.plannedRevocations)}${stat(say(lang, 'score'), audit.score.value)}</div>
${s.settingsAssumed ? `<p class="note">${escapeHtml(say(lang, 'assumed'))}</p>` : ''}
<h2>${say(lang, 'exposure')}</h2>
${barChart(audit, lang)}
<h2>${say(lang, 'myDetails')}</h2>
<ul>${details}</ul>
<h2>${say(lang, 'findings')} (${formatNumber(lang, open.length)})</h2>
${open.length === 0 ? `<p>${say(lang, 'none')}</p>` : `<table><thead><tr><th>${say(lang, 'severity')}</th><th>${say(lang, 'contact')}</th><th>${say(lang, 'detail')}</th><th>${say(lang, 'finding')}</th><th>${say(lang, 'action')}</th></tr></thead><tbody>${findingRows}</tbody></table>`}
${muted.length > 0 ? `<h2>${say(lang, 'mutedTitle')} (${formatNumber(lang, muted.length)})</h2><table><thead><tr><th>${say(lang, 'contact')}</th><th>${say(lang, 'finding')}</th><th>${say(lang, 'mutedReason')}</th><th>${say(lang, 'mutedUntil')}</th></tr></thead><tbody>${mutedRows}</tbody></table>` : ''}
${audit.revocations.length > 0 ? `<h2>${say(lang, 'revocations')} (${audit.revocations.length})</h2><table><thead><tr><th>${say(lang, 'contact')}</th><th>${say(lang, 'detail')}</th><th>${say(lang, 'status')}</th><th>${say(lang, 'since')}</th></tr></thead><tbody>${revocationRows}</tbody></table>` : ''}
<p class="muted">${say(lang, 'local')}</p>
</body>
</html>
`;
}
