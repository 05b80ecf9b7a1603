/**
 * The report model (issue 11): computed once, in the reader's language, and only rendered by the
 * HTML, PDF, CSV and JSON writers, so every format says the same thing. Each item carries the ids
 * and ISO dates a program reads and the words a person reads; the JSON document is this model with
 * its shared texts in lookup tables (./document.ts; docs/report.schema.json describes it).
 */
import type {
  DetailField,
  Familiarity,
  FamiliarityJudgement,
  Lang,
  Network,
  PlatformActionId,
  RevocationEvent,
  RevocationStatus,
  Severity,
  AuditResult,
  Exposure,
} from '../domain';
import type { ActionPlan, PlanVariant } from '../plan/types';
import type { Policy } from '../policy';
import type { SharingSettings } from '../sharing';

export const REPORT_SCHEMA_VERSION = 2;

/** One person who sees something of the user's now, with the grants and their dates. */
export interface ReportPersonInput {
  contact: {
    id: number;
    network: Network;
    name: string;
    profileUrl: string | null;
    company: string | null;
    position: string | null;
    connectedOn: string | null;
  };
  familiarity: FamiliarityJudgement;
  exposures: ReadonlyArray<Omit<Exposure, 'contactId'>>;
}

/** The numbers of an earlier audit (an audit snapshot), for the trend since then. */
export interface ReportPrevious {
  at: string;
  scoreNow: number;
  scoreAfterPlan: number;
  openFindings: number;
  /** How many people saw each detail then. */
  exposure: Partial<Record<DetailField, number>>;
}

export interface ReportInput {
  audit: AuditResult;
  lang: Lang;
  policy: Policy;
  sharing: SharingSettings;
  /** Everyone who sees at least one detail now. */
  people: readonly ReportPersonInput[];
  /** The action plan's variants; null where no plan can be computed (then findings group by step kind). */
  plans: readonly ActionPlan[] | null;
  /** Each revocation's changes of state, oldest first. */
  revocationEvents: ReadonlyMap<number, readonly RevocationEvent[]>;
  previous: ReportPrevious | null;
}

/** A date as data (ISO) and as the reader writes it. */
export interface ReportDate {
  iso: string;
  text: string;
}

export interface ReportStepLink {
  action: PlatformActionId;
  label: string;
  url: string;
}

export interface ReportFinding {
  id: string;
  rule: string;
  ruleTitle: string;
  severity: Severity;
  severityLabel: string;
  field: DetailField | null;
  fieldLabel: string | null;
  network: Network;
  contact: {
    id: number;
    name: string;
    profileUrl: string | null;
    company: string | null;
    position: string | null;
  } | null;
  familiarity: Familiarity | null;
  familiarityLabel: string | null;
  message: string;
  evidence: string[];
  assumed: boolean;
  steps: ReportStepLink[];
  /** The live revocation that will take it away, if any. */
  revocation: { id: number; status: RevocationStatus; statusLabel: string } | null;
}

export interface ReportMutedFinding extends ReportFinding {
  reason: string;
  until: ReportDate | null;
}

export interface ReportPlanStep {
  key: string;
  action: PlatformActionId;
  label: string;
  url: string;
  network: Network;
  contact: { id: number; name: string } | null;
  fields: DetailField[];
  fieldLabels: string[];
  effort: number;
  clears: number;
  /** Known people who lose access through this step (their names). */
  collateral: string[];
  scoreAfter: number;
}

export interface ReportPlan {
  variant: PlanVariant;
  title: string;
  description: string;
  steps: ReportPlanStep[];
  effort: number;
  cleared: number;
  left: number;
  collateral: string[];
  scoreNow: number;
  scoreAfter: number;
}

export interface ReportPersonGroup {
  contact: { id: number; name: string; profileUrl: string | null } | null;
  familiarity: Familiarity | null;
  familiarityLabel: string | null;
  /** Ids of the findings (in `ReportModel.findings`). */
  findings: string[];
}

/** Findings grouped by the step of the plan that clears them, then by person. */
export interface ReportFindingGroup {
  key: string;
  title: string;
  url: string | null;
  /** Position in the plan (1-based), or null: grouped by kind of step, or left by the plan. */
  planStep: number | null;
  findings: number;
  /** People (or settings) with findings in this group; `people` lists them all or, capped, the first. */
  peopleTotal: number;
  people: ReportPersonGroup[];
  /** Findings of the people not listed (capped). */
  hiddenFindings: number;
}

export interface ReportExposureRow {
  field: DetailField;
  label: string;
  known: number;
  acquainted: number;
  unfamiliar: number;
  total: number;
  /** Of the total: a live revocation will take it away. */
  revocationPlanned: number;
}

export interface ReportSetting {
  network: Network;
  setting: string;
  value: string;
  declared: boolean;
}

export interface ReportTrend {
  previousAt: ReportDate;
  scoreNow: { previous: number; current: number; change: number };
  openFindings: { previous: number; current: number; change: number };
  exposure: Array<{ field: DetailField; label: string; previous: number; current: number; change: number }>;
}

export interface ReportRevocation {
  id: number;
  /** null for a setting (everyone at once). */
  contact: { id: number; name: string; profileUrl: string | null } | null;
  field: DetailField | null;
  fieldLabel: string | null;
  action: PlatformActionId;
  stepLabel: string;
  status: RevocationStatus;
  statusLabel: string;
  createdAt: ReportDate;
  appliedOn: ReportDate | null;
  resolvedAt: ReportDate | null;
  events: Array<{ status: RevocationStatus; statusLabel: string; at: ReportDate; note: string | null }>;
}

/** A person who sees at least one detail: how well the user knows them, and what they see through which grant. */
export interface ReportPerson {
  contactId: number;
  name: string;
  network: Network;
  profileUrl: string | null;
  company: string | null;
  position: string | null;
  connectedOn: string | null;
  familiarity: Familiarity;
  familiarityLabel: string;
  familiarityScore: number;
  evidence: string[];
  sees: Array<{
    field: DetailField;
    fieldLabel: string;
    grant: string;
    grantKind: 'audience' | 'explicit' | 'default' | 'category';
    assumed: boolean;
    since: ReportDate | null;
    public: boolean;
    revocation: { id: number; status: RevocationStatus; statusLabel: string } | null;
  }>;
}

export interface ReportJudged {
  familiarity: {
    knownAt: number;
    acquaintedAt: number;
    weights: Array<{ name: string; label: string; points: number }>;
    /** How many people each kind of evidence was found for. */
    evidence: Array<{ kind: string; label: string; people: number }>;
  };
  rules: Array<{ id: string; title: string; rationale: string; severity: Severity; findings: number }>;
  /** Policy values the user changed: the default and theirs. */
  policyChanges: Array<{ path: string; label: string; default: string; current: string }>;
}

/** Lists the model holds completely, or only in part ("capped": HTML and PDF), with their full counts. */
export interface ReportTotals {
  groups: number;
  findings: number;
  muted: number;
  revocations: number;
  people: number;
}

export interface ReportModel {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  lang: Lang;
  /** True: every list is complete (CSV, JSON). False: long lists are capped (HTML, PDF); `totals` has their sizes. */
  complete: boolean;
  totals: ReportTotals;
  title: string;
  generatedAt: ReportDate;
  lastImportAt: ReportDate | null;
  summary: {
    connections: number;
    score: { now: number; afterRevocations: number; afterPlan: number | null };
    openFindings: number;
    mutedFindings: number;
    bySeverity: Record<Severity, number>;
    plannedRevocations: number;
    exposure: ReportExposureRow[];
    settingsAssumed: boolean;
    settings: ReportSetting[];
    trend: ReportTrend | null;
    /** The three steps of the plan that clear most (null without a plan). */
    topSteps: ReportPlanStep[] | null;
  };
  /** null: the plan could not be computed for this report. */
  plans: ReportPlan[] | null;
  groups: ReportFindingGroup[];
  /** Open findings in the audit's order: all, or (capped) the appendix's first ones and those the groups list. */
  findings: ReportFinding[];
  muted: ReportMutedFinding[];
  revocations: ReportRevocation[];
  people: ReportPerson[];
  judged: ReportJudged;
  myDetails: Array<{ field: DetailField; fieldLabel: string; value: string; source: string }>;
}
