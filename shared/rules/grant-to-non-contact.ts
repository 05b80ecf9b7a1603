import type { Rule, RuleReport } from './types';

/** A XING data release to a member who is not a contact (given from their profile or a message). */
export const grantToNonContact: Rule = {
  meta: {
    id: 'grant-to-non-contact',
    defaultSeverity: 'medium',
    title: { en: 'Details released to a non-contact', de: 'Daten an ein Nicht-Kontakt-Mitglied freigegeben' },
    rationale: {
      en: 'XING lets you release details to members who are not your contacts; they are not notified, and the release is easily forgotten.',
      de: 'XING erlaubt Freigaben an Mitglieder, die keine Kontakte sind; sie werden nicht benachrichtigt, und die Freigabe gerät leicht in Vergessenheit.',
    },
    messages: {
      grant: {
        en: '{member} is not one of your XING contacts but can see {yourField}.',
        de: '{member} ist kein XING-Kontakt von Ihnen, sieht aber {yourField}.',
      },
    },
  },
  check(ctx) {
    const keys = new Set([...ctx.contacts.values()].filter((c) => c.network === 'xing').map((c) => c.key));
    const reports: RuleReport[] = [];
    for (const g of ctx.sharing.xing.grants) {
      if (g.contactKey !== null && keys.has(g.contactKey)) continue;
      reports.push({
        messageId: 'grant',
        data: { member: g.memberName, field: g.field },
        contactId: null,
        field: g.field,
        subject: `member-${g.memberName}`,
        network: 'xing',
        severity: ctx.policy.sensitiveFields.includes(g.field) ? 'high' : 'medium',
        evidence: [{ kind: 'declared-setting', data: { network: 'xing', audience: 'member', member: g.memberName } }],
        actions: ['revoke-xing-grant'],
        assumed: false,
      });
    }
    return reports;
  },
};
