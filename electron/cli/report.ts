/**
 * `shareaudit report --format html|pdf|csv|json --out PATH [--lang de|en]`: the report in one
 * format. Without --format the file's extension decides; csv writes its four tables into the folder
 * PATH. A format that does not match the name, or one ShareAudit does not know, is one clear line —
 * never a file of the wrong kind.
 */
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';
import type { AppService } from '../services/app-service';
import { AppError } from '../services/errors';
import { csvFiles, renderReport, REPORT_FORMATS, type ReportFormat } from '../services/report';

const EXTENSIONS: Record<Exclude<ReportFormat, 'csv'>, readonly string[]> = {
  html: ['.html', '.htm'],
  pdf: ['.pdf'],
  json: ['.json'],
};

const isFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Where and in which format to write. */
export interface ReportTarget {
  format: ReportFormat;
  path: string;
}

/** Where and in which format to write, or the one line that says why not. */
export function reportTarget(out: string, requested: string | undefined, lang: Lang): ReportTarget | { error: string } {
  const extension = extname(out).toLowerCase();
  const known = Object.values(EXTENSIONS).flat().concat(['.csv', '.zip']);
  if (requested !== undefined && !isFormat(requested))
    return { error: message(lang, 'report.badFormat', { value: requested }) };
  const format: ReportFormat | undefined =
    requested ??
    (Object.entries(EXTENSIONS).find(([, list]) => list.includes(extension))?.[0] as ReportFormat | undefined) ??
    (isDirectory(out) || /[\\/]$/.test(out) ? 'csv' : undefined);
  if (format === undefined) return { error: message(lang, 'report.unknownExtension', { path: out }) };
  if (format === 'csv') {
    // The tables go into a folder: a name like a file's (or an existing file) is refused.
    const fileLike = known.includes(extension) || (!isDirectory(out) && exists(out));
    return fileLike ? { error: message(lang, 'report.csvNeedsFolder', { path: out }) } : { format, path: out };
  }
  if (!EXTENSIONS[format].includes(extension))
    return {
      error: message(lang, 'report.formatMismatch', { path: out, format, expected: EXTENSIONS[format][0] }),
    };
  return { format, path: out };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

async function write(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    throw new AppError('INTERNAL', 'cli.cannotWrite', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
}

/** Writes the report; returns the line to print. */
export async function writeReport(service: AppService, target: ReportTarget, lang: Lang): Promise<string> {
  const { format, path } = target;
  if (format === 'csv') {
    const model = service.reportModel(lang, true);
    await mkdir(path, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('INTERNAL', 'cli.cannotWrite', { path, reason: error.code ?? error.message });
    });
    for (const file of await csvFiles(model)) await write(join(path, file.name), file.data);
  } else {
    const file = await renderReport(service.reportModel(lang, format === 'json'), format);
    await write(path, file.data);
  }
  return message(lang, 'report.written', { format: format.toUpperCase(), path });
}
