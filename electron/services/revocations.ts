/**
 * From "revoke these findings" (or every open finding matching a filter) to revocations: one per
 * action, not per finding — removing a connection covers every finding of that person, so it is
 * one revocation however many of their findings were chosen.
 */
import type { Request, RevocationPreview } from '../../shared/contract';
import type { Finding } from '../../shared/domain';
import { matchFindings } from '../../shared/findings-query';
import type { AuditCache } from './audit-cache';
import { AppError } from './errors';
import { revocationTarget, type RevocationItem } from './revocation-store';

type Target = Request<'revocation:create'>;

/** The findings a target names; by id, each must exist and concern a person (else a clear error). */
function chosen(cache: AuditCache, target: Target): { findings: Finding[]; skipped: number } {
  if ('filter' in target) {
    const all = cache.audit('en').findings;
    const except = new Set(target.except);
    // "All matching" never takes a muted finding along: muted ones are excluded by the filter itself.
    const { indexes } = matchFindings(all, { ...target.filter, status: 'open' });
    // Findings a live revocation already covers are not revoked twice.
    const findings = indexes.map((i) => all[i]!).filter((f) => !except.has(f.id) && f.revocation === null);
    const people = findings.filter((f) => f.contact && f.field);
    return { findings: people, skipped: findings.length - people.length };
  }
  const findings = target.findingIds.map((id) => {
    const finding = cache.finding(id);
    if (!finding) throw new AppError('NOT_FOUND', 'error.notFound', { what: 'finding', id });
    if (finding.revocation !== null) throw new AppError('NOT_FOUND', 'error.alreadyRevoked', { id });
    if (!finding.contact || !finding.field) throw new AppError('UNSUPPORTED', 'error.settingNotPerson', { id });
    return finding;
  });
  return { findings, skipped: 0 };
}

/** One item per action: a removed connection once per person; other steps once per person and detail. */
export function revocationItems(
  cache: AuditCache,
  target: Target,
): { items: RevocationItem[]; preview: RevocationPreview } {
  const { findings, skipped } = chosen(cache, target);
  const byAction = new Map<string, RevocationItem>();
  for (const f of findings) {
    const item: RevocationItem = {
      findingId: f.id,
      contactId: f.contact!.id,
      field: f.field!,
      rule: f.rule,
      action: f.actions[0]!,
    };
    const key = revocationTarget(item);
    if (!byAction.has(key)) byAction.set(key, item);
  }
  // A person whose connection is removed needs no other step.
  const removed = new Set(
    [...byAction.values()].filter((i) => i.action === 'remove-connection').map((i) => i.contactId),
  );
  const items = [...byAction.values()].filter((i) => i.action === 'remove-connection' || !removed.has(i.contactId));
  return {
    items,
    preview: {
      findings: findings.length,
      connections: removed.size,
      otherActions: items.length - removed.size,
      skipped,
    },
  };
}
