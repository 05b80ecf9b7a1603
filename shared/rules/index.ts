import { likelyCollector } from './likely-collector';
import { privateDetailUnfamiliar } from './private-detail-unfamiliar';
import { staleGrant } from './stale-grant';
import type { Rule } from './types';

/** Every rule ShareAudit knows. The parity test checks each has a doc page and a table test. */
export const RULES: readonly Rule[] = [privateDetailUnfamiliar, likelyCollector, staleGrant];

export type { Rule, RuleContext, RuleMeta, RuleReport } from './types';
