/**
 * The platform's setting steps and what they clear: the details each LinkedIn audience and XING
 * category governs, the findings and shares a setting step ends, and the key each step goes by. The
 * plan's candidate steps (./steps.ts), the audit's revocation cover (../revocation-cover.ts) and the
 * revocation proof all decide it here.
 */
import type { DetailField, Finding, PlatformActionId } from '../domain';
import { XING_CATEGORY_FIELDS } from '../sharing';
import type { PlanStep, Viewer, XingCategory } from './types';

/** The LinkedIn audience settings and the details each one governs. */
export const AUDIENCE_FIELDS: Readonly<Partial<Record<PlatformActionId, readonly DetailField[]>>> = {
  'narrow-email-audience': ['privateEmail', 'businessEmail'],
  'narrow-phone-audience': ['mobile', 'phone'],
  'narrow-birthday-audience': ['birthday'],
};

/** Steps that change a setting (everyone concerned at once), not one person's access. */
export const SETTING_ACTIONS: ReadonlySet<PlatformActionId> = new Set([
  'narrow-email-audience',
  'narrow-phone-audience',
  'narrow-birthday-audience',
  'switch-off-email-download',
  'delete-uploaded-contacts',
  'change-xing-default',
  'narrow-xing-category',
]);

/**
 * Rules about everything a person sees, not one detail (a contact collector, a stale share): their
 * finding is gone once the person sees nothing — by removing them, or by every setting they see through.
 */
export const PERSON_WIDE_RULES: ReadonlySet<string> = new Set(['likely-collector', 'stale-grant']);

/**
 * Rules whose one finding spans several settings that must all change (your birthday with its year,
 * seen on LinkedIn and on XING): their setting steps clear it only together.
 */
export const ALL_SETTINGS_RULES: ReadonlySet<string> = new Set(['birthday-year-visible']);

/**
 * Whether a setting step ends this finding. Changing the XING default ("Als Standard") is never
 * retroactive: it ends the default itself (a finding about no person), not a share a contact already has.
 */
export function settingClears(action: PlatformActionId, finding: { contact: object | null }): boolean {
  return action !== 'change-xing-default' || finding.contact === null;
}

/** The setting step that ends a share made through this kind of grant, if a setting can end it. */
export function settingOfShare(
  via: Viewer['via'],
  field: DetailField,
): { action: PlatformActionId; to: PlanStep['to'] } | null {
  if (via === 'audience') {
    const narrow = audienceAction(field);
    return narrow && { action: narrow, to: 'only-you' };
  }
  // A default's share stays when the default changes (never retroactive): only the person's own step ends it.
  if (via === 'category') return categoryStep(field);
  return null;
}

/** The XING category a detail belongs to, and the step that narrows it. */
export function categoryStep(field: DetailField): { action: PlatformActionId; to: XingCategory } | null {
  for (const [category, fields] of Object.entries(XING_CATEGORY_FIELDS)) {
    if (fields.includes(field)) return { action: 'narrow-xing-category', to: category as XingCategory };
  }
  return null;
}

/** The audience setting that governs a detail on LinkedIn (none for the address). */
export function audienceAction(field: DetailField): PlatformActionId | null {
  for (const [action, fields] of Object.entries(AUDIENCE_FIELDS)) {
    if (fields!.includes(field)) return action as PlatformActionId;
  }
  return null;
}

/**
 * Where narrowing an audience can go to clear a finding of this rule: 1st-degree connections end
 * "visible to everyone"; anything about a person who is a 1st-degree connection needs "only you".
 */
const BOTH_TARGETS: ReadonlyArray<'first-degree' | 'only-you'> = ['first-degree', 'only-you'];
const ONLY_YOU: ReadonlyArray<'first-degree' | 'only-you'> = ['only-you'];
export function audienceTargets(rule: string): ReadonlyArray<'first-degree' | 'only-you'> {
  return rule === 'visible-to-everyone' ? BOTH_TARGETS : ONLY_YOU;
}

/** The keys of the setting steps that clear a finding (what a live revocation of a setting covers). */
export function settingKeys(
  finding: Pick<Finding, 'rule' | 'actions' | 'field'> & { contact: object | null },
): string[] {
  return finding.actions.flatMap((action) => {
    if (AUDIENCE_FIELDS[action]) return audienceTargets(finding.rule).map((to) => stepKey(action, to, null));
    if (action === 'narrow-xing-category') {
      const step = finding.field && categoryStep(finding.field);
      return step ? [stepKey(action, step.to, null)] : [];
    }
    return SETTING_ACTIONS.has(action) && settingClears(action, finding) ? [stepKey(action, null, null)] : [];
  });
}

/** The key of a step: one per setting (and audience), one per person and action. */
export function stepKey(action: PlatformActionId, to: PlanStep['to'], contactId: number | null): string {
  if (SETTING_ACTIONS.has(action)) return to ? `${action}:${to}` : action;
  return `${action}:${contactId}`;
}
