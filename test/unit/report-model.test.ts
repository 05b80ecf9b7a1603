/**
 * The report model: the audit's numbers, findings grouped by the plan's steps and then by person
 * (each open finding exactly once, muted ones apart), capped lists that count what they leave out,
 * words in the reader's language, no folder of the user's disk, the trend and the policy's changes.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/domain';
import { formatDate, message } from '../../shared/i18n';
import { DEFAULT_POLICY } from '../../shared/policy';
import { CAPS } from '../../shared/report/caps';
import { groupFindings } from '../../shared/report/findings';
import { buildReportModel } from '../../shared/report/model';
import { withoutPaths } from '../../shared/report/text';
import type { ReportModel } from '../../shared/report/types';
import { auditInput, CONTACTS, modelFor, reportInputFor } from './report-fixture';

const groupedIds = (m: ReportModel) => m.groups.flatMap((g) => g.people.flatMap((p) => p.findings));

describe('the report model', () => {
  it.each<Lang>(['de', 'en'])('%s: its counts are the audit’s; muted findings apart, never open', (lang) => {
    const input = reportInputFor(lang);
    const m = buildReportModel(input, { complete: true });
    const open = input.audit.findings.filter((f) => f.muted === null);
    const muted = input.audit.findings.filter((f) => f.muted !== null);
    expect(muted).toHaveLength(1);
    expect(m.summary.openFindings).toBe(input.audit.summary.openFindings);
    expect(m.summary.openFindings).toBe(open.length);
    expect(m.findings.map((f) => f.id)).toEqual(open.map((f) => f.id));
    expect(m.summary.mutedFindings).toBe(1);
    expect(m.muted.map((f) => f.id)).toEqual(muted.map((f) => f.id));
    expect(m.muted[0]).toMatchObject({ reason: '=Assistenz <b>', until: { iso: '2027-01-31' } });
    expect(groupedIds(m)).not.toContain(muted[0]!.id);
    expect(m.summary.score).toEqual({
      now: input.audit.score.value,
      afterRevocations: input.audit.scoreAfterPlan.value,
      afterPlan: input.plans![0]!.scoreAfter,
    });
    const bySeverity = { high: 0, medium: 0, low: 0 };
    for (const f of open) bySeverity[f.severity]++;
    expect(m.summary.bySeverity).toEqual(bySeverity);
    expect(m.totals).toEqual({ groups: m.groups.length, findings: open.length, muted: 1, revocations: 1, people: 6 });
  });

  it('groups every open finding exactly once: by the plan’s steps in order, then by person', () => {
    const input = reportInputFor('en');
    const m = buildReportModel(input, { complete: true });
    const ids = groupedIds(m);
    expect([...ids].sort()).toEqual(m.findings.map((f) => f.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    const fewest = input.plans!.find((p) => p.variant === 'fewest')!;
    const planned = m.groups.filter((g) => g.planStep !== null);
    expect(planned.map((g) => g.key)).toEqual(fewest.steps.filter((s) => s.clears.length > 0).map((s) => s.key));
    for (const g of planned) {
      const step = fewest.steps[g.planStep! - 1]!;
      expect(g.people.flatMap((p) => p.findings).sort()).toEqual([...step.clears].sort());
      expect(g.findings).toBe(step.clears.length);
    }
    // Within a group each person once, with only their own findings.
    const byId = new Map(input.audit.findings.map((f) => [f.id, f]));
    for (const g of m.groups) {
      const people = g.people.map((p) => p.contact?.id ?? null);
      expect(new Set(people).size).toBe(people.length);
      for (const p of g.people)
        for (const id of p.findings) expect(byId.get(id)!.contact?.id ?? null).toBe(p.contact?.id ?? null);
    }
    // What a revocation of the user's already takes away is a group of its own.
    const revoking = m.groups.find((g) => g.key === 'revoking')!;
    expect(revoking.title).toBe('Being taken back by your revocations');
    expect(revoking.people.map((p) => p.contact?.name)).toEqual(['Bernd Später']);
  });

  it('without a plan, groups by the kind of step that removes each finding, and says the plan is missing', () => {
    const m = modelFor('en', true, { plans: false });
    expect(m.plans).toBeNull();
    expect(m.summary.topSteps).toBeNull();
    expect(m.summary.score.afterPlan).toBeNull();
    expect(m.groups.map((g) => g.key)).toContain('remove-connection');
    expect([...groupedIds(m)].sort()).toEqual(m.findings.map((f) => f.id).sort());
  });

  it('the plan: its three variants, each step with its page, what it clears, and the known people who lose access', () => {
    const m = modelFor('de');
    expect(m.plans!.map((p) => p.variant)).toEqual(['fewest', 'keep-known', 'emergency']);
    expect(m.plans!.map((p) => p.title)).toEqual(['Wenigste Schritte', 'Bekannte behalten', 'Notfall-Reset']);
    const fewest = m.plans![0]!;
    expect(fewest.steps[0]).toMatchObject({
      action: 'narrow-email-audience',
      url: 'https://www.linkedin.com/psettings/privacy/email',
    });
    // Narrowing the email audience takes it from Anna and Jürgen too, whom the user knows.
    expect(fewest.steps[0]!.collateral.sort()).toEqual(['Anna Bekannt', 'Jürgen Groß']);
    expect(m.plans![1]!.collateral).toEqual([]);
    expect(m.summary.topSteps!.map((s) => s.clears)).toEqual(
      [...m.summary.topSteps!.map((s) => s.clears)].sort((a, b) => b - a),
    );
  });

  it('capped: the groups past the first ones are only counted — no people, every finding hidden', () => {
    const input = reportInputFor('en');
    const open = input.audit.findings.filter((f) => f.muted === null);
    const whole = groupFindings('en', open, null, null);
    expect(whole.length).toBeGreaterThan(1);
    const capped = groupFindings('en', open, null, { groups: 1, peoplePerGroup: 1 });
    expect(capped.map((g) => [g.key, g.findings])).toEqual(whole.map((g) => [g.key, g.findings]));
    expect(capped[0]!.people).toEqual(whole[0]!.people.slice(0, 1));
    for (const g of capped.slice(1)) {
      expect(g.peopleTotal).toBe(0);
      expect(g.people).toEqual([]);
      expect(g.hiddenFindings).toBe(g.findings);
      expect(g.findings).toBeGreaterThan(0);
    }
  });

  it('capped (HTML, PDF): the first people of each group, the appendix’s first findings, counts of the rest', () => {
    const contacts = Array.from({ length: 160 }, (_, i) => ({
      ...CONTACTS[2]!,
      id: 100 + i,
      key: `k${i}`,
      name: `Person ${i}`,
    }));
    const input = auditInput({ contacts, mutes: [], revocations: [], interactions: [] });
    const full = modelFor('en', true, { input });
    const capped = modelFor('en', false, { input });
    expect(full.findings).toHaveLength(320);
    for (const [i, g] of capped.groups.entries()) {
      const whole = full.groups[i]!;
      expect(g.peopleTotal).toBe(whole.people.length);
      expect(g.people).toEqual(whole.people.slice(0, CAPS.peoplePerGroup));
      expect(g.hiddenFindings).toBe(whole.people.slice(CAPS.peoplePerGroup).reduce((n, p) => n + p.findings.length, 0));
    }
    expect(capped.groups.some((g) => g.peopleTotal > g.people.length)).toBe(true);
    expect(capped.totals.findings).toBe(320);
    // Only the findings it shows are put into words (the appendix's first, those the groups list);
    // the people table is the CSV's and the JSON's.
    const shown = new Set([...full.findings.slice(0, CAPS.appendix).map((f) => f.id), ...groupedIds(capped)]);
    expect(shown.size).toBeLessThan(320);
    expect(capped.findings).toEqual(full.findings.filter((f) => shown.has(f.id)));
    expect(capped.people).toEqual([]);
    expect(capped.summary).toEqual(full.summary);
    expect(capped.complete).toBe(false);
  });

  it('dates and labels in the reader’s language; a birthday without year as day and month', () => {
    const de = modelFor('de');
    const en = modelFor('en');
    expect(de.myDetails.find((d) => d.field === 'birthday')!.value).toBe('7. März');
    expect(en.myDetails.find((d) => d.field === 'birthday')!.value).toBe('7 March');
    expect(de.lastImportAt).toEqual({
      iso: '2026-10-30T09:05:00Z',
      text: formatDate('de', '2026-10-30T09:05:00Z', true),
    });
    expect(de.revocations[0]).toMatchObject({
      contact: { name: 'Bernd Später' },
      status: 'applied',
      statusLabel: 'auf der Plattform erledigt, Beleg steht aus',
      appliedOn: { iso: '2026-10-03', text: '03.10.2026' },
    });
    expect(de.findings[0]!.message).toMatch(/sieht Ihre/);
    expect(en.findings[0]!.message).toMatch(/can see your/);
  });

  it('names files, never the folders of the user’s disk', () => {
    const m = modelFor('en');
    expect(m.myDetails[0]!.source).toBe('Email Addresses.csv');
    expect(m.revocations[0]!.events[1]!.note).toBe('Connections.csv (2026-10-03)');
    expect(JSON.stringify(m)).not.toContain('/home/erika');
    expect(withoutPaths('C:\\Users\\erika\\Adressbuch.vcf und https://www.linkedin.com/in/erika')).toBe(
      'Adressbuch.vcf und https://www.linkedin.com/in/erika',
    );
  });

  it('the trend since the previous audit, when there is one', () => {
    const m = modelFor('en', true, {
      previous: {
        at: '2026-08-01T10:00:00Z',
        scoreNow: 80,
        scoreAfterPlan: 70,
        openFindings: 12,
        exposure: { mobile: 9, address: 2 },
      },
    });
    expect(m.summary.trend).toMatchObject({
      previousAt: { iso: '2026-08-01T10:00:00Z' },
      scoreNow: { previous: 80, current: m.summary.score.now, change: m.summary.score.now - 80 },
      openFindings: { previous: 12, current: 8, change: -4 },
    });
    const mobile = m.summary.trend!.exposure.find((e) => e.field === 'mobile')!;
    expect(mobile).toMatchObject({ previous: 9, current: 6, change: -3 });
    expect(m.summary.trend!.exposure.find((e) => e.field === 'address')).toMatchObject({ previous: 2, current: 0 });
    expect(modelFor('en').summary.trend).toBeNull();
  });

  it('how ShareAudit judged: thresholds, weights, evidence found, rules with their counts, and only changed policy values', () => {
    const m = modelFor('en');
    expect(m.judged.policyChanges).toEqual([]);
    expect(m.judged.familiarity.knownAt).toBe(DEFAULT_POLICY.familiarity.knownAt);
    expect(m.judged.rules.find((r) => r.id === 'private-detail-unfamiliar')!.findings).toBe(
      m.findings.filter((f) => f.rule === 'private-detail-unfamiliar').length,
    );
    expect(m.judged.familiarity.evidence.find((e) => e.kind === 'two-way-messages')).toMatchObject({ people: 2 });
    const policy = {
      ...DEFAULT_POLICY,
      staleYears: 5,
      trustedTags: [...DEFAULT_POLICY.trustedTags.filter((t) => t !== 'kunde'), 'verein'],
    };
    const changed = modelFor('de', true, { policy });
    expect(changed.judged.policyChanges).toEqual([
      {
        path: 'trustedTags',
        label: 'Vertrauenswürdige Schlagwörter',
        default: '13 Einträge',
        current: '13 Einträge; hinzugefügt: verein; entfernt: kunde',
      },
      { path: 'staleYears', label: expect.any(String), default: '3', current: '5' },
    ]);
  });

  it('how ShareAudit judged: the re-audit reminder’s days when they differ from the default', () => {
    const policy = { ...DEFAULT_POLICY, reauditAfterDays: DEFAULT_POLICY.reauditAfterDays + 30 };
    for (const lang of ['de', 'en'] as const)
      expect(modelFor(lang, false, { policy }).judged.policyChanges).toEqual([
        {
          path: 'reauditAfterDays',
          label: message(lang, 'report.policy.reauditAfterDays'),
          default: String(DEFAULT_POLICY.reauditAfterDays),
          current: String(DEFAULT_POLICY.reauditAfterDays + 30),
        },
      ]);
    expect(modelFor('en', false).judged.policyChanges).toEqual([]);
  });

  it('settings used, each declared or assumed, and who sees which detail through which grant', () => {
    const m = modelFor('en');
    expect(m.summary.settingsAssumed).toBe(true);
    expect(m.summary.settings[0]).toEqual({
      network: 'linkedin',
      setting: 'Who can see your email address',
      value: '1st-degree connections',
      declared: false,
    });
    const erika = m.people.find((p) => p.name === 'Erika Musterfrau')!;
    expect(erika.sees.map((s) => s.field).sort()).toEqual(['birthday', 'mobile', 'privateEmail']);
    expect(erika.sees[0]).toMatchObject({ grant: 'LinkedIn setting: 1st-degree connections', assumed: true });
    const rows = m.summary.exposure;
    expect(rows.map((r) => r.field)).toEqual(['privateEmail', 'mobile', 'birthday']);
    for (const r of rows) expect(r.total).toBe(m.people.filter((p) => p.sees.some((s) => s.field === r.field)).length);
    expect(rows.find((r) => r.field === 'mobile')).toMatchObject({ known: 2, revocationPlanned: 1 });
  });
});
