/**
 * The overview's charts as main aggregates them: exposure by connection date with the declared
 * changes marked, familiarity of those who see private details, collector signals, the riskiest
 * people — and the re-audit reminder's day count.
 */
import { describe, expect, it } from 'vitest';
import type { Contact, DetailField, Exposure, FamiliarityJudgement, Finding } from '../../shared/domain';
import { collectorSignals, exposureOverTime, privateFamiliarity, topPeople } from '../../shared/history-charts';
import { daysBetween, reauditReminder } from '../../shared/history-reminder';
import { sharingWith } from '../helpers/rules';

function contact(id: number, connectedOn: string | null, name = `Person ${id}`): Contact {
  return { id, network: 'linkedin', key: `k${id}`, name, profileUrl: null, company: null, position: null, connectedOn };
}

function exposure(contactId: number, field: DetailField): Exposure {
  return {
    contactId,
    field,
    grant: { kind: 'audience', network: 'linkedin', audience: 'first-degree', assumed: true },
    since: null,
    public: false,
    harvestable: true,
  };
}

function judgement(
  level: FamiliarityJudgement['level'],
  extra: Partial<FamiliarityJudgement> = {},
): FamiliarityJudgement {
  return { level, score: 0, evidence: [], collectorSignals: [], ...extra };
}

const contacts = new Map(
  [contact(1, '2019-01-05'), contact(2, '2019-01-20'), contact(3, '2021-06-01'), contact(4, null)].map((c) => [
    c.id,
    c,
  ]),
);

describe('exposure over time', () => {
  it('counts, per month of connecting, how many of those who see each detail now were connected by then', () => {
    const exposures = [1, 2, 3, 4].flatMap((id) => [exposure(id, 'privateEmail')]).concat([exposure(3, 'mobile')]);
    const sharing = sharingWith(
      (s) => (s.xing.defaults = [{ from: '2020-04-01', fields: ['mobile', 'privateEmail'] }]),
    );
    const result = exposureOverTime(contacts, { exposures, familiarity: new Map() }, sharing, [
      '2026-07-01T09:00:00.000Z',
      '2026-07-01T10:00:00.000Z',
    ]);
    expect(result.fields).toEqual(['privateEmail', 'mobile']);
    expect(result.points).toEqual([
      { month: '2019-01', counts: { privateEmail: 2, mobile: 0 } },
      // The XING default's month is on the axis although nobody connected then.
      { month: '2020-04', counts: { privateEmail: 2, mobile: 0 } },
      { month: '2021-06', counts: { privateEmail: 3, mobile: 1 } },
      { month: '2026-07', counts: { privateEmail: 3, mobile: 1 } },
    ]);
    // Person 4 connected on an unknown day: not on the axis, counted apart.
    expect(result.undated).toEqual({ privateEmail: 1 });
    expect(result.markers).toEqual([
      { month: '2020-04', date: '2020-04-01', kind: 'xing-default', fields: ['privateEmail', 'mobile'] },
      { month: '2026-07', date: '2026-07-01', kind: 'declared', fields: [] },
    ]);
  });

  it('marks no XING default while the category model is in force (it does not apply then)', () => {
    const sharing = sharingWith((s) => {
      s.xing.model = { value: 'category', declared: true };
      s.xing.defaults = [{ from: '2020-04-01', fields: ['mobile'] }];
    });
    expect(exposureOverTime(contacts, { exposures: [], familiarity: new Map() }, sharing, []).markers).toEqual([]);
  });
});

describe('familiarity of the people who see private details', () => {
  it('per private detail, and each person once for "any"', () => {
    const familiarity = new Map([
      [1, judgement('known')],
      [2, judgement('unfamiliar')],
      [3, judgement('acquainted')],
    ]);
    const exposures = [
      exposure(1, 'privateEmail'),
      exposure(1, 'mobile'),
      exposure(2, 'mobile'),
      exposure(3, 'birthday'),
      exposure(3, 'businessEmail'),
    ];
    expect(privateFamiliarity({ exposures, familiarity })).toEqual([
      { field: 'privateEmail', known: 1, acquainted: 0, unfamiliar: 0 },
      { field: 'mobile', known: 1, acquainted: 0, unfamiliar: 1 },
      { field: 'any', known: 1, acquainted: 0, unfamiliar: 1 },
    ]);
    expect(privateFamiliarity({ exposures: [exposure(3, 'birthday')], familiarity })).toEqual([]);
  });
});

describe('collector signals', () => {
  it('counts each phrase and role once per person who sees something; unanswered and likely collectors apart', () => {
    const phrase = (p: string) => ({ kind: 'generic-invitation' as const, data: { text: `… ${p} …`, phrase: p } });
    const role = (r: string) => ({ kind: 'pitching-role' as const, data: { position: r, role: r } });
    const familiarity = new Map([
      [1, judgement('unfamiliar', { collectorSignals: [phrase('win-win'), phrase('win-win'), role('recruiter')] })],
      [2, judgement('unfamiliar', { collectorSignals: [phrase('win-win')] })],
      [
        3,
        judgement('known', { collectorSignals: [role('coach'), { kind: 'unanswered-pitch', data: { received: 2 } }] }),
      ],
      // Sees nothing: not counted.
      [4, judgement('unfamiliar', { collectorSignals: [role('headhunter')] })],
    ]);
    const exposures = [exposure(1, 'mobile'), exposure(2, 'mobile'), exposure(3, 'privateEmail')];
    expect(collectorSignals({ exposures, familiarity }, familiarity)).toEqual({
      phrases: [{ text: 'win-win', people: 2 }],
      roles: [
        { text: 'coach', people: 1 },
        { text: 'recruiter', people: 1 },
      ],
      unanswered: 1,
      // Person 3 is known: no likely collector.
      collectors: 2,
    });
  });
});

describe('top people by risk', () => {
  const finding = (contactId: number, severity: Finding['severity'], field: DetailField, muted = false): Finding =>
    ({
      id: `r:${contactId}:${field}`,
      rule: 'r',
      severity,
      field,
      network: 'linkedin',
      contact: { id: contactId, name: contacts.get(contactId)!.name, profileUrl: null, company: null, position: null },
      familiarity: 'unfamiliar',
      muted: muted ? { reason: 'x', until: null } : null,
    }) as Finding;

  it('by the weight of their open findings, then the one known least; muted findings count nowhere', () => {
    const findings = [
      finding(1, 'medium', 'mobile'),
      finding(2, 'medium', 'privateEmail'),
      finding(3, 'high', 'mobile'),
      finding(3, 'high', 'privateEmail', true),
      finding(4, 'low', 'birthday'),
    ];
    const familiarity = new Map([
      [1, { score: 10 }],
      [2, { score: -15 }],
    ]);
    expect(
      topPeople({ findings }, contacts, familiarity).map((p) => [p.contactId, p.points, p.findings, p.fields]),
    ).toEqual([
      [3, 6, 1, ['mobile']],
      [2, 3, 1, ['privateEmail']],
      [1, 3, 1, ['mobile']],
      [4, 1, 1, ['birthday']],
    ]);
  });
});

describe('the re-audit reminder', () => {
  it('counts whole calendar days in UTC (no daylight-saving hour, leap days count)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-06-30', '2026-09-28')).toBe(90);
    expect(() => daysBetween('30.06.2026', '2026-09-28')).toThrow(/not a day: 30.06.2026/);
  });

  it('is due on the Nth day, not the day before; never before any export', () => {
    expect(reauditReminder('2026-06-30', '2026-09-27', 90, 0)).toMatchObject({ days: 89, due: false });
    expect(reauditReminder('2026-06-30', '2026-09-28', 90, 2)).toMatchObject({
      days: 90,
      due: true,
      waitingForProof: 2,
      url: 'https://www.linkedin.com/mypreferences/d/download-my-data',
    });
    expect(reauditReminder(null, '2026-09-28', 90, 0)).toMatchObject({ days: null, due: false });
  });
});
