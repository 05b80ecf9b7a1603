/** "How ShareAudit judged": familiarity thresholds and weights, the evidence found, the rules, the policy's changes. */
import type { DetailField, Finding, Lang } from '../domain';
import { fieldLabel } from '../i18n';
import { DEFAULT_POLICY, type FamiliarityWeights, type Policy } from '../policy';
import { RULES } from '../rules';
import { say } from './text';
import type { ReportJudged, ReportPersonInput } from './types';

const WEIGHTS: ReadonlyArray<keyof FamiliarityWeights> = [
  'twoWayMessages',
  'addressBook',
  'addressBookByName',
  'trustedTag',
  'personalInvitation',
  'silentYear',
];

/** A list's change against the default: what was added and what removed. */
function listChange(lang: Lang, defaults: readonly string[], current: readonly string[]): string | null {
  const added = current.filter((x) => !defaults.includes(x));
  const removed = defaults.filter((x) => !current.includes(x));
  if (added.length === 0 && removed.length === 0) return null;
  return say(lang, 'listChange', {
    n: current.length,
    added: added.length > 0 ? added.join(', ') : null,
    removed: removed.length > 0 ? removed.join(', ') : null,
  });
}

function policyChanges(lang: Lang, policy: Policy): ReportJudged['policyChanges'] {
  const changes: ReportJudged['policyChanges'] = [];
  const d = DEFAULT_POLICY;
  const list = (path: string, label: string, defaults: readonly string[], current: readonly string[]) => {
    const change = listChange(lang, defaults, current);
    if (change !== null)
      changes.push({ path, label, default: say(lang, 'listOf', { n: defaults.length }), current: change });
  };
  const number = (path: string, label: string, defaults: number, current: number) => {
    if (defaults !== current) changes.push({ path, label, default: String(defaults), current: String(current) });
  };
  const fields = (fs: readonly DetailField[]) => fs.map((f) => fieldLabel(lang, f));
  list(
    'sensitiveFields',
    say(lang, 'policy.sensitiveFields'),
    fields(d.sensitiveFields),
    fields(policy.sensitiveFields),
  );
  list('trustedTags', say(lang, 'policy.trustedTags'), d.trustedTags, policy.trustedTags);
  for (const w of WEIGHTS)
    number(
      `familiarity.weights.${w}`,
      say(lang, `weight.${w}`),
      d.familiarity.weights[w],
      policy.familiarity.weights[w],
    );
  number('familiarity.knownAt', say(lang, 'policy.knownAt'), d.familiarity.knownAt, policy.familiarity.knownAt);
  number(
    'familiarity.acquaintedAt',
    say(lang, 'policy.acquaintedAt'),
    d.familiarity.acquaintedAt,
    policy.familiarity.acquaintedAt,
  );
  number('staleYears', say(lang, 'policy.staleYears'), d.staleYears, policy.staleYears);
  number('reauditAfterDays', say(lang, 'policy.reauditAfterDays'), d.reauditAfterDays, policy.reauditAfterDays);
  list('collector.phrases', say(lang, 'policy.phrases'), d.collector.phrases, policy.collector.phrases);
  list('collector.roles', say(lang, 'policy.roles'), d.collector.roles, policy.collector.roles);
  return changes;
}

export function judged(
  lang: Lang,
  policy: Policy,
  people: readonly ReportPersonInput[],
  open: readonly Finding[],
): ReportJudged {
  const evidence = new Map<string, number>();
  for (const p of people) {
    const kinds = new Set([...p.familiarity.evidence, ...p.familiarity.collectorSignals].map((e) => e.kind));
    for (const kind of kinds) evidence.set(kind, (evidence.get(kind) ?? 0) + 1);
  }
  const byRule = new Map<string, number>();
  for (const f of open) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  return {
    familiarity: {
      knownAt: policy.familiarity.knownAt,
      acquaintedAt: policy.familiarity.acquaintedAt,
      weights: WEIGHTS.map((name) => ({
        name,
        label: say(lang, `weight.${name}`),
        points: policy.familiarity.weights[name],
      })),
      evidence: [...evidence.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([kind, n]) => ({ kind, label: evidenceKindLabel(lang, kind), people: n })),
    },
    rules: RULES.map((r) => ({
      id: r.meta.id,
      title: r.meta.title[lang],
      rationale: r.meta.rationale[lang],
      severity: r.meta.defaultSeverity,
      findings: byRule.get(r.meta.id) ?? 0,
    })),
    policyChanges: policyChanges(lang, policy),
  };
}

const EVIDENCE_KINDS = [
  'two-way-messages',
  'one-way-messages',
  'no-messages',
  'in-address-book',
  'trusted-tag',
  'personal-invitation',
  'silent-years',
  'generic-invitation',
  'pitching-role',
  'unanswered-pitch',
  'assumed-setting',
  'declared-setting',
] as const;

function evidenceKindLabel(lang: Lang, kind: string): string {
  return (EVIDENCE_KINDS as readonly string[]).includes(kind)
    ? say(lang, `evidenceKind.${kind as (typeof EVIDENCE_KINDS)[number]}`)
    : kind;
}
