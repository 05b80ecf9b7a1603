/**
 * The report in four formats from one model (shared/report): HTML, PDF, CSV (four tables; a ZIP of
 * them in the app) and JSON. Used by the app's report:* channels and by `shareaudit report`.
 */
import type { Lang } from '../../../shared/domain';
import { PLAN_VARIANTS, type ActionPlan, type PlanVariant } from '../../../shared/plan';
import { buildReportModel, buildReportModelInSlices } from '../../../shared/report/model';
import type { ReportModel } from '../../../shared/report/types';
import { reportInput, type ReportSource } from './data';
import { nextTurn, renderJsonInSlices } from './json';
import type { Slicing } from '../../../shared/report/slices';
import type { CsvFileName } from './csv';

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { nextTurn, renderJson, renderJsonInSlices } from './json';
export type { Slicing } from '../../../shared/report/slices';
export { previousAudit, type ReportSource } from './data';

export interface ReportFile {
  fileName: string;
  mime: string;
  data: Uint8Array;
}

const MIME: Record<ReportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  csv: 'application/zip',
  json: 'application/json',
};

/** "ShareAudit-Report-2026-11-01.pdf", "ShareAudit-Bericht-2026-11-01.zip". */
export function reportFileName(lang: Lang, generatedAt: string, format: ReportFormat): string {
  const extension = format === 'csv' ? 'zip' : format;
  return `ShareAudit-${lang === 'de' ? 'Bericht' : 'Report'}-${generatedAt.slice(0, 10)}.${extension}`;
}

/** The model of the report: complete for CSV and JSON, capped for HTML and PDF (see shared/report/caps.ts). */
export function reportModel(source: ReportSource, lang: Lang, complete: boolean): ReportModel {
  return buildReportModel(reportInput(source, lang), { complete });
}

/** Whether a format lists everything (the tables, the document) or shows the long lists capped (the pages). */
export const isComplete = (format: ReportFormat): boolean => format === 'csv' || format === 'json';

/**
 * The model built in slices, with the event loop free between them (main stays responsive while a
 * heavy user's complete model is built: ≈2 s in one go).
 */
export async function reportModelInSlices(
  source: ReportSource,
  lang: Lang,
  complete: boolean,
  slicing: Slicing = { pause: nextTurn },
): Promise<ReportModel> {
  // Each variant of the plan (main keeps them once computed; a heavy user's take 0.4–0.8 s each) with a pause between.
  const plans = new Map<PlanVariant, ActionPlan>();
  if (source.plan)
    for (const variant of PLAN_VARIANTS) {
      plans.set(variant, source.plan(variant));
      await slicing.pause();
    }
  const input = reportInput(plans.size > 0 ? { ...source, plan: (v) => plans.get(v)! } : source, lang);
  await slicing.pause();
  return buildReportModelInSlices(input, { complete }, slicing);
}

/*
 * The renderers load when a report is first made: pdfmake, React's server renderer, Papa Parse and the
 * ZIP writer take ≈ 0.25 s to load, which every start of the app and every CLI command paid before.
 */

/** The four CSV tables of the model (`shareaudit report --out folder/` writes them side by side). */
export async function csvFiles(model: ReportModel): Promise<Array<{ name: CsvFileName; data: Uint8Array }>> {
  return (await import('./csv')).csvFiles(model);
}

/** The HTML report as text. */
export async function htmlReport(model: ReportModel): Promise<string> {
  return (await import('./html')).renderHtml(model);
}

/**
 * The four tables, each written in slices, then zipped (./zip.ts): main's event loop is free while
 * a heavy user's tables are written and compressed.
 */
async function csvZip(model: ReportModel, slicing: Slicing): Promise<Uint8Array> {
  const [{ CSV_FILES, renderCsvInSlices }, { zipInSlices }] = await Promise.all([import('./csv'), import('./zip')]);
  const files: Array<[string, Uint8Array]> = [];
  for (const name of CSV_FILES) files.push([name, await renderCsvInSlices(model, name, slicing)]);
  return zipInSlices(files, slicing);
}

export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  slicing: Slicing = { pause: nextTurn },
): Promise<ReportFile> {
  const fileName = reportFileName(model.lang, model.generatedAt.iso, format);
  const data =
    format === 'html'
      ? new TextEncoder().encode(await htmlReport(model))
      : format === 'json'
        ? await renderJsonInSlices(model, slicing)
        : format === 'pdf'
          ? await (await import('./pdf')).renderPdf(model)
          : await csvZip(model, slicing);
  return { fileName, mime: MIME[format], data };
}
