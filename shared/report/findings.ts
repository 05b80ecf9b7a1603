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
  const byId = new Map(open.map((f) => [f.id, f]));
  const groups: ReportFindingGroup[] = [];
  const placed = new Set<string>();
  const push = (key: string, title: string, url: string | null, planStep: number | null, list: Finding[]) => {
    if (list.length === 0) return;
    for (const f of list) placed.add(f.id);
    if (caps !== null && groups.length >= caps.groups) {
      groups.push({
        key,
        title,
        url,
        planStep,
        findings: list.length,
        peopleTotal: 0,
        people: [],
        hiddenFindings: list.length,
      });
      return;
    }
    const people = byPerson(lang, list);
    const shown = caps === null ? people : people.slice(0, caps.peoplePerGroup);
    const hidden = people.slice(shown.length).reduce((n, p) => n + p.findings.length, 0);
    groups.push({
      key,
      title,
      url,
      planStep,
      findings: list.length,
      peopleTotal: people.length,
      people: shown,
      hiddenFindings: hidden,
    });
  };
  if (plan) {
    plan.steps.forEach((step, i) => {
      const link = stepInstruction(lang, step.action, step.to, step.contact?.profileUrl ?? null);
      const title = step.contact ? say(lang, 'stepFor', { step: link.label, name: step.contact.name }) : link.label;
      const list = step.clears.flatMap((id) => byId.get(id) ?? []).filter((f) => !placed.has(f.id));
      push(step.key, title, link.url, i + 1, list);
    });
  }
  // Without a plan (or what it leaves): by the first step that would remove each finding.
  const rest = new Map<string, Finding[]>();
  for (const f of open) {
    if (placed.has(f.id)) continue;
    // The plan leaves what a revocation of the user's already takes away: a group of its own.
    const key = f.revocation !== null ? 'revoking' : plan ? 'left' : (f.actions[0] ?? 'none');
    const list = rest.get(key);
    if (list) list.push(f);
    else rest.set(key, [f]);
  }
  const ordered = [...rest.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [key, list] of ordered) {
    const action = list[0]!.actions[0];
    if (key === 'revoking') push('revoking', say(lang, 'groupRevoking'), null, null, list);
    else if (key === 'left') push('left', say(lang, 'groupLeft'), null, null, list);
    else if (key === 'none' || action === undefined) push('none', say(lang, 'groupNoStep'), null, null, list);
    else {
      const step = platformStep(action, lang, null);
      push(key, step.label, action === 'remove-connection' ? null : step.url, null, list);
    }
  }
  return groups;
}
