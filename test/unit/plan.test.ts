import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetailField, Familiarity, Finding, PlatformActionId } from '../../shared/domain';
import { computePlan, type PlanInput, type Viewer } from '../../shared/plan';
import { minimumCover, type CoverStep, type CoverTarget } from '../../shared/plan/cover';
import { IdIndex } from '../../shared/plan/ids';
import { DEFAULT_POLICY } from '../../shared/policy';
import { exposureScore } from '../../shared/score';

/** The cheapest cover by trying every subset of steps. */
function bruteForce(steps: readonly CoverStep[], targets: readonly CoverTarget[]): number {
  let best = Infinity;
  for (let set = 0; set < 1 << steps.length; set++) {
    const chosen = (s: number) => (set & (1 << s)) !== 0;
    if (!targets.every((t) => t.steps.some(chosen) || (t.groups ?? []).some((g) => g.every(chosen)))) continue;
    let cost = 0;
    steps.forEach((s, i) => {
      if (set & (1 << i)) cost += s.cost;
    });
    best = Math.min(best, cost);
  }
  return best;
}

const costOf = (steps: readonly CoverStep[], chosen: readonly number[]) =>
  chosen.reduce((sum, i) => sum + steps[i]!.cost, 0);

/** Random small instances of the shape plans have: a few settings, people with their own steps. */
const instance = fc
  .record({
    settings: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 4 }),
    people: fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 0, maxLength: 3 }), {
      minLength: 0,
      maxLength: 3,
    }),
    picks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ settings, people, picks }) => {
    const steps: CoverStep[] = [
      ...settings.map((cost) => ({ cost, owner: null })),
      ...people.flatMap((own, p) => own.map((cost) => ({ cost, owner: p }))),
    ];
    const targets: CoverTarget[] = [];
    for (const pick of picks) {
      if (steps.length === 0) break;
      // The first pick chooses whom the target is about; the rest, which of the allowed steps clear it.
      const owner =
        people.length === 0
          ? null
          : pick[0]! % (people.length + 1) === people.length
            ? null
            : pick[0]! % (people.length + 1);
      const allowed = steps.flatMap((s, i) => (s.owner === null || s.owner === owner ? [i] : []));
      const chosen = [...new Set(pick.slice(1).map((n) => allowed[n % Math.max(1, allowed.length)]!))].filter(
        (i) => i !== undefined,
      );
      const clearing = chosen.length > 0 ? chosen : allowed.slice(0, 1);
      // Sometimes a group of settings that clear it only together (what a person sees through several).
      const settingsHere = settings.map((_, i) => i);
      const group = pick.length > 2 && settingsHere.length > 1 ? settingsHere.filter((i) => (pick[2]! >> i) & 1) : [];
      if (clearing.length > 0)
        targets.push({
          owner,
          // …and sometimes nothing but that group clears it.
          steps: group.length > 1 ? ((pick[3] ?? 0) % 2 === 0 ? [] : clearing.slice(0, 1)) : clearing,
          groups: group.length > 1 ? [group] : [],
        });
    }
    return { steps, targets };
  });

describe('minimumCover', () => {
  it('is exactly minimal: the same cost as exhaustive search on every small instance', () => {
    fc.assert(
      fc.property(instance, ({ steps, targets }) => {
        const chosen = minimumCover(steps, targets);
        // A cover: every target cleared by a chosen step.
        for (const t of targets)
          expect(
            t.steps.some((s) => chosen.includes(s)) || (t.groups ?? []).some((g) => g.every((s) => chosen.includes(s))),
          ).toBe(true);
        expect(costOf(steps, chosen)).toBe(bruteForce(steps, targets));
      }),
      { numRuns: 600 },
    );
  });

  it('prefers one setting to several people, and people to an expensive setting', () => {
    const steps: CoverStep[] = [
      { cost: 1, owner: null },
      { cost: 3, owner: 1 },
      { cost: 3, owner: 2 },
    ];
    expect(
      minimumCover(steps, [
        { owner: 1, steps: [0, 1] },
        { owner: 2, steps: [0, 2] },
      ]),
    ).toEqual([0]);
    steps[0] = { cost: 7, owner: null };
    expect(
      minimumCover(steps, [
        { owner: 1, steps: [0, 1] },
        { owner: 2, steps: [0, 2] },
      ]).sort(),
    ).toEqual([1, 2]);
  });

  it('refuses a target that nothing clears, and a person step clearing someone else', () => {
    expect(() => minimumCover([{ cost: 1, owner: null }], [{ owner: null, steps: [] }])).toThrow(RangeError);
    expect(() => minimumCover([{ cost: 1, owner: 2 }], [{ owner: 1, steps: [0] }])).toThrow(RangeError);
  });
});

// ---- computePlan on findings shaped as the rules make them ----

let nextId = 0;
interface PersonSpec {
  id: number;
  familiarity: Familiarity;
}

function person(id: number, familiarity: Familiarity = 'unfamiliar'): PersonSpec {
  return { id, familiarity };
}

function finding(
  rule: string,
  who: PersonSpec | null,
  field: DetailField | null,
  actions: PlatformActionId[],
  extra: Partial<Finding> = {},
): Finding {
  nextId++;
  return {
    id: `${rule}:${who?.id ?? `s${nextId}`}:${field ?? 'all'}`,
    rule,
    severity: field === 'mobile' ? 'high' : 'medium',
    field,
    network: actions.some((a) => a.includes('xing')) ? 'xing' : 'linkedin',
    contact: who && { id: who.id, name: `Person ${who.id}`, profileUrl: null, company: null, position: null },
    messageId: 'visible',
    data: {},
    evidence: [],
    familiarity: who?.familiarity ?? null,
    actions,
    assumed: false,
    muted: null,
    revocation: null,
    ...extra,
  };
}

/** A LinkedIn connection seeing a detail through the audience setting (what private-detail-unfamiliar flags). */
function audienceFinding(who: PersonSpec, field: DetailField): Finding {
  const narrow = field === 'mobile' ? 'narrow-phone-audience' : 'narrow-email-audience';
  return finding('private-detail-unfamiliar', who, field, ['remove-connection', narrow]);
}

function viewer(who: PersonSpec, field: DetailField, via: Viewer['via'] = 'audience'): Viewer {
  return {
    contact: { id: who.id, name: `Person ${who.id}`, profileUrl: null },
    network: via === 'audience' ? 'linkedin' : 'xing',
    field,
    via,
    familiarity: who.familiarity,
    covered: false,
  };
}

function input(findings: Finding[], viewers: Viewer[] = [], connections = 100): PlanInput {
  return { findings, viewers, connections, policy: DEFAULT_POLICY };
}

describe('computePlan', () => {
  const strangers = [1, 2, 3, 4].map((id) => person(id));
  const friend = person(9, 'known');
  const findings = [
    ...strangers.flatMap((p) => [audienceFinding(p, 'privateEmail'), audienceFinding(p, 'mobile')]),
    finding('visible-to-everyone', null, 'privateEmail', ['narrow-email-audience']),
  ];
  const viewers = [...strangers, friend].flatMap((p) => [viewer(p, 'privateEmail'), viewer(p, 'mobile')]);

  it('fewest steps: two audience settings clear 9 findings, a known person losing access is shown', () => {
    const plan = computePlan(input(findings, viewers), 'fewest');
    expect(plan.steps.map((s) => s.key)).toEqual(['narrow-email-audience:only-you', 'narrow-phone-audience:only-you']);
    expect(plan.steps.map((s) => s.clears.length)).toEqual([5, 4]);
    expect(plan.effort).toBe(2);
    expect(plan.cleared).toBe(9);
    expect(plan.left).toEqual([]);
    expect(plan.collateral.map((p) => p.id)).toEqual([9]);
    expect(plan.steps[0]!.collateral.map((p) => p.id)).toEqual([9]);
    expect(plan.steps[0]!.fields).toEqual(['privateEmail']);
  });

  it('keep the people I know: no setting a known person sees through; removals and 1st-degree instead', () => {
    const plan = computePlan(input(findings, viewers), 'keep-known');
    expect(plan.collateral).toEqual([]);
    expect(plan.steps.every((s) => s.collateral.length === 0)).toBe(true);
    expect(plan.steps[0]!.key).toBe('narrow-email-audience:first-degree');
    expect(
      plan.steps
        .slice(1)
        .map((s) => s.key)
        .sort(),
    ).toEqual(strangers.map((p) => `remove-connection:${p.id}`));
    expect(plan.steps.slice(1).every((s) => s.clears.length === 2)).toBe(true);
    expect(plan.effort).toBe(1 + 4 * 3);
  });

  it('keep-known leaves what only a step against a known person clears', () => {
    const stale = finding('stale-grant', friend, 'mobile', ['remove-connection']);
    const plan = computePlan(input([stale]), 'keep-known');
    expect(plan.steps).toEqual([]);
    expect(plan.left).toEqual([stale.id]);
    expect(computePlan(input([stale]), 'fewest').steps.map((s) => s.key)).toEqual(['remove-connection:9']);
  });

  it('the score falls step by step to the score of what is left; muted and planned findings are not planned again', () => {
    const muted = audienceFinding(person(20), 'privateEmail');
    muted.muted = { reason: 'colleague', until: null };
    const planned = audienceFinding(person(21), 'mobile');
    planned.revocation = { id: 1, status: 'planned' };
    const all = [...findings, muted, planned];
    const plan = computePlan(input(all, viewers), 'keep-known');
    const open = all.filter((f) => f.muted === null);
    expect(plan.scoreNow).toBe(exposureScore(open, 100).value);
    expect(plan.scoreBefore).toBe(
      exposureScore(
        open.filter((f) => f.revocation === null),
        100,
      ).value,
    );
    const scores = [plan.scoreBefore, ...plan.steps.map((s) => s.scoreAfter)];
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]!);
    expect(plan.scoreAfter).toBe(0);
    const cleared = plan.steps.flatMap((s) => s.clears);
    expect(cleared).not.toContain(muted.id);
    expect(cleared).not.toContain(planned.id);
    expect(new Set(cleared).size).toBe(cleared.length);
  });

  it('emergency: every private detail away from everyone not known, findings or not', () => {
    const acquainted = person(30, 'acquainted');
    const plan = computePlan(
      input([], [viewer(acquainted, 'mobile'), viewer(friend, 'mobile'), viewer(acquainted, 'birthday')]),
      'emergency',
    );
    // The acquainted person sees the mobile (sensitive) but no finding says so; the birthday is not sensitive.
    expect(plan.steps.map((s) => s.key)).toEqual(['narrow-phone-audience:only-you']);
    expect(plan.steps[0]!.stops).toBe(1);
    expect(plan.steps[0]!.collateral.map((p) => p.id)).toEqual([9]);
  });

  it('XING: a default change ends the default, never a share a contact already has (not retroactive)', () => {
    const a = person(40);
    const b = person(41);
    const fromDefault = (p: PersonSpec) =>
      finding('private-detail-unfamiliar', p, 'mobile', ['revoke-xing-grant', 'change-xing-default']);
    const plan = computePlan(
      input([fromDefault(a), fromDefault(b), finding('xing-default-private', null, 'mobile', ['change-xing-default'])]),
      'fewest',
    );
    expect(plan.steps.map((s) => s.key)).toEqual([
      'change-xing-default',
      'revoke-xing-grant:40',
      'revoke-xing-grant:41',
    ]);
    expect(plan.steps.map((s) => s.clears.length)).toEqual([1, 1, 1]);
    expect(plan.steps.every((s) => s.network === 'xing')).toBe(true);
  });

  it('removing a person ends every finding about them, whichever rule found it', () => {
    const p = person(50);
    const plan = computePlan(
      input([
        finding('likely-collector', p, 'mobile', ['remove-connection']),
        finding('private-detail-unfamiliar', p, 'privateEmail', ['revoke-xing-grant']),
      ]),
      'fewest',
    );
    // One removal (effort 3) rather than a removal and a release (3 + 2).
    expect(plan.steps.map((s) => s.key)).toEqual(['remove-connection:50']);
    expect(plan.effort).toBe(3);
  });

  it('a finding seen on two networks (birthday with its year) goes only when both settings change', () => {
    const birthday = finding('birthday-year-visible', null, 'birthday', [
      'narrow-birthday-audience',
      'narrow-xing-category',
    ]);
    const plan = computePlan(input([birthday]), 'fewest');
    expect(plan.steps.map((s) => s.key).sort()).toEqual([
      'narrow-birthday-audience:only-you',
      'narrow-xing-category:birthday',
    ]);
    expect(plan.steps.flatMap((s) => s.clears)).toEqual([birthday.id]);
  });

  it('XING categories are narrowed one at a time: a known person who sees business details keeps them', () => {
    const stranger = person(60);
    const colleague = person(61, 'known');
    const plan = computePlan(
      input(
        [finding('private-detail-unfamiliar', stranger, 'mobile', ['exclude-xing-contact', 'narrow-xing-category'])],
        [viewer(stranger, 'mobile', 'category'), viewer(colleague, 'businessEmail', 'category')],
      ),
      'keep-known',
    );
    expect(plan.steps.map((s) => s.key)).toEqual(['narrow-xing-category:private']);
    expect(plan.collateral).toEqual([]);
  });

  it('the emergency reset never takes a detail from a known person through their own finding', () => {
    const stale = finding('stale-grant', friend, 'mobile', ['remove-connection']);
    expect(computePlan(input([stale], [viewer(friend, 'mobile')]), 'emergency').steps).toEqual([]);
  });

  it('the variants of one input share their work, each plan as if computed alone', () => {
    // The known person's finding asks for "only you" first; the emergency reset leaves it out, so of the
    // two equally cheap ways to end "visible to everyone" it takes the one its own findings name first.
    const findings = [
      audienceFinding(friend, 'privateEmail'),
      finding('visible-to-everyone', null, 'privateEmail', ['narrow-email-audience']),
    ];
    const shared = input(findings);
    const plans = (['fewest', 'keep-known', 'emergency'] as const).map((v) => computePlan(shared, v));
    expect(plans.map((p) => p.steps.map((s) => s.key))).toEqual([
      ['narrow-email-audience:only-you'],
      ['narrow-email-audience:only-you'],
      ['narrow-email-audience:first-degree'],
    ]);
    for (const plan of plans) expect(computePlan(input(findings), plan.variant)).toEqual(plan);
    // The same step as the emergency reset of its own findings alone.
    expect(computePlan(input(findings.slice(1)), 'emergency').steps.map((s) => s.key)).toEqual([
      'narrow-email-audience:first-degree',
    ]);
  });

  const randomFindings = fc
    .array(
      fc.record({
        id: fc.integer({ min: 1, max: 6 }),
        familiarity: fc.constantFrom<Familiarity>('known', 'acquainted', 'unfamiliar'),
        field: fc.constantFrom<DetailField>('privateEmail', 'mobile', 'birthday'),
        kind: fc.constantFrom('audience', 'xing-default', 'xing-category', 'stale', 'everyone'),
      }),
      { maxLength: 14 },
    )
    .map((specs) => {
      const familiarity = new Map<number, Familiarity>();
      const seen = new Set<string>();
      return specs.flatMap((s) => {
        const who = person(s.id, familiarity.get(s.id) ?? (familiarity.set(s.id, s.familiarity), s.familiarity));
        const key = `${s.kind}:${s.id}:${s.field}`;
        if (seen.has(key)) return [];
        seen.add(key);
        const narrow: PlatformActionId =
          s.field === 'mobile'
            ? 'narrow-phone-audience'
            : s.field === 'birthday'
              ? 'narrow-birthday-audience'
              : 'narrow-email-audience';
        const made =
          s.kind === 'audience'
            ? finding('private-detail-unfamiliar', who, s.field, ['remove-connection', narrow])
            : s.kind === 'xing-default'
              ? finding('private-detail-unfamiliar', who, s.field, ['revoke-xing-grant', 'change-xing-default'])
              : s.kind === 'xing-category'
                ? finding('private-detail-unfamiliar', who, s.field, ['exclude-xing-contact', 'narrow-xing-category'])
                : s.kind === 'stale'
                  ? finding('stale-grant', who, s.field, ['remove-connection'])
                  : finding('visible-to-everyone', null, s.field, [narrow]);
        made.id = `${key}`;
        const seenBy: Viewer[] =
          s.kind === 'everyone'
            ? []
            : [
                viewer(
                  who,
                  s.field,
                  s.kind === 'xing-default' ? 'default' : s.kind === 'xing-category' ? 'category' : 'audience',
                ),
              ];
        return [{ finding: made, viewers: seenBy }];
      });
    });

  it('on random audits: clears every open finding once, keep-known never touches a known person, no worse than any single-kind plan', () => {
    fc.assert(
      fc.property(randomFindings, (made) => {
        const all = input(
          made.map((m) => m.finding),
          made.flatMap((m) => m.viewers),
        );
        const fewest = computePlan(all, 'fewest');
        const cleared = fewest.steps.flatMap((s) => s.clears);
        expect(new Set(cleared).size).toBe(cleared.length);
        expect([...cleared, ...fewest.left].sort()).toEqual(all.findings.map((f) => f.id).sort());
        expect(fewest.left).toEqual([]);
        const keep = computePlan(all, 'keep-known');
        for (const s of keep.steps) {
          expect(s.collateral).toEqual([]);
          if (s.contact)
            expect(all.findings.find((f) => f.contact?.id === s.contact!.id)!.familiarity).not.toBe('known');
        }
        expect([...keep.steps.flatMap((s) => s.clears), ...keep.left].sort()).toEqual(
          all.findings.map((f) => f.id).sort(),
        );
        // Minimal: keep-known has fewer choices, so it can never need less effort.
        expect(fewest.effort).toBeLessThanOrEqual(keep.effort + (keep.left.length > 0 ? Infinity : 0));
        expect(fewest.scoreAfter).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('IdIndex', () => {
  it('keeps a number per id: database ids in its table, any other id in a map', () => {
    const index = new IdIndex();
    const ids = [0, 1, 5000, 2 ** 20 - 1, 2 ** 20, 2 ** 40, -3, 1.5, 2 ** 31];
    ids.forEach((id, i) => index.set(id, i));
    expect(ids.map((id) => index.get(id))).toEqual(ids.map((_, i) => i));
    expect([2, 4999, 2 ** 20 + 1, -1, 0.5].map((id) => index.get(id))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
