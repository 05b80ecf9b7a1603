import type { CountryCode } from 'libphonenumber-js';
import { basename } from 'node:path';
import {
  contract,
  isChannel,
  type AppInfo,
  type Channel,
  type Envelope,
  type Events,
  type ImportSource,
  type Request,
  type Response,
  type ThemeChoice,
} from '../../shared/contract';
import type { AuditResult, Lang } from '../../shared/domain';
import { AuditService } from './audit-service';
import type { ActionPlan, PlanVariant } from '../../shared/plan';
import { PlanService } from './plan-service';
import { SessionService } from './session-service';
import { revocationItems } from './revocations';
import { confirmByDeclaration, proveByImport } from './revocation-proof';
import { insertRevocations, markApplied, revocationHistory, undoRevocations } from './revocation-store';
import { isAllowedExternalUrl } from '../../shared/platform';
import { toIdRanges } from '../../shared/id-ranges';
import { databaseError, forgetDatabase, openDatabase, type DB } from './db';
import { demoExport } from './demo';
import { AppError, toErrorInfo } from './errors';
import { inspect, runImport } from './importers';
import { PARALLEL_DEFAULTS } from './importers/parallel';
import { prestartParseWorkers } from './importers/workers';
import { resolvePaths, type PathInput } from './importers/source';
import {
  isComplete,
  previousAudit,
  htmlReport,
  renderReport,
  reportModel,
  reportModelInSlices,
  type ReportSource,
  type ReportFile,
  type ReportFormat,
} from './report';
import type { ReportModel } from '../../shared/report/types';
import { isCountryCode } from './importers/normalise';
import { listPeople, setExclusions, setGrants, setMyDetails } from './people';
import { readSharingFile } from './sharing-file';
import { NOTHING_MOVED, type SnapshotCause } from '../../shared/history';
import { dashboardCharts, historyTrend, reminder } from './history-service';
import {
  exposureBasis,
  familiarityJudgements,
  oweImportSnapshot,
  recordSnapshot,
  settleOwedSnapshot,
} from './snapshots';
import {
  getSettings,
  getSharing,
  getPolicy,
  savePolicy,
  saveSharing,
  muteFinding,
  unmuteFinding,
  listImportRuns,
  saveSettings,
} from './store';

/** What differs between the desktop app, the browser host and the CLI. */
export interface PlatformHooks {
  transport: AppInfo['transport'];
  openImportDialog?: (folders: boolean) => Promise<string[]>;
  /** Asks where to save the report (in its format) and writes it; null when the user cancels. */
  saveReport?: (fileName: string, data: Uint8Array, format: ReportFormat) => Promise<string | null>;
  openExternal?: (url: string) => Promise<void>;
  /** "Forget everything": what the platform keeps beside the database (the desktop app's web storage). */
  forgetPlatformData?: () => Promise<void>;
  /** The browser host maps an upload id to the temporary file it wrote. */
  resolveUpload?: (id: string) => string | undefined;
  emit?: <E extends keyof Events>(event: E, payload: Events[E]) => void;
  /** The desktop app rebuilds its menu in the page's language. */
  setLanguage?: (lang: Lang) => void;
  /** The desktop app's own parts (title bar, menus, dialogs) take the page's theme choice. */
  setTheme?: (theme: ThemeChoice) => void;
}

export interface AppServiceOptions {
  dbPath: string;
  nativeBinding?: string;
  /** How long to wait for another program's lock on the database (ms). */
  busyTimeoutMs?: number;
  version?: string;
  now?: () => Date;
}

/**
 * Requests answered while an import holds the database: they do not touch it (another import is
 * refused at once as busy).
 */
const UNHELD: ReadonlySet<Channel> = new Set([
  'import:cancel',
  'import:run',
  'demo:load',
  'app:info',
  'app:language',
  'app:theme',
  'import:inspect',
  'dialog:openImport',
]);

/** Writes that change what the user declares: a revocation no export can prove may be confirmed by them. */
const DECLARATIONS: ReadonlySet<Channel> = new Set([
  'sharing:set',
  'sharing:import',
  'grant:set',
  'exclusion:set',
  'details:set',
]);

/** Writes after which the audit's numbers are kept as a snapshot (the trend), and what they changed. */
const SNAPSHOT_CAUSE: Partial<Record<Channel, SnapshotCause>> = {
  'sharing:set': 'sharing',
  'sharing:import': 'sharing',
  'grant:set': 'release',
  'exclusion:set': 'release',
  'policy:set': 'policy',
  'details:set': 'details',
  'revocation:applied': 'revocation',
  'session:decide': 'revocation',
};

/**
 * Requests that neither write nor read snapshots: an import's owed snapshot is recorded before them only
 * if the audit is computed already (after them too, once they computed it). Before any other request it
 * is recorded first, computing the audit if need be.
 */
const SETTLE_WHEN_CHEAP: ReadonlySet<Channel> = new Set([
  ...UNHELD,
  'audit:get',
  'audit:summary',
  'audit:preview',
  'findings:list',
  'revocations:list',
  'revocation:preview',
  'revocation:history',
  'details:get',
  'people:list',
  'policy:get',
  'policy:export',
  'settings:get',
  'sharing:get',
  'sharing:export',
  'plan:get',
  'session:get',
  'import:history',
  'shell:openExternal',
  'data:forget',
]);

type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

export class AppService {
  readonly dbPath: string;
  private database: DB | null;
  private auditService: AuditService | null = null;
  private readonly openDb: () => DB;
  private importing: AbortController | null = null;
  /** Settles when an import stops holding the database (see ImportOptions.hold). */
  private held: Promise<unknown> | null = null;
  private readonly now: () => Date;
  readonly handlers: Handlers;

  /** The database; after "Forget everything" a new, empty one is opened on first use. */
  get db(): DB {
    return (this.database ??= this.openDb());
  }

  private get audits(): AuditService {
    return (this.auditService ??= new AuditService(this.db, this.now));
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
    this.handlers = {
      'app:info': () =>
        Promise.resolve({ version: options.version ?? '0.0.0', dbPath: options.dbPath, transport: platform.transport }),
      'app:language': ({ lang }) => {
        platform.setLanguage?.(lang);
        return Promise.resolve({ applied: platform.setLanguage !== undefined });
      },
      'app:theme': ({ theme }) => {
        platform.setTheme?.(theme);
        return Promise.resolve({ applied: platform.setTheme !== undefined });
      },
      'audit:get': ({ lang }) => Promise.resolve(this.audit(lang)),
      'demo:load': () =>
        this.importFiles(() => Promise.resolve({ files: demoExport(), close: () => Promise.resolve() }), 'demo'),
      'import:run': ({ sources }) =>
        this.importFiles(() => resolvePaths(sources.map((s) => this.sourcePath(s))), 'file'),
      'audit:summary': () => this.audits.summary(),
      'audit:preview': (request) => Promise.resolve(this.audits.preview(request)),
      'findings:list': (request) => Promise.resolve(this.audits.findings(request)),
      'revocations:list': (request) => Promise.resolve(this.audits.revocations(request)),
      'details:get': () => Promise.resolve({ details: [...this.audits.cache.base().input.myDetails] }),
      'people:list': (request) => {
        const { input, policy } = this.audits.cache.base();
        return Promise.resolve(listPeople(input, policy, request, this.now()));
      },
      'grant:set': ({ contactIds, field, granted }) =>
        Promise.resolve({ changed: setGrants(this.db, contactIds, field, granted, this.now()) }),
      'exclusion:set': ({ contactIds, excluded }) =>
        Promise.resolve({ changed: setExclusions(this.db, contactIds, excluded) }),
      'details:set': ({ details }) => Promise.resolve({ details: setMyDetails(this.db, details) }),
      'policy:get': () => Promise.resolve(getPolicy(this.db)),
      'policy:set': ({ policy }) => Promise.resolve(savePolicy(this.db, policy)),
      'policy:export': () => {
        // The policy travels with the findings the user has muted, and why.
        const { input, policy } = this.audits.cache.base();
        return Promise.resolve({
          fileName: 'ShareAudit-policy.json',
          json: `${JSON.stringify({ ...policy, mutedFindings: input.mutes }, null, 2)}\n`,
        });
      },
      'sharing:get': () => Promise.resolve(getSharing(this.db)),
      'sharing:set': ({ sharing }) => Promise.resolve(saveSharing(this.db, sharing)),
      'sharing:import': async ({ source }) => {
        const resolved = await resolvePaths([this.sourcePath(source)]);
        try {
          const [file, ...rest] = resolved.files;
          if (!file || rest.length > 0) throw new AppError('IMPORT_FAILED', 'error.nameSettingsFile');
          const { sharing, grants } = await readSharingFile(file, getSharing(this.db));
          // An import may have ended while the file was read: its snapshot comes before this change.
          this.settleSnapshot(true);
          return { sharing: saveSharing(this.db, sharing), grants };
        } finally {
          await resolved.close();
        }
      },
      'sharing:export': () =>
        Promise.resolve({
          fileName: 'ShareAudit-sharing-settings.json',
          json: `${JSON.stringify(getSharing(this.db), null, 2)}\n`,
        }),
      'import:inspect': async ({ sources }) => {
        const resolved = await resolvePaths(sources.map((s) => this.sourcePath(s)));
        try {
          const files = await inspect(resolved.files);
          // The user is about to import a big messages file: its parse workers can start now (a ZIP's
          // inflate worker starts when the import opens it).
          if (files.some((f) => f.kind === 'linkedin-messages' && f.size >= PARALLEL_DEFAULTS.minBytes))
            prestartParseWorkers();
          return { files };
        } finally {
          await resolved.close();
        }
      },
      'import:history': () => Promise.resolve({ runs: listImportRuns(this.db) }),
      'history:trend': () => Promise.resolve(historyTrend(this.db)),
      'history:reminder': () => Promise.resolve(reminder(this.db, this.audits.cache, this.now())),
      'audit:charts': () => Promise.resolve(dashboardCharts(this.db, this.audits.cache)),
      'data:forget': () => this.forget(),
      'settings:get': () => Promise.resolve(getSettings(this.db)),
      'settings:set': (settings) => {
        if (!isCountryCode(settings.phoneRegion)) {
          throw new AppError('BAD_REQUEST', 'error.badPhoneRegion', { region: settings.phoneRegion });
        }
        return Promise.resolve(saveSettings(this.db, settings));
      },
      'import:cancel': () => {
        const running = this.importing;
        running?.abort();
        return Promise.resolve({ cancelled: running !== null });
      },
      'finding:mute': ({ findingId, reason, until }) => {
        if (this.audits.cache.finding(findingId) === undefined) {
          throw new AppError('NOT_FOUND', 'error.notFound', { what: 'finding', id: findingId });
        }
        this.audits.cache.stateWrite(() => muteFinding(this.db, findingId, reason, until, this.now()));
        return Promise.resolve({ muted: true as const });
      },
      'finding:unmute': ({ findingId }) =>
        Promise.resolve({ unmuted: this.audits.cache.stateWrite(() => unmuteFinding(this.db, findingId)) }),
      'revocation:create': (target) => Promise.resolve(this.revoke(target)),
      'revocation:preview': (target) => Promise.resolve(revocationItems(this.audits.cache, target).preview),
      'revocation:applied': ({ ids, on }) =>
        Promise.resolve({
          applied: this.audits.cache.stateWrite(() =>
            markApplied(this.db, ids, on ?? this.now().toISOString().slice(0, 10), this.now()),
          ),
        }),
      'revocation:history': ({ id }) => Promise.resolve({ events: revocationHistory(this.db, id) }),
      'revocation:undo': ({ ids, plannedOnly }) =>
        Promise.resolve({
          undone: this.audits.cache.stateWrite(() => undoRevocations(this.db, ids, this.now(), plannedOnly)),
        }),
      'report:build': async ({ lang, format }) => {
        const file = await this.reportFile(lang, format);
        const text = format === 'html' || format === 'json';
        return {
          fileName: file.fileName,
          mime: file.mime,
          encoding: text ? 'utf8' : 'base64',
          data: text ? new TextDecoder().decode(file.data) : Buffer.from(file.data).toString('base64'),
        };
      },
      'report:prepare': async ({ lang, format }) => {
        await this.prepareReport(lang, format);
        return { ready: true as const };
      },
      'report:save': async ({ lang, format }) => {
        if (!platform.saveReport) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'save' });
        const file = await this.reportFile(lang, format);
        return { path: await platform.saveReport(file.fileName, file.data, format) };
      },
      'dialog:openImport': async ({ folders }) => {
        if (!platform.openImportDialog) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'dialog' });
        return { paths: await platform.openImportDialog(folders ?? false) };
      },
      'plan:get': ({ variant, offset, limit }) => Promise.resolve(this.planning.plans.page(variant, offset, limit)),
      'session:get': () => Promise.resolve(this.planning.sessions.get()),
      'session:start': ({ variant }) => Promise.resolve(this.planning.sessions.start(variant)),
      'session:decide': ({ position, outcome, on }) =>
        Promise.resolve(this.planning.sessions.decide(position, outcome, on)),
      'session:end': () => Promise.resolve({ ended: this.planning.sessions.end() }),
      'shell:openExternal': async ({ url }) => {
        if (!isAllowedExternalUrl(url)) throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { url });
        if (!platform.openExternal) throw new AppError('UNSUPPORTED', 'error.UNSUPPORTED', { what: 'link' });
        await platform.openExternal(url);
        return { opened: true };
      },
    };
  }

  /** Validates a request from outside (IPC, HTTP) and answers with an envelope; never throws. */
  async dispatch(channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: toErrorInfo(
          new AppError('UNKNOWN_CHANNEL', 'error.UNKNOWN_CHANNEL', { channel: String(channel).slice(0, 100) }),
        ),
      };
    }
    const parsed = contract[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: toErrorInfo(
          new AppError('BAD_REQUEST', 'error.BAD_REQUEST', {
            channel,
            detail: issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : '',
          }),
        ),
      };
    }
    try {
      // An import holding the database (its transaction open while it reads): wait for it, except
      // to cancel it or for what does not touch the database.
      while (this.held !== null && !UNHELD.has(channel)) await this.held;
      if (!UNHELD.has(channel)) this.settleSnapshot(!SETTLE_WHEN_CHEAP.has(channel));
      const handler = this.handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
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
   * first view's numbers do not wait for it. A database that cannot be read yet is left to the first request.
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

  /**
   * The report as a file of one format (csv: a ZIP of the four tables); the model and the file are
   * built in slices with the event loop free between them, so main keeps answering during an export.
   */
  async reportFile(lang: Lang, format: ReportFormat): Promise<ReportFile> {
    // The report of the audit as it is now, made once: the export dialog prepares it as it opens.
    const key = `${this.reportModelKey(lang, isComplete(format))}:${format}`;
    if (this.reportMade?.key !== key) {
      const made = {
        key,
        value: (async () => renderReport(await this.preparedModel(lang, isComplete(format)), format))(),
      };
      this.reportMade = made;
      // A failed one is made again when asked again.
      made.value.catch(() => {
        if (this.reportMade === made) this.reportMade = null;
      });
    }
    return this.reportMade.value;
  }

  /**
   * Prepares the report for the export dialog: the file — or, for a PDF, its model only (the PDF is laid
   * out in one go, ≈ 1 s for a heavy user, which main should not spend before the user asks for it).
   */
  async prepareReport(lang: Lang, format: ReportFormat): Promise<void> {
    if (format === 'pdf') await this.preparedModel(lang, isComplete(format));
    else await this.reportFile(lang, format);
  }

  private reportModelKey(lang: Lang, complete: boolean): string {
    return `${this.audits.cache.currentRevision}:${this.dbPath}:${lang}:${complete}`;
  }

  private preparedModel(lang: Lang, complete: boolean): Promise<ReportModel> {
    const key = this.reportModelKey(lang, complete);
    if (this.modelMade?.key !== key) {
      const made = { key, value: reportModelInSlices(this.reportSource(lang), lang, complete) };
      this.modelMade = made;
      made.value.catch(() => {
        if (this.modelMade === made) this.modelMade = null;
      });
    }
    return this.modelMade.value;
  }

  /** The newest report file and model made (only the newest: a heavy user's JSON is 50 MB). */
  private reportMade: { key: string; value: Promise<ReportFile> } | null = null;
  private modelMade: { key: string; value: Promise<ReportModel> } | null = null;

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

  async importFiles(
    resolve: () => ReturnType<typeof resolvePaths>,
    origin: 'file' | 'demo',
    regionOverride?: CountryCode,
  ): Promise<Response<'import:run'>> {
    if (this.importing) throw new AppError('IMPORT_BUSY', 'error.IMPORT_BUSY');
    const controller = new AbortController();
    this.importing = controller;
    // Requests held by the import wait until it has also written what it owes (the proof and the
    // snapshot's debt): none may write between its commit and that.
    let debtWritten!: () => void;
    const owed = new Promise<void>((resolve) => (debtWritten = resolve));
    try {
      // The snapshot the previous import owes is of the data this one replaces.
      this.settleSnapshot(true);
      const sources = await resolve();
      try {
        const region = regionOverride ?? getSettings(this.db).phoneRegion;
        const summary = await runImport(this.db, sources.files, {
          origin,
          region: isCountryCode(region) ? region : undefined,
          signal: controller.signal,
          onProgress: (p) => this.platform.emit?.('import:progress', p),
          hold: (during) => {
            const held = during.then(
              () => owed,
              () => undefined,
            );
            this.held = held;
            void held.then(() => {
              if (this.held === held) this.held = null;
            });
          },
          now: this.now(),
        });
        // A newer export may prove revocations done (or not done).
        const proven = proveByImport(this.db, summary, this.now());
        oweImportSnapshot(this.db, summary.runId, this.now().toISOString(), proven);
        return summary;
      } finally {
        debtWritten();
        await sources.close();
      }
    } finally {
      debtWritten();
      this.importing = null;
    }
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
    this.reportMade = null;
    this.modelMade = null;
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
