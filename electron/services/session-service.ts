/**
 * The guided session (issue 9): one plan step at a time, done or skipped, saved as it goes so that
 * it can be resumed after closing the app. "Done" records the step's revocation(s) as applied on the
 * day the user did it — a person's step one per person and detail (removing them: one), a setting's
 * one for the whole setting.
 */
import type { Finding } from '../../shared/domain';
import type { PlanStep, PlanVariant } from '../../shared/plan';
import type { SessionStepView, SessionView, StepOutcome } from '../../shared/plan-contract';
import type { AuditCache } from './audit-cache';
import type { DB } from './db';
import { AppError } from './errors';
import { stepView, type PlanService } from './plan-service';
import {
  insertRevocations,
  liveRevocationId,
  markApplied,
  planSettingRevocation,
  revocationTarget,
  type RevocationItem,
} from './revocation-store';

interface StepRow {
  position: number;
  step: string;
  outcome: StepOutcome | null;
  decided_at: string | null;
  applied_on: string | null;
  revocation_ids: string | null;
}

/**
 * A real calendar day, not after today — by a day's grace: the user's today may be tomorrow in UTC
 * (Germany just after midnight). A later day would keep "not applied" from ever being found.
 */
export function isPastDay(day: string, now: Date): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  return real && date.getTime() <= now.getTime() + 86_400_000;
}

export class SessionService {
  constructor(
    private readonly db: DB,
    private readonly cache: AuditCache,
    private readonly plans: PlanService,
    private readonly now: () => Date,
  ) {}

  private open(): { id: number; variant: PlanVariant; started_at: string } | undefined {
    return this.db
      .prepare<[], { id: number; variant: PlanVariant; started_at: string }>(
        `SELECT id, variant, started_at FROM plan_session WHERE ended_at IS NULL`,
      )
      .get();
  }

  private view(row: StepRow, open: ReadonlySet<string>): SessionStepView {
    const step = JSON.parse(row.step) as PlanStep;
    const { clears } = step;
    return {
      ...stepView(step),
      position: row.position,
      outcome: row.outcome,
      decidedAt: row.decided_at,
      appliedOn: row.applied_on,
      stale: row.outcome === null && clears.length > 0 && !clears.some((id) => open.has(id)),
    };
  }

  get(): SessionView | null {
    const session = this.open();
    if (!session) return null;
    // A step whose revocations were all undone (Undo after "Done") is to do again.
    this.cache.unrelatedWrite(() =>
      this.db
        .prepare(
          `UPDATE plan_session_step SET outcome = NULL, decided_at = NULL, applied_on = NULL, revocation_ids = NULL
         WHERE session_id = ? AND outcome = 'done' AND json_array_length(revocation_ids) > 0
           AND NOT EXISTS (SELECT 1 FROM json_each(revocation_ids) j JOIN revocation r ON r.id = j.value
                           WHERE r.status <> 'undone')`,
        )
        .run(session.id),
    );
    const counts = this.db
      .prepare<[number], { total: number; done: number; skipped: number }>(
        `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE outcome = 'done') AS done,
           COUNT(*) FILTER (WHERE outcome = 'skipped') AS skipped
         FROM plan_session_step WHERE session_id = ?`,
      )
      .get(session.id)!;
    const current = this.db
      .prepare<[number], StepRow>(
        `SELECT * FROM plan_session_step WHERE session_id = ? AND outcome IS NULL ORDER BY position LIMIT 1`,
      )
      .get(session.id);
    const last = this.db
      .prepare<[number], StepRow>(
        `SELECT * FROM plan_session_step WHERE session_id = ? AND outcome IS NOT NULL
         ORDER BY decided_at DESC, position DESC LIMIT 1`,
      )
      .get(session.id);
    const open = new Set(
      this.cache
        .audit('en')
        .findings.filter((f) => f.muted === null && f.revocation === null)
        .map((f) => f.id),
    );
    return {
      id: session.id,
      variant: session.variant,
      startedAt: session.started_at,
      ...counts,
      current: current ? this.view(current, open) : null,
      last: last
        ? { ...this.view(last, open), revocationIds: JSON.parse(last.revocation_ids ?? '[]') as number[] }
        : null,
    };
  }

  /** A session through the plan as it is now; an open one ends first. */
  start(variant: PlanVariant): SessionView {
    const plan = this.plans.plan(variant);
    const at = this.now().toISOString();
    // The session's tables are none the audit reads: the cached audit stays current.
    this.cache.unrelatedWrite(
      this.db.transaction(() => {
        this.db.prepare(`UPDATE plan_session SET ended_at = ? WHERE ended_at IS NULL`).run(at);
        const id = Number(
          this.db.prepare(`INSERT INTO plan_session (variant, started_at) VALUES (?, ?)`).run(variant, at)
            .lastInsertRowid,
        );
        const insert = this.db.prepare(`INSERT INTO plan_session_step (session_id, position, step) VALUES (?, ?, ?)`);
        plan.steps.forEach((step, position) => insert.run(id, position, JSON.stringify(step)));
      }),
    );
    return this.get()!;
  }

  end(): boolean {
    return this.cache.unrelatedWrite(
      () =>
        this.db.prepare(`UPDATE plan_session SET ended_at = ? WHERE ended_at IS NULL`).run(this.now().toISOString())
          .changes > 0,
    );
  }

  decide(position: number, outcome: StepOutcome, on: string | undefined): SessionView {
    const session = this.open();
    if (!session) throw new AppError('NOT_FOUND', 'plan.noSession');
    const row = this.db
      .prepare<[number, number], StepRow>(`SELECT * FROM plan_session_step WHERE session_id = ? AND position = ?`)
      .get(session.id, position);
    if (!row) throw new AppError('NOT_FOUND', 'plan.badStep', { n: position + 1 });
    const today = this.now().toISOString().slice(0, 10);
    const day = on ?? today;
    if (!isPastDay(day, this.now())) throw new AppError('BAD_REQUEST', 'plan.badDay', { value: day });
    // Only revocations change (and the session's own tables): the rules' results stay cached.
    this.cache.stateWrite(
      this.db.transaction(() => {
        const ids = outcome === 'done' ? this.apply(JSON.parse(row.step) as PlanStep, day) : [];
        this.db
          .prepare(
            `UPDATE plan_session_step SET outcome = ?, decided_at = ?, applied_on = ?, revocation_ids = ?
           WHERE session_id = ? AND position = ?`,
          )
          .run(
            outcome,
            this.now().toISOString(),
            outcome === 'done' ? day : null,
            JSON.stringify(ids),
            session.id,
            position,
          );
      }),
    );
    return this.get()!;
  }

  /**
   * Records a step as done on the platform on `day`: its revocations, planned if new, then applied.
   * Returns the ones it created (what Undo takes back); one that was planned before stays the user's.
   */
  private apply(step: PlanStep, day: string): number[] {
    const findings = step.clears
      .map((id) => this.cache.finding(id))
      .filter((f): f is Finding => f !== undefined && f.muted === null);
    const now = this.now();
    if (step.contact === null) {
      const first = findings[0];
      const { id, created } = planSettingRevocation(
        this.db,
        {
          findingId: first?.id ?? step.key,
          field: step.fields[0] ?? null,
          rule: first?.rule ?? 'plan',
          action: step.action,
          stepKey: step.key,
        },
        now,
      );
      markApplied(this.db, [id], day, now);
      return created ? [id] : [];
    }
    const items = new Map<string, RevocationItem>();
    const add = (item: RevocationItem): void => void items.set(revocationTarget(item), item);
    for (const f of findings) {
      if (f.field)
        add({ findingId: f.id, contactId: step.contact.id, field: f.field, rule: f.rule, action: step.action });
    }
    // Nothing it cleared is a finding now (the emergency reset's shares, or the audit changed since the
    // session began): the step itself says whom and what it ends.
    if (items.size === 0)
      for (const field of step.fields)
        add({ findingId: step.key, contactId: step.contact.id, field, rule: 'plan', action: step.action });
    const created = insertRevocations(this.db, [...items.values()], now).map((r) => r.id);
    const ids = [...items.keys()].flatMap((target) => liveRevocationId(this.db, target) ?? []);
    markApplied(this.db, ids, day, now);
    return created;
  }
}
