/**
 * A heavy user's complete report is built in slices with the event loop free between them: the model,
 * the JSON document and each CSV table come out exactly as when built at once, and the caller's
 * pause runs many times along the way (main keeps answering the window during an export).
 */
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CSV_FILES, renderCsv, renderCsvInSlices } from '../../electron/services/report/csv';
import { nextTurn, renderJson, renderJsonInSlices } from '../../electron/services/report/json';
import { zipInSlices } from '../../electron/services/report/zip';
import { reportModelInSlices } from '../../electron/services/report';
import { openDatabase } from '../../electron/services/db';
import { DEFAULT_POLICY } from '../../shared/policy';
import type { PlanVariant } from '../../shared/plan';
import { join } from 'node:path';
import { useTempDir } from '../helpers/fixtures';
import { buildReportModel, buildReportModelInSlices } from '../../shared/report/model';
import { auditInput, CONTACTS, reportInputFor } from './report-fixture';

const tempDir = useTempDir();

const contacts = Array.from({ length: 1500 }, (_, i) => ({
  ...CONTACTS[i % 4]!,
  id: 100 + i,
  key: `k${i}`,
  name: `Person ${i}`,
  profileUrl: `https://www.linkedin.com/in/p-${i}`,
}));
const input = reportInputFor('de', { input: auditInput({ contacts, mutes: [], revocations: [], interactions: [] }) });

function counting() {
  const counter = { pauses: 0, pause: () => ((counter.pauses += 1), Promise.resolve()), budgetMs: 0 };
  return counter;
}

describe('the complete report in slices', () => {
  const model = buildReportModel(input, { complete: true });

  it('the model: the same as built at once, with a pause after every few hundred findings and people', async () => {
    expect(model.findings.length).toBeGreaterThan(3000);
    const slicing = counting();
    expect(await buildReportModelInSlices(input, { complete: true }, slicing)).toEqual(model);
    expect(slicing.pauses).toBeGreaterThanOrEqual(Math.floor((model.findings.length + model.people.length) / 500));
  });

  it('the event loop turns while the model is built', async () => {
    let turns = 0;
    let building = true;
    const tick = () => {
      if (!building) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await buildReportModelInSlices(input, { complete: true }, { pause: nextTurn, budgetMs: 0 });
    building = false;
    expect(turns).toBeGreaterThan(5);
  });

  it('the JSON document: byte for byte JSON.stringify’s, written in slices', async () => {
    const slicing = counting();
    const bytes = await renderJsonInSlices(model, slicing);
    expect(new TextDecoder().decode(bytes)).toBe(renderJson(model));
    expect(slicing.pauses).toBeGreaterThan(5);
  });

  it.each(CSV_FILES)('%s: the same bytes in slices, and a parser reads every row', async (file) => {
    const slicing = counting();
    const bytes = await renderCsvInSlices(model, file, slicing);
    expect(Buffer.from(bytes).equals(Buffer.from(renderCsv(model, file)))).toBe(true);
    const rows = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), {
      bom: true,
      delimiter: ';',
    }) as string[][];
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    if (file === 'findings.csv') {
      // More rows than one slice (2,000): the slices join without a lost or doubled row.
      expect(rows).toHaveLength(1 + model.findings.length + model.muted.length);
      expect(rows.slice(1).map((r) => r[0])).toEqual([...model.findings, ...model.muted].map((f) => f.id));
      expect(slicing.pauses).toBeGreaterThan(1);
    }
  });

  it('the ZIP: a large table fed to the compressing worker a megabyte at a time, read back whole', async () => {
    const large = new TextEncoder().encode('Zeile;mit;Text\r\n'.repeat(200_000));
    expect(large.length).toBeGreaterThan(3 << 20);
    const small = renderCsv(model, 'plan.csv');
    const slicing = counting();
    const zipped = await zipInSlices(
      [
        ['findings.csv', large],
        ['plan.csv', small],
        ['revocations.csv', new Uint8Array(0)],
      ],
      slicing,
    );
    const files = unzipSync(zipped);
    expect(Object.keys(files)).toEqual(['findings.csv', 'plan.csv', 'revocations.csv']);
    expect(Buffer.from(files['findings.csv']!).equals(Buffer.from(large))).toBe(true);
    expect(Buffer.from(files['plan.csv']!).equals(Buffer.from(small))).toBe(true);
    expect(files['revocations.csv']).toHaveLength(0);
    expect(slicing.pauses).toBeGreaterThanOrEqual(3);
  });

  it('main: each variant of the plan is computed with a pause after it, then the model in slices', async () => {
    const db = openDatabase(join(tempDir(), 'r.db'));
    const events: string[] = [];
    const plans = new Map(input.plans!.map((p) => [p.variant, p]));
    const source = {
      db,
      audit: input.audit,
      input: auditInput({ contacts, mutes: [], revocations: [], interactions: [] }),
      policy: DEFAULT_POLICY,
      previous: null,
      plan: (variant: PlanVariant) => (events.push(variant), plans.get(variant)!),
    };
    const built = await reportModelInSlices(source, 'de', true, {
      pause: () => (events.push('pause'), Promise.resolve()),
      budgetMs: 0,
    });
    db.close();
    expect(events.slice(0, 6)).toEqual(['fewest', 'pause', 'keep-known', 'pause', 'emergency', 'pause']);
    expect(built.plans!.map((p) => p.variant)).toEqual(['fewest', 'keep-known', 'emergency']);
    expect(built.findings).toEqual(model.findings);
  });
});
