import type { Policy } from '../policy';
import type { SharingSettings } from '../sharing';
import type {
  Network,
  Contact,
  DetailField,
  Evidence,
  Exposure,
  FamiliarityJudgement,
  MyDetail,
  Lang,
  PlatformActionId,
  Severity,
} from '../domain';

/** Everything a rule may look at. Built once per audit; rules never mutate it. */
export interface RuleContext {
  contacts: ReadonlyMap<number, Contact>;
  exposures: readonly Exposure[];
  sharing: SharingSettings;
  myDetails: readonly MyDetail[];
  /** Address books the user uploaded to a network. */
  uploadedBooks: ReadonlyArray<{ source: string; network: Network; entries: number }>;
  familiarity: ReadonlyMap<number, FamiliarityJudgement>;
  policy: Policy;
  now: Date;
  /** The exposures above, grouped by person (built once, shared by the rules). */
  exposuresByContact: ReadonlyMap<number, readonly Exposure[]>;
  /** True for what-if previews: only counts matter, rules may leave evidence empty. */
  preview: boolean;
}

/** What a rule reports: a message id plus data, never a free string (translation, tests). */
export interface RuleReport {
  messageId: string;
  data: Record<string, string | number>;
  /** null for a finding about a setting rather than a person. */
  contactId: number | null;
  field: DetailField | null;
  /** Tells findings of one rule apart when contact and field do not (e.g. which default, which member). */
  subject?: string;
  /** Defaults to the contact's network, else LinkedIn. */
  network?: Network;
  severity?: Severity;
  evidence: Evidence[];
  actions: PlatformActionId[];
  assumed: boolean;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  title: Record<Lang, string>;
  rationale: Record<Lang, string>;
  /** Messages keyed by id, with {placeholders} filled from RuleReport.data. */
  messages: Record<string, Record<Lang, string>>;
}

/** Findings by severity. */
export type SeverityCounts = Partial<Record<Severity, number>>;

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleReport[];
  /**
   * How many reports `check` gives, by severity (its own or the rule's default), without building
   * them: the what-if and the first numbers at start count with it where nothing is muted or
   * revoked. For rules that can report about every person; a test holds it equal to `check`.
   */
  count?(ctx: RuleContext): SeverityCounts;
}
