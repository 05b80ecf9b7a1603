/**
 * The one report model (issue 11): the audit, the plan, the revocations and the judgement in the
 * reader's language. Pure: the same input gives the same model, and every format renders this.
 */
import { fieldLabel, formatDate } from '../i18n';
import { platformStep } from '../platform';
import type { Finding, RevocationView, Severity } from '../domain';
import { CAPS } from './caps';
import { mapInSlices, runAtOnce, runInSlices, type Slicing } from './slices';
import { groupFindings, reportFinding, reportMuted, statusLabel, Words } from './findings';
import { judged } from './judged';
import { exposureRows, liveCover, reportPerson, settingRows } from './people';
import { reportPlan, topSteps } from './plan';
import { reportDate, reportDateOrNull, say, withoutPaths } from './text';
import {
  REPORT_SCHEMA_VERSION,
  type ReportExposureRow,
  type ReportFindingGroup,
  type ReportInput,
  type ReportModel,
  type ReportPlan,
  type ReportPrevious,
  type ReportRevocation,
  type ReportTrend,
} from './types';

export * from './types';

function trend(input: ReportInput, previous: ReportPrevious, exposure: readonly ReportExposureRow[]): ReportTrend {
  const change = (before: number, now: number) => ({ previous: before, current: now, change: now - before });
  const fields = new Set([
    ...exposure.map((r) => r.field),
    ...(Object.keys(previous.exposure) as (typeof exposure)[number]['field'][]),
  ]);
  return {
    previousAt: reportDate(input.lang, previous.at, true),
    scoreNow: change(previous.scoreNow, input.audit.score.value),
    openFindings: change(previous.openFindings, input.audit.summary.openFindings),
    exposure: [...fields].map((field) => ({
      field,
      label: fieldLabel(input.lang, field),
      ...change(previous.exposure[field] ?? 0, exposure.find((r) => r.field === field)?.total ?? 0),
    })),
  };
}

function revocations(input: ReportInput, list: readonly RevocationView[]): ReportRevocation[] {
  const { lang } = input;
  return list.map((r) => ({
    id: r.id,
    contact:
      r.contactId === null ? null : { id: r.contactId, name: r.contactName ?? '', profileUrl: r.contactProfileUrl },
    field: r.field,
    fieldLabel: r.field === null ? null : fieldLabel(lang, r.field),
    action: r.action,
    stepLabel: platformStep(r.action, lang, r.contactProfileUrl).label,
    status: r.status,
    statusLabel: statusLabel(lang, r.status),
    createdAt: reportDate(lang, r.createdAt, true),
    appliedOn: reportDateOrNull(lang, r.appliedOn),
    resolvedAt: reportDateOrNull(lang, r.resolvedAt, true),
    events: (input.revocationEvents.get(r.id) ?? []).map((e) => ({
      status: e.status,
      statusLabel: statusLabel(lang, e.status),
      at: reportDate(lang, e.at, true),
      note: e.note === null ? null : withoutPaths(e.note),
    })),
  }));
}

/**
 * complete: every list in full (CSV, JSON). Capped (HTML, PDF): the groups list their first people,
 * the appendix its first findings, and only those are put into words — a heavy user's 60,000
 * findings are counted, not formatted.
 */
export function buildReportModel(input: ReportInput, options: { complete: boolean }): ReportModel {
  return runAtOnce(modelInSlices(input, options));
}

/**
 * The same model, built in slices: after each slice that took longer than `budgetMs`, `pause()` lets
 * the caller's event loop run (main answers the window while a heavy user's complete model is built).
 */
export function buildReportModelInSlices(
  input: ReportInput,
  options: { complete: boolean },
  slicing: Slicing,
): Promise<ReportModel> {
  return runInSlices(modelInSlices(input, options), slicing);
}

/** The summary: headline numbers, the score now, after the revocations and after the plan, trend and first steps. */
function summary(
  input: ReportInput,
  open: readonly Finding[],
  mutedCount: number,
  exposure: ReportExposureRow[],
  fewestView: ReportPlan | null,
): ReportModel['summary'] {
  const { lang, audit } = input;
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of open) bySeverity[f.severity]++;
  return {
    connections: audit.summary.connections,
    score: {
      now: audit.score.value,
      afterRevocations: audit.scoreAfterPlan.value,
      afterPlan: fewestView?.scoreAfter ?? null,
    },
    openFindings: open.length,
    mutedFindings: mutedCount,
    bySeverity,
    plannedRevocations: audit.summary.plannedRevocations,
    exposure,
    settingsAssumed: audit.summary.settingsAssumed,
    settings: settingRows(lang, input.sharing),
    trend: input.previous ? trend(input, input.previous, exposure) : null,
    topSteps: fewestView ? topSteps(fewestView) : null,
  };
}

/** The user's own details as the reader writes them, each with where it was found (no local paths). */
function myDetails(input: ReportInput): ReportModel['myDetails'] {
  const { lang } = input;
  return input.audit.myDetails.map((d) => ({
    field: d.field,
    fieldLabel: fieldLabel(lang, d.field),
    // A birthday without year ("--03-07") or with one, as the reader writes a date.
    value: d.field === 'birthday' ? formatDate(lang, d.value) : d.value,
    source: withoutPaths(d.source),
  }));
}

/** The appendix's findings: all of them, or (capped) the first ones and those the groups list. */
function listedFindings(open: Finding[], groups: readonly ReportFindingGroup[], complete: boolean): Finding[] {
  if (complete) return open;
  const ids = new Set(groups.flatMap((g) => g.people.flatMap((p) => p.findings)));
  return open.filter((f, i) => i < CAPS.appendix || ids.has(f.id));
}

function* modelInSlices(input: ReportInput, { complete }: { complete: boolean }): Generator<void, ReportModel> {
  const { lang, audit } = input;
  const open = audit.findings.filter((f) => f.muted === null);
  const mutedFindings = audit.findings.filter(
    (f): f is Finding & { muted: NonNullable<Finding['muted']> } => f.muted !== null,
  );
  const plans = input.plans?.map((p) => reportPlan(lang, p)) ?? null;
  yield;
  const fewest = input.plans?.find((p) => p.variant === 'fewest') ?? null;
  const fewestView = plans?.find((p) => p.variant === 'fewest') ?? null;
  const groups = groupFindings(lang, open, fewest, complete ? null : CAPS);
  yield;
  const listed = listedFindings(open, groups, complete);
  const exposure = exposureRows(lang, input.people, audit.revocations);
  const words = new Words(lang);
  const cap = <T>(list: readonly T[], n: number): readonly T[] => (complete ? list : list.slice(0, n));
  yield;
  const findings = yield* mapInSlices(listed, (f) => reportFinding(lang, f, words));
  const muted = yield* mapInSlices(cap(mutedFindings, CAPS.muted), (f) => reportMuted(lang, f, words));
  // Who sees what, person by person: the CSV's and the JSON's (the pages show the counts above).
  const cover = liveCover(audit.revocations);
  const people = complete ? yield* mapInSlices(input.people, (p) => reportPerson(lang, p, cover, words)) : [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    lang,
    complete,
    totals: {
      groups: groups.length,
      findings: open.length,
      muted: mutedFindings.length,
      revocations: audit.revocations.length,
      people: input.people.length,
    },
    title: say(lang, 'title'),
    generatedAt: reportDate(lang, audit.generatedAt, true),
    lastImportAt: reportDateOrNull(lang, audit.summary.lastImportAt, true),
    summary: summary(input, open, mutedFindings.length, exposure, fewestView),
    plans,
    groups,
    findings,
    muted,
    revocations: revocations(input, cap(audit.revocations, CAPS.revocations)),
    people,
    judged: judged(lang, input.policy, input.people, open),
    myDetails: myDetails(input),
  };
}
