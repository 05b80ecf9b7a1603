/**
 * `shareaudit`: the CLI twin of the desktop app. Same services, plain Node, one database.
 * Exit status 0 on success; otherwise one line on stderr naming the file and the reason.
 */
import type { ImportProgress, ImportSummary } from '../shared/contract';
import type { AuditResult, Lang } from '../shared/domain';
import { findingMessage } from '../shared/finding-text';
import { formatDate, hasMessage, kindLabel, message, severityLabel } from '../shared/i18n';
import { runPlanCommand } from './cli/plan';
import { ContractError, runRevocationCommand } from './cli/revocations';
import { checkCommandLine, type CommandLine } from './cli/args';
import { writeReport } from './cli/report';
import { AppService } from './services/app-service';
import { databaseError, forgetDatabase } from './services/db';
import { demoExport } from './services/demo';
import { AppError } from './services/errors';
import { prestartInflateWorker, prestartParseWorkers } from './services/importers/workers';
import { resolvePaths } from './services/importers/source';
import { terminalSafe } from './services/terminal';
import { defaultDbPath } from './services/paths';
import { listImportRuns } from './services/import-runs';
import { snapshotsOfRuns } from './services/snapshots';
import { snapshotJson } from '../shared/history';

// React renders the report's HTML with its production build (loaded when a report is first made): the
// development build is about twice as slow. Nothing sets NODE_ENV for a desktop app or a CLI.
process.env.NODE_ENV ??= 'production';

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
}

function progressBar(io: Io, lang: Lang): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    if (!io.isTty) return;
    const now = Date.now();
    if (now - last < 100 && p.bytesDone < p.bytesTotal) return;
    last = now;
    const ratio = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${message(lang, 'ui.rows', { n: p.rows })}`,
    );
  };
}

function printSummary(io: Io, s: ImportSummary, lang: Lang): void {
  const line = (text: string): void => io.stdout(`${text}\n`);
  line(
    message(lang, 'cli.imported', {
      files: s.files.length,
      added: s.added,
      updated: s.updated,
      unchanged: s.unchanged,
      removed: s.removed,
      ms: s.durationMs,
    }),
  );
  for (const f of s.files)
    line(`  ${message(lang, 'cli.fileLine', { name: f.name, kind: kindLabel(lang, f.kind), rows: f.rows })}`);
  for (const f of s.ignored) line(`  ${message(lang, 'cli.ignored', { name: f })}`);
  for (const w of s.warnings) line(`  ${message(lang, 'cli.warning', { text: message(lang, w.messageId, w.values) })}`);
}

/** The documented JSON shape of `shareaudit audit --json` (docs/cli-audit-json.md). */
export function auditJson(audit: AuditResult, lang: Lang): unknown {
  return {
    summary: {
      now: {
        connections: audit.summary.connections,
        canSeeEmail: audit.summary.canSeeEmail,
        canSeeMobile: audit.summary.canSeeMobile,
        unfamiliarWithAccess: audit.summary.unfamiliarWithAccess,
        openFindings: audit.summary.openFindings,
      },
      afterPlan: { connections: audit.summary.connections, ...audit.summary.afterPlan },
      plannedRevocations: audit.summary.plannedRevocations,
      settingsAssumed: audit.summary.settingsAssumed,
      lastImportAt: audit.summary.lastImportAt,
    },
    score: { now: audit.score.value, afterPlan: audit.scoreAfterPlan.value, reasons: audit.score.reasons },
    findings: audit.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      field: f.field,
      contact: f.contact && { name: f.contact.name, profileUrl: f.contact.profileUrl },
      network: f.network,
      message: findingMessage(lang, f),
      evidence: f.evidence,
      familiarity: f.familiarity,
      actions: f.actions,
      assumed: f.assumed,
      muted: f.muted,
      revocation: f.revocation,
    })),
  };
}

/** Errors in the reader's language: from the catalogue when they carry a message id. */
export function errorLine(lang: Lang, error: unknown): string {
  if (error instanceof AppError) return message(lang, error.messageId, error.values);
  if (error instanceof ContractError && error.info.messageId !== undefined && hasMessage(error.info.messageId))
    return message(lang, error.info.messageId, error.info.values);
  return message(lang, 'error.INTERNAL', { detail: error instanceof Error ? error.message : String(error) });
}

export async function main(argv: readonly string[], terminal: Io): Promise<number> {
  // Names, file names and warnings come from files: their control characters are shown, never obeyed.
  const io = terminalSafe(terminal);
  const checked = checkCommandLine(argv);
  if ('exit' in checked) {
    if (checked.stdout !== undefined) io.stdout(`${checked.stdout}\n`);
    if (checked.stderr !== undefined) io.stderr(`${checked.stderr}\n`);
    return checked.exit;
  }
  const { command, args, values, lang } = checked;
  const dbPath = values.db ?? defaultDbPath();
  if (command === 'forget') return forget(io, lang, dbPath, values.yes);

  // A big messages file is read by worker threads (a ZIP's also inflated by one): they start
  // meanwhile (idle, they cost nothing).
  if (command === 'import') {
    prestartParseWorkers();
    if (args.some((a) => /\.zip$/i.test(a))) prestartInflateWorker();
  }

  let service: AppService | undefined;
  try {
    // The bar returns to the start of its line itself (CR); it prints numbers only.
    const onProgress = progressBar(terminal, lang);
    service = new AppService(
      { dbPath },
      {
        transport: 'browser',
        emit: (event, payload) => {
          if (event === 'import:progress') onProgress(payload as ImportProgress);
        },
      },
    );
    // The snapshot the last import owes (snapshots.ts) is recorded before anything else reads or writes.
    if (command !== 'import' && command !== 'demo') service.settleSnapshot(true);
    await runCommand(checked, service, io);
    return 0;
  } catch (error) {
    if (io.isTty) io.stderr('\n');
    // SQLite's own words ("database is locked") name neither the database nor a remedy.
    io.stderr(`shareaudit ${command}: ${errorLine(lang, databaseError(error, dbPath) ?? error)}\n`);
    return 1;
  } finally {
    service?.close();
  }
}

/** Runs a checked command (but `forget`, which needs no service) and prints what it did. */
async function runCommand(
  { command, args, values, lang, region, reportTo }: CommandLine,
  service: AppService,
  io: Io,
): Promise<void> {
  switch (command) {
    case 'import': {
      const summary = await service.importFiles(() => resolvePaths(args), 'file', region);
      if (io.isTty) io.stderr('\n');
      printSummary(io, summary, lang);
      break;
    }
    case 'demo': {
      const summary = await service.importFiles(
        () => Promise.resolve({ files: demoExport(), close: () => Promise.resolve() }),
        'demo',
      );
      printSummary(io, summary, lang);
      break;
    }
    case 'audit':
      printAudit(io, service.audit(lang), lang, values.json);
      break;
    case 'history':
      printHistory(io, listImportRuns(service.db), lang, values.json, snapshotsOfRuns(service.db));
      break;
    case 'plan':
      runPlanCommand({ json: values.json, variant: values.variant }, service, io, lang);
      break;
    case 'revoke':
    case 'applied':
    case 'undo':
    case 'revocations':
      await runRevocationCommand(
        command,
        args,
        { json: values.json, contact: values.contact, on: values.on },
        service,
        io,
        lang,
      );
      break;
    case 'report':
      io.stdout(`${await writeReport(service, reportTo!, lang)}\n`);
      break;
  }
}

/** `shareaudit forget --yes`: the database with its WAL/SHM files (every setting lives in it). */
function forget(io: Io, lang: Lang, dbPath: string, yes: boolean): number {
  if (!yes) {
    io.stderr(`shareaudit forget: ${message(lang, 'cli.forgetNeedsYes', { path: dbPath })}\n`);
    return 2;
  }
  try {
    const removed = forgetDatabase(dbPath);
    io.stdout(`${message(lang, 'cli.forgotten', { path: dbPath, n: removed.length })}\n`);
    return 0;
  } catch (error) {
    io.stderr(`shareaudit forget: ${errorLine(lang, databaseError(error, dbPath) ?? error)}\n`);
    return 1;
  }
}

function printAudit(io: Io, audit: AuditResult, lang: Lang, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(auditJson(audit, lang), null, 2)}\n`);
    return;
  }
  const line = (text: string): void => io.stdout(`${text}\n`);
  const s = audit.summary;
  line(
    message(lang, 'cli.auditNumbers', {
      connections: s.connections,
      email: s.canSeeEmail,
      mobile: s.canSeeMobile,
      unfamiliar: s.unfamiliarWithAccess,
    }),
  );
  if (s.settingsAssumed) line(message(lang, 'cli.assumed'));
  // Muted findings are never counted or listed as open: they follow, apart, with their reason.
  const open = audit.findings.filter((f) => f.muted === null);
  const muted = audit.findings.filter((f) => f.muted !== null);
  line(message(lang, 'cli.openFindings', { n: open.length }));
  for (const f of open) line(`  [${severityLabel(lang, f.severity)}] ${findingMessage(lang, f)}`);
  if (muted.length === 0) return;
  line(message(lang, 'cli.mutedFindings', { n: muted.length }));
  for (const f of muted)
    line(
      `  ${findingMessage(lang, f)} — ${message(lang, 'cli.mutedLine', { reason: f.muted!.reason, until: f.muted!.until })}`,
    );
}

function printHistory(
  io: Io,
  runs: ReturnType<typeof listImportRuns>,
  lang: Lang,
  json: boolean,
  snapshots: ReturnType<typeof snapshotsOfRuns>,
): void {
  if (json) {
    // Each run with the audit it left behind (docs/cli-history-json.md); null for runs from before snapshots.
    const withSnapshots = runs.map((r) => {
      const snapshot = snapshots.get(r.id);
      return { ...r, snapshot: snapshot ? snapshotJson(snapshot) : null };
    });
    io.stdout(`${JSON.stringify(withSnapshots, null, 2)}\n`);
    return;
  }
  if (runs.length === 0) io.stdout(`${message(lang, 'cli.noHistory')}\n`);
  for (const r of runs) {
    const at = formatDate(lang, r.startedAt, true);
    io.stdout(
      `${message(lang, 'cli.historyRun', {
        id: r.id,
        at,
        origin: r.origin,
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        removed: r.removed,
        warnings: r.warnings.length,
        ms: r.durationMs,
      })}\n`,
    );
    for (const f of r.files)
      io.stdout(
        `  ${message(lang, 'cli.fileLine', { name: f.name, kind: kindLabel(lang, f.kind), rows: f.rows })}${f.sha256 ? `, sha256 ${f.sha256}` : ''}\n`,
      );
  }
}
