/**
 * The one contract between the renderer and the main process (and the local browser host,
 * which serves the same contract over HTTP). Channel names are `domain:verb`. Every request
 * is validated at runtime where it arrives; every result travels as an ok/error envelope.
 */
import { z } from 'zod';
import type { Channel } from './channels';
import type { CommandId } from './commands';
import type { FindingsPage } from './findings-query';
import type { RevocationsPage } from './revocations-query';
import {
  DETAIL_FIELDS,
  type AuditResult,
  type AuditSummary,
  type ExposureScore,
  type FieldExposureRow,
  type Lang,
  type MyDetail,
  type PersonExposure,
  type RevocationEvent,
} from './domain';
import type { TrendPoint } from './history';
import type { DashboardCharts } from './history-charts';
import type { ReauditReminder } from './history-reminder';
import type { IdRanges } from './id-ranges';
import { planContract } from './plan-contract';
import type { ImportReasonKey } from './i18n/parts/importer';
import { policySchema, type Policy } from './policy';
import type { SharingSettings } from './sharing';
import { sharingSettingsSchema } from './sharing-schema';

const lang = z.enum(['de', 'en']);
const themeChoice = z.enum(['system', 'light', 'dark']);
/** Light, dark, or like the system. */
export type ThemeChoice = z.infer<typeof themeChoice>;
/** The report's formats (electron/services/report); without one, HTML. */
const reportFormat = z.enum(['html', 'pdf', 'csv', 'json']).default('html');

/** Marks the response type of a channel without a runtime schema (main is the trusted side). */
function returns<T>(): T {
  return undefined as T;
}

/** One of the user's own details as declared: its field, its value and (optional) its label. */
const declaredDetail = z
  .object({
    field: z.enum(DETAIL_FIELDS),
    value: z.string().trim().min(1).max(300),
    label: z.string().trim().max(60).nullable().optional(),
  })
  .strict();

export const importSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  /** A file uploaded to the browser host first; only the host can resolve it. */
  z.object({ upload: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
]);
export type ImportSource = z.infer<typeof importSource>;

export interface ImportedFile {
  name: string;
  kind: string;
  rows: number;
  sha256: string;
}

/**
 * A warning (or the reason a file cannot be imported) as data: a catalogue key of the importer
 * (shared/i18n/parts/importer.ts) and its values — the file's name, the line ("none" without one)
 * and the reason's own — shown in the reader's language: message(lang, messageId, values).
 */
export type ImportNoteKey = ImportReasonKey | 'importer.recorded';
export interface ImportNote {
  messageId: ImportNoteKey;
  values: Record<string, string | number>;
}

export interface ImportSummary {
  runId: number;
  files: ImportedFile[];
  ignored: string[];
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  warnings: ImportNote[];
  durationMs: number;
}

/** What a file was recognised as, before anything is imported. */
export interface InspectedFile {
  /** Unique within one answer (two files in different folders may share a name): the file's place in it. */
  id: string;
  name: string;
  size: number;
  /** e.g. "linkedin-connections", "vcard", "google-csv"; null when the file will be ignored. */
  kind: string | null;
  /** Why the file cannot be imported, when it cannot. */
  problem: ImportNote | null;
}

export interface ImportRun extends Omit<ImportSummary, 'runId'> {
  id: number;
  startedAt: string;
  origin: 'file' | 'demo';
}

export interface Settings {
  /** ISO 3166 region for phone numbers written without a country code. */
  phoneRegion: string;
}

export interface ImportProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  transport: 'electron' | 'browser';
}

/** The audit's headline: everything the overview shows, nothing per finding. */
export interface AuditOverview {
  revision: number;
  generatedAt: string;
  summary: AuditSummary;
  score: ExposureScore;
  scoreAfterPlan: ExposureScore;
  byField: FieldExposureRow[];
  myDetails: MyDetail[];
}

export interface PreviewNumbers {
  openFindings: number;
  score: number;
}

/**
 * What to revoke: these findings, or every open finding that matches a filter (a selection of "all
 * 60,001 matching", sent as the filter rather than as 60,001 ids), less the ones deselected.
 */
const revocationTarget = z.union([
  z.object({ findingIds: z.array(z.string().min(1).max(200)).min(1).max(100_000) }).strict(),
  z
    .object({
      filter: z.object({ query: z.string().max(200), severity: z.enum(['all', 'high', 'medium', 'low']) }).strict(),
      except: z.array(z.string().min(1).max(200)).max(100_000),
    })
    .strict(),
]);

/** A revocation's effect: one action per person (removing a connection covers all they see). */
export interface RevocationPreview {
  findings: number;
  /** Connections (LinkedIn) and contacts (XING) to remove. */
  connections: number;
  /** Other steps (one detail of one person). */
  otherActions: number;
  /** Findings about a setting, not a person: changed on the platform, then declared. */
  skipped: number;
}

/** What a revoke planned: one revocation per action, their ids as ranges, and what they cover. */
export interface RevocationCreated extends RevocationPreview {
  /** Revocations planned (an action already planned is not planned twice). */
  created: number;
  /** Their ids (shared/id-ranges.ts): consecutive, so usually one pair. */
  ids: IdRanges;
}

export const contract = {
  ...planContract,
  'app:info': { request: z.object({}).strict(), response: returns<AppInfo>() },
  /** The page's language: the desktop menu follows it. */
  'app:language': { request: z.object({ lang }).strict(), response: returns<{ applied: boolean }>() },
  /** The page's theme choice: the desktop app's own parts (title bar, menus, dialogs) follow it. */
  'app:theme': {
    request: z.object({ theme: themeChoice }).strict(),
    response: returns<{ applied: boolean }>(),
  },
  'audit:get': { request: z.object({ lang }).strict(), response: returns<AuditResult>() },
  /** The headline of the audit: numbers, score and chart series — what the overview shows. */
  'audit:summary': { request: z.object({}).strict(), response: returns<AuditOverview>() },
  /**
   * What-if: the numbers and score if these settings, this policy or these details were saved, beside
   * the current ones. Computed in main from its cached audit, so the page downloads nothing big.
   */
  'audit:preview': {
    request: z
      .object({
        sharing: sharingSettingsSchema.optional(),
        policy: policySchema.optional(),
        details: z.array(declaredDetail).max(50).optional(),
      })
      .strict(),
    response: returns<{ before: PreviewNumbers; after: PreviewNumbers }>(),
  },
  /** A window of the findings that match a filter, with the counts of the whole match. */
  'findings:list': {
    request: z
      .object({
        query: z.string().max(200),
        severity: z.enum(['all', 'high', 'medium', 'low']),
        status: z.enum(['open', 'muted', 'all']),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: returns<FindingsPage & { revision: number }>(),
  },
  /** A window of the revocations (newest first) that match a search and a group, with the counts of both groups. */
  'revocations:list': {
    request: z
      .object({
        query: z.string().max(200),
        group: z.enum(['live', 'closed', 'all']),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: returns<RevocationsPage>(),
  },
  /** The user's own details as imported or declared (every email and phone, with what the export said). */
  'details:get': { request: z.object({}).strict(), response: returns<{ details: MyDetail[] }>() },
  /** People with what each can see, through which grant, since when; paged and searchable. */
  'people:list': {
    request: z
      .object({
        query: z.string().max(200),
        network: z.enum(['linkedin', 'xing']).nullable(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: returns<{ total: number; rows: PersonExposure[] }>(),
  },
  /** Explicit XING grants for one or many contacts (from the person view or a selection). */
  'grant:set': {
    request: z
      .object({
        contactIds: z.array(z.number().int().positive()).min(1).max(100_000),
        field: z.enum(DETAIL_FIELDS),
        granted: z.boolean(),
      })
      .strict(),
    response: returns<{ changed: number }>(),
  },
  /** XING category model: exclude contacts from (or include them again in) the categories. */
  'exclusion:set': {
    request: z
      .object({ contactIds: z.array(z.number().int().positive()).min(1).max(100_000), excluded: z.boolean() })
      .strict(),
    response: returns<{ changed: number }>(),
  },
  /** The user's own details, as they declare them (replacing the imported ones). */
  'details:set': {
    request: z
      .object({
        details: z.array(declaredDetail).max(50),
      })
      .strict(),
    response: returns<{ details: MyDetail[] }>(),
  },
  'policy:get': { request: z.object({}).strict(), response: returns<Policy>() },
  'policy:set': { request: z.object({ policy: policySchema }).strict(), response: returns<Policy>() },
  /** The policy as a JSON file, with the findings the user muted and why. */
  'policy:export': { request: z.object({}).strict(), response: returns<{ fileName: string; json: string }>() },
  'sharing:get': { request: z.object({}).strict(), response: returns<SharingSettings>() },
  'sharing:set': {
    request: z.object({ sharing: sharingSettingsSchema }).strict(),
    response: returns<SharingSettings>(),
  },
  /** A sharing-settings JSON file, or a CSV of XING grants (member, contact, field, since). */
  'sharing:import': {
    request: z.object({ source: importSource }).strict(),
    response: returns<{ sharing: SharingSettings; grants: number }>(),
  },
  'sharing:export': { request: z.object({}).strict(), response: returns<{ fileName: string; json: string }>() },
  'demo:load': { request: z.object({}).strict(), response: returns<ImportSummary>() },
  'import:run': {
    request: z.object({ sources: z.array(importSource).min(1).max(1000) }).strict(),
    response: returns<ImportSummary>(),
  },
  'import:inspect': {
    request: z.object({ sources: z.array(importSource).min(1).max(1000) }).strict(),
    response: returns<{ files: InspectedFile[] }>(),
  },
  'import:cancel': { request: z.object({}).strict(), response: returns<{ cancelled: boolean }>() },
  'import:history': { request: z.object({}).strict(), response: returns<{ runs: ImportRun[] }>() },
  /** The audit snapshots (oldest first, at most the newest 400): score and exposure over time, with what moved them. */
  'history:trend': { request: z.object({}).strict(), response: returns<{ points: TrendPoint[] }>() },
  /** How old the newest export is, whether a new one is due (policy), and what it will prove. */
  'history:reminder': { request: z.object({}).strict(), response: returns<ReauditReminder>() },
  /** The overview's charts, aggregated in main: small at any number of contacts. */
  'audit:charts': { request: z.object({}).strict(), response: returns<DashboardCharts>() },
  /** "Forget everything": removes the database, its WAL/SHM files and every setting. */
  'data:forget': { request: z.object({}).strict(), response: returns<{ removed: number }>() },
  'settings:get': { request: z.object({}).strict(), response: returns<Settings>() },
  'settings:set': {
    request: z.object({ phoneRegion: z.string().regex(/^[A-Z]{2}$/) }).strict(),
    response: returns<Settings>(),
  },
  'finding:mute': {
    request: z
      .object({
        findingId: z.string().min(1).max(300),
        reason: z.string().trim().min(1).max(500),
        until: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable(),
      })
      .strict(),
    response: returns<{ muted: true }>(),
  },
  'finding:unmute': {
    request: z.object({ findingId: z.string().min(1).max(300) }).strict(),
    response: returns<{ unmuted: boolean }>(),
  },
  /** Plans revocations; answers their ids and counts, not the revocations (30,000 of them are 7.8 MB). */
  'revocation:create': { request: revocationTarget, response: returns<RevocationCreated>() },
  /** What a revocation would do, before it is made: the bulk revoke's confirmation shows it. */
  'revocation:preview': { request: revocationTarget, response: returns<RevocationPreview>() },
  /** The user did these on the platform, on this day (default: today). */
  'revocation:applied': {
    request: z
      .object({
        ids: z.array(z.number().int().positive()).min(1).max(100_000),
        on: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
    response: returns<{ applied: number }>(),
  },
  /** Every change of a revocation's state, with its date and what proved it. */
  'revocation:history': {
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: returns<{ events: RevocationEvent[] }>(),
  },
  /**
   * Takes revocations back. `plannedOnly` (Ctrl/Cmd+Z): only those still planned — never one the user
   * has since marked done on the platform, or one an export proved.
   */
  'revocation:undo': {
    request: z
      .object({ ids: z.array(z.number().int().positive()).min(1).max(100_000), plannedOnly: z.boolean().optional() })
      .strict(),
    response: returns<{ undone: number }>(),
  },
  /** The report in one format (csv: a ZIP of the four tables); text as UTF-8, PDF and ZIP as base64. */
  'report:build': {
    request: z.object({ lang, format: reportFormat }).strict(),
    response: returns<{ fileName: string; mime: string; encoding: 'utf8' | 'base64'; data: string }>(),
  },
  /**
   * Starts making the report in one format (the export dialog asks as it opens and when the format
   * changes): report:build and report:save then hand over what is made, or wait for it. Answers when made.
   */
  'report:prepare': {
    request: z.object({ lang, format: reportFormat }).strict(),
    response: returns<{ ready: true }>(),
  },
  /** Desktop only: asks where to save and writes the file. */
  'report:save': {
    request: z.object({ lang, format: reportFormat }).strict(),
    response: returns<{ path: string | null }>(),
  },
  /** Desktop only: the native open dialog. */
  'dialog:openImport': {
    // Windows and Linux dialogs pick either files or folders: the app asks for one or the other.
    request: z.object({ folders: z.boolean().optional() }).strict(),
    response: returns<{ paths: string[] }>(),
  },
  /** Opens an allow-listed https link in the system browser. */
  'shell:openExternal': {
    request: z.object({ url: z.string().url().max(2048) }).strict(),
    response: returns<{ opened: boolean }>(),
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type Contract = typeof contract;
export type Request<C extends Channel> = z.infer<Contract[C]['request']>;
export type Response<C extends Channel> = Contract[C]['response'];

export { CHANNELS, type Channel } from './channels';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** Stable error codes: the UI and scripts branch on these, never on message text. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_CHANNEL'
  | 'IMPORT_FAILED'
  | 'IMPORT_CANCELLED'
  | 'IMPORT_BUSY'
  | 'NOT_FOUND'
  | 'DB_FROM_FUTURE'
  /** The database file: not ShareAudit's, damaged, in use, full, read-only, not a database, cannot be opened. */
  | 'DB_FOREIGN'
  | 'DB_CORRUPT'
  | 'DB_LOCKED'
  | 'DB_FULL'
  | 'DB_READONLY'
  | 'DB_NOT_A_DATABASE'
  | 'DB_CANT_OPEN'
  | 'DB_IO'
  | 'UNSUPPORTED'
  | 'FORBIDDEN'
  /** The browser host: no valid token header. */
  | 'UNAUTHORIZED'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  | 'INTERNAL';

export interface ErrorInfo {
  code: ErrorCode;
  /** English, for logs; readers show `messageId` with `values` from the catalogue in their language. */
  message: string;
  messageId?: string;
  values?: Record<string, string | number>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Events pushed from main to the renderer. */
export interface Events {
  'import:progress': ImportProgress;
  /** A command chosen in the desktop app's menu (shared/commands.ts): the page carries it out. */
  command: CommandId;
}

export type Transport = {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export type { Lang };
