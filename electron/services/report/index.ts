/**
 * The report in four formats from one model (shared/report): HTML, PDF, CSV (four tables; a ZIP of
 * them in the app) and JSON. Used by the app's report:* channels and by `shareaudit report`.
 */
import type { Lang } from '../../../shared/domain';
import { reportDocument } from '../../../shared/report/document';
import { buildReportModel } from '../../../shared/report/model';
import type { ReportModel } from '../../../shared/report/types';
import { zipSync } from 'fflate';
import { CSV_FILES, renderCsv } from './csv';
import { reportInput, type ReportSource } from './data';
import { renderHtml } from './html';
import { renderPdf } from './pdf';

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { csvFiles, CSV_FILES } from './csv';
export { renderHtml } from './html';
export { renderPdf } from './pdf';
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
 * The JSON document (shared/report/document.ts): the model with its shared texts in lookup tables,
 * described by docs/report.schema.json; compact (no indentation), as a heavy user's is large.
 */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(reportDocument(model))}\n`;
}

/** The four tables zipped, one at a time with the event loop free between them (a heavy user's take seconds). */
async function csvZip(model: ReportModel): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of CSV_FILES) {
    files[name] = renderCsv(model, name);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return zipSync(files);
}

export async function renderReport(model: ReportModel, format: ReportFormat): Promise<ReportFile> {
  const fileName = reportFileName(model.lang, model.generatedAt.iso, format);
  const encoder = new TextEncoder();
  const data =
    format === 'html'
      ? encoder.encode(renderHtml(model))
      : format === 'json'
        ? encoder.encode(renderJson(model))
        : format === 'pdf'
          ? await renderPdf(model)
          : await csvZip(model);
  return { fileName, mime: MIME[format], data };
}
