/**
 * `shareaudit`: the CLI twin of the desktop app. Same services, plain Node, one database.
 * Exit status 0 on success; otherwise one line on stderr naming the file and the reason.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ImportProgress, ImportSummary } from '../shared/contract';
import type { AuditResult, Lang } from '../shared/domain';
import { AppService } from './services/app-service';
import { demoExport } from './services/demo';
import { AppError } from './services/errors';
import { prestartParseWorkers } from './services/importers/parallel';
import { resolvePaths } from './services/importers/source';
import { isCountryCode } from './services/importers/normalise';
import { defaultDbPath } from './services/paths';
import { listImportRuns } from './services/store';
import type { CountryCode } from 'libphonenumber-js';

const USAGE = `Usage: shareaudit <command> [options]

Commands:
  import <file|zip|folder>...   import LinkedIn exports, XING vCards, address books
                                (vCard, Google/Outlook CSV); all or nothing
  history                       list past import runs
  audit [--json]                print the audit (findings, numbers)
  report --out FILE [--lang de|en]   write a self-contained HTML report
  demo                          load the generated demo user

Options:
  --db FILE     database (default: ${defaultDbPath()})
  --region XX   region for phone numbers without country code (default: the app's setting, DE)
  --help        this text`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
}

const rows = (n: number): string => `${n} ${n === 1 ? 'row' : 'rows'}`;

function progressBar(io: Io): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    if (!io.isTty) return;
    const now = Date.now();
    if (now - last < 100 && p.bytesDone < p.bytesTotal) return;
    last = now;
    const ratio = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${rows(p.rows)}`);
  };
}

function printSummary(io: Io, s: ImportSummary): void {
  io.stdout(
    `Imported ${s.files.length} file(s): ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.removed} removed (${s.durationMs} ms)\n`,
  );
  for (const f of s.files) io.stdout(`  ${f.name}: ${f.kind}, ${rows(f.rows)}\n`);
  for (const f of s.ignored) io.stdout(`  ignored: ${f}\n`);
  for (const w of s.warnings) io.stdout(`  warning: ${w}\n`);
}

/** The documented JSON shape of `shareaudit audit --json` (docs/cli-audit-json.md). */
export function auditJson(audit: AuditResult): unknown {
  return {
    summary: audit.summary,
    score: audit.score,
    findings: audit.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      field: f.field,
      contact: f.contact && { name: f.contact.name, profileUrl: f.contact.profileUrl },
      network: f.network,
      message: f.message,
      evidence: f.evidence,
      familiarity: f.familiarity,
      actions: f.actions,
      assumed: f.assumed,
      muted: f.muted,
    })),
  };
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        region: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr(`shareaudit: ${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.stdout(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (values.lang !== 'de' && values.lang !== 'en') {
    io.stderr(`shareaudit: --lang must be de or en, not "${values.lang}"\n`);
    return 2;
  }
  const lang: Lang = values.lang;
  if (values.region !== undefined && !isCountryCode(values.region)) {
    io.stderr(`shareaudit: --region must be a two-letter region such as DE, AT or CH, not "${values.region}"\n`);
    return 2;
  }
  const region = values.region as CountryCode | undefined;
  if (!['import', 'audit', 'report', 'demo', 'history'].includes(command)) {
    io.stderr(`shareaudit: unknown command "${command}" (see shareaudit --help)\n`);
    return 2;
  }
  if (command === 'import' && args.length === 0) {
    io.stderr('shareaudit import: name at least one file, ZIP or folder\n');
    return 2;
  }
  if (command === 'report' && !values.out) {
    io.stderr('shareaudit report: --out FILE is required\n');
    return 2;
  }

  // A big messages file is read by worker threads: they start meanwhile (idle, they cost nothing).
  if (command === 'import') prestartParseWorkers();

  let service: AppService | undefined;
  try {
    const dbPath = values.db ?? defaultDbPath();
    const onProgress = progressBar(io);
    service = new AppService({ dbPath }, { transport: 'browser', emit: (_e, p) => onProgress(p) });
    switch (command) {
      case 'import': {
        const summary = await service.importFiles(() => resolvePaths(args), 'file', region);
        if (io.isTty) io.stderr('\n');
        printSummary(io, summary);
        break;
      }
      case 'demo': {
        const summary = await service.importFiles(
          () => Promise.resolve({ files: demoExport(), close: () => Promise.resolve() }),
          'demo',
        );
        printSummary(io, summary);
        break;
      }
      case 'audit': {
        const audit = service.audit(lang);
        if (values.json) {
          io.stdout(`${JSON.stringify(auditJson(audit), null, 2)}\n`);
        } else {
          const s = audit.summary;
          io.stdout(
            `${s.connections} connections · ${s.canSeeEmail} can see your email · ${s.canSeeMobile} can see your mobile · ${s.unfamiliarWithAccess} of them unfamiliar\n`,
          );
          if (s.settingsAssumed)
            io.stdout("Settings assumed from LinkedIn's documented defaults (nothing declared yet).\n");
          io.stdout(`${audit.findings.length} open finding(s)\n`);
          for (const f of audit.findings) io.stdout(`  [${f.severity}] ${f.message}\n`);
        }
        break;
      }
      case 'history': {
        const runs = listImportRuns(service.db);
        if (values.json) {
          io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
          break;
        }
        if (runs.length === 0) io.stdout('No imports yet.\n');
        for (const r of runs) {
          io.stdout(
            `#${r.id} ${r.startedAt} ${r.origin}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed, ${r.warnings.length} warning(s), ${r.durationMs} ms\n`,
          );
          for (const f of r.files)
            io.stdout(`  ${f.name}: ${f.kind}, ${rows(f.rows)}${f.sha256 ? `, sha256 ${f.sha256}` : ''}\n`);
        }
        break;
      }
      case 'report': {
        const out = values.out!;
        const { html } = service.report(lang);
        try {
          await writeFile(out, html, 'utf8');
        } catch (error) {
          throw new AppError(
            'INTERNAL',
            `${out}: cannot write report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          );
        }
        io.stdout(`Report written to ${out}\n`);
        break;
      }
    }
    return 0;
  } catch (error) {
    if (io.isTty) io.stderr('\n');
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`shareaudit ${command}: ${message}\n`);
    return 1;
  } finally {
    service?.close();
  }
}
