import type { AuditResult, Lang } from '../../shared/domain';
import { evidenceText, FAMILIARITY_LABELS, FIELD_LABELS, SEVERITY_LABELS } from '../../shared/i18n';
import { platformStep } from '../../shared/platform';
import { RULES } from '../../shared/rules';

const T = {
  title: { en: 'ShareAudit report', de: 'ShareAudit-Bericht' },
  generated: { en: 'Generated', de: 'Erstellt' },
  lastImport: { en: 'Last import', de: 'Letzter Import' },
  connections: { en: 'Connections', de: 'Kontakte' },
  canSeeEmail: { en: 'Can see my email', de: 'Sehen meine E-Mail' },
  canSeeMobile: { en: 'Can see my mobile', de: 'Sehen meine Mobilnummer' },
  unfamiliar: { en: 'Of those, unfamiliar', de: 'Davon unbekannt' },
  findings: { en: 'Open findings', de: 'Offene Befunde' },
  planned: { en: 'Planned revocations', de: 'Geplante Widerrufe' },
  exposure: { en: 'Exposure by detail', de: 'Sichtbarkeit je Detail' },
  visible: { en: 'visible, familiar', de: 'sichtbar, bekannt' },
  visibleUnfamiliar: { en: 'visible, unfamiliar', de: 'sichtbar, unbekannt' },
  revoked: { en: 'revocation planned', de: 'Widerruf geplant' },
  assumed: {
    en: 'Settings marked "assumed" are LinkedIn\'s documented defaults: you have not declared your own yet.',
    de: 'Als „angenommen“ markierte Einstellungen sind LinkedIns dokumentierte Voreinstellungen: Sie haben noch keine eigenen angegeben.',
  },
  assumedTag: { en: 'assumed', de: 'angenommen' },
  score: { en: 'Exposure score (0–100)', de: 'Exposure-Score (0–100)' },
  setting: { en: 'a setting (everyone concerned)', de: 'eine Einstellung (alle Betroffenen)' },
  severity: { en: 'Severity', de: 'Schwere' },
  contact: { en: 'Contact', de: 'Kontakt' },
  detail: { en: 'Detail', de: 'Detail' },
  finding: { en: 'Finding', de: 'Befund' },
  evidence: { en: 'Evidence', de: 'Belege' },
  action: { en: 'What removes it', de: 'Was ihn behebt' },
  none: { en: 'No open findings.', de: 'Keine offenen Befunde.' },
  revocations: { en: 'Revocations', de: 'Widerrufe' },
  status: { en: 'Status', de: 'Status' },
  since: { en: 'Recorded', de: 'Erfasst' },
  myDetails: { en: 'My details considered', de: 'Berücksichtigte eigene Details' },
  local: {
    en: 'Made by ShareAudit on this computer. Nothing was sent anywhere.',
    de: 'Von ShareAudit auf diesem Computer erstellt. Es wurde nichts übertragen.',
  },
  statusPlanned: { en: 'planned — apply it on the platform', de: 'geplant — auf der Plattform umsetzen' },
  statusConfirmed: { en: 'confirmed by a later import', de: 'durch späteren Import bestätigt' },
} satisfies Record<string, Record<Lang, string>>;

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
      return `<text x="${label - 8}" y="${y + barH / 2 + 5}" text-anchor="end">${escapeHtml(FIELD_LABELS[r.field][lang])}</text>${seg(familiar, '#4c8bf5')}${seg(r.unfamiliar, '#e4572e')}${seg(r.revoked, '#bbb')}<text x="${(x + 6).toFixed(1)}" y="${y + barH / 2 + 5}">${r.visibleTo}</text>`;
    })
    .join('');
  const legendY = height - 12;
  // Each legend entry as wide as its text (about 7 px a character at 13 px), so German labels fit.
  let legendX = label;
  const legend = [
    ['#4c8bf5', T.visible[lang]],
    ['#e4572e', T.visibleUnfamiliar[lang]],
    ['#bbb', T.revoked[lang]],
  ]
    .map(([color, text]) => {
      const x = legendX;
      legendX += 18 + text!.length * 7 + 24;
      return `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${color}"/><text x="${x + 18}" y="${legendY}">${escapeHtml(text!)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(T.exposure[lang])}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">${bars}${legend}</svg>`;
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
    `<div class="stat"><div class="n">${value}</div><div>${escapeHtml(label)}</div></div>`;
  const titles = new Map(RULES.map((r) => [r.meta.id, r.meta.title[lang]]));
  const findingRows = audit.findings
    .map((f) => {
      const steps = f.actions
        .map((a) => platformStep(a, lang, f.contact?.profileUrl ?? null))
        .map((st) => `<li><a href="${escapeHtml(st.url)}">${escapeHtml(st.label)}</a></li>`)
        .join('');
      const evidence = f.evidence.map((e) => `<li>${escapeHtml(evidenceText(e, lang))}</li>`).join('');
      return `<tr class="sev-${f.severity}"><td>${escapeHtml(SEVERITY_LABELS[f.severity][lang])}</td><td>${f.contact ? `${escapeHtml(f.contact.name)}<div class="muted">${escapeHtml([f.contact.position, f.contact.company].filter(Boolean).join(' · '))}</div>` : `<em>${escapeHtml(T.setting[lang])}</em>`}${f.familiarity ? `<div class="muted">${escapeHtml(FAMILIARITY_LABELS[f.familiarity][lang])}</div>` : ''}</td><td>${f.field ? escapeHtml(FIELD_LABELS[f.field][lang]) : '—'}${f.assumed ? ` <span class="tag">${T.assumedTag[lang]}</span>` : ''}</td><td><strong>${escapeHtml(titles.get(f.rule) ?? f.rule)}</strong><div>${escapeHtml(f.message)}</div><ul>${evidence}</ul></td><td><ul>${steps}</ul></td></tr>`;
    })
    .join('');
  const revocationRows = audit.revocations
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.contactName)}</td><td>${escapeHtml(FIELD_LABELS[r.field][lang])}</td><td>${escapeHtml(r.status === 'confirmed' ? T.statusConfirmed[lang] : T.statusPlanned[lang])}</td><td>${escapeHtml(date(r.createdAt))}</td></tr>`,
    )
    .join('');
  const details = audit.myDetails
    .map(
      (d) =>
        `<li>${escapeHtml(FIELD_LABELS[d.field][lang])}: ${escapeHtml(d.value)} <span class="muted">(${escapeHtml(d.source)})</span></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${T.title[lang]}</title>
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
<h1>${T.title[lang]}</h1>
<div class="muted">${T.generated[lang]}: ${escapeHtml(date(audit.generatedAt))} · ${T.lastImport[lang]}: ${escapeHtml(date(s.lastImportAt))}</div>
<div class="stats">${stat(T.connections[lang], s.connections)}${stat(T.canSeeEmail[lang], s.canSeeEmail)}${stat(T.canSeeMobile[lang], s.canSeeMobile)}${stat(T.unfamiliar[lang], s.unfamiliarWithAccess)}${stat(T.findings[lang], s.openFindings)}${stat(T.planned[lang], s.plannedRevocations)}${stat(T.score[lang], audit.score.value)}</div>
${s.settingsAssumed ? `<p class="note">${escapeHtml(T.assumed[lang])}</p>` : ''}
<h2>${T.exposure[lang]}</h2>
${barChart(audit, lang)}
<h2>${T.myDetails[lang]}</h2>
<ul>${details}</ul>
<h2>${T.findings[lang]} (${audit.findings.length})</h2>
${audit.findings.length === 0 ? `<p>${T.none[lang]}</p>` : `<table><thead><tr><th>${T.severity[lang]}</th><th>${T.contact[lang]}</th><th>${T.detail[lang]}</th><th>${T.finding[lang]}</th><th>${T.action[lang]}</th></tr></thead><tbody>${findingRows}</tbody></table>`}
${audit.revocations.length > 0 ? `<h2>${T.revocations[lang]} (${audit.revocations.length})</h2><table><thead><tr><th>${T.contact[lang]}</th><th>${T.detail[lang]}</th><th>${T.status[lang]}</th><th>${T.since[lang]}</th></tr></thead><tbody>${revocationRows}</tbody></table>` : ''}
<p class="muted">${T.local[lang]}</p>
</body>
</html>
`;
}
