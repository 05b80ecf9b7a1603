import type { Rule } from './types';

/** The full birthday, year included, visible beyond the people the user knows. */
export const birthdayYearVisible: Rule = {
  meta: {
    id: 'birthday-year-visible',
    defaultSeverity: 'medium',
    title: {
      en: 'Birthday with year visible beyond known contacts',
      de: 'Geburtstag mit Jahr über bekannte Kontakte hinaus sichtbar',
    },
    rationale: {
      en: 'Name plus full date of birth is what identity checks ask for. Day and month are enough for congratulations.',
      de: 'Name plus vollständiges Geburtsdatum ist das, was Identitätsprüfungen abfragen. Für Glückwünsche reichen Tag und Monat.',
    },
    messages: {
      year: {
        en: '{count, plural, one {Your birthday with the year ({value}) is visible to # contact you do not know well.} other {Your birthday with the year ({value}) is visible to # contacts you do not know well.}}',
        de: '{count, plural, one {Ihr Geburtstag mit Jahr ({value}) ist für # Kontakt sichtbar, den Sie nicht gut kennen.} other {Ihr Geburtstag mit Jahr ({value}) ist für # Kontakte sichtbar, die Sie nicht gut kennen.}}',
      },
    },
  },
  check(ctx) {
    const birthday = ctx.myDetails.find((d) => d.field === 'birthday' && /^\d{4}-\d{2}-\d{2}$/.test(d.value));
    if (!birthday) return [];
    const seers = ctx.exposures.filter(
      (e) => e.field === 'birthday' && ctx.familiarity.get(e.contactId)?.level !== 'known',
    );
    if (seers.length === 0) return [];
    const assumed = seers.some((e) => e.grant.assumed);
    const networks = new Set(seers.map((e) => e.grant.network));
    return [
      {
        messageId: 'year',
        data: { value: birthday.value, count: new Set(seers.map((e) => e.contactId)).size },
        contactId: null,
        field: 'birthday',
        network: networks.has('linkedin') ? 'linkedin' : 'xing',
        evidence: [...networks].map((network) => ({
          kind: assumed ? 'assumed-setting' : 'declared-setting',
          data: { network, audience: network === 'linkedin' ? 'first-degree' : 'contacts' },
        })),
        actions: [
          ...(networks.has('linkedin') ? (['narrow-birthday-audience'] as const) : []),
          ...(networks.has('xing') ? (['narrow-xing-category'] as const) : []),
        ],
        assumed,
      },
    ];
  },
};
