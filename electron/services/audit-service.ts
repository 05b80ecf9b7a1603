/**
 * The audit's side of the contract: views ask for what they show — the headline, a window of
 * findings or revocations, a what-if — and main answers from its cached audit (audit-cache.ts).
 */
import { previewNumbers } from '../../shared/audit';
import type { AuditOverview, PreviewNumbers, Request, Response } from '../../shared/contract';
import type { AuditResult } from '../../shared/domain';
import { findingsPage } from '../../shared/findings-query';
import { mergeDeclaredDetails } from '../../shared/my-details';
import { revocationsPage } from '../../shared/revocations-query';
import { AuditCache } from './audit-cache';
import type { DB } from './db';

export const DECLARED_SOURCE = 'declared in ShareAudit';

function numbers(audit: Pick<AuditResult, 'summary' | 'score'>): PreviewNumbers {
  return { openFindings: audit.summary.openFindings, score: audit.score.value };
}

export class AuditService {
  readonly cache: AuditCache;

  constructor(
    db: DB,
    private readonly now: () => Date,
  ) {
    this.cache = new AuditCache(db, now);
  }

  /** The overview's numbers: during the warm-up at start, as soon as it has counted them. */
  async summary(): Promise<AuditOverview> {
    const { audit, revision } = await this.cache.numbers();
    // A page loading has its numbers, but main's warm-up waits on until the page has drawn them and
    // asks for more (foreground.ts).
    return {
      revision,
      generatedAt: audit.generatedAt,
      summary: audit.summary,
      score: audit.score,
      scoreAfterPlan: audit.scoreAfterPlan,
      byField: audit.byField,
      myDetails: audit.myDetails,
    };
  }

  findings(request: Request<'findings:list'>): Response<'findings:list'> {
    const { query, severity, status, offset, limit } = request;
    const page = findingsPage(this.cache.audit('en').findings, { query, severity, status }, offset, limit);
    return { ...page, revision: this.cache.currentRevision };
  }

  revocations({ query, group, offset, limit }: Request<'revocations:list'>): Response<'revocations:list'> {
    return revocationsPage(this.cache.audit('en').revocations, { query, group }, offset, limit);
  }

  /** The same numbers as the full audit (a test holds them equal), counted without building findings. */
  preview(request: Request<'audit:preview'>): Response<'audit:preview'> {
    const { input, policy, audit } = this.cache.base();
    // Nothing changed (a dialog just opened): the numbers are the audit's own, no rules run again.
    const same = (a: unknown, b: unknown): boolean => a === undefined || JSON.stringify(a) === JSON.stringify(b);
    if (!request.details && same(request.sharing, input.sharing) && same(request.policy, policy))
      return { before: numbers(audit), after: numbers(audit) };
    // As saving would keep them (shared/my-details.ts): an unchanged email stays primary or not.
    const details = request.details && mergeDeclaredDetails(input.myDetails, request.details, DECLARED_SOURCE);
    const after = previewNumbers(
      {
        ...input,
        sharing: request.sharing ?? input.sharing,
        myDetails: details ?? input.myDetails,
      },
      this.now(),
      request.policy ?? policy,
    );
    return { before: numbers(audit), after };
  }
}
