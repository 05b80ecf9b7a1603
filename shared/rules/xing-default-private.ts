import type { DetailField } from '../domain';
import type { Rule, RuleReport } from './types';

/** XING's "Als Standard" default includes a private detail or the mobile number. */
export const xingDefaultPrivate: Rule = {
  meta: {
    id: 'xing-default-private',
    defaultSeverity: 'high',
    title: {
      en: 'XING default ("Als Standard") shares private details',
      de: 'XING-Standardfreigabe („Als Standard“) teilt private Daten',
    },
    rationale: {
      en: 'A default saved while confirming one contact silently applies to every contact confirmed afterwards — for years.',
      de: 'Eine beim Bestätigen eines Kontakts gespeicherte Standardfreigabe gilt stillschweigend für jeden später bestätigten Kontakt — über Jahre.',
    },
    messages: {
      default: {
        en: 'Since {from}, your XING default gives {yourField} to every newly confirmed contact ({count, number} so far).',
        de: 'Seit {from} gibt Ihre XING-Standardfreigabe {yourField} an jeden neu bestätigten Kontakt ({count, number} bisher).',
      },
    },
  },
  check(ctx) {
    if (ctx.sharing.xing.model.value !== 'per-contact') return [];
    const reports: RuleReport[] = [];
    const xingContacts = [...ctx.contacts.values()].filter((c) => c.network === 'xing');
    const risky: readonly DetailField[] = [...new Set<DetailField>([...ctx.policy.sensitiveFields, 'mobile'])];
    for (const d of ctx.sharing.xing.defaults) {
      for (const field of d.fields) {
        if (!risky.includes(field)) continue;
        const count = xingContacts.filter((c) => c.connectedOn !== null && c.connectedOn >= d.from).length;
        reports.push({
          messageId: 'default',
          data: { from: d.from, field, count },
          contactId: null,
          field,
          subject: `default-${d.from}`,
          network: 'xing',
          evidence: [{ kind: 'declared-setting', data: { network: 'xing', audience: 'xing-default', since: d.from } }],
          actions: ['change-xing-default'],
          assumed: false,
        });
      }
    }
    return reports;
  },
};
