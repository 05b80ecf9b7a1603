/**
 * The steps that could clear a finding, what each costs and whom it takes a detail from. A finding's
 * `actions` (set by its rule) say which platform steps clear it; a step on a setting clears that
 * action's findings about everyone, a step on a person only theirs (which setting steps clear what,
 * and the key of a step: ./setting-steps.ts).
 */
import type { DetailField, Finding, Network, PlatformActionId } from '../domain';
import { XING_CATEGORY_FIELDS } from '../sharing';
import { IdIndex } from './ids';
import {
  AUDIENCE_FIELDS,
  SETTING_ACTIONS,
  audienceAction,
  audienceTargets,
  categoryStep,
  settingClears,
  settingOfShare,
  stepKey,
} from './setting-steps';
import { STEP_EFFORT, type PlanPerson, type PlanStep, type Viewer, type XingCategory } from './types';

/** Steps taken on XING (the other settings are LinkedIn's; a person's step is taken where they are). */
const XING_ACTIONS: ReadonlySet<PlatformActionId> = new Set([
  'change-xing-default',
  'narrow-xing-category',
  'revoke-xing-grant',
  'exclude-xing-contact',
]);

/** A step that could be part of a plan, before the plan decides what it clears. */
export type Candidate = Omit<PlanStep, 'clears' | 'scoreAfter' | 'fields' | 'stops'> & { fields: DetailField[] };

/** Known people who see a detail, by how: the collateral of the setting that governs it. */
export class Collateral {
  private readonly byKey = new Map<string, Map<number, PlanPerson>>();
  private readonly bySetting = new Map<string, PlanPerson[]>();

  constructor(viewers: readonly Viewer[]) {
    for (const v of viewers) {
      if (v.familiarity !== 'known') continue;
      const key = `${v.via}:${v.field}`;
      let people = this.byKey.get(key);
      if (!people) this.byKey.set(key, (people = new Map()));
      people.set(v.contact.id, v.contact);
    }
  }

  /** Known people who lose access when this setting changes (a fresh array; worked out once per setting). */
  ofSetting(action: PlatformActionId, to: Candidate['to']): PlanPerson[] {
    const setting = `${action}:${to}`;
    let people = this.bySetting.get(setting);
    if (!people) this.bySetting.set(setting, (people = this.gather(action, to)));
    return people.slice();
  }

  private gather(action: PlatformActionId, to: Candidate['to']): PlanPerson[] {
    // The XING default is not retroactive: changing it takes nothing from anyone.
    const keys =
      to === 'only-you'
        ? (AUDIENCE_FIELDS[action] ?? []).map((f) => `audience:${f}`)
        : action === 'narrow-xing-category' && to !== null && to in XING_CATEGORY_FIELDS
          ? XING_CATEGORY_FIELDS[to as XingCategory].map((f) => `category:${f}`)
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

/** The network a step is taken on (a person's step: where the person is). */
function networkOf(action: PlatformActionId, network: Network): Network {
  return XING_ACTIONS.has(action) ? 'xing' : SETTING_ACTIONS.has(action) ? 'linkedin' : network;
}

/** Builds each candidate step once, by key. */
export class Candidates {
  readonly list: Candidate[] = [];
  /** Settings by key; people's steps by action, then person (no key string built per lookup). */
  private readonly settings = new Map<PlatformActionId, Map<Candidate['to'], number>>();
  private readonly people = new Map<PlatformActionId, IdIndex>();
  /**
   * Whether every request for a step about a person asked for it as it was made (the same name, link,
   * network and familiarity): then which request comes first does not change the step.
   */
  consistent = true;

  constructor(private readonly collateral: Collateral) {}

  /** The step of a setting (one of SETTING_ACTIONS), created on first use. */
  setting(action: PlatformActionId, to: Candidate['to'], network: Network): number {
    let byTo = this.settings.get(action);
    if (!byTo) this.settings.set(action, (byTo = new Map()));
    let i = byTo.get(to);
    if (i === undefined) {
      i = this.add(stepKey(action, to, null), action, to, null, network, this.collateral.ofSetting(action, to));
      byTo.set(to, i);
    }
    return i;
  }

  /** The step of one person (an action not in SETTING_ACTIONS), created on first use. */
  person(action: PlatformActionId, person: PlanPerson, network: Network, known: boolean): number {
    let byPerson = this.people.get(action);
    if (!byPerson) this.people.set(action, (byPerson = new IdIndex()));
    let i = byPerson.get(person.id);
    if (i === undefined) {
      const contact = { id: person.id, name: person.name, profileUrl: person.profileUrl };
      i = this.add(stepKey(action, null, contact.id), action, null, contact, network, known ? [contact] : []);
      byPerson.set(contact.id, i);
    } else if (this.consistent) this.consistent = this.same(this.list[i]!, person, network, known);
    return i;
  }

  private same(step: Candidate, person: PlanPerson, network: Network, known: boolean): boolean {
    return (
      step.contact!.name === person.name &&
      step.contact!.profileUrl === person.profileUrl &&
      (step.network === network || step.network === networkOf(step.action, network)) &&
      step.collateral.length === (known ? 1 : 0)
    );
  }

  private add(
    key: string,
    action: PlatformActionId,
    to: Candidate['to'],
    contact: PlanPerson | null,
    network: Network,
    collateral: PlanPerson[],
  ): number {
    return (
      this.list.push({
        key,
        action,
        network: networkOf(action, network),
        contact,
        to,
        fields: [],
        effort: effortOf(action),
        collateral,
      }) - 1
    );
  }
}

/** The candidate steps that clear a finding (a setting's step needs no person; a person's step does). */
export function findingSteps(finding: Finding, candidates: Candidates): number[] {
  const known = finding.familiarity === 'known';
  const out: number[] = [];
  let removes = false;
  for (const action of finding.actions) {
    if (AUDIENCE_FIELDS[action]) {
      for (const to of audienceTargets(finding.rule)) out.push(candidates.setting(action, to, 'linkedin'));
    } else if (action === 'narrow-xing-category') {
      const step = finding.field && categoryStep(finding.field);
      if (step) out.push(candidates.setting(action, step.to, 'xing'));
    } else if (SETTING_ACTIONS.has(action)) {
      if (settingClears(action, finding)) out.push(candidates.setting(action, null, finding.network));
    } else if (finding.contact) {
      removes ||= action === 'remove-connection';
      out.push(candidates.person(action, finding.contact, finding.network, known));
    }
  }
  // Removing the person ends everything they see, whichever rule found it.
  if (finding.contact && !removes)
    out.push(candidates.person('remove-connection', finding.contact, finding.network, known));
  return out;
}

/**
 * The settings that together leave a person seeing nothing (null if a share of theirs no setting
 * can end, e.g. a XING release made for them alone).
 */
export function settingsTogether(seen: readonly Viewer[], candidates: Candidates): number[] | null {
  const asked = settingsAsked(seen, candidates);
  return asked.length > 0 && asked.length === seen.length ? [...new Set(asked)] : null;
}

/**
 * The settings `settingsTogether` asks for, in its order: all a person sees through, or those up to the
 * first share no setting ends.
 */
export function settingsAsked(seen: readonly Viewer[], candidates: Candidates): number[] {
  const asked: number[] = [];
  for (const v of seen) {
    const setting = settingOfShare(v.via, v.field);
    if (!setting) break;
    asked.push(candidates.setting(setting.action, setting.to, v.network));
  }
  return asked;
}

/** The candidate steps that stop one person seeing one detail (the emergency reset's targets). */
export function viewerSteps(viewer: Viewer, candidates: Candidates): number[] {
  const person = viewer.contact;
  const known = viewer.familiarity === 'known';
  const out: number[] = [];
  if (viewer.via === 'audience') {
    const narrow = audienceAction(viewer.field);
    if (narrow) out.push(candidates.setting(narrow, 'only-you', 'linkedin'));
    out.push(candidates.person('remove-connection', person, viewer.network, known));
  } else if (viewer.via === 'category') {
    const step = categoryStep(viewer.field);
    if (step) out.push(candidates.setting(step.action, step.to, 'xing'));
    out.push(candidates.person('exclude-xing-contact', person, 'xing', known));
  } else {
    if (viewer.via === 'default') out.push(candidates.setting('change-xing-default', null, 'xing'));
    out.push(candidates.person('revoke-xing-grant', person, 'xing', known));
  }
  return out;
}
