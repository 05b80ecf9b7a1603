/**
 * The JSON document (schemaVersion 2): every text many items share is written once, in a lookup
 * table, and each finding, person and group refers to it by key; resolved by those keys, the
 * document says exactly what the model says.
 */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../electron/services/report';
import type { Lang } from '../../shared/domain';
import type { ReportDocument } from '../../shared/report/document';
import type { ReportFinding, ReportModel } from '../../shared/report/types';
import { auditInput, CONTACTS, modelFor } from './report-fixture';

const documentOf = (model: ReportModel) => JSON.parse(renderJson(model)) as ReportDocument;

/** A finding of the document with every key replaced by what it stands for. */
function resolve(doc: ReportDocument, f: ReportDocument['findings'][number]): ReportFinding {
  const contact = f.contact === null ? null : { id: f.contact, ...doc.contacts[f.contact]! };
  return {
    id: f.id,
    rule: f.rule,
    ruleTitle: doc.labels.rule[f.rule]!,
    severity: f.severity,
    severityLabel: doc.labels.severity[f.severity]!,
    field: f.field,
    fieldLabel: f.field === null ? null : doc.labels.field[f.field]!,
    network: f.network,
    contact,
    familiarity: f.familiarity,
    familiarityLabel: f.familiarity === null ? null : doc.labels.familiarity[f.familiarity]!,
    message: f.message,
    evidence: f.evidence.map((k) => doc.evidence[k]!),
    assumed: f.assumed,
    steps: f.steps.map((k) => {
      const step = doc.steps[k]!;
      return { ...step, url: step.url ?? contact!.profileUrl! };
    }),
    revocation: f.revocation && { ...f.revocation, statusLabel: doc.labels.status[f.revocation.status]! },
  };
}

describe('the JSON document', () => {
  it.each<Lang>(['de', 'en'])(
    '%s: resolved by its keys, the findings, muted findings and people are the model’s',
    (lang) => {
      const model = modelFor(lang);
      const doc = documentOf(model);
      expect(doc.schemaVersion).toBe(2);
      expect(doc.findings.map((f) => resolve(doc, f))).toEqual(model.findings);
      expect(doc.muted.map((f) => ({ ...resolve(doc, f), reason: f.reason, until: f.until }))).toEqual(model.muted);
      expect(
        doc.people.map(({ contactId, evidence, sees, ...p }) => ({
          contactId,
          ...doc.contacts[contactId]!,
          ...p,
          familiarityLabel: doc.labels.familiarity[p.familiarity],
          evidence: evidence.map((k) => doc.evidence[k]),
          sees: sees.map((s) => ({
            ...s,
            fieldLabel: doc.labels.field[s.field],
            grant: doc.grants[s.grant],
            since: s.since === null ? null : { iso: s.since, text: doc.dates[s.since] },
            revocation: s.revocation && { ...s.revocation, statusLabel: doc.labels.status[s.revocation.status] },
          })),
        })),
      ).toEqual(model.people.map((p) => ({ ...p })));
      expect(
        doc.groups.map((g) =>
          g.people.map((p) => [p.contact === null ? null : doc.contacts[p.contact]!.name, p.findings]),
        ),
      ).toEqual(model.groups.map((g) => g.people.map((p) => [p.contact?.name ?? null, p.findings])));
      // Everything else is the model's as it is.
      expect(doc.summary).toEqual(model.summary);
      expect(doc.plans).toEqual(model.plans);
      expect(doc.revocations).toEqual(model.revocations);
    },
  );

  it('a step’s words, an evidence text and a grant are written once however many findings share them', () => {
    const contacts = Array.from({ length: 200 }, (_, i) => ({
      ...CONTACTS[2]!,
      id: 100 + i,
      key: `k${i}`,
      name: `P ${i}`,
    }));
    const model = modelFor('de', true, {
      input: auditInput({ contacts, mutes: [], revocations: [], interactions: [] }),
    });
    expect(model.findings.length).toBeGreaterThanOrEqual(400);
    const json = renderJson(model);
    const doc = JSON.parse(json) as ReportDocument;
    const texts = [
      ...new Set(model.findings.flatMap((f) => [...f.steps.map((s) => s.label), ...f.evidence])),
      ...new Set(model.people.flatMap((p) => p.sees.map((s) => s.grant))),
    ];
    expect(texts.length).toBeGreaterThan(3);
    // (The plan's steps and the groups' titles, a few, name their steps themselves.)
    const lists = JSON.stringify([doc.findings, doc.muted, doc.people, doc.steps, doc.evidence, doc.grants]);
    for (const text of texts) expect(lists.split(JSON.stringify(text)).length - 1, text).toBe(1);
    // Removing a contact happens on their profile: the step's page is the contact's, not repeated.
    expect(Object.values(doc.steps).find((s) => s.action === 'remove-connection')).toMatchObject({ url: null });
    expect(json.length).toBeLessThan(JSON.stringify(model).length / 2);
  });
});
