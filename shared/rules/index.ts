import { privateDetailUnfamiliar } from './private-detail-unfamiliar';
import type { Rule } from './types';

/** Every rule ShareAudit knows. The parity test checks each has a doc page and a table test. */
export const RULES: readonly Rule[] = [privateDetailUnfamiliar];

export type { Rule, RuleContext, RuleMeta, RuleReport } from './types';
