/**
 * The steps that could clear a finding, what each costs and whom it takes a detail from. A finding's
 * `actions` (set by its rule) say which platform steps clear it; a step on a setting clears that
 * action's findings about everyone, a step on a person only theirs.
 */
import type { DetailField, Finding, Network, PlatformActionId } from '../domain';
import { STEP_EFFORT, type PlanPerson, type PlanStep, type Viewer } from './types';

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

const XING_ACTIONS: ReadonlySet<PlatformActionId> = new Set([
  'change-xing-default',
  'narrow-xing-category',
  'revoke-xing-grant',
  'exclude-xing-contact',
]);

/** The audience setting that governs a detail on LinkedIn (none for the address). */
export function audienceAction(field: DetailField): PlatformActionId | null {
  for (const [action, fields] of Object.entries(AUDIENCE_FIELDS)) {
    if (fields!.includes(field)) return action as PlatformActionId;
  }
  return null;
}

/** A step that could be part of a plan, before the plan decides what it clears. */
export type Candidate = Omit<PlanStep, 'clears' | 'scoreAfter' | 'fields' | 'stops'> & { fields: DetailField[] };

/** Known people who see a detail, by how: the collateral of the setting that governs it. */
export class Collateral {
  private readonly byKey = new Map<string, Map<number, PlanPerson>>();

  constructor(viewers: readonly Viewer[]) {
    for (const v of viewers) {
      if (v.familiarity !== 'known') continue;
      const key = v.via === 'audience' ? `audience:${v.field}` : `xing:${v.via}`;
      let people = this.byKey.get(key);
      if (!people) this.byKey.set(key, (people = new Map()));
      people.set(v.contact.id, v.contact);
    }
  }

  /** Known people who lose access when this setting changes. */
  ofSetting(action: PlatformActionId, to: Candidate['to']): PlanPerson[] {
    const keys =
      to === 'only-you'
        ? (AUDIENCE_FIELDS[action] ?? []).map((f) => `audience:${f}`)
        : action === 'change-xing-default'
          ? ['xing:default']
          : action === 'narrow-xing-category'
            ? ['xing:category']
            : [];
    const people = new Map<number, PlanPerson>();
    for (const key of keys) for (const [id, p] of this.byKey.get(key) ?? []) people.set(id, p);
    return [...people.values()].sort((a, b) => a.id - b.id);
  }
}

function effortOf(action: PlatformActionId): number {
  if (SETTING_ACTIONS.has(action)) return STEP_EFFORT.setting;
  return action === 'remove-connection' ? STEP_EFFORT.removeConnection : STEP_EFFORT.person;
}

/** The key of a step: one per setting (and audience), one per person and action. */
export function stepKey(action: PlatformActionId, to: Candidate['to'], contactId: number | null): string {
  if (SETTING_ACTIONS.has(action)) return to ? `${action}:${to}` : action;
  return `${action}:${contactId}`;
}

/** Builds each candidate step once, by key. */
export class Candidates {
  readonly list: Candidate[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly collateral: Collateral) {}

  /** The index of the step, created on first use. */
  of(
    action: PlatformActionId,
    to: Candidate['to'],
    person: (PlanPerson & { known: boolean }) | null,
    network: Network,
  ): number {
    const setting = SETTING_ACTIONS.has(action);
    const key = stepKey(action, to, setting ? null : person!.id);
    let i = this.index.get(key);
    if (i === undefined) {
      const contact = setting || !person ? null : { id: person.id, name: person.name, profileUrl: person.profileUrl };
      i =
        this.list.push({
          key,
          action,
          network: XING_ACTIONS.has(action) ? 'xing' : setting ? 'linkedin' : network,
          contact,
          to,
          fields: [],
          effort: effortOf(action),
          collateral: setting ? this.collateral.ofSetting(action, to) : person?.known && contact ? [contact] : [],
        }) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

/** The candidate steps that clear a finding (a setting's step needs no person; a person's step does). */
export function findingSteps(finding: Finding, candidates: Candidates): number[] {
  const person = finding.contact && { ...finding.contact, known: finding.familiarity === 'known' };
  const out: number[] = [];
  for (const action of finding.actions) {
    if (AUDIENCE_FIELDS[action]) {
      // Narrowing to 1st-degree connections ends "visible to everyone"; anything about a person
      // who is a 1st-degree connection needs "only you".
      if (finding.rule === 'visible-to-everyone') out.push(candidates.of(action, 'first-degree', null, 'linkedin'));
      out.push(candidates.of(action, 'only-you', null, 'linkedin'));
    } else if (SETTING_ACTIONS.has(action)) out.push(candidates.of(action, null, null, finding.network));
    else if (person) out.push(candidates.of(action, null, person, finding.network));
  }
  return [...new Set(out)];
}

/** The candidate steps that stop one person seeing one detail (the emergency reset's targets). */
export function viewerSteps(viewer: Viewer, candidates: Candidates): number[] {
  const person = { ...viewer.contact, known: viewer.familiarity === 'known' };
  const out: number[] = [];
  if (viewer.via === 'audience') {
    const narrow = audienceAction(viewer.field);
    if (narrow) out.push(candidates.of(narrow, 'only-you', null, 'linkedin'));
    out.push(candidates.of('remove-connection', null, person, viewer.network));
  } else if (viewer.via === 'category') {
    out.push(candidates.of('narrow-xing-category', null, null, 'xing'));
    out.push(candidates.of('exclude-xing-contact', null, person, 'xing'));
  } else {
    if (viewer.via === 'default') out.push(candidates.of('change-xing-default', null, null, 'xing'));
    out.push(candidates.of('revoke-xing-grant', null, person, 'xing'));
  }
  return out;
}
