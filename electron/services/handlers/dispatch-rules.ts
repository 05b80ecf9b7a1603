/**
 * How `AppService.dispatch` takes a request from outside: the channel and request validated, and
 * how it treats a channel beyond calling its handler: whether it waits for an
 * import holding the database, whether it may confirm revocations, whether it records a snapshot,
 * and when an import's owed snapshot is settled around it.
 */
import { contract, isChannel, type Channel, type ErrorInfo } from '../../../shared/contract';
import type { SnapshotCause } from '../../../shared/history';
import { AppError, toErrorInfo } from '../errors';

/**
 * Requests answered while an import holds the database: they do not touch it (another import is
 * refused at once as busy).
 */
export const UNHELD: ReadonlySet<Channel> = new Set([
  'import:cancel',
  'import:run',
  'demo:load',
  'app:info',
  'app:language',
  'app:theme',
  'import:inspect',
  'dialog:openImport',
]);

/** Writes that change what the user declares: a revocation no export can prove may be confirmed by them. */
export const DECLARATIONS: ReadonlySet<Channel> = new Set([
  'sharing:set',
  'sharing:import',
  'grant:set',
  'exclusion:set',
  'details:set',
]);

/** Writes after which the audit's numbers are kept as a snapshot (the trend), and what they changed. */
export const SNAPSHOT_CAUSE: Partial<Record<Channel, SnapshotCause>> = {
  'sharing:set': 'sharing',
  'sharing:import': 'sharing',
  'grant:set': 'release',
  'exclusion:set': 'release',
  'policy:set': 'policy',
  'details:set': 'details',
  'revocation:applied': 'revocation',
  'session:decide': 'revocation',
};

/**
 * Requests that neither write nor read snapshots: an import's owed snapshot is recorded before them only
 * if the audit is computed already (after them too, once they computed it). Before any other request it
 * is recorded first, computing the audit if need be.
 */
export const SETTLE_WHEN_CHEAP: ReadonlySet<Channel> = new Set([
  ...UNHELD,
  'audit:get',
  'audit:summary',
  'audit:preview',
  'findings:list',
  'revocations:list',
  'revocation:preview',
  'revocation:history',
  'details:get',
  'people:list',
  'policy:get',
  'policy:export',
  'settings:get',
  'sharing:get',
  'sharing:export',
  'plan:get',
  'session:get',
  'import:history',
  'shell:openExternal',
  'data:forget',
]);

/**
 * A request from outside (IPC, HTTP), validated: its channel and the request as the contract parses it,
 * or the error envelope that answers it.
 */
export function parseRequest(
  channel: unknown,
  payload: unknown,
): { ok: true; channel: Channel; request: unknown } | { ok: false; error: ErrorInfo } {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: toErrorInfo(
        new AppError('UNKNOWN_CHANNEL', 'error.UNKNOWN_CHANNEL', { channel: String(channel).slice(0, 100) }),
      ),
    };
  }
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: toErrorInfo(
        new AppError('BAD_REQUEST', 'error.BAD_REQUEST', {
          channel,
          detail: issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : '',
        }),
      ),
    };
  }
  return { ok: true, channel, request: parsed.data };
}
