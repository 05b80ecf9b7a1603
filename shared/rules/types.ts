import type { Policy } from '../policy';
import type {
  Contact,
  DetailField,
  Evidence,
  Exposure,
  FamiliarityJudgement,
  Lang,
  PlatformActionId,
  Severity,
} from '../domain';

/** Everything a rule may look at. Built once per audit; rules never mutate it. */
export interface RuleContext {
  contacts: ReadonlyMap<number, Contact>;
  exposures: readonly Exposure[];
  familiarity: ReadonlyMap<number, FamiliarityJudgement>;
  policy: Policy;
  now: Date;
}

/** What a rule reports: a message id plus data, never a free string (translation, tests). */
export interface RuleReport {
  messageId: string;
  data: Record<string, string | number>;
  contactId: number;
  field: DetailField;
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

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleReport[];
}
