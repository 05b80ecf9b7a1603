import type { ExposureScore, Finding, Severity } from './domain';

/**
 * The exposure score (docs/score.md). Pure integer arithmetic up to the last division, so the full
 * audit and the what-if preview (which counts without building findings) give the same number
 * whatever order the findings come in.
 */

/** Weight of one finding, in units: high 6, medium 3, low 1 (the ratio 3 : 1.5 : 0.5 of before). */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { high: 6, medium: 3, low: 1 };
export const SEVERITIES = Object.keys(SEVERITY_WEIGHT) as readonly Severity[];

/** Units of one high-severity finding: the unit of load. */
const HIGH = SEVERITY_WEIGHT.high;

/**
 * Rules whose findings are about a setting that reaches your whole network (an audience, a default,
 * an upload), not about one person: one such finding weighs as much as the same finding about every
 * person. Every other rule's findings are about one person (or one member, for XING releases).
 */
export const SETTING_RULES: ReadonlySet<string> = new Set([
  'visible-to-everyone',
  'xing-default-private',
  'email-download-allowed',
  'address-book-uploaded',
  'birthday-year-visible',
]);

/** Per rule: how many findings, and their summed weight in units. */
export interface RuleTally {
  findings: number;
  weight: number;
}

/** Adds `n` findings (one unless said) to their rule's tally (the preview counts with this, without building findings). */
export function countFinding(byRule: Map<string, RuleTally>, rule: string, severity: Severity, n = 1): void {
  const entry = byRule.get(rule);
  if (entry === undefined) byRule.set(rule, { findings: n, weight: SEVERITY_WEIGHT[severity] * n });
  else {
    entry.findings += n;
    entry.weight += SEVERITY_WEIGHT[severity] * n;
  }
}

/**
 * 0 = nothing exposed, 100 = worst. `people` is the size of the network (current connections): a
 * finding about one person weighs by the share of the network it is, so the score measures how much
 * of your network sees what it should not, not how large the network is.
 */
export function exposureScore(
  findings: ReadonlyArray<Pick<Finding, 'rule' | 'severity'>>,
  people: number,
): ExposureScore {
  const byRule = new Map<string, RuleTally>();
  for (const f of findings) countFinding(byRule, f.rule, f.severity);
  return scoreOf(byRule, people);
}

/**
 * The score of per-rule tallies. Load L = Σ (weight of a person finding) / (6·people) + Σ (weight of a
 * setting finding) / 6, i.e. high-severity findings per person; value = 100 · L / (L + 1), rounded half
 * up, at least 1 while anything is open. Each rule's points are its share of that rounded value by load,
 * distributed by largest remainder so that they add up to it exactly.
 */
export function scoreOf(byRule: ReadonlyMap<string, RuleTally>, people: number): ExposureScore {
  const n = Math.max(1, Math.floor(people));
  // Everything below in units of 1/(6·n) high-severity findings per person: integers.
  const loads: Array<{ rule: string; findings: number; load: number }> = [];
  let total = 0;
  for (const [rule, { findings, weight }] of byRule) {
    const load = SETTING_RULES.has(rule) ? weight * n : weight;
    loads.push({ rule, findings, load });
    total += load;
  }
  const value = total === 0 ? 0 : Math.max(1, roundedRatio(100 * total, total + HIGH * n));
  const shares = loads.map(({ rule, findings, load }) => {
    const scaled = value * load;
    const remainder = total === 0 ? 0 : scaled % total;
    return { rule, findings, load, points: total === 0 ? 0 : (scaled - remainder) / total, remainder };
  });
  // Largest remainder: the points the floors leave over go to the largest remainders (then the larger
  // load, then the rule id), one each.
  let left = value - shares.reduce((sum, s) => sum + s.points, 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.load - a.load || a.rule.localeCompare(b.rule),
  );
  for (const s of byRemainder) {
    if (left <= 0) break;
    s.points++;
    left--;
  }
  const reasons = shares.map(({ rule, findings, points }) => ({ rule, findings, points }));
  reasons.sort((a, b) => b.points - a.points || a.rule.localeCompare(b.rule));
  return { value, reasons };
}

/** a / b rounded half up, for non-negative integers a and b > 0, exactly. */
function roundedRatio(a: number, b: number): number {
  const twice = 2 * a + b;
  return (twice - (twice % (2 * b))) / (2 * b);
}
