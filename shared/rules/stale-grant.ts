import type { DetailField } from '../domain';
import { wholeYearsSince } from '../dates';
import type { Rule, RuleReport } from './types';

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
      neverExchanged: {
        en: '{years, plural, one {{name} can still see {yourField}; you connected a year ago and have never exchanged a message.} other {{name} can still see {yourField}; you connected # years ago and have never exchanged a message.}}',
        de: '{years, plural, one {{name} sieht noch immer {yourField}; Sie sind seit einem Jahr verbunden und haben nie eine Nachricht ausgetauscht.} other {{name} sieht noch immer {yourField}; Sie sind seit # Jahren verbunden und haben nie eine Nachricht ausgetauscht.}}',
      },
      /** Messages went both ways, but their dates are not known: how long the silence is, nobody can say. */
      exchangedUndated: {
        en: '{years, plural, one {{name} can still see {yourField}; you connected a year ago and have exchanged messages, but when you last did is not known.} other {{name} can still see {yourField}; you connected # years ago and have exchanged messages, but when you last did is not known.}}',
        de: '{years, plural, one {{name} sieht noch immer {yourField}; Sie sind seit einem Jahr verbunden und haben Nachrichten ausgetauscht, aber wann zuletzt, ist nicht bekannt.} other {{name} sieht noch immer {yourField}; Sie sind seit # Jahren verbunden und haben Nachrichten ausgetauscht, aber wann zuletzt, ist nicht bekannt.}}',
      },
    },
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const [contactId, exposures] of ctx.exposuresByContact) {
      const judgement = ctx.familiarity.get(contactId);
      const contact = ctx.contacts.get(contactId);
      if (!judgement || !contact || judgement.level === 'unfamiliar') continue;
      // An entry in one of your address books is a relationship kept outside the network: not stale.
      if (judgement.evidence.some((e) => e.kind === 'in-address-book')) continue;
      // Only a two-way exchange is an exchange: one-way messages leave the silence where it began.
      const twoWay = judgement.evidence.find((e) => e.kind === 'two-way-messages');
      const last = twoWay?.data.lastAt;
      const dated = typeof last === 'string' && last !== '?';
      // Never an exchange, or one of unknown date: counted from when you connected, and the message
      // says which (an exchange without dates is no "never exchanged").
      const since = dated ? last : contact.connectedOn;
      if (!since) continue;
      const years = wholeYearsSince(since, ctx.now);
      if (years === null || years < ctx.policy.staleYears) continue;
      const fields = new Set(exposures.map((e) => e.field));
      const field = SENSITIVITY.find((f) => fields.has(f)) ?? exposures[0]!.field;
      reports.push({
        messageId: dated ? 'stale' : twoWay ? 'exchangedUndated' : 'neverExchanged',
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
