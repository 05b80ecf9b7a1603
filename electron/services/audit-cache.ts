/**
 * Main keeps the current audit: computed once per change of the database, not once per request.
 * A change is anything that moves SQLite's own counters — `total_changes()` of this connection
 * (every insert, update and delete, ours included) and `PRAGMA data_version` (commits by another
 * connection, e.g. the CLI importing while the app is open) — or the day (mutes expire at midnight).
 * So no write can forget to invalidate it.
 */
import { computeAudit, type AuditInput } from '../../shared/audit';
import type { AuditResult, Finding, Lang } from '../../shared/domain';
import type { Policy } from '../../shared/policy';
import type { DB } from './db';
import { getPolicy, loadAuditInput } from './store';

interface Entry {
  key: string;
  revision: number;
  input: AuditInput;
  policy: Policy;
  audit: AuditResult;
  byId: ReadonlyMap<string, Finding>;
}

export class AuditCache {
  private entry: Entry | null = null;
  private revision = 0;
  private readonly changes: () => number;

  constructor(
    private readonly db: DB,
    private readonly now: () => Date,
  ) {
    const statement = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    this.changes = () => statement.get()!.n;
  }

  private key(): string {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    return `${this.changes()}:${dataVersion}:${this.now().toISOString().slice(0, 10)}`;
  }

  private current(): Entry {
    if (this.entry?.key === this.key()) return this.entry;
    const input = loadAuditInput(this.db);
    const policy = getPolicy(this.db);
    const audit = computeAudit(input, 'en', this.now(), policy);
    this.entry = {
      // Taken after reading: should reading ever write (a default stored on first use), the key
      // still describes what was read.
      key: this.key(),
      revision: ++this.revision,
      input,
      policy,
      audit,
      byId: new Map(audit.findings.map((f) => [f.id, f])),
    };
    return this.entry;
  }

  /** The audit of the database as it is now (findings in one order for every language). */
  audit(lang: Lang): AuditResult {
    const { audit } = this.current();
    return audit.lang === lang ? audit : { ...audit, lang };
  }

  /** Increases whenever the audit had to be computed again: views compare it to what they show. */
  get currentRevision(): number {
    return this.current().revision;
  }

  finding(id: string): Finding | undefined {
    return this.current().byId.get(id);
  }

  /** What the audit was computed from: the what-if preview re-runs the rules on it with a change. */
  base(): { input: AuditInput; policy: Policy; audit: AuditResult } {
    const { input, policy, audit } = this.current();
    return { input, policy, audit };
  }
}
