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
