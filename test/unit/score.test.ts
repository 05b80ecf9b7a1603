import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../shared/domain';
import { RULES } from '../../shared/rules';
import { countFinding, exposureScore, scoreOf, SETTING_RULES, SEVERITIES, type RuleTally } from '../../shared/score';

type F = { rule: string; severity: Severity };

/** Rules whose findings are each about one person (or one XING member). */
const PERSON_RULES = ['private-detail-unfamiliar', 'likely-collector', 'stale-grant', 'grant-to-non-contact'];

function times(n: number, rule: string, severity: Severity): F[] {
  return Array.from({ length: n }, () => ({ rule, severity }));
}

/** A small seeded generator (mulberry32): fast-check picks the seed, so failures replay and shrink. */
function random(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  return items
    .map((item) => ({ item, key: next() }))
    .sort((x, y) => x.key - y.key)
    .map(({ item }) => item);
}

function pick<T>(items: readonly T[], u: number): T {
  const item = items[Math.floor(u * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** The findings without a random 40 % of them (rounded). */
function withoutForty(findings: readonly F[], seed: number): F[] {
  return shuffled(findings, seed).slice(Math.round(findings.length * 0.4));
}

/**
 * An audit of `count` person findings over 2–4 (or the given) rules, with a severity mix chosen per audit
 * (anything from all high to all low): highShare and mediumShare in percent.
 */
function personAudit(rules: readonly string[], count: number, highShare: number, mediumShare: number, seed: number) {
  const next = random(seed);
  return Array.from({ length: count }, (): F => {
    const x = next() * 100;
    return {
      rule: pick(rules, next()),
      severity: x < highShare ? 'high' : x < highShare + mediumShare ? 'medium' : 'low',
    };
  });
}

const finding = fc.record({
  rule: fc.constantFrom(...PERSON_RULES, ...SETTING_RULES, 'some-future-rule'),
  severity: fc.constantFrom(...SEVERITIES),
});
const audit = fc.record({
  findings: fc.array(finding, { maxLength: 300 }),
  people: fc.integer({ min: 0, max: 50_000 }),
});
const mix = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([high, medium]) => ({ high, medium: Math.min(medium, 100 - high) }));

const sum = (s: { reasons: Array<{ points: number }> }): number => s.reasons.reduce((a, r) => a + r.points, 0);

describe('the exposure score: properties on random audits', () => {
  it('its reasons add up exactly to the value shown, each within one point of its exact share', () => {
    fc.assert(
      fc.property(audit, ({ findings, people }) => {
        const score = exposureScore(findings, people);
        expect(sum(score)).toBe(score.value);
        const loads = new Map<string, number>();
        for (const f of findings) {
          const w = { high: 6, medium: 3, low: 1 }[f.severity] * (SETTING_RULES.has(f.rule) ? Math.max(1, people) : 1);
          loads.set(f.rule, (loads.get(f.rule) ?? 0) + w);
        }
        const total = [...loads.values()].reduce((a, b) => a + b, 0);
        for (const r of score.reasons) {
          expect(r.findings).toBe(findings.filter((f) => f.rule === r.rule).length);
          expect(Math.abs(r.points - (score.value * (loads.get(r.rule) ?? 0)) / total)).toBeLessThan(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stays in 0…100, and is 0 exactly when nothing is open', () => {
    fc.assert(
      fc.property(audit, ({ findings, people }) => {
        const { value, reasons } = exposureScore(findings, people);
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(value === 0).toBe(findings.length === 0);
        for (const r of reasons) expect(r.points).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone: clearing any one finding, or any set of them, never raises it', () => {
    fc.assert(
      fc.property(
        audit.filter((a) => a.findings.length > 0),
        fc.nat(),
        fc.array(fc.boolean(), { maxLength: 300 }),
        ({ findings, people }, index, keep) => {
          const before = exposureScore(findings, people).value;
          const one = findings.filter((_, i) => i !== index % findings.length);
          expect(exposureScore(one, people).value).toBeLessThanOrEqual(before);
          const some = findings.filter((_, i) => keep[i] ?? true);
          expect(exposureScore(some, people).value).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('measures the share of the network, not its size: k times the people and their findings, same score', () => {
    fc.assert(
      fc.property(audit, fc.integer({ min: 2, max: 20 }), ({ findings, people }, k) => {
        const person = findings.filter((f) => !SETTING_RULES.has(f.rule));
        const scaled = [...findings, ...Array.from({ length: k - 1 }, () => person).flat()];
        const points = (score: ReturnType<typeof exposureScore>) => score.reasons.map((r) => [r.rule, r.points]);
        const big = exposureScore(scaled, Math.max(1, people) * k);
        const small = exposureScore(findings, Math.max(1, people));
        expect(big.value).toBe(small.value);
        expect(points(big)).toEqual(points(small));
      }),
    );
  });

  it('the preview’s counting gives the same score as the findings, in any order', () => {
    fc.assert(
      fc.property(audit, fc.integer(), ({ findings, people }, seed) => {
        const counted = new Map<string, RuleTally>();
        for (const f of shuffled(findings, seed)) countFinding(counted, f.rule, f.severity);
        expect(scoreOf(counted, people)).toEqual(exposureScore(findings, people));
      }),
    );
  });
});

describe('the exposure score: a what-if that clears 40 % of the findings moves it (no saturation)', () => {
  // Demo-like: ~560 findings about people over ~320 people, 3–4 rules, any severity mix.
  it('at the demo’s size, by at least 5 points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 360 }),
        fc.integer({ min: 500, max: 650 }),
        fc.shuffledSubarray(PERSON_RULES, { minLength: 3, maxLength: 4 }),
        mix,
        fc.integer(),
        (people, count, rules, { high, medium }, seed) => {
          const findings = personAudit(rules, count, high, medium, seed);
          const before = exposureScore(findings, people).value;
          const after = exposureScore(withoutForty(findings, seed + 1), people).value;
          expect(before - after).toBeGreaterThanOrEqual(5);
        },
      ),
      { numRuns: 300 },
    );
  });

  // The heavy user: 60,000 findings over 30,000 people.
  it('at the heavy user’s size, by at least 5 points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 25_000, max: 35_000 }),
        fc.integer({ min: 50_000, max: 70_000 }),
        fc.shuffledSubarray(PERSON_RULES, { minLength: 1, maxLength: 3 }),
        mix,
        fc.integer(),
        (people, count, rules, { high, medium }, seed) => {
          const findings = personAudit(rules, count, high, medium, seed);
          const before = exposureScore(findings, people).value;
          const after = exposureScore(withoutForty(findings, seed + 1), people).value;
          expect(before - after).toBeGreaterThanOrEqual(5);
        },
      ),
      { numRuns: 40 },
    );
  });

  // A setting finding weighs like the whole network: when the 40 % cleared leave it, the move is smaller —
  // and with nearly all person findings of low severity it is 1 point (e.g. 2 % high, 98 % low: found by
  // this property with a seed of its own), so the mix here has at least a tenth of high or medium ones.
  it('with one setting finding that stays, by at least 2 points', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 360 }),
        fc.integer({ min: 500, max: 650 }),
        fc.shuffledSubarray(PERSON_RULES, { minLength: 3, maxLength: 4 }),
        mix.filter(({ high, medium }) => high + medium >= 10),
        fc.constantFrom(...SETTING_RULES),
        fc.constantFrom(...SEVERITIES),
        fc.integer(),
        (people, count, rules, { high, medium }, setting, severity, seed) => {
          const findings = personAudit(rules, count, high, medium, seed);
          const before = exposureScore([...findings, { rule: setting, severity }], people).value;
          const after = exposureScore([...withoutForty(findings, seed + 1), { rule: setting, severity }], people).value;
          expect(before - after).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the exposure score: worked examples (docs/score.md)', () => {
  it('the example of docs/score.md: 200 people, 57 made of 42 + 10 + 4 + 1', () => {
    const findings = [
      ...times(30, 'private-detail-unfamiliar', 'high'),
      ...times(30, 'private-detail-unfamiliar', 'medium'),
      ...times(20, 'likely-collector', 'high'),
      ...times(20, 'stale-grant', 'low'),
      { rule: 'email-download-allowed', severity: 'high' as const },
    ];
    expect(exposureScore(findings, 200)).toEqual({
      value: 57,
      reasons: [
        { rule: 'email-download-allowed', findings: 1, points: 42 },
        { rule: 'private-detail-unfamiliar', findings: 60, points: 10 },
        { rule: 'likely-collector', findings: 20, points: 4 },
        { rule: 'stale-grant', findings: 20, points: 1 },
      ],
    });
    // Email download switched off: the setting's 42 points go; the rest is shared out anew.
    expect(exposureScore(findings.slice(0, -1), 200)).toEqual({
      value: 25,
      reasons: [
        { rule: 'private-detail-unfamiliar', findings: 60, points: 17 },
        { rule: 'likely-collector', findings: 20, points: 7 },
        { rule: 'stale-grant', findings: 20, points: 1 },
      ],
    });
  });

  // The demo's open findings (344 connections; 93 by the former formula, whatever was cleared).
  const demo = (keep: number) => [
    ...times(Math.round(221 * keep), 'private-detail-unfamiliar', 'high'),
    ...times(Math.round(221 * keep), 'private-detail-unfamiliar', 'medium'),
    ...times(Math.round(83 * keep), 'likely-collector', 'high'),
    ...times(Math.round(36 * keep), 'stale-grant', 'medium'),
    { rule: 'address-book-uploaded', severity: 'medium' as const },
  ];

  it('the demo: 64, and 56 once 40 % of the findings about people are cleared', () => {
    expect(exposureScore(demo(1), 344)).toEqual({
      value: 64,
      reasons: [
        { rule: 'private-detail-unfamiliar', findings: 442, points: 35 },
        { rule: 'address-book-uploaded', findings: 1, points: 18 },
        { rule: 'likely-collector', findings: 83, points: 9 },
        { rule: 'stale-grant', findings: 36, points: 2 },
      ],
    });
    expect(exposureScore(demo(0.6), 344).value).toBe(56);
  });

  it('the heavy user (30,000 people, each seeing the mobile and the email): 67, and 58 after 40 % cleared', () => {
    const heavy = (keep: number) => [
      ...times(30_000 * keep, 'private-detail-unfamiliar', 'high'),
      ...times(30_000 * keep, 'private-detail-unfamiliar', 'medium'),
      { rule: 'birthday-year-visible', severity: 'medium' as const },
    ];
    expect(exposureScore(heavy(1), 30_000)).toEqual({
      value: 67,
      reasons: [
        { rule: 'private-detail-unfamiliar', findings: 60_000, points: 50 },
        { rule: 'birthday-year-visible', findings: 1, points: 17 },
      ],
    });
    expect(exposureScore(heavy(0.6), 30_000).value).toBe(58);
  });

  it('shows at least 1 while anything is open: one stale share among 30,000 people', () => {
    expect(exposureScore([{ rule: 'stale-grant', severity: 'low' }], 30_000)).toEqual({
      value: 1,
      reasons: [{ rule: 'stale-grant', findings: 1, points: 1 }],
    });
    expect(exposureScore([], 30_000)).toEqual({ value: 0, reasons: [] });
  });

  it('knows for every rule whether its findings are about a setting or a person', () => {
    const ids = RULES.map((r) => r.meta.id).sort();
    expect([...SETTING_RULES, ...PERSON_RULES].sort()).toEqual(ids);
  });
});
