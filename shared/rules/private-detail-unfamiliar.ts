import type { Exposure, FamiliarityJudgement, PlatformActionId } from '../domain';
import type { Rule, RuleContext, RuleReport } from './types';

/**
 * A private detail (private email, mobile, private phone or address) that a person
 * the user does not really know can see. Every direct contact can pull what they
 * can see into a CRM or address book with a connector, so this is the core risk.
 */
function evidenceFor(
  exposure: Exposure,
  base: RuleReport['evidence'],
  cache: Map<Exposure['grant'], Map<number, RuleReport['evidence']>>,
): RuleReport['evidence'] {
  let byContact = cache.get(exposure.grant);
  if (!byContact) {
    byContact = new Map();
    cache.set(exposure.grant, byContact);
  }
  let evidence = byContact.get(exposure.contactId);
  if (!evidence) {
    evidence = [
      ...base,
      {
        kind: exposure.grant.assumed ? 'assumed-setting' : 'declared-setting',
        data: { network: exposure.grant.network, audience: exposure.grant.audience },
      },
    ];
    byContact.set(exposure.contactId, evidence);
  }
  return evidence;
}

/** The judgement of a person this exposure is reported about (an unfamiliar contact seeing a private detail), or null. */
function reportedAbout(ctx: RuleContext, exposure: Exposure): FamiliarityJudgement | null {
  if (!ctx.policy.sensitiveFields.includes(exposure.field)) return null;
  const familiarity = ctx.familiarity.get(exposure.contactId);
  if (!familiarity || familiarity.level !== 'unfamiliar') return null;
  return ctx.contacts.has(exposure.contactId) ? familiarity : null;
}

const severityOf = (field: Exposure['field']): 'high' | 'medium' => (field === 'mobile' ? 'high' : 'medium');

export const privateDetailUnfamiliar: Rule = {
  meta: {
    id: 'private-detail-unfamiliar',
    defaultSeverity: 'high',
    title: {
      en: 'Private detail visible to an unfamiliar contact',
      de: 'Privates Detail für unbekannten Kontakt sichtbar',
    },
    rationale: {
      en: 'Every direct contact can copy what they see into Outlook, a CRM or a sales tool. Private email and mobile belong only with people you really know.',
      de: 'Jeder direkte Kontakt kann Sichtbares automatisch in Outlook, ein CRM oder ein Vertriebstool übernehmen. Private E-Mail und Mobilnummer gehören nur zu Menschen, die Sie wirklich kennen.',
    },
    messages: {
      visible: {
        en: '{name} can see {yourField}, but you have no two-way exchange and they are not in your address book.',
        de: '{name} sieht {yourField}, obwohl es keinen wechselseitigen Austausch gibt und die Person nicht in Ihrem Adressbuch steht.',
      },
      weakEvidence: {
        en: '{name} can see {yourField}, but the evidence that you know them is too weak under your policy ({score, number} points).',
        de: '{name} sieht {yourField}, aber die Belege, dass Sie die Person kennen, sind nach Ihrer Richtlinie zu schwach ({score, number} Punkte).',
      },
    },
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    // Both findings about one person share one evidence list.
    const evidenceByContact = new Map<Exposure['grant'], Map<number, RuleReport['evidence']>>();
    for (const exposure of ctx.exposures) {
      const familiarity = reportedAbout(ctx, exposure);
      if (familiarity === null) continue;
      const contact = ctx.contacts.get(exposure.contactId)!;
      const narrow: PlatformActionId =
        exposure.field === 'mobile' || exposure.field === 'phone'
          ? 'narrow-phone-audience'
          : exposure.field === 'birthday'
            ? 'narrow-birthday-audience'
            : 'narrow-email-audience';
      // The step that removes it depends on how the detail became visible.
      const actions: PlatformActionId[] =
        exposure.grant.kind === 'audience'
          ? ['remove-connection', narrow]
          : exposure.grant.kind === 'category'
            ? ['exclude-xing-contact', 'narrow-xing-category']
            : [
                'revoke-xing-grant',
                ...([exposure.grant, ...(exposure.alsoGrantedBy ?? [])].some((g) => g.kind === 'default')
                  ? (['change-xing-default'] as const)
                  : []),
              ];
      // The message states only what the evidence says: with a (too weakly weighted) exchange or
      // address-book entry, it says the evidence was too weak, not that there is none.
      const related = familiarity.evidence.some((e) => e.kind === 'two-way-messages' || e.kind === 'in-address-book');
      reports.push({
        messageId: related ? 'weakEvidence' : 'visible',
        data: { name: contact.name, field: exposure.field, score: familiarity.score },
        contactId: contact.id,
        field: exposure.field,
        severity: severityOf(exposure.field),
        evidence: ctx.preview ? [] : evidenceFor(exposure, familiarity.evidence, evidenceByContact),
        actions,
        assumed: exposure.grant.assumed,
      });
    }
    return reports;
  },
  count(ctx) {
    const counts = { high: 0, medium: 0 };
    for (const exposure of ctx.exposures)
      if (reportedAbout(ctx, exposure) !== null) counts[severityOf(exposure.field)]++;
    return counts;
  },
};
