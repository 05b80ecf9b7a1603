/** Findings in the report: each in the reader's words, and grouped by the step of the plan that clears it. */
import type { Evidence, Finding, Lang, PlatformActionId, RevocationStatus } from '../domain';
import { findingMessage, ruleTitle } from '../finding-text';
import { evidenceText, familiarityLabel, fieldLabel, severityLabel } from '../i18n';
import type { ActionPlan } from '../plan/types';
import { platformStep } from '../platform';
import { stepInstruction } from '../plan/text';
import { evidenceWithoutPaths, reportDate, say, valuesWithoutPaths } from './text';
import type { ReportFinding, ReportFindingGroup, ReportMutedFinding, ReportPersonGroup, ReportStepLink } from './types';

export function statusLabel(lang: Lang, status: RevocationStatus): string {
  return say(lang, `status.${status}`);
}

/**
 * Texts many findings share (an evidence such as "assumed: LinkedIn's default", a step's label),
 * formatted once per report: a heavy user has 60,000 findings and a handful of such texts.
 */
export class Words {
  private readonly texts = new Map<string, string>();

  constructor(readonly lang: Lang) {}

  once(key: string, make: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = make()));
    return text;
  }

  evidence(e: Evidence): string {
    return this.once(`e:${e.kind}:${JSON.stringify(e.data)}`, () => evidenceText(evidenceWithoutPaths(e), this.lang));
  }

  step(action: PlatformActionId, profileUrl: string | null): ReportStepLink {
    const { url } = platformStep(action, this.lang, profileUrl);
    const onXing = profileUrl !== null && /^https:\/\/(www\.)?xing\.com\//.test(profileUrl);
    return {
      action,
      url,
      label: this.once(`s:${action}:${onXing}`, () => platformStep(action, this.lang, profileUrl).label),
    };
  }
}

export function reportFinding(lang: Lang, f: Finding, words: Words = new Words(lang)): ReportFinding {
  return {
    id: f.id,
    rule: f.rule,
    ruleTitle: ruleTitle(lang, f.rule),
    severity: f.severity,
    severityLabel: severityLabel(lang, f.severity),
    field: f.field,
    fieldLabel: f.field ? fieldLabel(lang, f.field) : null,
    network: f.network,
    contact: f.contact && { ...f.contact },
    familiarity: f.familiarity,
    familiarityLabel: f.familiarity ? familiarityLabel(lang, f.familiarity) : null,
    message: findingMessage(lang, { ...f, data: valuesWithoutPaths(f.data) }),
    evidence: f.evidence.map((e) => words.evidence(e)),
    assumed: f.assumed,
    steps: f.actions.map((a) => words.step(a, f.contact?.profileUrl ?? null)),
    revocation: f.revocation && { ...f.revocation, statusLabel: statusLabel(lang, f.revocation.status) },
  };
}

export function reportMuted(
  lang: Lang,
  f: Finding & { muted: NonNullable<Finding['muted']> },
  words: Words = new Words(lang),
): ReportMutedFinding {
  return {
    ...reportFinding(lang, f, words),
    reason: f.muted.reason,
    until: f.muted.until === null ? null : reportDate(lang, f.muted.until),
  };
}

/** Findings of one group, by person in the audit's order (severity, then name); setting findings first. */
function byPerson(lang: Lang, findings: readonly Finding[]): ReportPersonGroup[] {
  const groups = new Map<number | null, ReportPersonGroup>();
  for (const f of findings) {
    const id = f.contact?.id ?? null;
    let group = groups.get(id);
    if (group === undefined) {
      group = {
        contact: f.contact && { id: f.contact.id, name: f.contact.name, profileUrl: f.contact.profileUrl },
        familiarity: f.familiarity,
        familiarityLabel: f.familiarity ? familiarityLabel(lang, f.familiarity) : null,
        findings: [],
      };
      groups.set(id, group);
    }
    group.findings.push(f.id);
  }
  const settings = groups.get(null);
  groups.delete(null);
  return settings ? [settings, ...groups.values()] : [...groups.values()];
}

interface Caps {
  groups: number;
  peoplePerGroup: number;
}

/** One group before it is capped: what it is called, where its step is done, and its findings. */
interface Draft {
  key: string;
  title: string;
  url: string | null;
  planStep: number | null;
  list: Finding[];
}

/** The plan's steps in its order, each with the findings it clears first (a step that clears none is left out). */
function byPlanStep(lang: Lang, plan: ActionPlan, byId: ReadonlyMap<string, Finding>, placed: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  plan.steps.forEach((step, i) => {
    const link = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
    const title = step.contact ? say(lang, 'stepFor', { step: link.label, name: step.contact.name }) : link.label;
    const list = step.clears.flatMap((id) => byId.get(id) ?? []).filter((f) => !placed.has(f.id));
    if (list.length === 0) return;
    for (const f of list) placed.add(f.id);
    drafts.push({ key: step.key, title, url: link.url, planStep: i + 1, list });
  });
  return drafts;
}

/**
 * Without a plan (or what it leaves): by the first step that would remove each finding, the largest
 * group first.
 */
function byFirstStep(lang: Lang, open: readonly Finding[], planned: boolean, placed: ReadonlySet<string>): Draft[] {
  const rest = new Map<string, Finding[]>();
  for (const f of open) {
    if (placed.has(f.id)) continue;
    // The plan leaves what a revocation of the user's already takes away: a group of its own.
    const key = f.revocation !== null ? 'revoking' : planned ? 'left' : (f.actions[0] ?? 'none');
    const list = rest.get(key);
    if (list) list.push(f);
    else rest.set(key, [f]);
  }
  const ordered = [...rest.entries()].sort((a, b) => b[1].length - a[1].length);
  return ordered.map(([key, list]): Draft => {
    const action = list[0]!.actions[0];
    const plain = (k: string, title: string): Draft => ({ key: k, title, url: null, planStep: null, list });
    if (key === 'revoking') return plain('revoking', say(lang, 'groupRevoking'));
    if (key === 'left') return plain('left', say(lang, 'groupLeft'));
    if (key === 'none' || action === undefined) return plain('none', say(lang, 'groupNoStep'));
    const step = platformStep(action, lang, null);
    return { key, title: step.label, url: action === 'remove-connection' ? null : step.url, planStep: null, list };
  });
}

/** One group as the report shows it: past the capped number of groups only counted, else its first people. */
function capGroup(lang: Lang, draft: Draft, caps: Caps | null, index: number): ReportFindingGroup {
  const { key, title, url, planStep, list } = draft;
  const counted = caps !== null && index >= caps.groups;
  const people = counted ? [] : byPerson(lang, list);
  const shown = caps === null ? people : people.slice(0, caps.peoplePerGroup);
  const hidden = counted ? list.length : people.slice(shown.length).reduce((n, p) => n + p.findings.length, 0);
  return {
    key,
    title,
    url,
    planStep,
    findings: list.length,
    peopleTotal: people.length,
    people: shown,
    hiddenFindings: hidden,
  };
}

/**
 * Open findings grouped by the step of the plan (fewest steps) that clears them, in the plan's
 * order, then those the plan leaves; without a plan, by the kind of step that removes each. Capped,
 * only the first groups list their people, and only their first ones (the rest are counted).
 */
export function groupFindings(
  lang: Lang,
  open: readonly Finding[],
  plan: ActionPlan | null,
  caps: Caps | null,
): ReportFindingGroup[] {
  const placed = new Set<string>();
  const drafts = plan ? byPlanStep(lang, plan, new Map(open.map((f) => [f.id, f])), placed) : [];
  drafts.push(...byFirstStep(lang, open, plan !== null, placed));
  return drafts.map((draft, i) => capGroup(lang, draft, caps, i));
}
