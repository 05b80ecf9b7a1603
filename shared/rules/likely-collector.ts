import type { DetailField } from '../domain';
import { isLikelyCollector } from '../familiarity';
import type { Rule, RuleReport } from './types';

/** Fields in the order a collector's access to them matters most. */
const SENSITIVITY: readonly DetailField[] = ['mobile', 'privateEmail', 'address', 'phone', 'birthday', 'businessEmail'];

/**
 * A likely contact collector — a generic "win-win" invitation, a role that pitches — that the user
 * does not know can see any of their details. Collectors pull every visible detail into their tools.
 */
export const likelyCollector: Rule = {
  meta: {
    id: 'likely-collector',
    defaultSeverity: 'high',
    title: {
      en: 'A likely contact collector can see your details',
      de: 'Ein wahrscheinlicher Kontaktsammler sieht Ihre Daten',
    },
    rationale: {
      en: 'Vague invitations and pure sales pitches come from people who collect contacts and import them into CRMs and sales tools. They should see nothing private.',
      de: 'Vage Einladungen und reine Verkaufsansprachen kommen von Menschen, die Kontakte sammeln und in CRM- und Vertriebstools übernehmen. Sie sollten nichts Privates sehen.',
    },
    messages: {
      collector: {
        en: '{count, plural, one {{name} looks like a contact collector and can see {yourField}.} other {{name} looks like a contact collector and can see # of your details, among them {yourField}.}}',
        de: '{count, plural, one {{name} wirkt wie ein Kontaktsammler und sieht {yourField}.} other {{name} wirkt wie ein Kontaktsammler und sieht # Ihrer Daten, darunter {yourField}.}}',
      },
    },
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const [contactId, exposures] of ctx.exposuresByContact) {
      const judgement = ctx.familiarity.get(contactId);
      const contact = ctx.contacts.get(contactId);
      if (!judgement || !contact || !isLikelyCollector(judgement)) continue;
      const fields = new Set(exposures.map((e) => e.field));
      const field = SENSITIVITY.find((f) => fields.has(f)) ?? exposures[0]!.field;
      reports.push({
        messageId: 'collector',
        data: { name: contact.name, count: fields.size, field },
        contactId,
        field,
        evidence: ctx.preview ? [] : [...judgement.collectorSignals, ...judgement.evidence],
        actions: ['remove-connection'],
        assumed: exposures.some((e) => e.grant.assumed),
      });
    }
    return reports;
  },
};
