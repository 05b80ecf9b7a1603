import type { CountryCode } from 'libphonenumber-js';
import { basename } from 'node:path';
import type { Envelope, ImportSource, Request, Response } from '../../shared/contract';
import type { AuditResult, Lang } from '../../shared/domain';
import { AuditService } from './audit-service';
import type { ActionPlan, PlanVariant } from '../../shared/plan';
import { PlanService } from './plan-service';
import { SessionService } from './session-service';
import { revocationItems } from './revocations';
import { confirmByDeclaration } from './revocation-proof';
import { insertRevocations } from './revocation-store';
import { toIdRanges } from '../../shared/id-ranges';
import { databaseError, forgetDatabase, openDatabase, type DB } from './db';
import { AppError, toErrorInfo } from './errors';
import { createHandlers, type Handlers, type ServiceContext } from './handlers';
import type { AppServiceOptions, PlatformHooks } from './platform-hooks';
import { DECLARATIONS, parseRequest, SETTLE_WHEN_CHEAP, SNAPSHOT_CAUSE, UNHELD } from './handlers/dispatch-rules';
import { ImportRunner } from './import-runner';
import { resolvePaths, type PathInput } from './importers/source';
import {
  previousAudit,
  htmlReport,
  reportModel,
  type ReportSource,
  type ReportFile,
  type ReportFormat,
} from './report';
import { ReportMaker } from './report-maker';
import type { ReportModel } from '../../shared/report/types';
import { NOTHING_MOVED } from '../../shared/history';
import { exposureBasis, familiarityJudgements, recordSnapshot, settleOwedSnapshot } from './snapshots';

export type { AppServiceOptions, PlatformHooks } from './platform-hooks';

export class AppService {
  readonly dbPath: string;
  private database: DB | null;
  private auditService: AuditService | null = null;
  private readonly openDb: () => DB;
  private readonly now: () => Date;
  /** The import under way; requests wait while it holds the database. */
  private readonly imports: ImportRunner;
  readonly handlers: Handlers;

  /** The database; after "Forget everything" a new, empty one is opened on first use. */
  get db(): DB {
    return (this.database ??= this.openDb());
  }

  private get audits(): AuditService {
    return (this.auditService ??= new AuditService(this.db, this.now));
  }

  /** The running import's controller, or null. */
  private get importing(): AbortController | null {
    return this.imports.importing;
  }

  /** Settles when an import stops holding the database (see ImportOptions.hold). */
  private get held(): Promise<unknown> | null {
    return this.imports.held;
  }

  private planService: { db: DB; plans: PlanService; sessions: SessionService } | null = null;

  /** The whole plan of a variant (the CLI prints it; views ask for windows of it). */
  plan(variant: PlanVariant): ActionPlan {
    return this.planning.plans.plan(variant);
  }

  /** The plan and the guided session, over the same cached audit (renewed with the database). */
  private get planning(): { plans: PlanService; sessions: SessionService } {
    if (this.planService?.db !== this.db) {
      const plans = new PlanService(this.audits.cache);
      this.planService = {
        db: this.db,
        plans,
        sessions: new SessionService(this.db, this.audits.cache, plans, this.now),
      };
    }
    return this.planService;
  }

  constructor(
    options: AppServiceOptions,
    private readonly platform: PlatformHooks,
  ) {
    this.dbPath = options.dbPath;
    this.openDb = () =>
      openDatabase(options.dbPath, { nativeBinding: options.nativeBinding, busyTimeoutMs: options.busyTimeoutMs });
    this.database = this.openDb();
    this.now = options.now ?? (() => new Date());
    this.imports = new ImportRunner({
      db: () => this.db,
      now: () => this.now(),
      platform,
      settleSnapshot: (force) => this.settleSnapshot(force),
    });
    this.handlers = createHandlers(this.context(options));
  }

  /** The service as its handlers (./handlers) see it. */
  private context(options: AppServiceOptions): ServiceContext {
    return {
      options,
      platform: this.platform,
      db: () => this.db,
      audits: () => this.audits,
      planning: () => this.planning,
      now: () => this.now(),
      importing: () => this.importing,
      audit: (lang) => this.audit(lang),
      sourcePath: (source) => this.sourcePath(source),
      settleSnapshot: (force) => this.settleSnapshot(force),
      importFiles: (resolve, origin, regionOverride) => this.importFiles(resolve, origin, regionOverride),
      revoke: (target) => this.revoke(target),
      forget: () => this.forget(),
      reportFile: (lang, format) => this.reportFile(lang, format),
      prepareReport: (lang, format) => this.prepareReport(lang, format),
    };
  }

  /** Validates a request from outside (IPC, HTTP) and answers with an envelope; never throws. */
  async dispatch(name: unknown, payload: unknown): Promise<Envelope<unknown>> {
    const parsed = parseRequest(name, payload);
    if (!parsed.ok) return parsed;
    const { channel } = parsed;
    try {
      // An import holding the database (its transaction open while it reads): wait for it, except
      // to cancel it or for what does not touch the database.
      while (this.held !== null && !UNHELD.has(channel)) await this.held;
      if (!UNHELD.has(channel)) this.settleSnapshot(!SETTLE_WHEN_CHEAP.has(channel));
      const handler = this.handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.request);
      if (SETTLE_WHEN_CHEAP.has(channel) && channel !== 'data:forget' && !this.importing) this.settleSnapshot(false);
      const confirmed = DECLARATIONS.has(channel)
        ? confirmByDeclaration(this.db, this.audit('en').findings, this.now())
        : 0;
      const cause = SNAPSHOT_CAUSE[channel];
      if (cause) {
        const applied = channel === 'revocation:applied' ? (value as Response<'revocation:applied'>).applied : 0;
        recordSnapshot(this.db, this.audits.cache, cause, { moved: { ...NOTHING_MOVED, confirmed, applied } });
      }
      return { ok: true, value };
    } catch (error) {
      // SQLite's own words name neither the database nor a remedy.
      return { ok: false, error: toErrorInfo(databaseError(error, this.dbPath) ?? error) };
    }
  }

  /**
   * At start: computes the audit in the background (in steps, not blocking the first paint), so the
   * first view's numbers do not wait for it: the numbers first, the full audit once the loading page asks
   * for more (audit-cache.ts). A database that cannot be read yet is left to the first request.
   */
  warmUp(): void {
    setImmediate(() => {
      if (this.importing || this.database === null) return;
      this.audits.cache
        .warm()
        .then(() => {
          if (!this.importing) this.settleSnapshot(false);
        })
        .catch(() => undefined);
    });
  }

  /**
   * Records the snapshot an import owes (snapshots.ts): `force` computes the audit for it if need be;
   * otherwise it is recorded only if the audit is computed already. The CLI forces it before every
   * command but an import.
   */
  settleSnapshot(force: boolean): void {
    if (force) {
      settleOwedSnapshot(this.db, this.audits.cache, true);
      return;
    }
    // When it is merely convenient, a failure (another program holding the database) fails no read:
    // the debt stays, and the next write or reading of snapshots records it (or says why it cannot).
    try {
      settleOwedSnapshot(this.db, this.audits.cache, false);
    } catch {
      // kept owed
    }
  }

  /** The whole audit, from the cache: computed again only after the database changed. */
  audit(lang: Lang): AuditResult {
    return this.audits.cache.audit(lang);
  }

  /** The report model (shared/report) of the audit as it is now, in the reader's language. */
  reportModel(lang: Lang, complete: boolean): ReportModel {
    return reportModel(this.reportSource(lang), lang, complete);
  }

  private reportSource(lang: Lang): ReportSource {
    const { input, policy } = this.audits.cache.base();
    const source = { db: this.db, audit: this.audit(lang), input, policy, previous: previousAudit(this.db) };
    const basis = {
      exposures: exposureBasis(this.audits.cache).exposures,
      familiarity: familiarityJudgements(this.audits.cache),
    };
    return { ...source, basis, plan: (variant) => this.plan(variant) };
  }

  /** The report's files, made once for the audit as it is now. */
  private readonly reports = new ReportMaker(
    (lang) => this.reportSource(lang),
    () => `${this.audits.cache.currentRevision}:${this.dbPath}`,
  );

  /**
   * The report as a file of one format (csv: a ZIP of the four tables); the model and the file are
   * built in slices with the event loop free between them, so main keeps answering during an export.
   */
  reportFile(lang: Lang, format: ReportFormat): Promise<ReportFile> {
    return this.reports.file(lang, format);
  }

  /** Prepares the report for the export dialog (see ReportMaker.prepare). */
  prepareReport(lang: Lang, format: ReportFormat): Promise<void> {
    return this.reports.prepare(lang, format);
  }

  /** The HTML report as text. */
  async report(lang: Lang): Promise<{ fileName: string; html: string }> {
    const model = this.reportModel(lang, false);
    return {
      fileName: `ShareAudit-${lang === 'de' ? 'Bericht' : 'Report'}-${model.generatedAt.iso.slice(0, 10)}.html`,
      html: await htmlReport(model),
    };
  }

  private sourcePath(source: ImportSource): PathInput {
    if ('path' in source) return source.path;
    const path = this.platform.resolveUpload?.(source.upload);
    if (!path) throw new AppError('NOT_FOUND', 'error.notFound', { what: 'upload', id: source.upload });
    // Show the file's own name, not the temporary folder it was uploaded to.
    return { path, label: basename(path) };
  }

  importFiles(
    resolve: () => ReturnType<typeof resolvePaths>,
    origin: 'file' | 'demo',
    regionOverride?: CountryCode,
  ): Promise<Response<'import:run'>> {
    return this.imports.run(resolve, origin, regionOverride);
  }

  cancelImport(): void {
    this.importing?.abort();
  }

  revoke(target: Request<'revocation:create'>): Response<'revocation:create'> {
    const { items, preview } = revocationItems(this.audits.cache, target);
    const created = this.audits.cache.stateWrite(() => insertRevocations(this.db, items, this.now()));
    return { ...preview, created: created.length, ids: toIdRanges(created.map((r) => r.id)) };
  }

  /**
   * "Forget everything": closes and removes the database with its WAL and shared-memory files (every
   * setting lives in it), and whatever the platform keeps. The next request starts with an empty one.
   */
  async forget(): Promise<{ removed: number }> {
    if (this.importing) throw new AppError('IMPORT_BUSY', 'error.IMPORT_BUSY');
    this.database?.close();
    this.database = null;
    this.auditService = null;
    // The new database's revisions start again: no report of the forgotten one may be handed over.
    this.reports.forget();
    const removed = forgetDatabase(this.dbPath);
    await this.platform.forgetPlatformData?.();
    return { removed: removed.length };
  }

  close(): void {
    this.importing?.abort();
    this.database?.close();
    this.database = null;
  }
}
