/**
 * Domain types shared by every layer. Pure TypeScript: no platform imports here
 * (enforced by lint and by tsconfig.shared.json, which has no platform types).
 */

export const NETWORKS = ['linkedin', 'xing'] as const;
export type Network = (typeof NETWORKS)[number];

/** The user's own details that can be exposed to contacts. */
export const DETAIL_FIELDS = ['businessEmail', 'privateEmail', 'phone', 'mobile', 'address', 'birthday'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Fields a careful user shares only with people they really know. */
export const PRIVATE_FIELDS: ReadonlySet<DetailField> = new Set<DetailField>(['privateEmail', 'mobile', 'address']);

export type Severity = 'high' | 'medium' | 'low';
export type Lang = 'de' | 'en';

export interface MyDetail {
  field: DetailField;
  value: string;
  /** Where ShareAudit learned the value, e.g. "Email Addresses.csv". */
  source: string;
  /** A phone's type as the file states it ("Mobile", "Work"…), "WhatsApp" for a WhatsApp number. */
  label?: string;
  /** Email Addresses.csv: whether this is the primary address (the only one connections see), and confirmed. */
  primary?: boolean;
  confirmed?: boolean;
}

export interface Contact {
  id: number;
  network: Network;
  /** Stable across imports: the normalised profile URL, else name and company. */
  key: string;
  name: string;
  profileUrl: string | null;
  company: string | null;
  position: string | null;
  /** ISO date (YYYY-MM-DD) the connection was made, if known. */
  connectedOn: string | null;
}

/** Interaction statistics per contact: counts and dates only, never message bodies. */
export interface Interaction {
  contactId: number;
  sent: number;
  received: number;
  firstAt: string | null;
  lastAt: string | null;
}

export type Familiarity = 'known' | 'acquainted' | 'unfamiliar';

/** How well the user knows a contact, and why. */
export interface FamiliarityJudgement {
  level: Familiarity;
  score: number;
  evidence: Evidence[];
  /** Signals that the contact collects contacts (generic invitation, pitching role, unanswered pitch). */
  collectorSignals: Evidence[];
}

export interface Evidence {
  /** Stable key, translated by the UI and the report. */
  kind:
    | 'two-way-messages'
    | 'one-way-messages'
    | 'no-messages'
    | 'in-address-book'
    | 'trusted-tag'
    | 'personal-invitation'
    | 'silent-years'
    | 'generic-invitation'
    | 'pitching-role'
    | 'unanswered-pitch'
    | 'assumed-setting'
    | 'declared-setting';
  /** Parameters for the message, e.g. counts and dates. */
  data: Record<string, string | number>;
  /** What this piece of evidence adds to the familiarity score, when it counts there. */
  points?: number;
}

/** How a detail becomes visible to a person. */
export interface Grant {
  /** audience: a platform-wide setting; explicit: granted to this person; default: inferred from "Als Standard"; category: XING category model. */
  kind: 'audience' | 'explicit' | 'default' | 'category';
  network: Network;
  /** e.g. "first-degree", "everyone", "contacts", "members". */
  audience: string;
  /** True while the user has declared nothing and the platform's documented default is used. */
  assumed: boolean;
}

export interface Exposure {
  contactId: number;
  field: DetailField;
  /** The strongest grant that makes the detail visible (explicit before default). */
  grant: Grant;
  /** Further grants that would make it visible too (revoking only the first would not hide it). */
  alsoGrantedBy?: Grant[];
  since: string | null;
  /** Visible to everyone / all members, not only to this person. */
  public: boolean;
  /** A direct contact's tools (Outlook, CRM connectors) can copy it. */
  harvestable: boolean;
}

/**
 * planned: decided in ShareAudit. applied: the user says it is done on the platform. verified: a
 * later export proves it. not-applied: an export made after "applied" still shows the share.
 * confirmed-by-you: no export can show it (a setting, a XING release); the user re-declared it.
 */
export const REVOCATION_STATUSES = [
  'planned',
  'applied',
  'verified',
  'not-applied',
  'confirmed-by-you',
  'undone',
] as const;
export type RevocationStatus = (typeof REVOCATION_STATUSES)[number];

/** Still to be done or proven: these count in "after your plan", not in "now". */
export const LIVE_REVOCATION: ReadonlySet<RevocationStatus> = new Set(['planned', 'applied', 'not-applied']);

export interface Revocation {
  id: number;
  findingId: string;
  /** The person; null for a setting (an audience, a default, the email download: everyone at once). */
  contactId: number | null;
  /** The detail; null for a setting that is about none or several (the email download). */
  field: DetailField | null;
  rule: string;
  action: PlatformActionId;
  /** What it takes away: "<contact>:*", "<contact>:<field>:<action>", or "setting:<plan step key>". */
  target: string;
  status: RevocationStatus;
  createdAt: string;
  /** The day the user says it was done on the platform. */
  appliedOn: string | null;
  /** When it was verified, found not applied, confirmed or undone. */
  resolvedAt: string | null;
}

export interface RevocationEvent {
  status: RevocationStatus;
  at: string;
  /** What proved it (an export's file name and date), or null. */
  note: string | null;
}

/** A revocation with the contact it concerns, as lists and reports show it. */
export interface RevocationView extends Revocation {
  /** null for a setting. */
  contactName: string | null;
  contactProfileUrl: string | null;
}

export type PlatformActionId =
  | 'remove-connection'
  | 'narrow-email-audience'
  | 'narrow-phone-audience'
  | 'narrow-birthday-audience'
  | 'switch-off-email-download'
  | 'delete-uploaded-contacts'
  | 'change-xing-default'
  | 'revoke-xing-grant'
  | 'exclude-xing-contact'
  | 'narrow-xing-category';

export interface Finding {
  id: string;
  rule: string;
  severity: Severity;
  /** The detail concerned; null when the finding is about something else (an uploaded address book). */
  field: DetailField | null;
  network: Network;
  /** The person concerned; null when the finding is about a setting (an audience, a default, an upload). */
  contact: {
    id: number;
    name: string;
    profileUrl: string | null;
    company: string | null;
    position: string | null;
  } | null;
  /** The rule's message id and its values: words are chosen at display time (shared/finding-text.ts). */
  messageId: string;
  data: Record<string, string | number>;
  evidence: Evidence[];
  familiarity: Familiarity | null;
  actions: PlatformActionId[];
  assumed: boolean;
  /** Set while the user has muted the finding: it stays listed, but counts nowhere. */
  muted: { reason: string; until: string | null } | null;
  /**
   * The live revocation that will take this away (planned, applied, or found not applied): the
   * finding is still true now, and gone in "after your plan".
   */
  revocation: { id: number; status: RevocationStatus } | null;
}

export interface FieldExposureRow {
  field: DetailField;
  visibleTo: number;
  unfamiliar: number;
  revoked: number;
}

export interface AuditSummary {
  connections: number;
  /** How many contacts can see a given kind of detail now (planned revocations change nothing yet). */
  canSeeEmail: number;
  canSeeMobile: number;
  /** Of those who can see email or mobile, how many are unfamiliar. */
  unfamiliarWithAccess: number;
  openFindings: number;
  /** The same numbers with every planned (or applied, not yet proven) revocation taken as done. */
  afterPlan: { canSeeEmail: number; canSeeMobile: number; unfamiliarWithAccess: number; openFindings: number };
  /** Revocations still to be done or proven (planned, applied, not applied). */
  plannedRevocations: number;
  /** True while any setting used is the platform default rather than declared by the user. */
  settingsAssumed: boolean;
  lastImportAt: string | null;
}

/** Exposure score 0 (nothing exposed) … 100, with the findings that make it up. */
export interface ExposureScore {
  value: number;
  reasons: Array<{ rule: string; findings: number; points: number }>;
}

export interface AuditResult {
  generatedAt: string;
  lang: Lang;
  summary: AuditSummary;
  /** Now: as of the last import and declarations. */
  score: ExposureScore;
  /** With every live revocation taken as done. */
  scoreAfterPlan: ExposureScore;
  byField: FieldExposureRow[];
  findings: Finding[];
  revocations: RevocationView[];
  myDetails: MyDetail[];
}

/** One person with what they can see of the user's details, and how well the user knows them. */
export interface PersonExposure {
  contact: Contact;
  familiarity: FamiliarityJudgement;
  /** What they can see now; `revocation` when a live revocation will take it away. */
  exposures: Array<Omit<Exposure, 'contactId'> & { revocation: { id: number; status: RevocationStatus } | null }>;
}
