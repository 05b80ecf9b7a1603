/**
 * computeAudit, the whole audit: findings assembled from the rules' reports, mutes (inclusive expiry),
 * the order findings are listed in, live revocations ("now" and "after your plan"), the numbers of
 * the summary and the chart, the familiarity cache, and the what-if preview giving the same numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAudit, findingId, previewNumbers, type AuditInput } from '../../shared/audit';
import type { Contact, DetailField, RevocationStatus, RevocationView, Severity } from '../../shared/domain';
import { DEFAULT_POLICY } from '../../shared/policy';
import type { Rule, RuleReport } from '../../shared/rules';
import { exposureScore } from '../../shared/score';
import { sharingWith } from '../helpers/rules';

const NOW = new Date('2026-11-01T12:00:00Z');

const person = (id: number, fields: Partial<Contact> = {}): Contact => ({
  id,
  network: 'linkedin',
  key: `linkedin.com/in/p${id}`,
  name: `Person ${id}`,
  profileUrl: `https://www.linkedin.com/in/p${id}`,
  company: 'Firma',
  position: 'Leitung',
  connectedOn: '2024-01-01',
  ...fields,
});

function input(changes: Partial<AuditInput> = {}): AuditInput {
  return {
    contacts: [person(1)],
    interactions: [],
    addressBookLinks: [],
    tags: [],
    invitations: [],
    myDetails: [
      { field: 'privateEmail', value: 'ich@gmx.de', source: 'Email Addresses.csv' },
      { field: 'mobile', value: '+491715550100', source: 'PhoneNumbers.csv' },
    ],
    sharing: sharingWith(() => undefined),
    uploadedBooks: [],
    mutes: [],
    revocations: [],
    lastImportAt: null,
    ...changes,
  };
}

/** A rule that reports exactly what it is given. */
function fixedRule(id: string, reports: Array<Partial<RuleReport>>, defaultSeverity: Severity = 'medium'): Rule {
  return {
    meta: {
      id,
      defaultSeverity,
      title: { en: id, de: id },
      rationale: { en: '', de: '' },
      messages: { m: { en: 'm', de: 'm' } },
    },
    check: () =>
      reports.map((r) => ({
        messageId: 'm',
        data: {},
        contactId: null,
        field: null,
        evidence: [],
        actions: [],
        assumed: false,
        ...r,
      })),
  };
}

const revocation = (
  id: number,
  contactId: number,
  field: DetailField,
  status: RevocationStatus,
  action: RevocationView['action'] = 'narrow-phone-audience',
): RevocationView => ({
  id,
  findingId: `r:${contactId}:${field}`,
  contactId,
  field,
  rule: 'private-detail-unfamiliar',
  action,
  target: action === 'remove-connection' ? `${contactId}:*` : `${contactId}:${field}:${action}`,
  status,
  createdAt: '2026-10-01T00:00:00Z',
  appliedOn: null,
  resolvedAt: null,
  contactName: `Person ${contactId}`,
  contactProfileUrl: null,
});

describe('finding ids', () => {
  it.each<[string, number | null, DetailField | null, string | undefined, string]>([
    ['a person and a detail', 7, 'mobile', undefined, 'r:7:mobile'],
    ['a person, whatever the subject', 7, 'mobile', 'x', 'r:7:mobile'],
    ['a subject and a detail', null, 'mobile', 'default-2015-01-01', 'r:default-2015-01-01:mobile'],
    ['neither person nor subject nor detail', null, null, undefined, 'r:all:all'],
  ])('%s: %s', (_name, contactId, field, subject, id) => {
    expect(findingId('r', contactId, field, subject)).toBe(id);
  });
});

describe('findings from the rules’ reports', () => {
  it('a finding about a person: the contact as shown, familiarity, severity, network and id', () => {
    const rule = fixedRule('r', [
      {
        contactId: 1,
        field: 'mobile',
        data: { x: 1 },
        evidence: [{ kind: 'no-messages', data: {} }],
        actions: ['remove-connection'],
        assumed: true,
      },
    ]);
    expect(
      computeAudit(input({ contacts: [person(1, { network: 'xing' })] }), 'en', NOW, DEFAULT_POLICY, [rule]).findings,
    ).toStrictEqual([
      {
        id: 'r:1:mobile',
        rule: 'r',
        severity: 'medium',
        field: 'mobile',
        network: 'xing',
        contact: {
          id: 1,
          name: 'Person 1',
          profileUrl: 'https://www.linkedin.com/in/p1',
          company: 'Firma',
          position: 'Leitung',
        },
        messageId: 'm',
        data: { x: 1 },
        evidence: [{ kind: 'no-messages', data: {} }],
        familiarity: 'unfamiliar',
        actions: ['remove-connection'],
        assumed: true,
        muted: null,
        revocation: null,
      },
    ]);
  });

  it('a finding about a setting: no contact, no familiarity, the report’s network or LinkedIn', () => {
    const rule = fixedRule('r', [{ network: 'xing', severity: 'low', subject: 's' }, { field: 'mobile' }], 'high');
    const [a, b] = computeAudit(input(), 'en', NOW, DEFAULT_POLICY, [rule]).findings;
    expect([a, b].map((f) => [f!.id, f!.network, f!.contact, f!.familiarity, f!.severity])).toEqual([
      ['r:all:mobile', 'linkedin', null, null, 'high'],
      ['r:s:all', 'xing', null, null, 'low'],
    ]);
  });

  it('reports about nobody it knows, or with a message the rule does not have, are dropped', () => {
    const rule = fixedRule('r', [{ contactId: 99, field: 'mobile' }, { messageId: 'nope' }, { contactId: 1 }]);
    const audit = computeAudit(input(), 'en', NOW, DEFAULT_POLICY, [rule]);
    expect(audit.findings.map((f) => f.id)).toEqual(['r:1:all']);
    expect(computeAudit(input(), 'en', NOW, DEFAULT_POLICY, [rule], 'preview').summary.openFindings).toBe(1);
  });

  it('how well the person is known comes from the familiarity judgement', () => {
    const known = input({ interactions: [{ contactId: 1, sent: 2, received: 2, firstAt: null, lastAt: null }] });
    const [finding] = computeAudit(known, 'en', NOW, DEFAULT_POLICY, [fixedRule('r', [{ contactId: 1 }])]).findings;
    expect(finding!.familiarity).toBe('known');
  });
});

describe('mutes', () => {
  const rule = fixedRule('r', [
    { contactId: 1, field: 'mobile', severity: 'high' },
    { contactId: 1, field: 'privateEmail', severity: 'high' },
  ]);
  it.each<[string, string | null, boolean]>([
    ['without expiry', null, true],
    ['until today (inclusive)', '2026-11-01', true],
    ['until tomorrow', '2026-11-02', true],
    ['until yesterday: open again', '2026-10-31', false],
  ])('a mute %s', (_name, until, muted) => {
    const audit = computeAudit(
      input({ mutes: [{ findingId: 'r:1:mobile', reason: 'bekannt', until }] }),
      'en',
      NOW,
      DEFAULT_POLICY,
      [rule],
    );
    const finding = audit.findings.find((f) => f.id === 'r:1:mobile')!;
    expect(finding.muted).toEqual(muted ? { reason: 'bekannt', until } : null);
    expect(audit.summary.openFindings).toBe(muted ? 1 : 2);
    expect(audit.summary.afterPlan.openFindings).toBe(muted ? 1 : 2);
    expect(audit.score).toEqual(
      exposureScore(
        audit.findings.filter((f) => !f.muted),
        1,
      ),
    );
    // Listed after every open finding.
    expect(audit.findings.map((f) => f.id)).toEqual(
      muted ? ['r:1:privateEmail', 'r:1:mobile'] : ['r:1:mobile', 'r:1:privateEmail'],
    );
  });
});

describe('the order findings are listed in', () => {
  it('severity, then the person’s name (numbers as numbers), then the detail, then the rule', () => {
    const contacts = [person(1, { name: 'Vorname10' }), person(2, { name: 'Vorname9' }), person(3, { name: 'Anna' })];
    const rules = [
      fixedRule('b-rule', [
        { contactId: 1, field: 'mobile', severity: 'high' },
        { contactId: 2, field: 'mobile', severity: 'low' },
      ]),
      fixedRule('a-rule', [
        { contactId: 1, field: 'mobile', severity: 'high' },
        { contactId: 1, field: 'address', severity: 'high' },
        { contactId: 2, field: 'mobile', severity: 'high' },
        { contactId: 3, field: 'mobile', severity: 'medium' },
        { subject: 'setting', severity: 'high' },
        { subject: 'setting', field: 'address', severity: 'medium' },
        { contactId: 3, severity: 'medium' },
        { contactId: 3, field: 'address', severity: 'medium' },
      ]),
    ];
    expect(computeAudit(input({ contacts }), 'en', NOW, DEFAULT_POLICY, rules).findings.map((f) => f.id)).toEqual([
      'a-rule:setting:all',
      'a-rule:2:mobile',
      'a-rule:1:address',
      'a-rule:1:mobile',
      'b-rule:1:mobile',
      // A finding about a setting has no name: before every person; one without a detail before the details.
      'a-rule:setting:address',
      'a-rule:3:all',
      'a-rule:3:address',
      'a-rule:3:mobile',
      'b-rule:2:mobile',
    ]);
  });
});

describe('revocations: now, and after your plan', () => {
  const contacts = [person(1), person(2), person(3)];
  const rule = fixedRule('r', [
    { contactId: 1, field: 'mobile', severity: 'high' },
    { contactId: 2, field: 'mobile', severity: 'high' },
    { contactId: 2, field: 'privateEmail', severity: 'high' },
    { contactId: 3, field: 'mobile', severity: 'high' },
    { field: 'mobile', severity: 'high' },
  ]);
  const revocations = [
    revocation(11, 1, 'mobile', 'planned'),
    revocation(12, 2, 'privateEmail', 'applied', 'remove-connection'),
    revocation(13, 3, 'mobile', 'verified'),
    revocation(14, 3, 'privateEmail', 'undone'),
    revocation(15, 3, 'mobile', 'confirmed-by-you'),
    revocation(16, 1, 'privateEmail', 'not-applied'),
  ];
  // Computed in each test, not while collecting them: a mutant switched on for the tests must reach it.
  const run = () => computeAudit(input({ contacts, revocations }), 'en', NOW, DEFAULT_POLICY, [rule]);

  it('a finding carries the live revocation that covers it; removing a connection covers everything', () => {
    const audit = run();
    expect(audit.findings.map((f) => [f.id, f.revocation])).toEqual([
      ['r:all:mobile', null],
      ['r:1:mobile', { id: 11, status: 'planned' }],
      ['r:2:mobile', { id: 12, status: 'applied' }],
      ['r:2:privateEmail', { id: 12, status: 'applied' }],
      ['r:3:mobile', null],
    ]);
  });

  it('now, every finding is open; after the plan, only those no live revocation covers', () => {
    const audit = run();
    expect(audit.summary.openFindings).toBe(5);
    expect(audit.summary.afterPlan.openFindings).toBe(2);
    expect(audit.score).toEqual(exposureScore(audit.findings, 3));
    expect(audit.scoreAfterPlan).toEqual(
      exposureScore(
        audit.findings.filter((f) => f.revocation === null),
        3,
      ),
    );
    expect(audit.scoreAfterPlan.value).toBeLessThan(audit.score.value);
  });

  it('counts the live revocations as planned: planned, applied, not applied', () => {
    const audit = run();
    expect(audit.summary.plannedRevocations).toBe(3);
    expect(audit.revocations).toEqual(revocations);
    expect(audit.revocations).not.toBe(revocations);
  });

  it('who sees what now and after the plan; the chart’s bars split into revoked and the rest', () => {
    const audit = run();
    // All three unfamiliar, each sees both details (LinkedIn defaults); after the plan only person 3.
    expect(audit.summary).toMatchObject({
      connections: 3,
      canSeeEmail: 3,
      canSeeMobile: 3,
      unfamiliarWithAccess: 3,
      afterPlan: { canSeeEmail: 1, canSeeMobile: 1, unfamiliarWithAccess: 1, openFindings: 2 },
    });
    expect(audit.byField).toEqual([
      { field: 'privateEmail', visibleTo: 1, unfamiliar: 1, revoked: 2 },
      { field: 'mobile', visibleTo: 1, unfamiliar: 1, revoked: 2 },
    ]);
  });
});

describe('the summary', () => {
  it('email and mobile audiences, counting each unfamiliar person once', () => {
    const contacts = [person(1), person(2), person(3)];
    const sharing = sharingWith((s) => (s.linkedin.phoneVisibility = { value: 'only-me', declared: true }));
    const knownTwo = [{ contactId: 2, sent: 1, received: 1, firstAt: null, lastAt: '2026-10-01T00:00:00Z' }];
    const emailOnly = computeAudit(input({ contacts, sharing, interactions: knownTwo }), 'en', NOW);
    expect(emailOnly.summary).toMatchObject({ canSeeEmail: 3, canSeeMobile: 0, unfamiliarWithAccess: 2 });
    expect(emailOnly.summary.settingsAssumed).toBe(true);
    expect(emailOnly.byField).toEqual([{ field: 'privateEmail', visibleTo: 3, unfamiliar: 2, revoked: 0 }]);

    const mobileOnly = sharingWith((s) => {
      s.linkedin.emailVisibility = { value: 'only-me', declared: true };
      s.linkedin.phoneVisibility = { value: 'first-degree', declared: true };
    });
    const mobile = computeAudit(input({ contacts, sharing: mobileOnly, interactions: knownTwo }), 'en', NOW);
    expect(mobile.summary).toMatchObject({ canSeeEmail: 0, canSeeMobile: 3, unfamiliarWithAccess: 2 });
    expect(mobile.summary.settingsAssumed).toBe(false);

    const both = computeAudit(input({ contacts, interactions: knownTwo }), 'en', NOW);
    expect(both.summary).toMatchObject({ canSeeEmail: 3, canSeeMobile: 3, unfamiliarWithAccess: 2 });

    // One setting declared, the other the platform's default: assumed.
    const mixed = sharingWith((s) => (s.linkedin.emailVisibility = { value: 'first-degree', declared: true }));
    expect(computeAudit(input({ contacts, sharing: mixed }), 'en', NOW).summary.settingsAssumed).toBe(true);
  });

  it('a business email is an email; a landline is not a mobile', () => {
    const myDetails = [
      { field: 'businessEmail' as const, value: 'ich@firma.example', source: 'x' },
      { field: 'phone' as const, value: '+49301234567', source: 'x' },
    ];
    expect(computeAudit(input({ myDetails }), 'en', NOW).summary).toMatchObject({ canSeeEmail: 1, canSeeMobile: 0 });
  });

  it('the day, the language, the last import and my exposable details', () => {
    const myDetails = [
      { field: 'privateEmail' as const, value: 'alt@gmx.de', source: 'x', primary: false },
      { field: 'mobile' as const, value: '+491715550100', source: 'x' },
    ];
    const audit = computeAudit(input({ myDetails, lastImportAt: '2026-10-30T09:00:00Z' }), 'de', NOW);
    expect([audit.generatedAt, audit.lang, audit.summary.lastImportAt]).toEqual([
      '2026-11-01T12:00:00.000Z',
      'de',
      '2026-10-30T09:00:00Z',
    ]);
    expect(audit.myDetails.map((d) => d.field)).toEqual(['privateEmail', 'mobile']);
    expect(audit.myDetails[0]!.source).toBe('assumed');
  });

  it('rules see every detail a person sees, and only the exposable details', () => {
    const contacts = [person(1, { position: 'Recruiter' })];
    const [collector] = computeAudit(input({ contacts }), 'en', NOW).findings.filter(
      (f) => f.rule === 'likely-collector',
    );
    expect(collector!.data).toMatchObject({ count: 2, field: 'mobile' });
  });
});

describe('familiarity is judged once per contacts, evidence, policy and day', () => {
  const contacts = [person(1, { connectedOn: '2020-06-01' })];
  const base = input({ contacts });
  const level = (i: AuditInput, policy = DEFAULT_POLICY, now = NOW) =>
    computeAudit(i, 'en', now, policy, [fixedRule('r', [{ contactId: 1 }])]).findings[0]!.familiarity;

  it('the same contacts with new evidence are judged again', () => {
    expect(level(base)).toBe('unfamiliar');
    expect(
      level({ ...base, interactions: [{ contactId: 1, sent: 1, received: 1, firstAt: null, lastAt: null }] }),
    ).toBe('known');
    expect(level({ ...base, tags: [{ contactId: 1, tag: 'Kunde', source: 'XING' }] })).toBe('acquainted');
    expect(
      level({
        ...base,
        addressBookLinks: [
          { contactId: 1, source: 'a.vcf', method: 'email', confidence: 0.99, evidence: { method: 'email' } },
        ],
      }),
    ).toBe('known');
    expect(
      level({
        ...base,
        invitations: [
          { contactId: 1, direction: 'outgoing', sentAt: null, message: 'Danke für das Gespräch gestern in Köln!' },
        ],
      }),
    ).toBe('acquainted');
    expect(level(base)).toBe('unfamiliar');
  });

  it('under another policy, or on another day, judged again', () => {
    const lenient = { ...DEFAULT_POLICY, familiarity: { ...DEFAULT_POLICY.familiarity, acquaintedAt: -100 } };
    expect(level(base, lenient)).toBe('acquainted');
    const strictSilence = {
      ...DEFAULT_POLICY,
      familiarity: { ...DEFAULT_POLICY.familiarity, acquaintedAt: -30, knownAt: 50 },
    };
    // Connected 2020-06-01: 6 silent years (-30) on 2026-11-01, 7 (-35) a year later.
    expect(level(base, strictSilence)).toBe('acquainted');
    expect(level(base, strictSilence, new Date('2027-11-01T12:00:00Z'))).toBe('unfamiliar');
    expect(level(base, strictSilence, NOW)).toBe('acquainted');
  });
});

describe('a what-if of the sharing settings reuses the familiarity judgement', () => {
  // A stale share's evidence is the judgement's own evidence list: the same list means the same judgement.
  const stale = input({
    interactions: [{ contactId: 1, sent: 3, received: 3, firstAt: null, lastAt: '2019-01-01T00:00:00Z' }],
  });
  const evidence = (i: AuditInput, now = NOW, policy = DEFAULT_POLICY) =>
    computeAudit(i, 'en', now, policy).findings.find((f) => f.rule === 'stale-grant')!.evidence;

  it('the same people, evidence, policy and day: judged once, whatever the settings and the hour', () => {
    const first = evidence(stale);
    const otherSettings = sharingWith((s) => (s.linkedin.phoneVisibility = { value: 'everyone', declared: true }));
    expect(evidence({ ...stale, sharing: otherSettings })).toBe(first);
    expect(evidence(stale, new Date('2026-11-01T23:59:00Z'))).toBe(first);
  });

  it('another day, another policy or other evidence: judged again', () => {
    const first = evidence(stale);
    expect(evidence(stale, new Date('2026-11-02T00:00:00Z'))).not.toBe(first);
    expect(evidence(stale, NOW, { ...DEFAULT_POLICY })).not.toBe(evidence(stale));
    expect(evidence({ ...stale, interactions: [...stale.interactions] })).not.toBe(evidence(stale));
  });

  it('a full audit’s findings carry their evidence (only the preview goes without)', () => {
    const [finding] = computeAudit(input(), 'en', NOW).findings.filter((f) => f.rule === 'private-detail-unfamiliar');
    expect(finding!.evidence.map((e) => e.kind)).toEqual(['no-messages', 'silent-years', 'assumed-setting']);
  });
});

describe('the what-if preview counts exactly what the full audit lists', () => {
  const field = fc.constantFrom<DetailField>('privateEmail', 'businessEmail', 'mobile', 'phone', 'birthday');
  const status = fc.constantFrom<RevocationStatus>('planned', 'applied', 'verified', 'not-applied', 'undone');
  const scenario = fc.record({
    people: fc.integer({ min: 1, max: 6 }),
    recruiters: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
    known: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
    everyone: fc.boolean(),
    download: fc.boolean(),
    mutes: fc.array(
      fc.tuple(fc.integer({ min: 1, max: 6 }), field, fc.option(fc.constantFrom('2026-10-31', '2026-11-01'))),
      {
        maxLength: 4,
      },
    ),
    revocations: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), field, status, fc.boolean()), { maxLength: 4 }),
  });

  /** The preview of a scenario counts what the full audit lists. */
  const samePreview = (s: typeof scenario extends fc.Arbitrary<infer T> ? T : never): void => {
    const contacts = Array.from({ length: s.people }, (_, i) =>
      person(i + 1, { position: s.recruiters.includes(i + 1) ? 'Recruiter' : 'Leitung' }),
    );
    const audit = input({
      contacts,
      myDetails: [
        { field: 'privateEmail', value: 'ich@gmx.de', source: 'x' },
        { field: 'mobile', value: '+491715550100', source: 'x' },
        { field: 'birthday', value: '1980-03-07', source: 'x' },
      ],
      interactions: s.known.map((id) => ({
        contactId: id,
        sent: 1,
        received: 1,
        firstAt: null,
        lastAt: '2026-01-01',
      })),
      sharing: sharingWith((sh) => {
        if (s.everyone) sh.linkedin.phoneVisibility = { value: 'everyone', declared: true };
        sh.linkedin.allowEmailDownload = { value: s.download, declared: true };
      }),
      mutes: s.mutes.map(([id, f, until]) => ({
        findingId: `private-detail-unfamiliar:${id}:${f}`,
        reason: 'r',
        until,
      })),
      revocations: s.revocations.map(([id, f, st, remove], i) =>
        revocation(i + 1, id, f, st, remove ? 'remove-connection' : 'narrow-phone-audience'),
      ),
    });
    const full = computeAudit(audit, 'en', NOW);
    const preview = computeAudit(audit, 'en', NOW, DEFAULT_POLICY, undefined, 'preview');
    expect(preview.findings).toEqual([]);
    expect(preview.score).toEqual(full.score);
    expect(preview.scoreAfterPlan).toEqual(full.scoreAfterPlan);
    expect(preview.summary).toEqual(full.summary);
    // What a what-if shows, counted without the headline's other numbers.
    expect(previewNumbers(audit, NOW)).toEqual({
      openFindings: full.summary.openFindings,
      score: full.score.value,
    });
    expect(full.summary.openFindings).toBe(full.findings.filter((f) => f.muted === null).length);
  };

  it('the same open findings, after the plan too, and the same scores', () => {
    fc.assert(fc.property(scenario, samePreview), { numRuns: 60 });
  });

  it('the same with nothing muted or revoked, where the rules that can count are not asked for reports', () => {
    fc.assert(
      fc.property(scenario, (s) => samePreview({ ...s, mutes: [], revocations: [] })),
      { numRuns: 40 },
    );
  });
});
