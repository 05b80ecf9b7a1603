import type { DetailField, Network } from '../domain';
import { XING_CATEGORY_FIELDS } from '../sharing';
import type { PlatformActionId } from '../domain';
import type { Rule, RuleReport } from './types';

/** A detail visible to everyone on LinkedIn, or to all XING members: anyone can harvest it. */
export const visibleToEveryone: Rule = {
  meta: {
    id: 'visible-to-everyone',
    defaultSeverity: 'high',
    title: { en: 'Detail visible to everyone', de: 'Detail für alle sichtbar' },
    rationale: {
      en: 'A detail shown to every member is shown to every scraper and every sales tool. Nothing private belongs there.',
      de: 'Ein Detail, das jedes Mitglied sieht, sieht auch jeder Scraper und jedes Vertriebstool. Nichts Privates gehört dorthin.',
    },
    messages: {
      everyone: {
        en: '{YourField} is visible to everyone on LinkedIn.',
        de: '{YourField} ist auf LinkedIn für alle sichtbar.',
      },
      members: {
        en: '{YourField} is visible to all XING members.',
        de: '{YourField} ist für alle XING-Mitglieder sichtbar.',
      },
    },
  },
  check(ctx) {
    const mine = new Set(ctx.myDetails.map((d) => d.field));
    const reports: RuleReport[] = [];
    const report = (
      network: Network,
      field: DetailField,
      audience: string,
      declared: boolean,
      action: PlatformActionId,
    ): void => {
      reports.push({
        messageId: network === 'linkedin' ? 'everyone' : 'members',
        data: { field },
        contactId: null,
        field,
        subject: network,
        network,
        severity: ctx.policy.sensitiveFields.includes(field) || field === 'birthday' ? 'high' : 'medium',
        evidence: [{ kind: declared ? 'declared-setting' : 'assumed-setting', data: { network, audience } }],
        actions: [action],
        assumed: !declared,
      });
    };
    const li = ctx.sharing.linkedin;
    const liFields: Array<[DetailField[], typeof li.emailVisibility, PlatformActionId]> = [
      [['privateEmail', 'businessEmail'], li.emailVisibility, 'narrow-email-audience'],
      [['mobile', 'phone'], li.phoneVisibility, 'narrow-phone-audience'],
      [['birthday'], li.birthdayVisibility, 'narrow-birthday-audience'],
    ];
    for (const [fields, setting, action] of liFields) {
      if (setting.value !== 'everyone') continue;
      for (const field of fields) if (mine.has(field)) report('linkedin', field, 'everyone', setting.declared, action);
    }
    if (ctx.sharing.xing.model.value === 'category') {
      for (const [category, fields] of Object.entries(XING_CATEGORY_FIELDS) as Array<
        [keyof typeof XING_CATEGORY_FIELDS, readonly DetailField[]]
      >) {
        const setting = ctx.sharing.xing.categories[category];
        if (setting.value !== 'members') continue;
        for (const field of fields)
          if (mine.has(field)) report('xing', field, 'all members', setting.declared, 'narrow-xing-category');
      }
    }
    return reports;
  },
};
