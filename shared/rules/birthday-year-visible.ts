import type { Exposure, MyDetail } from '../domain';
import type { Rule, RuleContext } from './types';

/** The user's birthday with its year, if they have one. */
const fullBirthday = (myDetails: readonly MyDetail[]): MyDetail | undefined =>
  myDetails.find((d) => d.field === 'birthday' && /^\d{4}-\d{2}-\d{2}$/.test(d.value));

/** Someone not known well who sees the birthday. */
const seesIt = (ctx: RuleContext, e: Exposure): boolean =>
  e.field === 'birthday' && ctx.familiarity.get(e.contactId)?.level !== 'known';

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
    const birthday = fullBirthday(ctx.myDetails);
    if (!birthday) return [];
    const seers = ctx.exposures.filter((e) => seesIt(ctx, e));
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
  // One finding at most: whether anyone sees it is enough, not who (a heavy user's 30,000 seers).
  count(ctx) {
    const seen = fullBirthday(ctx.myDetails) !== undefined && ctx.exposures.some((e) => seesIt(ctx, e));
    return seen ? { [birthdayYearVisible.meta.defaultSeverity]: 1 } : {};
  },
};
