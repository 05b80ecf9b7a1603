/** A finding's words in the reader's language: the rule's ICU message filled with the finding's values. */
import type { Finding, Lang } from './domain';
import { formatMessage } from './i18n';
import { RULES, type Rule } from './rules';

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export function findingMessage(lang: Lang, finding: Pick<Finding, 'rule' | 'messageId' | 'data'>): string {
  const source = BY_ID.get(finding.rule)?.meta.messages[finding.messageId]?.[lang];
  return source === undefined ? `${finding.rule}: ${finding.messageId}` : formatMessage(lang, source, finding.data);
}

export function ruleTitle(lang: Lang, ruleId: string): string {
  return BY_ID.get(ruleId)?.meta.title[lang] ?? ruleId;
}
