import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact, DetailField, Evidence, Exposure, Familiarity } from '../../../shared/domain';
import { DEFAULT_POLICY } from '../../../shared/policy';
import { PLATFORM_DEFAULTS } from '../../../shared/sharing';
import { privateDetailUnfamiliar } from '../../../shared/rules/private-detail-unfamiliar';
import type { RuleContext } from '../../../shared/rules/types';

const contact: Contact = {
  id: 1,
  network: 'linkedin',
  key: 'name:erika musterfrau|',
  name: 'Erika Musterfrau',
  profileUrl: null,
  company: null,
  position: null,
  connectedOn: '2020-01-01',
};

function ctx(field: DetailField, level: Familiarity, assumed = true): RuleContext {
  const evidence: Evidence[] = [{ kind: level === 'known' ? 'two-way-messages' : 'no-messages', data: {} }];
  const exposure: Exposure = {
    contactId: 1,
    field,
    grant: { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed },
    since: '2020-01-01',
    public: false,
    harvestable: true,
  };
  return {
    contacts: new Map([[1, contact]]),
    exposures: [exposure],
    familiarity: new Map([[1, { level, score: level === 'known' ? 60 : 0, evidence, collectorSignals: [] }]]),
    policy: DEFAULT_POLICY,
    now: new Date('2026-11-01T00:00:00Z'),
    exposuresByContact: new Map([[1, [exposure]]]),
    preview: false,
    sharing: PLATFORM_DEFAULTS,
    myDetails: [],
    uploadedBooks: [],
  };
}

describe('rule private-detail-unfamiliar', () => {
  const valid: Array<[string, RuleContext]> = [
    ['private email seen by a known contact', ctx('privateEmail', 'known')],
    ['mobile seen by a known contact', ctx('mobile', 'known')],
    ['business email seen by an unfamiliar contact', ctx('businessEmail', 'unfamiliar')],
    ['phone (landline) seen by an unfamiliar contact', ctx('phone', 'unfamiliar')],
    ['birthday seen by an unfamiliar contact', ctx('birthday', 'unfamiliar')],
  ];
  it.each(valid)('no finding: %s', (_name, context) => {
    expect(privateDetailUnfamiliar.check(context)).toEqual([]);
  });

  const invalid: Array<[string, RuleContext, { severity: string; actions: string[]; assumed: boolean }]> = [
    [
      'mobile seen by an unfamiliar contact',
      ctx('mobile', 'unfamiliar'),
      { severity: 'high', actions: ['remove-connection', 'narrow-phone-audience'], assumed: true },
    ],
    [
      'private email seen by an unfamiliar contact',
      ctx('privateEmail', 'unfamiliar'),
      { severity: 'medium', actions: ['remove-connection', 'narrow-email-audience'], assumed: true },
    ],
    [
      'address seen by an unfamiliar contact, declared setting',
      ctx('address', 'unfamiliar', false),
      { severity: 'medium', actions: ['remove-connection', 'narrow-email-audience'], assumed: false },
    ],
  ];
  it('a XING release gives the XING step that removes it', () => {
    const context = ctx('mobile', 'unfamiliar', false);
    const exposure = {
      ...context.exposures[0]!,
      grant: { kind: 'explicit' as const, network: 'xing' as const, audience: 'this-contact', assumed: false },
    };
    const [report] = privateDetailUnfamiliar.check({
      ...context,
      exposures: [exposure],
      exposuresByContact: new Map([[1, [exposure]]]),
    });
    expect(report!.actions).toEqual(['revoke-xing-grant']);
  });

  it.each(invalid)('finding: %s', (_name, context, expected) => {
    const [report, ...rest] = privateDetailUnfamiliar.check(context);
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      messageId: 'visible',
      data: { name: 'Erika Musterfrau' },
      contactId: 1,
      ...expected,
    });
    expect(report!.evidence.at(-1)!.kind).toBe(expected.assumed ? 'assumed-setting' : 'declared-setting');
    expect(privateDetailUnfamiliar.meta.messages[report!.messageId]).toBeDefined();
  });
});

describe('private-detail-unfamiliar: the step that removes it, by detail and by grant', () => {
  const everything = {
    ...DEFAULT_POLICY,
    sensitiveFields: ['privateEmail', 'businessEmail', 'mobile', 'phone', 'address', 'birthday'] as DetailField[],
  };
  it.each<[DetailField, string, string]>([
    ['mobile', 'narrow-phone-audience', 'high'],
    ['phone', 'narrow-phone-audience', 'medium'],
    ['birthday', 'narrow-birthday-audience', 'medium'],
    ['privateEmail', 'narrow-email-audience', 'medium'],
    ['businessEmail', 'narrow-email-audience', 'medium'],
    ['address', 'narrow-email-audience', 'medium'],
  ])('LinkedIn audience, %s: remove the connection or %s; severity %s', (field, narrow, severity) => {
    const [report] = privateDetailUnfamiliar.check({ ...ctx(field, 'unfamiliar'), policy: everything });
    expect(report).toMatchObject({ field, severity, actions: ['remove-connection', narrow] });
  });

  const xing = (grant: Exposure['grant'], alsoGrantedBy?: Exposure['grant'][]) => {
    const context = ctx('mobile', 'unfamiliar', false);
    const exposure: Exposure = { ...context.exposures[0]!, grant, ...(alsoGrantedBy ? { alsoGrantedBy } : {}) };
    return privateDetailUnfamiliar.check({
      ...context,
      exposures: [exposure],
      exposuresByContact: new Map([[1, [exposure]]]),
    })[0]!.actions;
  };
  const explicit = { kind: 'explicit', network: 'xing', audience: 'this-contact', assumed: false } as const;
  const byDefault = { kind: 'default', network: 'xing', audience: 'default-since-2015-01-01', assumed: false } as const;
  it('a XING category: exclude the contact or narrow the category', () => {
    expect(xing({ kind: 'category', network: 'xing', audience: 'contacts', assumed: false })).toEqual([
      'exclude-xing-contact',
      'narrow-xing-category',
    ]);
  });
  it('a XING default: revoke the release and change the default', () => {
    expect(xing(byDefault)).toEqual(['revoke-xing-grant', 'change-xing-default']);
  });
  it('a XING release that the default also grants: both steps', () => {
    expect(xing(explicit, [byDefault])).toEqual(['revoke-xing-grant', 'change-xing-default']);
    expect(xing(explicit, [])).toEqual(['revoke-xing-grant']);
  });
});

describe('private-detail-unfamiliar: what each finding carries', () => {
  it('the name, the detail and the score as data; the familiarity evidence and the setting as evidence', () => {
    const [report] = privateDetailUnfamiliar.check(ctx('mobile', 'unfamiliar', false));
    expect(report).toStrictEqual({
      messageId: 'visible',
      data: { name: 'Erika Musterfrau', field: 'mobile', score: 0 },
      contactId: 1,
      field: 'mobile',
      severity: 'high',
      evidence: [
        { kind: 'no-messages', data: {} },
        { kind: 'declared-setting', data: { network: 'linkedin', audience: 'first-degree' } },
      ],
      actions: ['remove-connection', 'narrow-phone-audience'],
      assumed: false,
    });
  });

  it('a what-if preview leaves the evidence out', () => {
    const [report] = privateDetailUnfamiliar.check({ ...ctx('mobile', 'unfamiliar'), preview: true });
    expect(report!.evidence).toEqual([]);
  });

  it('findings about one person through one grant share one evidence list; another grant has its own', () => {
    const context = ctx('mobile', 'unfamiliar');
    const grant = context.exposures[0]!.grant;
    const other = { ...grant, audience: 'everyone' };
    const exposures: Exposure[] = [
      { ...context.exposures[0]!, field: 'mobile', grant },
      { ...context.exposures[0]!, field: 'privateEmail', grant },
      { ...context.exposures[0]!, field: 'address', grant: other },
    ];
    const [mobile, email, address] = privateDetailUnfamiliar.check({
      ...context,
      exposures,
      exposuresByContact: new Map([[1, exposures]]),
    });
    expect(mobile!.evidence).toBe(email!.evidence);
    expect(address!.evidence).not.toBe(mobile!.evidence);
    expect(address!.evidence.at(-1)).toEqual({
      kind: 'assumed-setting',
      data: { network: 'linkedin', audience: 'everyone' },
    });
  });

  it('nobody it cannot name: an exposure of someone without a judgement or not among the contacts', () => {
    const context = ctx('mobile', 'unfamiliar');
    expect(privateDetailUnfamiliar.check({ ...context, familiarity: new Map() })).toEqual([]);
    expect(privateDetailUnfamiliar.check({ ...context, contacts: new Map() })).toEqual([]);
  });

  it.each<[string, Evidence['kind'][], string]>([
    ['two-way messages too weakly weighted', ['two-way-messages'], 'weakEvidence'],
    ['an address-book entry too weakly weighted', ['in-address-book'], 'weakEvidence'],
    ['one-way messages and an address-book entry', ['one-way-messages', 'in-address-book'], 'weakEvidence'],
    ['only one-way messages', ['one-way-messages'], 'visible'],
  ])('%s: %s', (_name, kinds, messageId) => {
    const context = ctx('mobile', 'unfamiliar');
    const evidence = kinds.map((kind) => ({ kind, data: {} }));
    const familiarity = new Map([[1, { level: 'unfamiliar' as const, score: 10, evidence, collectorSignals: [] }]]);
    expect(privateDetailUnfamiliar.check({ ...context, familiarity })[0]).toMatchObject({
      messageId,
      data: { score: 10 },
    });
  });
});

describe('counting without building the reports', () => {
  const fields: DetailField[] = ['businessEmail', 'privateEmail', 'phone', 'mobile', 'address', 'birthday'];
  const levels: Familiarity[] = ['known', 'acquainted', 'unfamiliar'];
  const exposureOf = fc.record({
    contactId: fc.integer({ min: 1, max: 5 }),
    field: fc.constantFrom(...fields),
    kind: fc.constantFrom('audience', 'category', 'individual'),
  });
  const scenario = fc.record({
    exposures: fc.array(exposureOf, { maxLength: 12 }),
    // Contact 5 is not a contact (any more): its exposures report nothing.
    levels: fc.array(fc.constantFrom(...levels), { minLength: 5, maxLength: 5 }),
    sensitive: fc.subarray(fields),
  });

  it('gives, by severity, what check() reports — for any exposures, familiarity and policy', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const exposures: Exposure[] = s.exposures.map((e) => ({
          contactId: e.contactId,
          field: e.field,
          grant:
            e.kind === 'audience'
              ? { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed: false }
              : e.kind === 'category'
                ? { kind: 'category', network: 'xing', category: 'Kunden', assumed: false }
                : { kind: 'individual', network: 'xing', assumed: false },
          since: null,
          public: false,
          harvestable: true,
        })) as Exposure[];
        const people = [1, 2, 3, 4].map((id) => [id, { ...contact, id }] as const);
        const c: RuleContext = {
          ...ctx('mobile', 'unfamiliar'),
          contacts: new Map(people),
          exposures,
          familiarity: new Map(
            s.levels.map((level, i) => [i + 1, { level, score: 0, evidence: [], collectorSignals: [] }] as const),
          ),
          policy: { ...DEFAULT_POLICY, sensitiveFields: s.sensitive },
          preview: true,
        };
        const tally: Record<string, number> = {};
        for (const r of privateDetailUnfamiliar.check(c)) {
          const severity = r.severity ?? privateDetailUnfamiliar.meta.defaultSeverity;
          tally[severity] = (tally[severity] ?? 0) + 1;
        }
        const counted = Object.fromEntries(Object.entries(privateDetailUnfamiliar.count!(c)).filter(([, n]) => n > 0));
        expect(counted).toEqual(tally);
      }),
      { numRuns: 300 },
    );
  });
});
