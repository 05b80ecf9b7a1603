/**
 * What the handler modules share: the table's type (one handler per contract channel, each domain
 * giving its part) and what the service lends them to answer with.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { Channel, ImportSource, Request, Response } from '../../../shared/contract';
import type { AuditResult, Lang } from '../../../shared/domain';
import type { AppServiceOptions, PlatformHooks } from '../platform-hooks';
import type { AuditService } from '../audit-service';
import type { DB } from '../db';
import type { resolvePaths, PathInput } from '../importers/source';
import type { PlanService } from '../plan-service';
import type { ReportFile, ReportFormat } from '../report';
import type { SessionService } from '../session-service';

/** Every channel of the contract, answered by exactly one handler. */
export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

/** One domain's part of the table: exactly the channels `C`. */
export type HandlerPart<C extends Channel> = Pick<Handlers, C>;

/**
 * The service as its handlers see it. Functions, not values: the database (and with it the audit and
 * the plan) is opened anew after "Forget everything", so each handler asks when it runs.
 */
export interface ServiceContext {
  readonly options: AppServiceOptions;
  readonly platform: PlatformHooks;
  db(): DB;
  audits(): AuditService;
  /** The plan and the guided session, over the same cached audit. */
  planning(): { plans: PlanService; sessions: SessionService };
  now(): Date;
  /** The running import's controller, or null. */
  importing(): AbortController | null;
  audit(lang: Lang): AuditResult;
  /** A request's source as a path: an upload id becomes its temporary file. */
  sourcePath(source: ImportSource): PathInput;
  settleSnapshot(force: boolean): void;
  importFiles(
    resolve: () => ReturnType<typeof resolvePaths>,
    origin: 'file' | 'demo',
    regionOverride?: CountryCode,
  ): Promise<Response<'import:run'>>;
  revoke(target: Request<'revocation:create'>): Response<'revocation:create'>;
  forget(): Promise<{ removed: number }>;
  reportFile(lang: Lang, format: ReportFormat): Promise<ReportFile>;
  prepareReport(lang: Lang, format: ReportFormat): Promise<void>;
}
