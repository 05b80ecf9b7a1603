/**
 * The report in every format from one imported export with hostile names, through the service the
 * app and the CLI use: HTML escaped, PDF with text (German umlauts too) and page numbers, the four
 * CSV tables neutralised and read back by a CSV parser, the JSON valid against its published schema.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service';
import { latestSnapshots } from '../../electron/services/snapshots';
import { renderJson } from '../../electron/services/report';
import { CSV_FILES, csvFiles } from '../../electron/services/report/csv';
import { renderPdf } from '../../electron/services/report/pdf';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import type { SharingSettings } from '../../shared/sharing';
import { EMAILS, PHONES, useTempDir, write } from '../helpers/fixtures';

const tempDir = useTempDir();
const NOW = new Date('2026-11-01T12:00:00Z');

const HOSTILE_FIRST = '<script>alert(1)</script>';
const HOSTILE_LAST = '"><img src=x onerror=alert(2)>';
const HOSTILE_COMPANY = "O'Neil & <b>Söhne</b>";
const FORMULA_COMPANY = '=HYPERLINK("http://evil.example","klick")';

async function hostileExport() {
  const dir = tempDir();
  const svc = new AppService({ dbPath: join(dir, 'a.db'), now: () => NOW }, { transport: 'browser' });
  const connections = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    `"${HOSTILE_FIRST}","${HOSTILE_LAST.replace(/"/g, '""')}",https://www.linkedin.com/in/hostile,,"${HOSTILE_COMPANY}",Recruiter,05 Jan 2019`,
    `Jürgen,Groß,https://www.linkedin.com/in/juergen,,"${FORMULA_COMPANY.replace(/"/g, '""')}",+49 Vertrieb,20 Mar 2024`,
    'Erika,Musterfrau,https://www.linkedin.com/in/erika,,Beispiel GmbH,@Leiterin,20 Mar 2024',
  ].join('\n');
  const files = [
    write(dir, 'Connections.csv', connections),
    write(dir, 'Email Addresses.csv', EMAILS),
    write(dir, 'PhoneNumbers.csv', PHONES),
  ];
  const imported = await svc.dispatch('import:run', { sources: files.map((path) => ({ path })) });
  expect(imported.ok).toBe(true);
  const erika = svc.audit('en').findings.find((f) => f.contact?.name === 'Erika Musterfrau')!;
  expect(
    await svc.dispatch('finding:mute', { findingId: erika.id, reason: '-meine <Assistenz>', until: null }),
  ).toMatchObject({
    ok: true,
  });
  return { svc, dir };
}

function pdfText(pdf: Uint8Array, dir: string): { text: string; pages: number } {
  const path = join(dir, 'report.pdf');
  writeFileSync(path, pdf);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

describe('the report in every format', () => {
  it('HTML: hostile names and companies show as text, never as markup; muted findings apart', async () => {
    const { svc } = await hostileExport();
    for (const lang of ['de', 'en'] as const) {
      const { html } = await svc.report(lang);
      expect(html).not.toMatch(/<script>|<img|<b>Söhne/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      const muted = html.slice(html.indexOf('<section id="muted">'));
      expect(muted).toContain('-meine &lt;Assistenz&gt;');
      expect(muted).toContain(message(lang, 'report.mutedForever'));
      const audit = svc.audit(lang);
      expect(html).toContain(`(${audit.summary.openFindings})</h2>`);
    }
    svc.close();
  });

  it.each<Lang>(['de', 'en'])(
    '%s PDF: A4 pages numbered "of n", the text selectable, German letters intact',
    async (lang) => {
      const { svc, dir } = await hostileExport();
      const model = svc.reportModel(lang, false);
      const { text, pages } = pdfText(await renderPdf(model), dir);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(text).toContain(message(lang, 'report.title'));
      expect(text).toContain(message(lang, 'report.page', { page: 1, pages }));
      expect(text).toContain(message(lang, 'report.page', { page: pages, pages }));
      expect(text).toContain('Jürgen Groß');
      expect(text).toContain('<script>alert(1)</script>');
      if (lang === 'de') {
        expect(text).toContain('Wer welches Detail sieht – und wie gut Sie die Personen kennen');
        expect(text).toContain('Stummgeschaltete Befunde (1)');
      } else expect(text).toContain('Muted findings (1)');
      svc.close();
    },
  );

  it.each<Lang>(['de', 'en'])('%s CSV: four tables that a parser reads back, formulas neutralised', async (lang) => {
    const { svc } = await hostileExport();
    const model = svc.reportModel(lang, true);
    const files = csvFiles(model);
    expect(files.map((f) => f.name)).toEqual([...CSV_FILES]);
    const tables = Object.fromEntries(
      files.map((f) => {
        // German Excel: a byte order mark and ";"; English: plain RFC 4180 with ",".
        expect(f.data[0] === 0xef && f.data[1] === 0xbb && f.data[2] === 0xbf).toBe(lang === 'de');
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.data);
        expect(text).toMatch(/\r\n$/);
        const rows = parse(text, {
          bom: true,
          delimiter: lang === 'de' ? ';' : ',',
          relax_column_count: false,
        }) as string[][];
        return [f.name, rows];
      }),
    );
    const findings = tables['findings.csv']!;
    const [head, ...rows] = findings;
    expect(head![0]).toBe('ID');
    expect(rows).toHaveLength(model.findings.length + model.muted.length);
    // Round trip: every cell reads back as written, a formula-looking one with its leading apostrophe.
    const juergen = rows.find((r) => r.includes('Jürgen Groß'))!;
    expect(juergen).toContain(`'${FORMULA_COMPANY}`);
    expect(juergen).toContain("'+49 Vertrieb");
    const muted = rows.find((r) => r.includes("'-meine <Assistenz>"))!;
    expect(muted[1]).toBe(message(lang, 'report.muted'));
    expect(
      rows.find((r) => r.includes('Erika Musterfrau') && r !== muted)?.find((c) => c.startsWith("'@Leiterin")),
    ).toBeDefined();
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // people.csv: one row per person and detail they see, with the grant and familiarity.
    const people = tables['people.csv']!;
    expect(people.length - 1).toBe(model.people.reduce((n, p) => n + p.sees.length, 0));
    expect(people.slice(1).some((r) => r.includes('<script>alert(1)</script> "><img src=x onerror=alert(2)>'))).toBe(
      true,
    );
    expect(tables['plan.csv']!.length - 1).toBe(model.plans!.reduce((n, p) => n + p.steps.length, 0));
    expect(tables['revocations.csv']).toHaveLength(1);
    svc.close();
  });

  it('the app’s CSV export is a ZIP of the four tables', async () => {
    const { svc } = await hostileExport();
    const file = await svc.reportFile('de', 'csv');
    expect(file.fileName).toBe('ShareAudit-Bericht-2026-11-01.zip');
    expect(Object.keys(unzipSync(file.data)).sort()).toEqual([...CSV_FILES].sort());
    const built = await svc.dispatch('report:build', { lang: 'en', format: 'pdf' });
    expect(built).toMatchObject({
      ok: true,
      value: { fileName: 'ShareAudit-Report-2026-11-01.pdf', encoding: 'base64' },
    });
    const value = (built as { value: { data: string } }).value;
    expect(Buffer.from(value.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    svc.close();
  });

  it.each<Lang>(['de', 'en'])(
    '%s JSON: valid against docs/report.schema.json, complete, the same numbers',
    async (lang) => {
      const { svc } = await hostileExport();
      const schema = JSON.parse(readFileSync(join(__dirname, '../../docs/report.schema.json'), 'utf8')) as object;
      const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
      const doc = JSON.parse(renderJson(svc.reportModel(lang, true))) as Record<string, unknown>;
      expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(doc).toMatchObject({ schemaVersion: 2, lang, complete: true });
      // Version 2: findings refer to the tables by key; a key that is not there, or a label inline, is refused.
      const findings = doc.findings as Array<Record<string, unknown>>;
      expect(findings.length).toBeGreaterThan(0);
      expect(validate({ ...doc, findings: [{ ...findings[0], ruleTitle: 'x' }] })).toBe(false);
      expect(validate({ ...doc, findings: [{ ...findings[0], contact: { id: 1 } }] })).toBe(false);
      expect(validate({ ...doc, steps: { x: { action: 'remove-connection', label: 'x' } } })).toBe(false);
      // A document the schema refuses: a field it does not know.
      expect(validate({ ...doc, extra: 1 })).toBe(false);
      const audit = svc.audit(lang);
      expect((doc.summary as { openFindings: number }).openFindings).toBe(audit.summary.openFindings);
      svc.close();
    },
  );
});

describe('the plan section', () => {
  it.each<Lang>(['de', 'en'])(
    '%s: fewest steps, keep the people you know, then the emergency reset, in all four formats',
    async (lang) => {
      const { svc, dir } = await hostileExport();
      const titles = (['fewest', 'keep-known', 'emergency'] as const).map((v) => message(lang, `report.variant.${v}`));
      const emergency = svc.plan('emergency');
      expect(emergency.steps.length).toBeGreaterThan(0);
      const complete = svc.reportModel(lang, true);
      expect(complete.plans!.map((p) => p.variant)).toEqual(['fewest', 'keep-known', 'emergency']);
      expect(complete.plans![2]!.steps.map((s) => s.key)).toEqual(emergency.steps.map((s) => s.key));
      const doc = JSON.parse(renderJson(complete)) as { plans: Array<{ variant: string; steps: unknown[] }> };
      expect(doc.plans.map((p) => [p.variant, p.steps.length])).toEqual(
        complete.plans!.map((p) => [p.variant, p.steps.length]),
      );
      const inOrder = (text: string) => {
        const at = titles.map((t) => text.indexOf(t, text.indexOf(message(lang, 'report.plan'))));
        expect(at.every((i) => i >= 0)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
      };
      const { html } = await svc.report(lang);
      inOrder(
        html.slice(
          html.indexOf('<section id="plan">'),
          html.indexOf('</section>', html.indexOf('<section id="plan">')),
        ),
      );
      const capped = svc.reportModel(lang, false);
      inOrder(pdfText(await renderPdf(capped), dir).text.replace(/\s+/g, ' '));
      const plan = csvFiles(complete).find((f) => f.name === 'plan.csv')!;
      const rows = parse(new TextDecoder().decode(plan.data), {
        bom: true,
        delimiter: lang === 'de' ? ';' : ',',
      }) as string[][];
      // The plan's id (the same in every language), then its title in the reader's.
      expect(rows.filter((r) => r[0] === 'emergency' && r[1] === titles[2])).toHaveLength(emergency.steps.length);
      expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['fewest', 'keep-known', 'emergency']));
      svc.close();
    },
  );
});

describe('the trend since the previous audit', () => {
  it('compares with the audit before the newest snapshot: a setting narrowed after the import', async () => {
    const { svc } = await hostileExport();
    expect(svc.reportModel('en', false).summary.trend).toBeNull();
    const before = svc.audit('en');
    const sharing = (await svc.dispatch('sharing:get', {})) as { ok: true; value: SharingSettings };
    const narrowed = structuredClone(sharing.value);
    narrowed.linkedin.phoneVisibility = { value: 'only-me', declared: true };
    expect(await svc.dispatch('sharing:set', { sharing: narrowed })).toMatchObject({ ok: true });
    const after = svc.audit('en');
    expect(after.summary.openFindings).toBeLessThan(before.summary.openFindings);
    // The previous audit is the snapshot the import recorded (the mute after it records none).
    const [, atImport] = latestSnapshots(svc.db, 2);
    expect(atImport!.cause).toBe('import');
    const { trend } = svc.reportModel('de', false).summary;
    expect(trend).toMatchObject({
      previousAt: { iso: atImport!.at },
      scoreNow: { previous: atImport!.score.now, current: after.score.value },
      openFindings: {
        previous: atImport!.openFindings,
        current: after.summary.openFindings,
        change: after.summary.openFindings - atImport!.openFindings,
      },
    });
    expect(trend!.exposure.find((e) => e.field === 'mobile')).toMatchObject({ previous: 3, current: 0, change: -3 });
    expect((await svc.report('de')).html).toContain(message('de', 'report.trend', { date: trend!.previousAt.text }));
    svc.close();
  });
});
