import type { DetailField } from '../domain';
import type { Rule, RuleReport } from './types';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const SENSITIVITY: readonly DetailField[] = ['mobile', 'privateEmail', 'address', 'phone', 'birthday', 'businessEmail'];

/**
 * Someone the user once knew but has had no exchange with for N years (N in the policy) still sees
 * their details. Unfamiliar contacts are left to private-detail-unfamiliar: this rule is about
 * relationships that went quiet.
 */
export const staleGrant: Rule = {
  meta: {
    id: 'stale-grant',
    defaultSeverity: 'low',
    title: {
      en: 'Stale share: no exchange for years',
      de: 'Veraltete Freigabe: seit Jahren kein Austausch',
    },
    rationale: {
      en: 'Shares outlive relationships. Someone you have not written to for years still sees what you once shared.',
      de: 'Freigaben überdauern Beziehungen. Wem Sie seit Jahren nicht geschrieben haben, der sieht noch immer, was Sie einmal geteilt haben.',
    },
    messages: {
      stale: {
        en: '{years, plural, one {{name} can still see {yourField}, but your last exchange was a year ago.} other {{name} can still see {yourField}, but your last exchange was # years ago.}}',
        de: '{years, plural, one {{name} sieht noch immer {yourField}, aber Ihr letzter Austausch liegt ein Jahr zurück.} other {{name} sieht noch immer {yourField}, aber Ihr letzter Austausch liegt # Jahre zurück.}}',
      },
    },
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const [contactId, exposures] of ctx.exposuresByContact) {
      const judgement = ctx.familiarity.get(contactId);
      const contact = ctx.contacts.get(contactId);
      if (!judgement || !contact || judgement.level === 'unfamiliar') continue;
      const last = judgement.evidence.find((e) => e.kind === 'two-way-messages' || e.kind === 'one-way-messages')?.data
        .lastAt;
      const since = typeof last === 'string' && last !== '?' ? last : contact.connectedOn;
      if (!since) continue;
      const years = Math.floor((ctx.now.getTime() - Date.parse(since)) / YEAR_MS);
      if (years < ctx.policy.staleYears) continue;
      const fields = new Set(exposures.map((e) => e.field));
      const field = SENSITIVITY.find((f) => fields.has(f)) ?? exposures[0]!.field;
      reports.push({
        messageId: 'stale',
        data: { name: contact.name, field, years },
        contactId,
        field,
        severity: ctx.policy.sensitiveFields.includes(field) ? 'medium' : 'low',
        evidence: ctx.preview ? [] : judgement.evidence,
        actions: ['remove-connection'],
        assumed: exposures.some((e) => e.grant.assumed),
      });
    }
    return reports;
  },
};
